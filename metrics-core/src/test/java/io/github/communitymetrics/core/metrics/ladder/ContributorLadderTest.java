package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContributorLadderTest {
  static final Repository REPO = Repository.github("acme/widget");
  static final Repository SIBLING = Repository.github("acme/gadget");
  static final Repository ELSEWHERE = Repository.github("other/thing");
  static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = Actor.github("carol");
  static final Actor DAVE = Actor.github("dave");
  static final Actor MAINT = Actor.github("maint");
  static final Actor ORG = Actor.github("acme");
  static final Actor BOT = Actor.github("dependabot[bot]");
  /** Everything before 2030: all history of these tests. */
  static final ContributorLadder ALL = ContributorLadder.asOf(Instant.parse("2030-01-01T00:00:00Z"));

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  static Star star(Actor who, Instant at) {
    return new Star(at, REPO, who);
  }

  static IssueOpened issue(Actor who, Instant at, int number) {
    return new IssueOpened(at, REPO, who, number, Optional.empty());
  }

  static IssueComment comment(Actor who, Instant at, int number) {
    return new IssueComment(at, REPO, who, number, false, Optional.empty(), OptionalLong.empty());
  }

  static ReviewComment reviewComment(Actor who, Instant at, int number) {
    return new ReviewComment(at, REPO, who, number, Optional.empty(), OptionalLong.empty());
  }

  /** A review; its pull request's author only when given. */
  static Review review(Actor who, Instant at, int number, Optional<Actor> author) {
    return new Review(at, REPO, who, number, ReviewState.APPROVED, author, Optional.empty(), OptionalLong.empty());
  }

  static PullRequestOpened opened(Actor who, Instant at, int number) {
    return new PullRequestOpened(at, REPO, who, number, false, Optional.empty(), Optional.empty());
  }

  static PullRequestMerged merged(Actor merger, Instant at, int number, Optional<Actor> author) {
    return new PullRequestMerged(at, REPO, merger, number, author, Optional.empty(), Optional.empty());
  }

  static MemberAdded member(Actor who, Instant at) {
    return new MemberAdded(at, REPO, ORG, who, Permission.WRITE);
  }

  static LadderResult run(ContributorLadder ladder, Event... events) {
    EventStore store = EventStore.of(List.of(events));
    return ladder.compute(store, People.resolve(store));
  }

  static Climb climb(LadderResult r, Actor who) {
    return r.climb(who).orElseThrow(() -> new AssertionError(who + " has no rung"));
  }

  @Nested
  class Rungs {
    @Test
    void starsAndForksAreD0() {
      LadderResult r =
          run(ALL, star(ALICE, day(1)), new Fork(day(2), REPO, BOB, Optional.empty()));
      assertEquals(new Climb(ALICE, Optional.of(day(1)), Optional.empty(), Optional.empty(), Optional.empty()), climb(r, ALICE));
      assertEquals(Optional.of(day(2)), climb(r, BOB).d0Act());
      assertEquals(Optional.of(Rung.D0), climb(r, BOB).highest());
      assertEquals(new RungCounts(2, 0, 0, 0), r.highestAtEnd());
    }

    @Test
    void issuesCommentsReviewCommentsAndReviewsAreD1() {
      LadderResult r =
          run(
              ALL,
              issue(ALICE, day(1), 1),
              comment(BOB, day(2), 1),
              reviewComment(CAROL, day(3), 2),
              opened(CAROL, day(0), 2),
              review(CAROL, day(4), 2, Optional.of(CAROL)));
      assertEquals(Optional.of(day(1)), climb(r, ALICE).d1Act());
      assertEquals(Optional.of(day(2)), climb(r, BOB).d1Act());
      assertEquals(Optional.of(day(3)), climb(r, CAROL).d1Act());
      assertEquals(new RungCounts(0, 3, 0, 0), r.highestAtEnd());
    }

    @Test
    void openingAPullRequestOrClosingAnIssueIsNoRung() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 1), new IssueClosed(day(2), REPO, BOB, 3));
      assertTrue(r.people().isEmpty());
      assertEquals(new RungCounts(0, 0, 0, 0), r.reachedByEnd());
    }

    @Test
    void aMergeCreditsTheAuthorWithD2AndTheMergerWithD3() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 7), merged(MAINT, day(3), 7, Optional.of(ALICE)));
      assertEquals(new Climb(ALICE, Optional.empty(), Optional.empty(), Optional.of(day(3)), Optional.empty()), climb(r, ALICE));
      assertEquals(new Climb(MAINT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(day(3))), climb(r, MAINT));
    }

    @Test
    void mergingOnesOwnPullRequestIsD2Only() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 7), merged(ALICE, day(3), 7, Optional.of(ALICE)));
      assertEquals(Optional.of(Rung.D2), climb(r, ALICE).highest());
      assertEquals(Optional.empty(), climb(r, ALICE).d3Act());
    }

    @Test
    void reviewingSomeoneElsesPullRequestIsD3ButOnesOwnIsNot() {
      LadderResult r =
          run(
              ALL,
              review(ALICE, day(2), 1, Optional.of(BOB)),
              review(CAROL, day(3), 2, Optional.of(CAROL)));
      assertEquals(new Climb(ALICE, Optional.empty(), Optional.of(day(2)), Optional.empty(), Optional.of(day(2))), climb(r, ALICE));
      assertEquals(new Climb(CAROL, Optional.empty(), Optional.of(day(3)), Optional.empty(), Optional.empty()), climb(r, CAROL));
    }

    @Test
    void aReviewWithoutItsAuthorFallsBackToTheOpening() {
      LadderResult r =
          run(
              ALL,
              opened(BOB, day(1), 1),
              opened(CAROL, day(1), 2),
              review(ALICE, day(2), 1, Optional.empty()),
              review(CAROL, day(3), 2, Optional.empty()),
              review(DAVE, day(4), 99, Optional.empty()));
      assertEquals(Optional.of(day(2)), climb(r, ALICE).d3Act());
      assertEquals(Optional.empty(), climb(r, CAROL).d3Act(), "own pull request");
      assertEquals(Optional.empty(), climb(r, DAVE).d3Act(), "unknown author");
      assertEquals(Optional.of(day(4)), climb(r, DAVE).d1Act(), "still a review");
      assertEquals(1, r.unresolvedReviews());
      assertEquals(0, r.unresolvedMerges());
    }

    @Test
    void memberAddedMakesTheMemberAMaintainerNotTheGranter() {
      LadderResult r = run(ALL, member(BOB, day(5)));
      assertEquals(new Climb(BOB, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(day(5))), climb(r, BOB));
      assertEquals(Optional.empty(), r.climb(ORG));
      assertEquals(new RungCounts(1, 1, 1, 1), r.reachedByEnd());
      assertEquals(new RungCounts(0, 0, 0, 1), r.passedThroughByEnd());
    }

    @Test
    void theEarliestActOfEachRungCounts() {
      LadderResult r = run(ALL, comment(ALICE, day(9), 1), issue(ALICE, day(4), 2), comment(ALICE, day(6), 1));
      assertEquals(Optional.of(day(4)), climb(r, ALICE).d1Act());
    }
  }

  @Nested
  class PullRequestAuthors {
    @Test
    void aMergeWithoutItsAuthorCreditsTheOpener() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 7), merged(MAINT, day(3), 7, Optional.empty()));
      assertEquals(Optional.of(day(3)), climb(r, ALICE).d2Act());
      assertEquals(Optional.of(day(3)), climb(r, MAINT).d3Act());
      assertEquals(0, r.unresolvedMerges());
    }

    @Test
    void aSelfMergeWithoutItsAuthorIsNoMaintainerAct() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 7), merged(ALICE, day(3), 7, Optional.empty()));
      assertEquals(new Climb(ALICE, Optional.empty(), Optional.empty(), Optional.of(day(3)), Optional.empty()), climb(r, ALICE));
    }

    @Test
    void anUnresolvableMergeIsSkippedAndCounted() {
      LadderResult r =
          run(
              ALL,
              merged(MAINT, day(3), 7, Optional.empty()),
              new PullRequestOpened(day(1), SIBLING, ALICE, 7, false, Optional.empty(), Optional.empty()));
      assertEquals(1, r.unresolvedMerges());
      assertTrue(r.people().isEmpty(), "neither the merger nor the other repository's opener: " + r.people());
    }

    @Test
    void theMergeNamesTheAuthorBeforeTheOpeningDoes() {
      LadderResult r = run(ALL, opened(ALICE, day(1), 7), merged(MAINT, day(3), 7, Optional.of(BOB)));
      assertEquals(Optional.of(day(3)), climb(r, BOB).d2Act());
      assertEquals(Optional.empty(), r.climb(ALICE));
    }

    @Test
    void anOpeningInAnotherSliceResolvesTheMergeExactly() {
      List<Event> events =
          List.of(
              opened(ALICE, day(1), 7),
              star(ALICE, day(0)),
              merged(MAINT, day(30), 7, Optional.empty()),
              review(BOB, day(31), 7, Optional.empty()));
      EventStore store = EventStore.of(events);
      People people = People.resolve(store);
      EventStore early = store.slice(new Window(day(0), day(10)));
      EventStore late = store.slice(new Window(day(10), day(40)));
      LadderState a = ALL.accumulate(early, people);
      LadderState b = ALL.accumulate(late, people);
      assertEquals(2, b.pending());
      LadderResult merged = ALL.finish(ALL.merge(b, a));
      assertEquals(ALL.compute(store, people), merged);
      assertEquals(Optional.of(day(30)), climb(merged, ALICE).d2Act());
      assertEquals(Optional.of(day(31)), climb(merged, BOB).d3Act());
      assertEquals(0, merged.unresolvedMerges());
      assertEquals(1, ALL.finish(b).unresolvedMerges(), "alone, the late slice cannot resolve it");
    }
    @Test
    void anUnresolvableReviewBySomeoneAlreadyAMaintainerIsNoOpenQuestionInAnySlicing() {
      List<Event> events =
          List.of(member(DAVE, day(1)), review(DAVE, day(5), 99, Optional.empty()), review(ALICE, day(6), 98, Optional.empty()));
      EventStore store = EventStore.of(events);
      People people = People.resolve(store);
      LadderResult whole = ALL.compute(store, people);
      assertEquals(1, whole.unresolvedReviews(), "alice's only");
      LadderState early = ALL.accumulate(store.slice(new Window(day(0), day(3))), people);
      LadderState late = ALL.accumulate(store.slice(new Window(day(3), day(9))), people);
      assertEquals(whole, ALL.finish(ALL.merge(early, late)));
    }
  }

  @Nested
  class Skipping {
    /**
     * alice: star (day 0), comment (day 2). bob and dave: merged pull request first (days 1, 3),
     * bob comments and stars later. maint: access on day -10, merges on days 1 and 3.
     */
    LadderResult ladder() {
      return run(
          ALL,
          member(MAINT, day(-10)),
          star(ALICE, day(0)),
          comment(ALICE, day(2), 1),
          opened(BOB, day(0), 5),
          merged(MAINT, day(1), 5, Optional.of(BOB)),
          comment(BOB, day(5), 1),
          star(BOB, day(10)),
          opened(DAVE, day(2), 6),
          merged(MAINT, day(3), 6, Optional.of(DAVE)));
    }

    @Test
    void aFirstMergedPullRequestReachesD2AtOnceWithoutPassingThroughD0OrD1() {
      Climb bob = climb(ladder(), BOB);
      assertEquals(Optional.of(day(1)), bob.reached(Rung.D0));
      assertEquals(Optional.of(day(1)), bob.reached(Rung.D1));
      assertEquals(Optional.of(day(1)), bob.reached(Rung.D2));
      assertEquals(Optional.empty(), bob.reached(Rung.D3));
      assertFalse(bob.passedThrough(Rung.D0), "starred only after the merge");
      assertFalse(bob.passedThrough(Rung.D1), "commented only after the merge");
      assertTrue(bob.passedThrough(Rung.D2));
      assertEquals(Optional.of(day(10)), bob.d0Act(), "the evidence keeps the late star");
    }

    @Test
    void countsInBothViews() {
      LadderResult r = ladder();
      // at least: D0..D1 all four; D2 bob, dave, maint; D3 maint.
      assertEquals(new RungCounts(4, 4, 3, 1), r.reachedByEnd());
      // passed through: D0, D1 alice; D2 bob, dave; D3 maint.
      assertEquals(new RungCounts(1, 1, 2, 1), r.passedThroughByEnd());
      assertEquals(new RungCounts(0, 1, 2, 1), r.highestAtEnd());
      assertEquals(r.reachedByEnd(), r.atLeast().reached(), "the window is all history");
      assertEquals(r.passedThroughByEnd(), r.passedThrough().reached());
    }

    @Test
    void conversionInBothViews() {
      LadderResult r = ladder();
      Funnel atLeast = r.atLeast();
      assertEquals(new Conversion(Rung.D0, 4, 4), atLeast.chaoss(Rung.D0));
      assertEquals(new Conversion(Rung.D1, 4, 3), atLeast.chaoss(Rung.D1));
      assertEquals(new Conversion(Rung.D2, 3, 1), atLeast.chaoss(Rung.D2));
      // Cohorts: everyone at D0 reached D1; of D1, bob, dave and maint reached D2; of D2, maint.
      assertEquals(new Conversion(Rung.D0, 4, 4), atLeast.cohort(Rung.D0));
      assertEquals(new Conversion(Rung.D1, 4, 3), atLeast.cohort(Rung.D1));
      assertEquals(new Conversion(Rung.D2, 3, 1), atLeast.cohort(Rung.D2));
      Funnel passed = r.passedThrough();
      // The skippers are only in the numerator: D2/D1 = 2/1.
      assertEquals(OptionalDouble.of(2.0), passed.chaoss(Rung.D1).rate());
      assertEquals(new Conversion(Rung.D0, 1, 1), passed.cohort(Rung.D0));
      // alice passed through D1 and never reached D2.
      assertEquals(new Conversion(Rung.D1, 1, 0), passed.cohort(Rung.D1));
      assertEquals(new Conversion(Rung.D2, 2, 0), passed.cohort(Rung.D2));
      assertEquals(OptionalDouble.of(0.0), passed.cohort(Rung.D2).rate());
    }
  }

  @Nested
  class Windows {
    final Window window = new Window(day(10), day(20));

    @Test
    void historyBeforeTheWindowCountsArrivalsInsideItAndNothingAtOrAfterItsEnd() {
      LadderResult r =
          run(
              ALL.withWindow(window),
              star(ALICE, day(9)),
              comment(ALICE, day(10), 1),
              star(BOB, day(10).minusNanos(1)),
              star(CAROL, day(10)),
              comment(CAROL, day(20), 1),
              star(DAVE, day(20)));
      assertEquals(new RungCounts(3, 1, 0, 0), r.reachedByEnd());
      assertEquals(new RungCounts(1, 1, 0, 0), r.atLeast().reached(), "carol at D0, alice at D1");
      assertEquals(Optional.empty(), climb(r, CAROL).d1Act(), "at the end: outside");
      assertEquals(Optional.empty(), r.climb(DAVE));
      // carol is censored at the window's end, 10 days after her star.
      RungTime d0 = r.timeOn(Rung.D0);
      assertEquals(0, d0.climbed());
      assertEquals(1, d0.censored());
      assertEquals(Optional.empty(), d0.kaplanMeierMedian());
    }

    @Test
    void periodsInAZoneFollowItsCalendarAcrossAMonthBoundary() {
      // 22:30Z on 31 January is 23:30 in Berlin (UTC+1): January; 23:30Z is 00:30 on 1 February.
      Instant lateJanuary = Instant.parse("2025-01-31T22:30:00Z");
      Instant berlinFebruary = Instant.parse("2025-01-31T23:30:00Z");
      Event[] events = {star(ALICE, lateJanuary), star(BOB, berlinFebruary), comment(BOB, Instant.parse("2025-02-10T12:00:00Z"), 1)};
      ContributorLadder berlin = ALL.withPeriods(PeriodUnit.MONTH, ZoneId.of("Europe/Berlin"));
      List<PeriodFunnel> periods = run(berlin, events).periods();
      assertEquals(List.of("2025-01", "2025-02"), periods.stream().map(p -> p.period().label()).toList());
      assertEquals(ZoneId.of("Europe/Berlin"), periods.get(0).period().zone());
      assertEquals(new RungCounts(1, 0, 0, 0), periods.get(0).atLeast().reached());
      assertEquals(new RungCounts(1, 1, 0, 0), periods.get(1).atLeast().reached());
      assertEquals(new Conversion(Rung.D0, 1, 0), periods.get(0).atLeast().cohort(Rung.D0));
      assertEquals(new Conversion(Rung.D0, 1, 1), periods.get(1).atLeast().cohort(Rung.D0));
      List<PeriodFunnel> utc = run(ALL, events).periods();
      assertEquals(List.of("2025-01", "2025-02"), utc.stream().map(p -> p.period().label()).toList());
      assertEquals(new RungCounts(2, 0, 0, 0), utc.get(0).atLeast().reached());
      assertEquals(new RungCounts(0, 1, 0, 0), utc.get(1).atLeast().reached());
    }

    @Test
    void periodsWithoutArrivalsBetweenOthersAreListedWithZeros() {
      List<PeriodFunnel> periods =
          run(ALL.withPeriods(PeriodUnit.MONTH, ZoneOffset.UTC), star(ALICE, Instant.parse("2025-01-15T00:00:00Z")), star(BOB, Instant.parse("2025-03-15T00:00:00Z"))).periods();
      assertEquals(3, periods.size());
      assertEquals(new RungCounts(0, 0, 0, 0), periods.get(1).atLeast().reached());
      assertEquals(OptionalDouble.empty(), periods.get(1).atLeast().chaoss(Rung.D0).rate());
    }
  }

  @Test
  void conversionAndTimeOnRungByHand() {
    // D0 -> D1 after 2, 5, 10 and 1 days; one stargazer (day 3) never comments: censored at day 20
    // after 17 days.
    LadderResult r =
        run(
            ALL.withWindow(new Window(day(0), day(20))),
            star(ALICE, day(0)), comment(ALICE, day(2), 1),
            star(BOB, day(0)), comment(BOB, day(5), 1),
            star(CAROL, day(1)), comment(CAROL, day(11), 1),
            star(DAVE, day(3)),
            star(MAINT, day(4)), issue(MAINT, day(5), 2));
    assertEquals(new Conversion(Rung.D0, 5, 4), r.atLeast().chaoss(Rung.D0));
    assertEquals(OptionalDouble.of(0.8), r.atLeast().cohort(Rung.D0).rate());
    RungTime d0 = r.timeOn(Rung.D0);
    assertEquals(4, d0.climbed());
    assertEquals(1, d0.censored());
    // Climbers sorted: 1, 2, 5, 10 days. Nearest rank: median = 2nd, p90 = 4th.
    assertEquals(Optional.of(Duration.ofDays(2)), d0.median());
    assertEquals(Optional.of(Duration.ofDays(10)), d0.p90());
    // Kaplan-Meier: S(1) = 4/5, S(2) = 3/5, S(5) = 2/5 <= 1/2; S(10) = 1/5 never <= 1/10.
    assertEquals(Optional.of(Duration.ofDays(5)), d0.kaplanMeierMedian());
    assertEquals(Optional.empty(), d0.kaplanMeierP90());
    // The four at D1 are all censored: nobody had a pull request merged.
    assertEquals(4, r.timeOn(Rung.D1).censored());
    assertEquals(Optional.empty(), r.timeOn(Rung.D1).median());
  }

  @Test
  void skippersAreLeftOutOfTimeOnTheRungsTheySkipped() {
    LadderResult r =
        run(ALL.withWindow(new Window(day(0), day(20))), opened(BOB, day(0), 5), merged(MAINT, day(1), 5, Optional.of(BOB)), comment(BOB, day(5), 1));
    assertEquals(0, r.timeOn(Rung.D0).climbed() + r.timeOn(Rung.D0).censored());
    assertEquals(0, r.timeOn(Rung.D1).climbed() + r.timeOn(Rung.D1).censored());
    assertEquals(1, r.timeOn(Rung.D2).censored(), "bob, on D2 from day 1");
  }

  @Nested
  class Bots {
    final Event[] events = {
      star(BOT, day(0)),
      opened(BOT, day(1), 3),
      review(ALICE, day(2), 3, Optional.empty()),
      merged(MAINT, day(2), 3, Optional.of(BOT)),
      comment(BOT, day(3), 3),
    };

    @Test
    void botsAreOffTheLadderByDefaultButActingOnTheirPullRequestsCounts() {
      LadderResult r = run(ALL, events);
      assertEquals(Optional.empty(), r.climb(BOT));
      assertEquals(Optional.of(day(2)), climb(r, MAINT).d3Act());
      assertEquals(Optional.of(day(2)), climb(r, ALICE).d3Act());
      assertEquals(new RungCounts(2, 2, 2, 2), r.reachedByEnd());
    }

    @Test
    void botsCanBeIncluded() {
      LadderResult r = run(ALL.withBots(true), events);
      assertEquals(new Climb(BOT, Optional.of(day(0)), Optional.of(day(3)), Optional.of(day(2)), Optional.empty()), climb(r, BOT));
      assertEquals(new RungCounts(3, 3, 3, 2), r.reachedByEnd());
    }
  }

  @Test
  void scopeSelectsRepositoriesAndOrganizations() {
    Event[] events = {
      star(ALICE, day(1)),
      new Star(day(2), SIBLING, BOB),
      new Star(day(3), ELSEWHERE, CAROL),
      new MemberAdded(day(4), ELSEWHERE, ORG, DAVE, Permission.ADMIN),
    };
    // dave's access reaches D0 to D3 at once.
    assertEquals(new RungCounts(4, 1, 1, 1), run(ALL, events).reachedByEnd());
    assertEquals(new RungCounts(2, 0, 0, 0), run(ALL.withScope(RepositoryScope.organization(Forge.GITHUB, "acme")), events).reachedByEnd());
    assertEquals(new RungCounts(0, 0, 0, 0), run(ALL.withScope(RepositoryScope.organization(Forge.GITLAB, "acme")), events).reachedByEnd());
    assertEquals(new RungCounts(1, 0, 0, 0), run(ALL.withScope(RepositoryScope.of(SIBLING)), events).reachedByEnd());
    assertEquals(new RungCounts(3, 1, 1, 1), run(ALL.withScope(RepositoryScope.of(List.of(SIBLING, ELSEWHERE))), events).reachedByEnd());
  }

  @Test
  void mergingInEitherOrderGivesTheWhole() {
    List<Event> events =
        List.of(star(ALICE, day(0)), comment(ALICE, day(1), 1), opened(BOB, day(2), 2), merged(MAINT, day(3), 2, Optional.empty()), comment(BOB, day(4), 1));
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    LadderState a = ALL.accumulate(store.slice(new Window(day(0), day(3))), people);
    LadderState b = ALL.accumulate(store.slice(new Window(day(3), day(9))), people);
    LadderResult whole = ALL.compute(store, people);
    assertEquals(whole, ALL.finish(ALL.merge(a, b)));
    assertEquals(whole, ALL.finish(ALL.merge(b, a)));
  }

  @Test
  void parametersAreCheckedAndValues() {
    assertThrows(IllegalArgumentException.class, () -> ContributorLadder.asOf(Instant.MIN));
    assertThrows(IllegalArgumentException.class, () -> ALL.withWindow(new Window(day(1), day(1))));
    assertThrows(NullPointerException.class, () -> ALL.withScope(null));
    assertThrows(NullPointerException.class, () -> ALL.withPeriods(PeriodUnit.DAY, null));
    assertThrows(IllegalArgumentException.class, () -> RepositoryScope.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> RepositoryScope.organization(Forge.GITHUB, " "));
    assertEquals(ALL, ContributorLadder.asOf(Instant.parse("2030-01-01T00:00:00Z")));
    assertNotEquals(ALL, ALL.withBots(true));
    assertEquals(ALL, ALL.withBots(true).withBots(false));
    assertEquals(PeriodUnit.MONTH, ALL.periodUnit());
    assertEquals(ZoneOffset.UTC, ALL.zone());
    assertFalse(ALL.includesBots());
    assertEquals(RepositoryScope.all(), ALL.scope());
    assertThrows(IllegalArgumentException.class, () -> new Conversion(Rung.D3, 1, 1));
  }
}
