package io.raycluster.contract.conformance.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signature nonces seen within a time window, so that a replayed request is refused
 * as the real service refuses it. The server keeps nonces for twice the date tolerance: a date is
 * accepted up to 15 minutes either side of the clock, so a nonce must be remembered for 30
 * minutes before its request is surely refused for its date. Memory is bounded twice: entries
 * older than the window are dropped, and the number of entries has a ceiling.
 */
final class NonceCache {
  enum Outcome { FRESH, REUSED, FULL }

  private final Duration window;
  private final int maxEntries;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private volatile Instant nextPurge = Instant.MIN;

  NonceCache(Duration window, int maxEntries) {
    this.window = window;
    this.maxEntries = maxEntries;
  }

  /** Records {@code nonce} as used at {@code now}; says whether it was fresh. Thread-safe. */
  Outcome use(String nonce, Instant now) {
    purgeIfDue(now);
    if (seen.size() >= maxEntries) {
      purge(now);
      if (seen.size() >= maxEntries) {
        return Outcome.FULL;
      }
    }
    Instant previous = seen.putIfAbsent(nonce, now);
    if (previous == null) {
      return Outcome.FRESH;
    }
    if (previous.isBefore(now.minus(window))) {
      // Seen, but so long ago that it has expired: this use counts as fresh.
      return seen.replace(nonce, previous, now) ? Outcome.FRESH : Outcome.REUSED;
    }
    return Outcome.REUSED;
  }

  int size() {
    return seen.size();
  }

  private void purgeIfDue(Instant now) {
    if (now.isAfter(nextPurge)) {
      nextPurge = now.plusSeconds(30);
      purge(now);
    }
  }

  private void purge(Instant now) {
    Instant oldest = now.minus(window);
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(oldest)) {
        it.remove();
      }
    }
  }
}
