package io.raycluster.contract.client;

import java.time.Duration;

/** Waits between attempts; tests replace it to record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
