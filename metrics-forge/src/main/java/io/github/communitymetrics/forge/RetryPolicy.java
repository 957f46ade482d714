package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter for transient failures (5xx, connection resets, timeouts).
 * The delay before retry {@code n} (1-based) is {@code min(maxDelay, initialDelay * 2^(n-1))},
 * scaled by a random factor in {@code [1 - jitter, 1]} so that many clients do not retry in step.
 *
 * @param maxAttempts attempts in all, the first included (1 means no retry)
 * @param initialDelay the delay before the first retry
 * @param maxDelay the cap on any delay
 * @param jitter the fraction of the delay that is random, in [0, 1]
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

  /** Checks the arguments. */
  public RetryPolicy {
    Args.positive(maxAttempts, "maxAttempts");
    Args.notNegative(initialDelay, "initialDelay");
    Args.notNegative(maxDelay, "maxDelay");
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " must not be below initialDelay " + initialDelay);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1] but was " + jitter);
    }
  }

  /**
   * Six attempts, 1 s doubling to at most 60 s, half of each delay random: rides out a burst of
   * 5xx of about two minutes.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5);
  }

  /**
   * No retry at all.
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  /**
   * This policy with another number of attempts.
   *
   * @param attempts attempts in all, positive
   * @return a new policy
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, jitter);
  }

  /**
   * The delay before retry {@code retry}.
   *
   * @param retry the retry number, 1 for the first retry
   * @param random the source of jitter
   * @return the delay, in {@code [(1 - jitter) * base, base]} with {@code base} the capped
   *     exponential delay
   */
  public Duration delay(int retry, RandomGenerator random) {
    Args.positive(retry, "retry");
    long initial = initialDelay.toMillis();
    long cap = maxDelay.toMillis();
    long base = initial;
    for (int i = 1; i < retry && base < cap; i++) {
      base = base > cap / 2 ? cap : base * 2;
    }
    base = Math.min(base, cap);
    long jittered = base - (long) Math.floor(base * jitter * random.nextDouble());
    return Duration.ofMillis(jittered);
  }
}
