package io.raycluster.contract.conformance.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the signature nonces seen within a time window, so that a replayed request is refused
 * as the real service refuses it. The server keeps nonces for twice the date tolerance: a date is
 * accepted up to 15 minutes either side of the clock, so a nonce must be remembered for 30
 * minutes before its request is surely refused for its date.
 *
 * <p>Memory is bounded in bytes, not only in entries: each nonce is charged an estimate of the
 * heap it takes (its characters plus the map entry, the string and the time around them), and a
 * nonce that would pass {@code maxBytes} is refused ({@link Outcome#FULL}) until old ones expire.
 * The verifier also refuses nonces longer than {@link RequestVerifier#MAX_NONCE_LENGTH}, so one
 * request can never cost more than a few hundred bytes.
 */
final class NonceCache {
  enum Outcome { FRESH, REUSED, FULL }

  /** 64 MiB: about 400,000 of the vendor's 32-digit nonces, far more than a test run signs in 30 minutes. */
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  /**
   * What one entry costs besides the nonce's characters, measured on a 64-bit JVM with compressed
   * pointers: the map node (32), its table slot (about 8), the String (24), the array header (16)
   * and the boxed time (16).
   */
  static final int ENTRY_OVERHEAD = 96;

  private final Duration window;
  private final int maxEntries;
  private final long maxBytes;
  /** Nonce to the epoch millisecond it was used at. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long nextPurge = Long.MIN_VALUE;

  NonceCache(Duration window, int maxEntries, long maxBytes) {
    this.window = window;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The heap one remembered nonce is charged: two bytes a character (never less than the JVM uses) and the entry. */
  static long cost(String nonce) {
    return ENTRY_OVERHEAD + 2L * nonce.length();
  }

  /** Records {@code nonce} as used at {@code now}; says whether it was fresh. Thread-safe. */
  Outcome use(String nonce, Instant now) {
    long at = now.toEpochMilli();
    long oldest = at - window.toMillis();
    purgeIfDue(at);
    Long previous = seen.get(nonce);
    if (previous != null && previous >= oldest) {
      // A replay is said to be one even when the memory is full.
      return Outcome.REUSED;
    }
    long cost = cost(nonce);
    if (previous == null && (seen.size() >= maxEntries || bytes.get() + cost > maxBytes)) {
      purge(oldest);
      if (seen.size() >= maxEntries || bytes.get() + cost > maxBytes) {
        return Outcome.FULL;
      }
    }
    previous = seen.putIfAbsent(nonce, at);
    if (previous == null) {
      bytes.addAndGet(cost);
      return Outcome.FRESH;
    }
    if (previous < oldest) {
      // Seen, but so long ago that it has expired: this use counts as fresh.
      return seen.replace(nonce, previous, at) ? Outcome.FRESH : Outcome.REUSED;
    }
    return Outcome.REUSED;
  }

  int size() {
    return seen.size();
  }

  /** The bytes charged for the nonces remembered now. */
  long bytes() {
    return bytes.get();
  }

  private void purgeIfDue(long at) {
    if (at > nextPurge) {
      nextPurge = at + 30_000;
      purge(at - window.toMillis());
    }
  }

  private void purge(long oldest) {
    for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() < oldest && seen.remove(e.getKey(), e.getValue())) {
        bytes.addAndGet(-cost(e.getKey()));
      }
    }
  }
}
