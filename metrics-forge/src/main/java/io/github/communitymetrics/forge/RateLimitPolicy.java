package io.github.communitymetrics.forge;

/** What to do when the forge says the rate limit is exhausted. */
public enum RateLimitPolicy {
  /** Wait until the limit resets (or the forge's {@code Retry-After}), then go on. */
  WAIT,
  /** Throw {@link RateLimitedException} at once, naming the reset instant. */
  FAIL_FAST
}
