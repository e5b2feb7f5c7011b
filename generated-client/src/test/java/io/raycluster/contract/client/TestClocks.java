package io.raycluster.contract.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Deterministic clocks and nonce sources for signing tests. */
final class TestClocks {
  private TestClocks() {}

  /** A clock that starts at {@code start} and moves {@code step} forward each time it is read. */
  static Clock stepping(Instant start, Duration step) {
    AtomicReference<Instant> now = new AtomicReference<>(start);
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.getAndUpdate(i -> i.plus(step));
      }
    };
  }

  /** nonce-1, nonce-2, ... */
  static Supplier<String> countingNonces() {
    AtomicInteger n = new AtomicInteger();
    return () -> "nonce-" + n.incrementAndGet();
  }
}
