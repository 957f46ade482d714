package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.RateLimitClassifier;
import io.github.communitymetrics.forge.internal.RateLimitSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's rate-limit answers, as documented in "Rate limits for the REST API": a primary limit is
 * 403 or 429 with {@code X-RateLimit-Remaining: 0} and the reset in {@code X-RateLimit-Reset}
 * (epoch seconds); a secondary limit is 403 or 429 with {@code Retry-After} (seconds), or a 403
 * whose message names the secondary (formerly "abuse") limit, or any other 429. GraphQL's primary
 * limit is also HTTP 200 with an {@code errors} element of {@code "type": "RATE_LIMITED"} from the
 * {@code /graphql} endpoint.
 */
public final class GitHubRateLimits implements RateLimitClassifier {

  @Override
  public Optional<RateLimitSignal> classify(ForgeResponse response) {
    int status = response.status();
    if (status == 200 && isGraphQlRateLimited(response)) {
      // GraphQL's primary limit (points per hour) answers 200 with an error of type RATE_LIMITED
      // and the same X-RateLimit-* headers: the same policy applies.
      return Optional.of(
          new RateLimitSignal(
              RateLimitSignal.Kind.PRIMARY,
              response.longHeader("X-RateLimit-Reset").map(Instant::ofEpochSecond),
              Optional.empty()));
    }
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter =
        response.longHeader("Retry-After").filter(s -> s >= 0).map(Duration::ofSeconds);
    Optional<Instant> reset = response.longHeader("X-RateLimit-Reset").map(Instant::ofEpochSecond);
    if (retryAfter.isPresent()) {
      return Optional.of(new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, reset, retryAfter));
    }
    if (response.longHeader("X-RateLimit-Remaining").filter(r -> r == 0).isPresent()) {
      return Optional.of(new RateLimitSignal(RateLimitSignal.Kind.PRIMARY, reset, Optional.empty()));
    }
    String body = response.body().toLowerCase(Locale.ROOT);
    if (status == 429 || body.contains("secondary rate limit") || body.contains("abuse")) {
      return Optional.of(
          new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, Optional.empty(), Optional.empty()));
    }
    return Optional.empty();
  }

  private static boolean isGraphQlRateLimited(ForgeResponse response) {
    String path = response.uri().getPath();
    return path != null
        && path.endsWith("/graphql")
        && RATE_LIMITED.matcher(response.body()).find();
  }

  private static final java.util.regex.Pattern RATE_LIMITED =
      java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"RATE_LIMITED\"");
}
