package io.github.communitymetrics.forge.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A response that says "slow down", as read by a forge's {@link RateLimitClassifier}.
 *
 * @param kind the primary (quota) or secondary (abuse, concurrency) limit
 * @param resetAt when the quota resets, if the forge said
 * @param retryAfter how long to wait, if the forge said ({@code Retry-After})
 */
public record RateLimitSignal(Kind kind, Optional<Instant> resetAt, Optional<Duration> retryAfter) {

  /** Which limit was hit. */
  public enum Kind {
    /** The quota of requests per hour (GitHub {@code X-RateLimit-Remaining: 0}). */
    PRIMARY,
    /** A limit on bursts or concurrency; GitHub's "secondary rate limit". */
    SECONDARY
  }

  /** Checks the arguments. */
  public RateLimitSignal {
    Args.notNull(kind, "kind");
    Args.notNull(resetAt, "resetAt");
    Args.notNull(retryAfter, "retryAfter");
    retryAfter.ifPresent(d -> Args.notNegative(d, "retryAfter"));
  }
}
