package io.github.communitymetrics.github.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.Links;
import io.github.communitymetrics.forge.internal.RateLimitSignal;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksAndLimitsTest {
  private static final URI URL = URI.create("https://api.github.com/repos/a/b/forks");

  private static ForgeResponse response(int status, Map<String, List<String>> headers, String body) {
    return new ForgeResponse(status, URL, headers, body);
  }

  @Test
  void nextLinkAmongOthers() {
    ForgeResponse r =
        response(
            200,
            Map.of(
                "link",
                List.of(
                    "<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\","
                        + " <https://api.github.com/x?page=9>; rel=\"last\"")),
            "[]");
    assertEquals(Optional.of(URI.create("https://api.github.com/x?page=3")), Links.next(r));
    assertEquals(
        Optional.empty(),
        Links.next(response(200, Map.of("Link", List.of("<https://h/x?page=9>; rel=\"last\"")), "[]")));
    assertEquals(Optional.empty(), Links.next(response(200, Map.of(), "[]")));
  }

  @Test
  void gitHubRateLimitKinds() {
    GitHubRateLimits c = new GitHubRateLimits();
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.PRIMARY, Optional.of(Instant.ofEpochSecond(1700000000)), Optional.empty())),
        c.classify(response(403, Map.of("X-RateLimit-Remaining", List.of("0"), "X-RateLimit-Reset", List.of("1700000000")), "")));
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, Optional.empty(), Optional.of(Duration.ofSeconds(30)))),
        c.classify(response(429, Map.of("Retry-After", List.of("30")), "")));
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, Optional.empty(), Optional.empty())),
        c.classify(response(403, Map.of(), "{\"message\":\"You have exceeded a secondary rate limit\"}")));
    // A plain permission refusal is not a rate limit.
    assertEquals(
        Optional.empty(),
        c.classify(response(403, Map.of("X-RateLimit-Remaining", List.of("4000")), "{\"message\":\"Must have admin rights\"}")));
    assertEquals(Optional.empty(), c.classify(response(500, Map.of("Retry-After", List.of("1")), "")));
  }

  @Test
  void tokenPoolPrefersTheTokenWithMostRequestsLeft() {
    Token a = Token.of("aaaa1111", "A");
    Token b = Token.of("bbbb2222", "B");
    TokenPool pool = new TokenPool(List.of(a, b));
    ForgeRequest first = pool.authenticate(ForgeRequest.get(URL));
    assertEquals("Bearer aaaa1111", first.headers().get("Authorization"));
    pool.onResponse(first, response(200, Map.of("X-RateLimit-Remaining", List.of("10")), "[]"));
    ForgeRequest second = pool.authenticate(ForgeRequest.get(URL));
    assertEquals("Bearer bbbb2222", second.headers().get("Authorization"));
    pool.onResponse(second, response(200, Map.of("X-RateLimit-Remaining", List.of("5")), "[]"));
    assertEquals("Bearer aaaa1111", pool.authenticate(ForgeRequest.get(URL)).headers().get("Authorization"));
    assertEquals(Map.of("A", 10L, "B", 5L), pool.remainingByLabel());
    assertEquals("TokenPool[Token[A, ****], Token[B, ****]]", pool.toString());
  }
}
