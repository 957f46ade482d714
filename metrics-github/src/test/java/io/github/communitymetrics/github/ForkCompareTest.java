package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.core.metrics.forks.Divergence.Reason;
import io.github.communitymetrics.forge.AuthenticationException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GitHubSource#compareFork}: a loopback server answering with bodies in the shape of
 * GitHub's compare, repository and branch endpoints (resources {@code compare/}), and with its
 * errors (a plain 404, "No common ancestor", "this diff is taking too long to generate").
 */
class ForkCompareTest {
  private static final String SECRET = "ghp_compareSecret0123456789abcdefABCDEF";
  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
  private static final String COMPARE = "/repos/acme/widget/compare/main...bob:gizmo:main?per_page=1";
  private static final Repository WIDGET = Repository.github("acme/widget");
  private static final Repository GIZMO = Repository.github("bob/gizmo");
  private static final GitHubTarget UPSTREAM = GitHubTarget.parse("acme/widget");
  private static final GitHubTarget FORK = GitHubTarget.parse("bob/gizmo");

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private GitHubSource source() {
    return GitHubSource.builder()
        .apiUrl(URI.create(server.baseUrl()))
        .token(Token.of(SECRET, "TEST_TOKEN"))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(d -> { })
        .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0))
        .build();
  }

  private static String fixture(String name) {
    try (InputStream in = ForkCompareTest.class.getResourceAsStream("compare/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void answer(String url, int status, String fixture) {
    server.stubFor(get(urlEqualTo(url)).willReturn(
        aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(fixture(fixture))));
  }

  private static Divergence.Unknown unknown(Reason reason, String detail) {
    return new Divergence.Unknown(GIZMO, WIDGET, NOW, Divergence.Source.GITHUB_COMPARE, reason, detail);
  }

  @Test
  void aDivergedForkHasItsCountsFromTheForksDefaultBranch() {
    answer("/repos/bob/gizmo", 200, "fork.json");
    answer(COMPARE, 200, "diverged.json");
    Divergence d = source().compareFork(UPSTREAM, "main", FORK, Optional.empty());
    assertEquals(new Divergence.Measured(GIZMO, WIDGET, NOW, Divergence.Source.GITHUB_COMPARE, "main", "bob:gizmo:main",
        12, 3, Optional.of("9a3e5c1b7d2f4a6e8c0b2d4f6a8c0e2b4d6f8a0c")), d);
    // Two requests, each with the token (the API's own origin).
    server.verify(1, getRequestedFor(urlEqualTo(COMPARE)).withHeader("Authorization", equalTo("Bearer " + SECRET)));
    server.verify(1, getRequestedFor(urlEqualTo("/repos/bob/gizmo")));
    assertEquals(2, server.getAllServeEvents().size());
    assertFalse(d.toString().contains(SECRET));
  }

  @Test
  void aForkOnlyBehindIsMeasuredWithZeroAhead() {
    answer(COMPARE, 200, "behind.json");
    Divergence d = source().compareFork(UPSTREAM, "main", FORK, Optional.of("main"));
    assertEquals(new Divergence.Measured(GIZMO, WIDGET, NOW, Divergence.Source.GITHUB_COMPARE, "main", "bob:gizmo:main",
        0, 40, Optional.of("9a3e5c1b7d2f4a6e8c0b2d4f6a8c0e2b4d6f8a0c")), d);
    assertEquals("behind", ((Divergence.Measured) d).status());
  }

  @Test
  void aMissingForkIsNotFoundAndNothingIsCompared() {
    answer("/repos/bob/gizmo", 404, "not-found.json");
    assertEquals(unknown(Reason.FORK_NOT_FOUND, "GitHub answered 404 for the fork bob/gizmo"),
        source().compareFork(UPSTREAM, "main", FORK, Optional.empty()));
    server.verify(0, getRequestedFor(urlEqualTo(COMPARE)));
  }

  @Test
  void aForkDeletedBetweenItsBranchAndTheComparisonIsNotFound() {
    answer(COMPARE, 404, "not-found.json");
    answer("/repos/bob/gizmo", 404, "not-found.json");
    assertEquals(unknown(Reason.FORK_NOT_FOUND, "GitHub answered 404 for the fork bob/gizmo"),
        source().compareFork(UPSTREAM, "main", FORK, Optional.of("main")));
  }

  @Test
  void aBranchGoneIsBranchNotFound() {
    String compare = "/repos/acme/widget/compare/main...bob:gizmo:feature/x%20y?per_page=1";
    answer(compare, 404, "not-found.json");
    answer("/repos/bob/gizmo", 200, "fork.json");
    answer("/repos/bob/gizmo/branches/feature/x%20y", 404, "not-found.json");
    assertEquals(unknown(Reason.BRANCH_NOT_FOUND, "the fork has no branch feature/x y"),
        source().compareFork(UPSTREAM, "main", FORK, Optional.of("feature/x y")));
    server.verify(1, getRequestedFor(urlEqualTo(compare)));
  }

  @Test
  void anUpstreamBranchGoneIsBranchNotFound() {
    String compare = "/repos/acme/widget/compare/trunk...bob:gizmo:main?per_page=1";
    answer(compare, 404, "not-found.json");
    answer("/repos/bob/gizmo", 200, "fork.json");
    answer("/repos/bob/gizmo/branches/main", 200, "branch.json");
    answer("/repos/acme/widget/branches/trunk", 404, "not-found.json");
    assertEquals(unknown(Reason.BRANCH_NOT_FOUND, "the upstream has no branch trunk"),
        source().compareFork(UPSTREAM, "trunk", FORK, Optional.of("main")));
  }

  @Test
  void noCommonAncestorIsNoCommonHistoryNeverZero() {
    answer(COMPARE, 404, "no-common-ancestor.json");
    answer("/repos/bob/gizmo", 200, "fork.json");
    answer("/repos/bob/gizmo/branches/main", 200, "branch.json");
    answer("/repos/acme/widget/branches/main", 200, "branch.json");
    assertEquals(unknown(Reason.NO_COMMON_HISTORY, "acme/widget:main and bob/gizmo:main share no commit"),
        source().compareFork(UPSTREAM, "main", FORK, Optional.of("main")));
  }

  @Test
  void aComparisonTooLongToGenerateIsTooLargeAfterTheRetries() {
    answer(COMPARE, 500, "too-long.json");
    Divergence d = source().compareFork(UPSTREAM, "main", FORK, Optional.of("main"));
    assertEquals(Reason.TOO_LARGE, ((Divergence.Unknown) d).reason());
    // The retry policy's three attempts, then no count.
    server.verify(3, getRequestedFor(urlEqualTo(COMPARE)));
  }

  @Test
  void divergedWithoutCountsIsNoCount() {
    answer(COMPARE, 200, "diverged-without-counts.json");
    assertEquals(unknown(Reason.UNAVAILABLE, "GitHub said diverged but counted 0 ahead and 0 behind"),
        source().compareFork(UPSTREAM, "main", FORK, Optional.of("main")));
  }

  @Test
  void aComparisonWithoutCountsIsMalformedNotZero() {
    server.stubFor(get(urlEqualTo(COMPARE)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"status\": \"identical\", \"total_commits\": 0}")));
    Divergence.Unknown d = (Divergence.Unknown) source().compareFork(UPSTREAM, "main", FORK, Optional.of("main"));
    assertEquals(Reason.UNAVAILABLE, d.reason());
  }

  @Test
  void aDisabledForkIsUnavailable() {
    server.stubFor(get(urlEqualTo(COMPARE)).willReturn(aResponse().withStatus(451)
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Repository access blocked\"}")));
    Divergence.Unknown d = (Divergence.Unknown) source().compareFork(UPSTREAM, "main", FORK, Optional.of("main"));
    assertEquals(Reason.UNAVAILABLE, d.reason());
    assertFalse(d.detail().contains(SECRET));
  }

  @Test
  void aWrongTokenStopsTheSessionWithoutShowingIt() {
    server.stubFor(get(urlEqualTo(COMPARE)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Bad credentials " + SECRET + "\"}")));
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> source().compareFork(UPSTREAM, "main", FORK, Optional.of("main")));
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void theUpstreamsDefaultBranchOrNoneWhenMissing() {
    answer("/repos/acme/widget", 200, "upstream.json");
    answer("/repos/acme/gone", 404, "not-found.json");
    assertEquals(Optional.of("main"), source().defaultBranch(UPSTREAM));
    assertEquals(Optional.empty(), source().defaultBranch(GitHubTarget.parse("acme/gone")));
  }

  @Test
  void anOwnerIsNotARepository() {
    assertThrows(IllegalArgumentException.class,
        () -> source().compareFork(GitHubTarget.parse("acme"), "main", FORK, Optional.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> source().compareFork(UPSTREAM, " ", FORK, Optional.empty()));
  }
}
