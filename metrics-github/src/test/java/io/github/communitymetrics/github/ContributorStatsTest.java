package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.forge.NotReadyException;
import io.github.communitymetrics.forge.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GitHubSource#contributorStats}: a loopback server computing (202) before it answers. */
class ContributorStatsTest {
  private static final String PATH = "/repos/acme/widget/stats/contributors";
  private static final RetryPolicy POLLS = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3), 0);

  /** Two contributors in the shape of GitHub's documented example (w in epoch seconds). */
  private static final String BODY =
      "[{\"author\": {\"login\": \"octocat\", \"id\": 1, \"type\": \"User\"}, \"total\": 135, \"weeks\": ["
          + "{\"w\": 1367712000, \"a\": 6898, \"d\": 77, \"c\": 10}, {\"w\": 1368316800, \"a\": 0, \"d\": 0, \"c\": 0}]},"
          + " {\"author\": {\"login\": \"dependabot[bot]\", \"id\": 49699333, \"type\": \"Bot\"}, \"total\": 3, \"weeks\": ["
          + "{\"w\": 1367712000, \"a\": 12, \"d\": 12, \"c\": 3}]}]";

  private WireMockServer server;
  private final List<Duration> sleeps = new ArrayList<>();

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
    return GitHubSource.builder().apiUrl(URI.create(server.baseUrl())).sleeper(sleeps::add).build();
  }

  /** 202 (empty body, as GitHub sends while computing) {@code accepted} times, then {@code last}. */
  private void answers(int accepted, int lastStatus, String lastBody) {
    String state = Scenario.STARTED;
    for (int i = 0; i < accepted; i++) {
      server.stubFor(
          get(urlEqualTo(PATH))
              .inScenario("stats")
              .whenScenarioStateIs(state)
              .willSetStateTo("polled " + i)
              .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
      state = "polled " + i;
    }
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("stats")
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(lastStatus).withHeader("Content-Type", "application/json").withBody(lastBody)));
  }

  @Test
  void acceptedTwiceThenTheWeeklyStatistics() {
    answers(2, 200, BODY);
    List<ContributorStats> stats = source().contributorStats(GitHubTarget.parse("acme/widget"), POLLS);
    Actor octocat = new Actor(Forge.GITHUB, Optional.of("octocat"), OptionalLong.of(1), Optional.empty(), List.of(), ActorKind.USER);
    Actor bot =
        new Actor(Forge.GITHUB, Optional.of("dependabot[bot]"), OptionalLong.of(49699333), Optional.empty(), List.of(), ActorKind.BOT);
    // 1367712000 = 2013-05-05T00:00:00Z (a Sunday), 1368316800 one week later.
    Instant week1 = Instant.parse("2013-05-05T00:00:00Z");
    assertEquals(
        List.of(
            new ContributorStats(
                octocat,
                135,
                List.of(
                    new ContributorStats.Week(week1, 6898, 77, 10),
                    new ContributorStats.Week(week1.plus(Duration.ofDays(7)), 0, 0, 0))),
            new ContributorStats(bot, 3, List.of(new ContributorStats.Week(week1, 12, 12, 3)))),
        stats);
    server.verify(3, getRequestedFor(urlEqualTo(PATH)));
    // No jitter: 1 s, then doubled.
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
  }

  @Test
  void stillComputingAfterEveryPollIsNotReady() {
    answers(4, 200, BODY);
    NotReadyException e =
        assertThrows(NotReadyException.class, () -> source().contributorStats(GitHubTarget.parse("acme/widget"), POLLS));
    assertEquals(4, e.polls());
    assertEquals(URI.create(server.baseUrl() + PATH), e.uri());
    server.verify(4, getRequestedFor(urlEqualTo(PATH)));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)), sleeps);
  }

  @Test
  void anEmptyRepositoryHasNoStatistics() {
    answers(0, 204, "");
    assertEquals(List.of(), source().contributorStats(GitHubTarget.parse("acme/widget"), POLLS));
  }

  @Test
  void anOwnerIsNotARepository() {
    assertThrows(IllegalArgumentException.class, () -> source().contributorStats(GitHubTarget.parse("acme")));
  }
}
