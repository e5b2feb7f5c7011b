package io.raycluster.contract.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a call again. GetRayCluster is a read, so a retry is
 * safe: on a throttling code (whatever the HTTP status) or 429, on 5xx, and when no response
 * arrived (connection refused or reset, a read timeout). Never on other 4xx.
 *
 * <p>The wait before attempt {@code n+1} is exponential with "equal jitter": half of
 * {@code min(maxDelay, baseDelay * 2^(n-1))} plus a random part up to the other half. When a
 * throttled response names its wait ({@code x-ratelimit-user} or {@code x-ratelimit-user-api}
 * {@code TimeLeft:<ms>}), the wait is at least that, capped at {@link #maxThrottleWait()}.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxThrottleWait;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.maxThrottleWait = b.maxThrottleWait;
    this.sleeper = b.sleeper;
    this.random = b.random;
  }

  /** 3 attempts, 200 ms base delay, 5 s maximum backoff, throttling waits up to 10 s. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt: no retries. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().maxAttempts(maxAttempts).baseDelay(baseDelay).maxDelay(maxDelay)
        .maxThrottleWait(maxThrottleWait).sleeper(sleeper).random(random);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public Duration maxThrottleWait() {
    return maxThrottleWait;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** The backoff before attempt {@code failedAttempt + 1}. */
  Duration backoff(int failedAttempt) {
    long cap = maxDelay.toMillis();
    long exp = baseDelay.toMillis() << Math.min(failedAttempt - 1, 30);
    long d = Math.min(cap, exp < 0 ? cap : exp);
    long half = d / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (d - half)));
  }

  /** The wait for a throttled response whose rate-limit header named {@code timeLeftMillis} (or -1). */
  Duration throttleWait(int failedAttempt, long timeLeftMillis) {
    Duration wait = backoff(failedAttempt);
    if (timeLeftMillis > wait.toMillis()) {
      wait = Duration.ofMillis(timeLeftMillis);
    }
    return wait.compareTo(maxThrottleWait) > 0 ? maxThrottleWait : wait;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + ", maxThrottleWait=" + maxThrottleWait + "}";
  }

  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Duration maxThrottleWait = Duration.ofSeconds(10);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Attempts in all, the first included (1 = no retry). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    public Builder baseDelay(Duration d) {
      this.baseDelay = nonNegative("baseDelay", d);
      return this;
    }

    public Builder maxDelay(Duration d) {
      this.maxDelay = nonNegative("maxDelay", d);
      return this;
    }

    /** The longest wait a rate-limit header can ask for. */
    public Builder maxThrottleWait(Duration d) {
      this.maxThrottleWait = nonNegative("maxThrottleWait", d);
      return this;
    }

    /** How to wait; tests record instead of sleeping. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Source of jitter in [0, 1). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
