package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.RetryPolicy;
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
 * A loopback WireMock server plays GitHub with faults on the second stargazer page; each run must
 * give exactly the events of a clean run.
 */
class FaultInjectionTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String PAGE1 = "/repos/acme/widget/stargazers?per_page=100";
  private static final String PAGE2 = "/repos/acme/widget/stargazers?per_page=100&page=2";

  private static final FetchOptions OPTIONS =
      FetchOptions.all().withResources(EnumSet.of(GitHubResource.STARGAZERS, GitHubResource.FORKS));

  private WireMockServer server;
  private final List<Duration> sleeps = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget"))
            .willReturn(ok("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    server.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                ok("[" + FakeGitHub.star(1) + "," + FakeGitHub.star(2) + "]")
                    .withHeader("Link", "<" + server.baseUrl() + PAGE2 + ">; rel=\"next\"")));
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget/forks?sort=oldest&per_page=100"))
            .willReturn(ok("[" + FakeGitHub.fork(1003) + "]")));
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
          get(urlEqualTo(PAGE2))
              .inScenario("page2")
              .whenScenarioStateIs(state)
              .willSetStateTo("after " + i)
              .willReturn(faults[i]));
      state = "after " + i;
    }
    server.stubFor(
        get(urlEqualTo(PAGE2))
            .inScenario("page2")
            .whenScenarioStateIs(state)
            .willReturn(ok("[" + FakeGitHub.star(3) + "]")));
  }

  private GitHubSource source(Duration requestTimeout) {
    return GitHubSource.builder()
        .apiUrl(URI.create(server.baseUrl()))
        .token(Token.of("loopback-secret", "TEST"))
        .sender(HttpSender.jdk(Duration.ofSeconds(5), requestTimeout))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .random(new SplittableRandom(3))
        .retryPolicy(new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), 0))
        .build();
  }

  private List<Event> fetch() {
    List<Event> events = new ArrayList<>();
    source(Duration.ofSeconds(5)).fetch(GitHubTarget.parse("acme/widget"), OPTIONS, events::add);
    return events;
  }

  private List<Event> clean() {
    page2();
    List<Event> events = fetch();
    server.resetScenarios();
    return events;
  }

  @Test
  void connectionResetAndBrokenBodyAreRetried() {
    List<Event> expected = clean();
    start0();
    page2(
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
    assertEquals(expected, fetch());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
  }

  @Test
  void burstOf502() {
    List<Event> expected = clean();
    assertEquals(4, expected.size());
    start0();
    page2(aResponse().withStatus(502), aResponse().withStatus(502), aResponse().withStatus(502));
    assertEquals(expected, fetch());
    assertEquals(3, sleeps.size());
  }

  @Test
  void secondaryLimitWithAndWithoutRetryAfter() {
    List<Event> expected = clean();
    start0();
    page2(
        aResponse().withStatus(403).withHeader("Retry-After", "3")
            .withBody("{\"message\":\"You have exceeded a secondary rate limit\"}"),
        aResponse().withStatus(403)
            .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait.\"}"),
        aResponse().withStatus(429));
    assertEquals(expected, fetch());
    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofMinutes(2)), sleeps);
  }

  @Test
  void primaryLimitWaitsForTheReset() {
    List<Event> expected = clean();
    start0();
    page2(
        aResponse().withStatus(403)
            .withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 100))
            .withBody("{\"message\":\"API rate limit exceeded\"}"));
    assertEquals(expected, fetch());
    assertEquals(List.of(Duration.ofSeconds(101)), sleeps);
  }

  @Test
  void slowServerTimesOutAndIsRetried() {
    List<Event> expected = clean();
    start0();
    page2(ok("[]").withFixedDelay(3000));
    List<Event> events = new ArrayList<>();
    source(Duration.ofMillis(300))
        .fetch(GitHubTarget.parse("acme/widget"), OPTIONS, events::add);
    assertEquals(expected, events);
    assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
  }

  @Test
  void malformedJsonFailsNamingTheUrlAndAResumedFetchCompletes() {
    List<Event> expected = clean();
    start0();
    page2(ok("[{\"starred_at\": "));
    FetchOptions options = OPTIONS.withCheckpointDirectory(dir);
    List<Event> events = new ArrayList<>();
    MalformedResponseException e =
        assertThrows(
            MalformedResponseException.class,
            () -> source(Duration.ofSeconds(5)).fetch(GitHubTarget.parse("acme/widget"), options, events::add));
    assertTrue(e.getMessage().contains(PAGE2), e.getMessage());
    assertEquals(2, events.size());
    source(Duration.ofSeconds(5)).fetch(GitHubTarget.parse("acme/widget"), options, events::add);
    assertEquals(expected, events);
  }

  /** Forgets the scenarios and sleeps of the clean run. */
  private void start0() {
    server.resetScenarios();
    sleeps.clear();
  }
}
