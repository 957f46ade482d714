package io.github.communitymetrics.forge;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** The rate limit is exhausted and the policy is {@link RateLimitPolicy#FAIL_FAST}. */
public class RateLimitedException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /** Epoch milliseconds of the reset, or {@code Long.MIN_VALUE} when unknown. */
  private final long resetAtMillis;

  /**
   * Creates an exception.
   *
   * @param message what limit was hit
   * @param uri the request's URI
   * @param resetAt when the limit resets, if known
   */
  public RateLimitedException(String message, URI uri, Optional<Instant> resetAt) {
    super(message, uri, null);
    this.resetAtMillis = resetAt.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
  }

  /**
   * When the limit resets.
   *
   * @return the reset instant, or empty when the forge did not say
   */
  public Optional<Instant> resetAt() {
    return resetAtMillis == Long.MIN_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(resetAtMillis));
  }
}
