package io.github.communitymetrics.core.metrics.responsiveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResponsivenessTest {
  static final Repository REPO = Repository.github("org/repo");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Window WINDOW = Window.startingAt(T0, Duration.ofDays(30));
  static final Instant AS_OF = T0.plus(Duration.ofDays(40));
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = Actor.github("carol");
  static final Actor DAVE = Actor.github("dave");
  static final Actor BOT =
      new Actor(Forge.GITHUB, Optional.of("helper"), OptionalLong.empty(), Optional.empty(), List.of(), ActorKind.BOT);
  static final Optional<AuthorAssociation> MEMBER = Optional.of(AuthorAssociation.MEMBER);
  static final Optional<AuthorAssociation> NONE = Optional.of(AuthorAssociation.NONE);

  static Instant at(Duration d) {
    return T0.plus(d);
  }

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  static Duration d(long days) {
    return Duration.ofDays(days);
  }

  static IssueOpened issue(Duration t, Actor a, int n) {
    return new IssueOpened(at(t), REPO, a, n, Optional.empty());
  }

  static IssueComment comment(Duration t, Actor a, int n, Optional<AuthorAssociation> association) {
    return new IssueComment(at(t), REPO, a, n, false, association, OptionalLong.empty());
  }

  static IssueComment comment(Duration t, Actor a, int n) {
    return comment(t, a, n, Optional.empty());
  }

  static PullRequestOpened pr(Duration t, Actor a, int n, Optional<AuthorAssociation> association) {
    return new PullRequestOpened(at(t), REPO, a, n, false, Optional.empty(), association);
  }

  static Review review(Duration t, Actor a, int n, ReviewState state, Actor author) {
    return new Review(at(t), REPO, a, n, state, Optional.of(author), Optional.empty(), OptionalLong.empty());
  }

  static PullRequestMerged merged(Duration t, Actor merger, int n, Optional<Actor> author) {
    return new PullRequestMerged(at(t), REPO, merger, n, author, Optional.empty(), Optional.empty());
  }

  static ResponsivenessResult compute(Responsiveness metric, List<Event> events) {
    EventStore store = EventStore.of(events);
    return metric.compute(store, People.resolve(store));
  }

  /** Threads for time to first response: the author's and a bot's replies come first. */
  static List<Event> threads() {
    return List.of(
        issue(h(1), BOB, 1),
        comment(h(1).plusMinutes(5), BOT, 1),
        comment(h(2), BOB, 1),
        comment(h(5), ALICE, 1, MEMBER),
        issue(d(2), CAROL, 2),
        comment(d(2).plus(h(10)), ALICE, 2, MEMBER),
        pr(d(3), BOB, 3, NONE),
        review(d(3).plus(h(1)), CAROL, 3, ReviewState.COMMENTED, BOB),
        // opened before the window: not in the cohort although answered in it
        issue(d(-1), BOB, 4),
        comment(d(1), ALICE, 4),
        // never answered by a person: censored at asOf, 20 days after opening
        issue(d(20), CAROL, 5),
        comment(d(20).plus(h(1)), BOT, 5),
        comment(d(21), CAROL, 5));
  }

  @Test
  void firstResponseIgnoresAuthorAndBotsAndCensorsUnanswered() {
    ResponsivenessResult r = compute(Responsiveness.chaoss(WINDOW, AS_OF), threads());
    DurationSummary all = r.firstResponse();
    // Completed {1h, 4h, 10h}; #5 censored.
    assertEquals(3, all.completed());
    assertEquals(1, all.censored());
    assertEquals(Optional.of(h(4)), all.p50(), "ceil(0.5 * 3) = 2nd");
    assertEquals(Optional.of(h(10)), all.p75(), "ceil(0.75 * 3) = 3rd");
    assertEquals(Optional.of(h(10)), all.p90());
    assertEquals(Optional.of(h(10)), all.p95());
    assertEquals(Optional.of(h(5)), all.mean(), "(1 + 4 + 10) / 3");
    // KM: 4 at risk; S(1h) = 3/4, S(4h) = 3/4 * 2/3 = 1/2.
    assertEquals(Optional.of(h(4)), all.kaplanMeierMedian());
    assertEquals(Optional.empty(), all.medianInterval(), "3 values cannot give 95%");
    assertEquals(List.of(h(4), h(10)), List.of(r.issueFirstResponse().p50().get(), r.issueFirstResponse().p75().get()));
    assertEquals(1, r.issueFirstResponse().censored());
    assertEquals(Optional.of(h(1)), r.pullRequestFirstResponse().p50());
    assertEquals(0, r.pullRequestFirstResponse().censored());
    assertEquals(List.of(new ItemRef(REPO, 5, false, at(d(20)))), r.unanswered());
  }

  @Test
  void botsCountWhenIncluded() {
    ResponsivenessResult r = compute(Responsiveness.chaoss(WINDOW, AS_OF).withBots(true), threads());
    // The bot answers #1 after 5 minutes and #5 after an hour: {5m, 1h, 1h, 10h}.
    assertEquals(4, r.firstResponse().completed());
    assertEquals(0, r.firstResponse().censored());
    assertEquals(Optional.of(h(1)), r.firstResponse().p50());
    assertEquals(List.of(), r.unanswered());
  }

  @Test
  void maintainersOnlyByAssociationOrEarlierGrant() {
    List<Event> events = new ArrayList<>(threads());
    // Bob's PR #3 was reviewed by Carol, who has no association; she is granted access later.
    events.add(new MemberAdded(at(d(4)), REPO, ALICE, CAROL, Permission.WRITE));
    events.add(comment(d(5), CAROL, 3));
    ResponsivenessResult r =
        compute(Responsiveness.chaoss(WINDOW, AS_OF).withMaintainersOnly(true), events);
    // #1: Alice (MEMBER) after 4h; #2: 10h; #3: Carol's review at 1h does not count, her comment
    // after the grant does: 2 days; #5 censored.
    assertEquals(Optional.of(d(2)), r.pullRequestFirstResponse().p50());
    assertEquals(Optional.of(h(10)), r.firstResponse().p50(), "{4h, 10h, 2d}");
    assertEquals(1, r.firstResponse().censored());
    // Without the option, Carol's review is the response.
    assertEquals(
        Optional.of(h(1)),
        compute(Responsiveness.chaoss(WINDOW, AS_OF), events).pullRequestFirstResponse().p50());
  }

  @Test
  void anItemClosedBeforeItWasOpenedIsCountedNotFatal() {
    // Real feeds have such timelines (clocks of different services, an opening event re-sent
    // later): the close cannot be a duration, so the item is left out of the times and counted.
    List<Event> events =
        List.of(
            issue(h(5), BOB, 7),
            new IssueClosed(at(h(2)), REPO, ALICE, 7),
            issue(h(1), BOB, 8),
            new IssueClosed(at(h(4)), REPO, ALICE, 8));
    ResponsivenessResult r = compute(Responsiveness.chaoss(WINDOW, AS_OF), events);
    assertEquals(1, r.timeToClose().completed());
    assertEquals(Optional.of(h(3)), r.timeToClose().p50());
    assertEquals(1, r.timelinesOutOfOrder());
  }

  @Test
  void closingIsAResponseOnlyWhenAsked() {
    List<Event> events =
        List.of(
            issue(h(0), BOB, 7),
            new IssueClosed(at(h(3)), REPO, ALICE, 7),
            issue(h(1), BOB, 8),
            new IssueClosed(at(h(2)), REPO, BOB, 8)); // closed by its author: never a response
    ResponsivenessResult plain = compute(Responsiveness.chaoss(WINDOW, AS_OF), events);
    assertEquals(0, plain.firstResponse().completed());
    assertEquals(2, plain.firstResponse().censored());
    ResponsivenessResult closing =
        compute(Responsiveness.chaoss(WINDOW, AS_OF).withClosingIsResponse(true), events);
    assertEquals(1, closing.firstResponse().completed());
    assertEquals(Optional.of(h(3)), closing.firstResponse().p50());
    assertEquals(List.of(new ItemRef(REPO, 8, false, at(h(1)))), closing.unanswered());
  }

  @Test
  void timeToCloseUsesTheCloseThatStuckAndCensorsReopened() {
    List<Event> events =
        List.of(
            issue(h(0), BOB, 1),
            new IssueClosed(at(d(1)), REPO, ALICE, 1),
            new IssueReopened(at(d(2)), REPO, BOB, 1),
            new IssueClosed(at(d(5)), REPO, ALICE, 1),
            issue(d(10), CAROL, 2),
            new IssueClosed(at(d(11)), REPO, ALICE, 2),
            new IssueReopened(at(d(12)), REPO, CAROL, 2),
            issue(d(20), CAROL, 3),
            new IssueClosed(at(d(20).plus(h(6))), REPO, ALICE, 3));
    ResponsivenessResult r = compute(Responsiveness.chaoss(WINDOW, AS_OF), events);
    DurationSummary close = r.timeToClose();
    assertEquals(2, close.completed(), "#1 after 5 days, #3 after 6 hours");
    assertEquals(1, close.censored(), "#2 was reopened and is open");
    assertEquals(Optional.of(h(6)), close.p50());
    assertEquals(Optional.of(d(5)), close.p95());
    // KM: 6h event (3 at risk) -> 2/3; 5d event (2 at risk) -> 1/3; median 5 days.
    assertEquals(Optional.of(d(5)), close.kaplanMeierMedian());
    // Closure: 3 items closed in the window (#2 counts: it was closed in it), 3 opened.
    assertEquals(new Ratio(3, 3), r.closure());
  }

  static final Affiliations AFFILIATIONS =
      Affiliations.builder()
          .enrollment("alice", "Acme", Window.ALL)
          .enrollment("carol", "Globex", Window.ALL)
          .enrollment("dave", "Globex", Window.ALL)
          .build();

  /** Pull requests for merge, review and ROSS metrics. */
  static List<Event> pullRequests() {
    return List.of(
        // #10: opened before the window, approved by Alice (Acme) and Carol (Globex), merged.
        pr(d(-10), BOB, 10, NONE),
        review(d(1), ALICE, 10, ReviewState.APPROVED, BOB),
        review(d(1).plus(h(1)), CAROL, 10, ReviewState.APPROVED, BOB),
        merged(d(1).plus(h(12)), ALICE, 10, Optional.of(BOB)),
        // #11: approved by its author and by Alice; merged after two days.
        pr(d(2), CAROL, 11, Optional.of(AuthorAssociation.CONTRIBUTOR)),
        review(d(3), CAROL, 11, ReviewState.APPROVED, CAROL),
        review(d(3), ALICE, 11, ReviewState.APPROVED, CAROL),
        merged(d(4), ALICE, 11, Optional.of(CAROL)),
        // #12: Bob again, merged without review after 6 hours; Dave approves after the merge.
        pr(d(5), BOB, 12, NONE),
        merged(d(5).plus(h(6)), ALICE, 12, Optional.of(BOB)),
        review(d(6), DAVE, 12, ReviewState.APPROVED, BOB),
        // #13: closed unmerged.
        pr(d(6), DAVE, 13, NONE),
        new PullRequestClosed(at(d(7)), REPO, ALICE, 13, Optional.of(DAVE)),
        // #14: a bot's pull request, merged: left out while bots are excluded.
        pr(d(1), BOT, 14, NONE),
        review(d(1).plus(h(1)), ALICE, 14, ReviewState.APPROVED, BOT),
        merged(d(2), ALICE, 14, Optional.of(BOT)),
        // #15: merged, opening unknown, author named by the merge.
        merged(d(8), ALICE, 15, Optional.of(CAROL)),
        // #16: merged after the window.
        pr(d(20), DAVE, 16, NONE),
        merged(d(35), ALICE, 16, Optional.of(DAVE)));
  }

  @Test
  void mergeVelocityCoverageDiversityAndRoss() {
    ResponsivenessResult r =
        compute(Responsiveness.chaoss(WINDOW, AS_OF).withAffiliations(AFFILIATIONS), pullRequests());
    // Merged in the window: #10 (11.5 days), #11 (2 days), #12 (6 hours), #15 (no opening).
    assertEquals(3, r.timeToMerge().completed());
    assertEquals(Optional.of(d(2)), r.timeToMerge().p50());
    assertEquals(Optional.of(d(11).plus(h(12))), r.timeToMerge().p95());
    assertEquals(1, r.mergedWithoutOpening());
    assertEquals(OptionalDouble.of((11 + 2 + 0) / 3.0), r.velocityDays(), "whole days 11, 2, 0");
    assertEquals(new Ratio(4, 5), r.acceptance(), "4 merged, #13 closed unmerged");
    assertEquals(new Ratio(2, 4), r.reviewCoverage(), "#10 and #11; #11's own approval and #12's late one do not count");
    assertEquals(new Ratio(1, 4), r.approvalDiversity(), "#10: two approvers, Acme and Globex");
    assertEquals(new Ratio(1, 4), r.ross(), "Bob (NONE) authored #10 and #12; 4 merged");
    assertEquals(List.of(BOB), r.rossAuthors());
    // Reviews in the window by people: Alice 3 (#10, #11 and the bot's #14: the absence factor
    // counts reviewers, whoever wrote the pull request), Carol 2 (#10, #11), Dave 1.
    Map<Actor, Long> reviews =
        r.reviewConcentration().ranking().stream().collect(Collectors.toMap(Ranked::key, Ranked::count));
    assertEquals(Map.of(ALICE, 3L, CAROL, 2L, DAVE, 1L), reviews);
    assertEquals(2, r.reviewConcentration().factor(), "3 of 6 is not more than half, 5 is");
    // Opened in the window: #11, #12, #13, #16 (the bot's #14 left out); closed in it: #10-#13, #15.
    assertEquals(new Ratio(5, 4), r.closure());
  }

  @Test
  void diversityThresholdsAreParameters() {
    ResponsivenessResult r =
        compute(
            Responsiveness.chaoss(WINDOW, AS_OF).withAffiliations(AFFILIATIONS).withApprovalDiversity(1, 1),
            pullRequests());
    assertEquals(new Ratio(2, 4), r.approvalDiversity(), "#10 and #11 have an affiliated approver");
    ResponsivenessResult bots =
        compute(Responsiveness.chaoss(WINDOW, AS_OF).withBots(true), pullRequests());
    assertEquals(new Ratio(5, 6), bots.acceptance(), "the bot's #14 counts");
    assertEquals(new Ratio(3, 5), bots.reviewCoverage());
  }

  @Test
  void presets() {
    Responsiveness velocity = Responsiveness.openSaucedVelocity(AS_OF, 30);
    assertEquals(Window.endingAt(AS_OF, d(30)), velocity.window());
    assertEquals(AS_OF, velocity.asOf());
    Responsiveness ross = Responsiveness.rossWeekly(at(d(7)));
    assertEquals(Window.of(T0, at(d(7))), ross.window());
    ResponsivenessResult week = compute(ross, pullRequests());
    // Merged in the first week: #10, #11, #12; Bob is the one NONE author.
    assertEquals(new Ratio(1, 3), week.ross());
    // Velocity over the 30 days before day 40: only #16, merged 15 days after opening.
    assertEquals(OptionalDouble.of(15), compute(velocity, pullRequests()).velocityDays());
  }

  @Test
  void slicesMergeIntoTheWhole() {
    List<Event> all = new ArrayList<>(threads());
    all.addAll(pullRequests());
    EventStore store = EventStore.of(all);
    People people = People.resolve(store);
    Responsiveness metric = Responsiveness.chaoss(WINDOW, AS_OF).withAffiliations(AFFILIATIONS);
    ResponsivenessResult whole = metric.compute(store, people);
    for (long cut : new long[] {-5, 0, 1, 2, 3, 5, 10, 20}) {
      Instant c = at(d(cut)).plus(h(3));
      EventStore before = store.slice(Window.of(Instant.MIN, c));
      EventStore after = store.slice(Window.of(c, Instant.MAX));
      ResponsivenessState merged =
          metric.merge(
              metric.accumulate(after, People.of(after, people.identities())),
              metric.accumulate(before, People.of(before, people.identities())));
      assertEquals(whole, metric.finish(merged), "cut at " + c);
    }
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> Responsiveness.chaoss(WINDOW, T0));
    Responsiveness m = Responsiveness.chaoss(WINDOW, AS_OF);
    assertThrows(IllegalArgumentException.class, () -> m.withApprovalDiversity(0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.withConfidence(1.0));
  }

  @Test
  void medianIntervalFromOrderStatistics() {
    List<Duration> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(h(i));
    }
    // Binomial(10, 1/2): P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024, so k = 2.
    assertEquals(
        Optional.of(new DurationSummary.MedianInterval(h(2), h(9), 2, 1 - 22 / 1024.0)),
        DurationSummary.medianInterval(ten, 0.95));
    // Five values: P(B <= 0) = 1/32 > 0.025, no 95% interval; at 90% k = 1.
    assertEquals(Optional.empty(), DurationSummary.medianInterval(ten.subList(0, 5), 0.95));
    assertEquals(
        Optional.of(new DurationSummary.MedianInterval(h(1), h(5), 1, 1 - 2 / 32.0)),
        DurationSummary.medianInterval(ten.subList(0, 5), 0.90));
  }

  @Test
  void scrambledItemKeysInvert() {
    long c = 0x9E3779B97F4A7C15L;
    assertEquals(1L, c * Responsiveness.inverse(c));
    assertEquals(1L, 12345L * Responsiveness.inverse(12345L));
  }
}
