package io.github.communitymetrics.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.RateLimitPolicy;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback WireMock server plays GitLab (pages chained by {@code X-Next-Page} only) with faults
 * on the second starrers page; each run must give exactly the events of a clean run.
 */
class FaultInjectionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SECRET = "glpat-loopback-secret";
  private static final String PAGE1 = "/api/v4/projects/7/starrers?per_page=100";
  private static final String PAGE2 = "/api/v4/projects/7/starrers?per_page=100&page=2";
  private static final FetchOptions OPTIONS =
      FetchOptions.all().withResources(EnumSet.of(GitLabResource.STARRERS, GitLabResource.FORKS));

  private WireMockServer server;
  private final List<Duration> sleeps = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/acme%2Fwidget"))
            .willReturn(ok(FakeGitLab.project(7, "acme/widget"))));
    server.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                ok("[" + FakeGitLab.star(1) + "," + FakeGitLab.star(2) + "]")
                    .withHeader("X-Next-Page", "2")
                    .withHeader("RateLimit-Remaining", "599")));
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/7/forks?order_by=created_at&sort=asc&per_page=100"))
            .willReturn(ok("[" + FakeGitLab.fork(3) + "]").withHeader("X-Next-Page", "")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** Page 2 answers the faults in order, then its content. */
  private void page2(ResponseDefinitionBuilder... faults) {
    String state = Scenario.STARTED;
    for (int i = 0; i < faults.length; i++) {
      server.stubFor(
          get(urlEqualTo(PAGE2)).inScenario("page2").whenScenarioStateIs(state)
              .willSetStateTo("after " + i).willReturn(faults[i]));
      state = "after " + i;
    }
    server.stubFor(
        get(urlEqualTo(PAGE2)).inScenario("page2").whenScenarioStateIs(state)
            .willReturn(ok("[" + FakeGitLab.star(3) + "]").withHeader("X-Next-Page", "")));
  }

  private GitLabSource source(Duration requestTimeout, RateLimitPolicy policy) {
    return GitLabSource.builder()
        .baseUrl(URI.create(server.baseUrl()))
        .privateToken(Token.of(SECRET, "TEST"))
        .sender(HttpSender.jdk(Duration.ofSeconds(5), requestTimeout))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .random(new SplittableRandom(3))
        .rateLimitPolicy(policy)
        .retryPolicy(new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), 0))
        .build();
  }

  private List<Event> fetch() {
    List<Event> events = new ArrayList<>();
    source(Duration.ofSeconds(5), RateLimitPolicy.WAIT)
        .fetch(GitLabTarget.project("acme/widget"), OPTIONS, events::add);
    return events;
  }

  private List<Event> clean() {
    page2();
    List<Event> events = fetch();
    server.resetScenarios();
    sleeps.clear();
    return events;
  }

  @Test
  void connectionResetAndBrokenBodyAreRetried() {
    List<Event> expected = clean();
    assertEquals(4, expected.size());
    page2(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
    assertEquals(expected, fetch());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
  }

  @Test
  void burstOf502IsRetriedAndTooManyFailTyped() {
    List<Event> expected = clean();
    page2(aResponse().withStatus(502), aResponse().withStatus(502), aResponse().withStatus(503));
    assertEquals(expected, fetch());
    assertEquals(3, sleeps.size());
    server.resetScenarios();
    page2(aResponse().withStatus(502), aResponse().withStatus(502), aResponse().withStatus(502),
        aResponse().withStatus(502), aResponse().withStatus(502), aResponse().withStatus(502));
    ServerErrorException e = assertThrows(ServerErrorException.class, this::fetch);
    assertTrue(e.getMessage().contains("/starrers"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void status429WithRetryAfterOrRateLimitResetWaits() {
    List<Event> expected = clean();
    page2(
        aResponse().withStatus(429).withHeader("Retry-After", "3")
            .withBody("Retry later"),
        aResponse().withStatus(429)
            .withHeader("RateLimit-Remaining", "0")
            .withHeader("RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 100))
            .withBody("Retry later"));
    assertEquals(expected, fetch());
    assertEquals(Duration.ofSeconds(3), sleeps.get(0));
    assertEquals(2, sleeps.size(), sleeps.toString());
    assertTrue(sleeps.get(1).compareTo(Duration.ofSeconds(100)) >= 0, sleeps.toString());
  }

  @Test
  void status429WithoutHeadersWaitsTheSecondaryBackoff() {
    List<Event> expected = clean();
    page2(aResponse().withStatus(429).withBody("Retry later"), aResponse().withStatus(429));
    assertEquals(expected, fetch());
    // ForgeHttpClient's documented default for a limit that names no wait: 1 min, doubling.
    assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), sleeps);
  }

  @Test
  void failPolicyThrowsTypedRateLimitWithTheReset() {
    clean();
    page2(aResponse().withStatus(429)
        .withHeader("RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 100)));
    RateLimitedException e =
        assertThrows(RateLimitedException.class,
            () -> source(Duration.ofSeconds(5), RateLimitPolicy.FAIL_FAST)
                .fetch(GitLabTarget.project("acme/widget"), OPTIONS, x -> {}));
    assertEquals(NOW.plusSeconds(100), e.resetAt().orElseThrow());
  }

  @Test
  void slowServerTimesOutAndIsRetried() {
    List<Event> expected = clean();
    page2(ok("[]").withFixedDelay(3000));
    List<Event> events = new ArrayList<>();
    source(Duration.ofMillis(300), RateLimitPolicy.WAIT)
        .fetch(GitLabTarget.project("acme/widget"), OPTIONS, events::add);
    assertEquals(expected, events);
    assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
  }

  @Test
  void malformedJsonFailsNamingTheUrlAndAResumedFetchCompletes() {
    List<Event> expected = clean();
    page2(ok("[{\"starred_since\": "));
    FetchOptions options = OPTIONS.withCheckpointDirectory(dir);
    List<Event> events = new ArrayList<>();
    GitLabSource source = source(Duration.ofSeconds(5), RateLimitPolicy.WAIT);
    MalformedResponseException e =
        assertThrows(MalformedResponseException.class,
            () -> source.fetch(GitLabTarget.project("acme/widget"), options, events::add));
    assertTrue(e.getMessage().contains(PAGE2), e.getMessage());
    assertEquals(2, events.size());
    source.fetch(GitLabTarget.project("acme/widget"), options, events::add);
    assertEquals(expected, events);
  }
}
