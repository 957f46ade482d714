package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ForgeResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a forge's rate-limit answers: each forge signals them differently (GitHub uses 403 or 429
 * with {@code X-RateLimit-*} or {@code Retry-After}; GitLab 429 with {@code RateLimit-Reset}).
 */
@FunctionalInterface
public interface RateLimitClassifier {

  /**
   * Whether this response is a rate-limit refusal, and what it says about waiting.
   *
   * @param response any response
   * @return the signal, or empty when the response is not a rate-limit refusal
   */
  Optional<RateLimitSignal> classify(ForgeResponse response);

  /**
   * The classifier of RFC 6585: a 429 is a secondary limit; {@code Retry-After} in seconds is
   * honoured, and a {@code RateLimit-Reset} or {@code X-RateLimit-Reset} header in epoch seconds
   * (GitLab, GitHub) gives the reset.
   *
   * @return the classifier
   */
  static RateLimitClassifier standard() {
    return response -> {
      if (response.status() != 429) {
        return Optional.empty();
      }
      Optional<Instant> reset =
          response
              .longHeader("RateLimit-Reset")
              .or(() -> response.longHeader("X-RateLimit-Reset"))
              .map(Instant::ofEpochSecond);
      Optional<Duration> retryAfter =
          response.longHeader("Retry-After").filter(s -> s >= 0).map(Duration::ofSeconds);
      return Optional.of(
          new RateLimitSignal(
              reset.isPresent() && retryAfter.isEmpty()
                  ? RateLimitSignal.Kind.PRIMARY
                  : RateLimitSignal.Kind.SECONDARY,
              reset,
              retryAfter));
    };
  }
}
