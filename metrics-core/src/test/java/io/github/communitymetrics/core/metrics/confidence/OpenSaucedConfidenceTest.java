package io.github.communitymetrics.core.metrics.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence.State;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence.WeightedLogin;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenSaucedConfidenceTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Repository OTHER1 = Repository.github("elsewhere/one");
  private static final Repository OTHER2 = Repository.github("elsewhere/two");
  private static final Instant AS_OF = Instant.parse("2024-07-01T00:00:00Z");
  /** The 30-day window is [2024-06-01, 2024-07-01). */
  private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  private static Star star(String login, Instant at) {
    return new Star(at, REPO, Actor.github(login));
  }

  private static Fork fork(String login, Instant at) {
    return new Fork(at, REPO, Actor.github(login), Optional.empty());
  }

  private static int number = 1;

  private static PullRequestOpened pr(String login, Repository repo, Instant at) {
    return new PullRequestOpened(
        at, repo, Actor.github(login), number++, false, Optional.empty(), Optional.empty());
  }

  private static OpenSaucedConfidenceResult june(List<Event> events) {
    EventStore store = EventStore.of(events);
    return OpenSaucedConfidence.openSauced(REPO, AS_OF).compute(store, People.resolve(store));
  }

  private static OpenSaucedConfidenceResult march(List<Event> events) {
    EventStore store = EventStore.of(events);
    return OpenSaucedConfidence.openSauced202403(REPO, AS_OF).compute(store, People.resolve(store));
  }

  @Test
  void starsWithoutForksTopOutAtHalf() {
    OpenSaucedConfidenceResult r = june(List.of(star("a", day(1)), star("b", day(2)), pr("a", REPO, day(3)), pr("b", REPO, day(4))));
    // Both stargazers weigh 1: 1/2 * 2/2 + 0 (no forkers) = 0.5.
    assertEquals(0.5, r.confidence());
    assertEquals(50, r.percent());
    assertEquals(ConfidenceLevel.HIGH, r.level());
    assertEquals(2, r.stargazers());
    assertEquals(0, r.forkers());
    assertEquals(2.0, r.stargazerWeight());
    assertEquals(List.of(new WeightedLogin("a", 1), new WeightedLogin("b", 1)), r.countedStargazers());
  }

  @Test
  void noStarsNoForksIsZero() {
    OpenSaucedConfidenceResult r = june(List.of(pr("a", REPO, day(3)), pr("a", OTHER1, day(4))));
    assertEquals(0.0, r.confidence());
    assertEquals(0, r.percent());
    assertEquals(ConfidenceLevel.LOW, r.level());
    assertEquals(0, r.stargazers());
    assertEquals(0, r.forkers());
  }

  @Test
  void pullRequestInThisRepositoryWeighsOne() {
    OpenSaucedConfidenceResult r = june(List.of(fork("f", day(1)), pr("f", REPO, day(2))));
    assertEquals(0.5, r.confidence());
    assertEquals(List.of(new WeightedLogin("f", 1)), r.countedForkers());
  }

  @Test
  void pullRequestsInTwoOtherRepositoriesWeighHalfForStargazersAndThreeQuartersForForkers() {
    OpenSaucedConfidenceResult r =
        june(
            List.of(
                star("s", day(1)),
                pr("s", OTHER1, day(2)),
                pr("s", OTHER2, day(3)),
                fork("f", day(1)),
                pr("f", OTHER1, day(2)),
                pr("f", OTHER2, day(3))));
    // 1/2 * 0.5/1 + 1/2 * 0.75/1 = 0.625.
    assertEquals(0.625, r.confidence());
    assertEquals(62, r.percent());
    assertEquals(List.of(new WeightedLogin("s", 0.5)), r.countedStargazers());
    assertEquals(List.of(new WeightedLogin("f", 0.75)), r.countedForkers());
  }

  @Test
  void oneOtherRepositoryWeighsNothing() {
    OpenSaucedConfidenceResult r = june(List.of(star("s", day(1)), pr("s", OTHER1, day(2)), pr("s", OTHER1, day(3))));
    assertEquals(0.0, r.confidence());
    assertEquals(1, r.stargazers());
    assertEquals(List.of(), r.countedStargazers());
  }

  @Test
  void mixedSidesAverageTheirShares() {
    // S = {a (in repo: 1), b (two others: 0.5), c (nothing: 0)}, F = {d (one other: 0), e (in repo: 1)}
    // 1/2 * 1.5/3 + 1/2 * 1/2 = 0.25 + 0.25 = 0.5.
    OpenSaucedConfidenceResult r =
        june(
            List.of(
                star("a", day(0)), star("b", day(0)), star("c", day(0)),
                fork("d", day(0)), fork("e", day(0)),
                pr("a", REPO, day(1)), pr("b", OTHER1, day(1)), pr("b", OTHER2, day(1)),
                pr("d", OTHER1, day(1)), pr("e", REPO, day(1))));
    assertEquals(0.5, r.confidence());
    assertEquals(1.5, r.stargazerWeight());
    assertEquals(1.0, r.forkerWeight());
  }

  @Test
  void noOrderingPullRequestBeforeTheStarCounts() {
    OpenSaucedConfidenceResult r = june(List.of(pr("a", REPO, day(0)), star("a", day(20))));
    assertEquals(0.5, r.confidence());
  }

  @Test
  void windowIsHalfOpen() {
    Instant justBefore = START.minusNanos(1);
    OpenSaucedConfidenceResult r =
        june(
            List.of(
                star("in", START), // counts: the start is inside
                star("before", justBefore), // outside
                star("late", AS_OF), // asOf is outside
                pr("in", REPO, AS_OF.minusNanos(1)), // inside
                pr("before", REPO, day(3)),
                pr("late", REPO, day(3))));
    assertEquals(1, r.stargazers());
    assertEquals(List.of(new WeightedLogin("in", 1)), r.countedStargazers());
    assertEquals(new Window(START, AS_OF), r.window());
    // A pull request at asOf is outside too.
    OpenSaucedConfidenceResult none = june(List.of(star("x", day(1)), pr("x", REPO, AS_OF)));
    assertEquals(0.0, none.confidence());
  }

  @Test
  void rangeIsCappedAtNinetyDaysUnlessLifted() {
    Instant hundredDaysAgo = AS_OF.minus(Duration.ofDays(100));
    List<Event> events = List.of(star("old", hundredDaysAgo), pr("old", REPO, hundredDaysAgo));
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    OpenSaucedConfidence capped = OpenSaucedConfidence.openSauced(REPO, AS_OF).withRange(180);
    assertEquals(90, capped.effectiveRangeDays());
    assertEquals(Window.endingAt(AS_OF, Duration.ofDays(90)), capped.window());
    assertEquals(0, capped.compute(store, people).stargazers());
    OpenSaucedConfidence lifted = capped.withRangeCapped(false);
    assertEquals(180, lifted.effectiveRangeDays());
    OpenSaucedConfidenceResult r = lifted.compute(store, people);
    assertEquals(1, r.stargazers());
    assertEquals(0.5, r.confidence());
  }

  @Test
  void exactlyTenPercentIsMediumAndThirtyIsHigh() {
    // 5 stargazers, 1 with a pull request here: 1/2 * 1/5 = 0.1 -> 10 %.
    List<Event> ten = new ArrayList<>();
    // 5 stargazers, 3 with one here: 1/2 * 3/5 = 0.3 -> 30 % (100 * 0.3 is 30.000000000000004 in
    // binary, 100 * (0.5 * 0.6) might round either way; the exact rule must give 30).
    List<Event> thirty = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ten.add(star("u" + i, day(1)));
      thirty.add(star("u" + i, day(1)));
      if (i < 1) {
        ten.add(pr("u" + i, REPO, day(2)));
      }
      if (i < 3) {
        thirty.add(pr("u" + i, REPO, day(2)));
      }
    }
    OpenSaucedConfidenceResult r10 = june(ten);
    assertEquals(10, r10.percent());
    assertEquals(ConfidenceLevel.MEDIUM, r10.level());
    OpenSaucedConfidenceResult r30 = june(thirty);
    assertEquals(30, r30.percent());
    assertEquals(ConfidenceLevel.HIGH, r30.level());
  }

  @Test
  void ninePointNineNineIsLowAndTwentyNineNineIsMedium() {
    // 5000 stargazers, 999 with a pull request here: 1/2 * 999/5000 = 0.0999 -> 9.99 -> 9, low.
    OpenSaucedConfidenceResult low = june(starsWithPullRequests(5000, 999));
    assertEquals(0.0999, low.confidence(), 1e-15);
    assertEquals(9, low.percent());
    assertEquals(ConfidenceLevel.LOW, low.level());
    // 500 stargazers, 299 with one here: 1/2 * 299/500 = 0.299 -> 29.9 -> 29, medium.
    OpenSaucedConfidenceResult medium = june(starsWithPullRequests(500, 299));
    assertEquals(29, medium.percent());
    assertEquals(ConfidenceLevel.MEDIUM, medium.level());
  }

  private static List<Event> starsWithPullRequests(int stargazers, int withPullRequests) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < stargazers; i++) {
      events.add(star("s" + i, day(1)));
      if (i < withPullRequests) {
        events.add(pr("s" + i, REPO, day(2)));
      }
    }
    return events;
  }

  @Test
  void levelBoundaries() {
    assertEquals(ConfidenceLevel.LOW, ConfidenceLevel.ofPercent(0));
    assertEquals(ConfidenceLevel.LOW, ConfidenceLevel.ofPercent(9));
    assertEquals(ConfidenceLevel.MEDIUM, ConfidenceLevel.ofPercent(10));
    assertEquals(ConfidenceLevel.MEDIUM, ConfidenceLevel.ofPercent(29));
    assertEquals(ConfidenceLevel.HIGH, ConfidenceLevel.ofPercent(30));
    assertEquals(ConfidenceLevel.HIGH, ConfidenceLevel.ofPercent(100));
    assertThrows(IllegalArgumentException.class, () -> ConfidenceLevel.ofPercent(101));
    // The floor is exact: 29.9 % -> 29, 9.99 % -> 9, 30 % -> 30.
    assertEquals(29, OpenSaucedConfidence.floorPercent(new BigDecimal("0.299"), BigDecimal.ONE));
    assertEquals(9, OpenSaucedConfidence.floorPercent(new BigDecimal("0.0999"), BigDecimal.ONE));
    assertEquals(30, OpenSaucedConfidence.floorPercent(new BigDecimal("3"), BigDecimal.TEN));
  }

  @Test
  void march2024RuleCountsMoreThanOneRepositoryIncludingThisOne() {
    // S = {a: here only -> 0, b: here and one other -> 0.1, c: two others -> 0.1}
    // F = {d: here and one other -> 0.5, e: one other -> 0}
    // 1/2 * 0.2/3 + 1/2 * 0.5/2 = 1/30 + 1/8 = 0.158333... -> 15 %, medium.
    OpenSaucedConfidenceResult r =
        march(
            List.of(
                star("a", day(0)), star("b", day(0)), star("c", day(0)),
                fork("d", day(0)), fork("e", day(0)),
                pr("a", REPO, day(1)), pr("a", REPO, day(2)),
                pr("b", REPO, day(1)), pr("b", OTHER1, day(1)),
                pr("c", OTHER1, day(1)), pr("c", OTHER2, day(1)),
                pr("d", REPO, day(1)), pr("d", OTHER2, day(1)),
                pr("e", OTHER1, day(1))));
    assertEquals(1.0 / 30 + 1.0 / 8, r.confidence(), 1e-15);
    assertEquals(15, r.percent());
    assertEquals(ConfidenceLevel.MEDIUM, r.level());
    assertEquals(
        List.of(new WeightedLogin("b", 0.1), new WeightedLogin("c", 0.1)), r.countedStargazers());
    assertEquals(List.of(new WeightedLogin("d", 0.5)), r.countedForkers());
    assertEquals(0.2, r.stargazerWeight(), 1e-15);
  }

  @Test
  void loginsAreLowerCasedAndActorsWithoutLoginIgnored() {
    Actor upper = Actor.github("Alice");
    Actor gitOnly = Actor.git("Bob", "bob@example.org");
    OpenSaucedConfidenceResult r =
        june(
            List.of(
                new Star(day(1), REPO, upper),
                star("alice", day(2)),
                new Star(day(1), REPO, gitOnly),
                pr("alice", REPO, day(3))));
    assertEquals(1, r.stargazers());
    assertEquals(List.of(new WeightedLogin("alice", 1)), r.countedStargazers());
  }

  @Test
  void closesAndMergesCreditThePullRequestAuthorNotWhoeverPressedTheButton() {
    Actor maintainer = Actor.github("maintainer");
    Event merged =
        new PullRequestMerged(
            day(3), OTHER1, maintainer, 7, Optional.of(Actor.github("s")), Optional.empty(), Optional.empty());
    Event closed = new PullRequestClosed(day(3), OTHER2, maintainer, 8, Optional.of(Actor.github("s")));
    Event closedNoAuthor = new PullRequestClosed(day(3), REPO, maintainer, 9, Optional.empty());
    OpenSaucedConfidenceResult r = june(List.of(star("s", day(1)), star("maintainer", day(1)), merged, closed, closedNoAuthor));
    // s authored pull requests with events in two other repositories: 0.5; the maintainer none.
    assertEquals(List.of(new WeightedLogin("s", 0.5)), r.countedStargazers());
    // Counting only opened pull requests, s has none.
    EventStore store = EventStore.of(List.of(star("s", day(1)), merged, closed));
    OpenSaucedConfidenceResult openedOnly =
        OpenSaucedConfidence.openSauced(REPO, AS_OF)
            .withPullRequestEvents(java.util.Set.of(io.github.communitymetrics.core.event.EventType.PULL_REQUEST_OPENED))
            .compute(store, People.resolve(store));
    assertEquals(List.of(), openedOnly.countedStargazers());
  }

  @Test
  void botsAreKeptByTheFaithfulPresetAndCanBeDropped() {
    Actor bot = Actor.github("helper[bot]").withKind(ActorKind.BOT);
    List<Event> events =
        List.of(new Star(day(1), REPO, bot), pr("helper[bot]", REPO, day(2)), star("human", day(1)));
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    // pr(...) builds a USER actor with the same login; the store's bot detector calls it a bot too.
    OpenSaucedConfidenceResult kept = OpenSaucedConfidence.openSauced(REPO, AS_OF).compute(store, people);
    assertEquals(2, kept.stargazers());
    assertEquals(0.25, kept.confidence());
    OpenSaucedConfidenceResult dropped =
        OpenSaucedConfidence.openSauced(REPO, AS_OF).withBotsExcluded(true).compute(store, people);
    assertEquals(1, dropped.stargazers());
    assertEquals(0.0, dropped.confidence());
  }

  @Test
  void mergedSlicesEqualTheWhole() {
    List<Event> events =
        List.of(
            star("a", day(0)), star("b", day(5)), fork("c", day(9)),
            pr("a", OTHER1, day(1)), pr("a", OTHER2, day(20)),
            pr("b", REPO, day(29)), pr("c", OTHER2, day(2)), pr("c", OTHER1, day(25)),
            pr("c", REPO, day(28)));
    EventStore whole = EventStore.of(events);
    People people = People.resolve(whole);
    OpenSaucedConfidence metric = OpenSaucedConfidence.openSauced(REPO, AS_OF);
    State all = metric.accumulate(whole, people);
    State byRepo =
        metric.merge(
            metric.merge(
                metric.accumulate(whole.slice(REPO), people),
                metric.accumulate(whole.slice(OTHER1), people)),
            metric.accumulate(whole.slice(OTHER2), people));
    State byTime =
        metric.merge(
            metric.accumulate(whole.slice(new Window(Instant.MIN, day(10))), people),
            metric.accumulate(whole.slice(new Window(day(10), Instant.MAX)), people));
    assertEquals(all, byRepo);
    assertEquals(all, byTime);
    // a: two other repositories (0.5); b: here (1); c: here (1) -> 1/2 * 1.5/2 + 1/2 * 1 = 0.875.
    assertEquals(0.875, metric.finish(byTime).confidence());
  }

  @Test
  void argumentsAreChecked() {
    OpenSaucedConfidence m = OpenSaucedConfidence.openSauced(REPO, AS_OF);
    assertThrows(IllegalArgumentException.class, () -> m.withRange(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> m.withPullRequestEvents(java.util.Set.of(io.github.communitymetrics.core.event.EventType.PULL_REQUEST_REOPENED)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OpenSaucedConfidence.Weights(java.util.OptionalDouble.of(1.5), 0.5, 0.75, 2));
    assertThrows(NullPointerException.class, () -> OpenSaucedConfidence.openSauced(null, AS_OF));
  }
}
