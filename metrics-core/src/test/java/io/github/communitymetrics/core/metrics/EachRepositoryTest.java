package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryLevel;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The all-repositories forms of the four peer-comparison metrics on hand-built events, with the
 * expected numbers worked out by hand below, and each entry equal to the one-repository form.
 *
 * <p>Window of the 30-day metrics: [2024-01-31, 2024-03-01). Repository A: alice, bob and a bot
 * star it, carol forks it, erin starred it before the window; bob opens pull request 1 in the
 * window (and 2 in November), the bot opens 3; alice opens issue 4 and bob answers two hours
 * later. B: alice opens pull requests 1 and 2, carol 3 (and alice 5 in November); carol opens
 * issue 4, unanswered. D: alice opens pull request 1. C: dave stars it, nothing else.
 */
class EachRepositoryTest {
  static final Repository A = Repository.github("o/a");
  static final Repository B = Repository.github("o/b");
  static final Repository C = Repository.github("o/stars-only");
  static final Repository D = Repository.github("o/d");
  private static final Actor ALICE = Actor.github("alice");
  private static final Actor BOB = Actor.github("bob");
  private static final Actor CAROL = Actor.github("carol");
  private static final Actor DAVE = Actor.github("dave");
  static final Actor ERIN = Actor.github("erin");
  private static final Actor BOT = Actor.github("dependabot[bot]").withKind(ActorKind.BOT);
  static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private static PullRequestOpened pr(String day, Repository repo, Actor who, int number) {
    return new PullRequestOpened(at(day), repo, who, number, false, Optional.empty(), Optional.empty());
  }

  static final EventStore STORE = EventStore.of(events());
  static final People PEOPLE = People.resolve(STORE);

  private static List<Event> events() {
    List<Event> e = new ArrayList<>();
    e.add(new Star(at("2024-02-10"), A, ALICE));
    e.add(new Star(at("2024-02-11"), A, BOB));
    e.add(new Star(at("2024-02-12"), A, BOT));
    e.add(new Fork(at("2024-02-13"), A, CAROL, Optional.empty()));
    e.add(new Star(at("2023-12-01"), A, ERIN));
    e.add(pr("2024-02-20", A, BOB, 1));
    e.add(pr("2023-11-15", A, BOB, 2));
    e.add(pr("2024-02-21", A, BOT, 3));
    e.add(new IssueOpened(at("2024-02-22"), A, ALICE, 4, Optional.empty()));
    e.add(new IssueComment(at("2024-02-22").plus(Duration.ofHours(2)), A, BOB, 4, false, Optional.empty(), OptionalLong.empty()));
    e.add(pr("2024-02-14", B, ALICE, 1));
    e.add(pr("2024-02-15", B, ALICE, 2));
    e.add(pr("2024-02-16", B, CAROL, 3));
    e.add(pr("2023-11-20", B, ALICE, 5));
    e.add(new IssueOpened(at("2024-02-25"), B, CAROL, 4, Optional.empty()));
    e.add(pr("2024-02-17", D, ALICE, 1));
    e.add(new Star(at("2024-02-19"), C, DAVE));
    return e;
  }

  @Test
  void confidence() {
    OpenSaucedConfidence preset = OpenSaucedConfidence.openSauced(A, AS_OF);
    Map<Repository, OpenSaucedConfidenceResult> each = preset.computeEachRepository(STORE, PEOPLE);
    // B and D have no star or fork in the window
    assertEquals(List.of(A, C), List.copyOf(each.keySet()));
    // A: stargazers alice (pull requests in B and D, not A: 0.5), bob (in A: 1), the bot (its
    // pull request 3 is in A: 1); forker carol (only B: 0). 1/2 * 2.5/3 + 1/2 * 0/1 = 0.41666...
    OpenSaucedConfidenceResult a = each.get(A);
    assertEquals(3, a.stargazers());
    assertEquals(1, a.forkers());
    assertEquals(2.5, a.stargazerWeight());
    assertEquals(0.0, a.forkerWeight());
    assertEquals(41, a.percent());
    // C: one stargazer without pull requests, no forker
    assertEquals(1, each.get(C).stargazers());
    assertEquals(0, each.get(C).percent());
    // bots excluded (opt-in): alice 0.5 and bob 1 of 2 stargazers: 1/2 * 1.5/2 = 0.375
    OpenSaucedConfidence noBots = preset.withBotsExcluded(true);
    OpenSaucedConfidenceResult a2 = noBots.computeEachRepository(STORE, PEOPLE).get(A);
    assertEquals(2, a2.stargazers());
    assertEquals(37, a2.percent());
    for (OpenSaucedConfidence m : List.of(preset, noBots)) {
      m.computeEachRepository(STORE, PEOPLE)
          .forEach((r, res) -> assertEquals(m.withRepository(r).compute(STORE, PEOPLE), res, r.toString()));
    }
  }

  @Test
  void lotteryFactor() {
    LotteryFactor preset = LotteryFactor.openSauced(AS_OF);
    Map<Repository, LotteryFactorResult> each = preset.computeEachRepository(STORE, PEOPLE);
    // every repository with events, C too (no pull requests: its level comes from its age)
    assertEquals(List.of(A, B, D, C).stream().sorted().toList(), List.copyOf(each.keySet()));
    assertEquals(1, each.get(A).factor().total()); // bob; the bot is left out
    assertEquals(3, each.get(B).factor().total()); // alice 2, carol 1: alice alone has half
    assertEquals(1, each.get(B).factor().factor());
    assertEquals(0, each.get(C).factor().factor());
    // C's first event (the star, 2024-02-19) is less than the 30-day grace period before the end
    assertEquals(LotteryLevel.LOW, each.get(C).level());
    assertEquals(2, preset.withBots(true).computeEachRepository(STORE, PEOPLE).get(A).factor().total());
    for (LotteryFactor m : List.of(preset, preset.withBots(true))) {
      m.computeEachRepository(STORE, PEOPLE)
          .forEach((r, res) ->
              assertEquals(m.withScope(RepositoryScope.of(r)).compute(STORE, PEOPLE), res, r.toString()));
    }
  }

  @Test
  void retention() {
    // Two quarters: Q4 2023 and the partial Q1 2024
    Retention lfx = Retention.lfx(Window.of(at("2023-10-01"), AS_OF));
    Map<Repository, RetentionResult> each = lfx.computeEachRepository(STORE, PEOPLE);
    assertEquals(List.of(A, B, D), List.copyOf(each.keySet())); // C has stars only
    // A: bob in Q4; alice and bob in Q1; bob retained: 1 of 1
    PeriodRetention a = last(each.get(A));
    assertEquals(List.of(ALICE, BOB), a.active());
    assertEquals(List.of(BOB), a.retained());
    assertEquals(OptionalDouble.of(100.0), a.retentionPercent());
    // B: alice in Q4; alice and carol in Q1
    assertEquals(OptionalDouble.of(100.0), last(each.get(B)).retentionPercent());
    assertEquals(List.of(ALICE, CAROL), last(each.get(B)).active());
    // D: nobody in Q4, so no retention percent
    assertEquals(OptionalDouble.empty(), last(each.get(D)).retentionPercent());
    each.forEach((r, res) ->
        assertEquals(lfx.withScope(RepositoryScope.of(r)).compute(STORE, PEOPLE), res, r.toString()));
  }

  private static PeriodRetention last(RetentionResult r) {
    return r.periods().get(r.periods().size() - 1);
  }

  @Test
  void timeToFirstResponse() {
    Responsiveness chaoss = Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF);
    Map<Repository, ResponsivenessResult> each = chaoss.computeEachRepository(STORE, PEOPLE);
    assertEquals(List.of(A, B, D), List.copyOf(each.keySet())); // C has no issue or pull request
    // A: issue 4 answered after 2 h; pull request 1 unanswered; the bot's 3 is left out
    assertEquals(1, each.get(A).firstResponse().completed());
    assertEquals(1, each.get(A).firstResponse().censored());
    assertEquals(Optional.of(Duration.ofHours(2)), each.get(A).firstResponse().p50());
    // B: pull requests 1, 2, 3 and issue 4 in the window, none answered (5 is from November)
    assertEquals(0, each.get(B).firstResponse().completed());
    assertEquals(4, each.get(B).firstResponse().censored());
    assertEquals(1, each.get(D).firstResponse().censored());
    each.forEach((r, res) ->
        assertEquals(chaoss.withScope(RepositoryScope.of(r)).compute(STORE, PEOPLE), res, r.toString()));
  }

  @Test
  void emptyWindow() {
    Instant early = Instant.parse("2023-01-01T00:00:00Z");
    assertTrue(OpenSaucedConfidence.openSauced(A, early).computeEachRepository(STORE, PEOPLE).isEmpty());
    assertTrue(Retention.lfx(Window.endingAt(early, Duration.ofDays(90))).computeEachRepository(STORE, PEOPLE).isEmpty());
    assertTrue(
        Responsiveness.chaoss(Window.endingAt(early, Duration.ofDays(30)), early)
            .computeEachRepository(STORE, PEOPLE)
            .isEmpty());
    // The lottery factor still rates every repository with events: none has pull requests, and
    // each was created (first event) after the window, so within the grace period
    Map<Repository, LotteryFactorResult> lottery =
        LotteryFactor.openSauced(early).computeEachRepository(STORE, PEOPLE);
    assertEquals(4, lottery.size());
    lottery.values().forEach(r -> assertEquals(LotteryLevel.LOW, r.level()));
    lottery.values().forEach(r -> assertEquals(0, r.factor().total()));
  }

  @Test
  void resultsAreUnmodifiableAndPeopleMustMatchTheStore() {
    Map<Repository, LotteryFactorResult> each = LotteryFactor.openSauced(AS_OF).computeEachRepository(STORE, PEOPLE);
    assertThrows(UnsupportedOperationException.class, () -> each.remove(A));
    People other = People.resolve(EventStore.of(List.of(new Star(at("2024-02-10"), A, ERIN))));
    assertThrows(IllegalArgumentException.class,
        () -> LotteryFactor.openSauced(AS_OF).computeEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> Retention.lfx(Window.endingAt(AS_OF, Duration.ofDays(90))).computeEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> OpenSaucedConfidence.openSauced(A, AS_OF).computeEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF).computeEachRepository(STORE, other));
    assertThrows(NullPointerException.class,
        () -> OpenSaucedConfidence.openSauced(A, AS_OF).computeEachRepository(STORE, null));
  }
}
