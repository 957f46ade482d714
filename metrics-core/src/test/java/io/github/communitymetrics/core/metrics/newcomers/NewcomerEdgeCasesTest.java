package io.github.communitymetrics.core.metrics.newcomers;

import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.ALICE;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.BOB;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.BOT;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.CAROL;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.DAVE;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.FEB;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.MAINT;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.MEMBER;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.NONE;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.REPO;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.comment;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.issue;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.issueClosed;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.pr;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.review;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.reviewComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Censoring, scope, contribution types, mentors' maintainer evidence, no data; worked by hand. */
class NewcomerEdgeCasesTest {
  private static final Evaluation FEB_REPO = NewcomerScenario.EVALUATION;
  private static final List<MetricDescriptor<?>> METRICS =
      List.of(NewcomerExperience.INSTANCE, NewcomerStaying.INSTANCE, NewcomerWelcomers.INSTANCE, Mentorship.INSTANCE);

  private static Journeys journeys(List<Event> events, Evaluation e) {
    return journeys(events, e, ContributionType.ANY);
  }

  private static Journeys journeys(List<Event> events, Evaluation e, ContributionType type) {
    EventStore store = EventStore.of(events);
    return NewcomerExperience.INSTANCE.metric(e, type).compute(store, People.resolve(store)).journeys();
  }

  @Test
  void anAnswerAtOrAfterTheEndIsNoAnswerAndTheWaitIsCensoredAtTheEnd() {
    Journeys j =
        journeys(
            List.of(
                issue("2024-02-28T00:00:00Z", ALICE, 5),
                comment("2024-03-01T00:00:00Z", MAINT, 5, MEMBER), // at the end: outside
                issue("2024-03-01T00:00:00Z", BOB, 6)), // at the end: bob is not a newcomer
            FEB_REPO);
    assertEquals(List.of(ALICE), j.newcomers().stream().map(Journey::newcomer).toList());
    FirstItem issue = j.newcomers().get(0).firstIssue().orElseThrow();
    assertEquals(Optional.empty(), issue.firstResponse());
    assertEquals(Outcome.OPEN, issue.outcome());
    NewcomerExperience.Result r = NewcomerExperience.INSTANCE.metric(FEB_REPO)
        .compute(EventStore.of(List.<Event>of(issue("2024-02-28T00:00:00Z", ALICE, 5))),
            People.resolve(EventStore.of(List.<Event>of(issue("2024-02-28T00:00:00Z", ALICE, 5)))));
    // One issue waiting since 28 February, censored at 1 March (29 February exists): 48 h, no event.
    assertEquals(0, r.issues().answered());
    assertEquals(1, r.issues().waiting());
    assertEquals(Optional.empty(), r.issues().median(), "nobody answered: no median");
    assertEquals(OptionalDouble.of(0.0), r.issues().answeredWithin(Duration.ofDays(1)), "0 of 1 within a day is a value");
  }

  @Test
  void censoredWaitsKeepTheKaplanMeierMedianHonest() {
    // Four first PRs: answered after 10 h and 30 h; two unanswered, opened 27 and 28 February
    // (censored at 48 h and 24 h). KM: S(10 h) = 3/4; at 24 h one censored; S(30 h) = 3/4 * 1/2
    // = 3/8 (2 at risk, 1 event). Median 30 h. The nearest-rank median of the answered alone
    // (10 h) would be too short.
    List<Event> events =
        List.of(
            pr("2024-02-10T00:00:00Z", ALICE, 1), comment("2024-02-10T10:00:00Z", MAINT, 1, MEMBER),
            pr("2024-02-11T00:00:00Z", BOB, 2), reviewComment("2024-02-12T06:00:00Z", MAINT, 2),
            pr("2024-02-27T00:00:00Z", CAROL, 3),
            pr("2024-02-28T00:00:00Z", DAVE, 4));
    EventStore store = EventStore.of(events);
    NewcomerExperience.Result r = NewcomerExperience.INSTANCE.metric(FEB_REPO).compute(store, People.resolve(store));
    assertEquals(2, r.pullRequests().answered());
    assertEquals(2, r.pullRequests().waiting());
    assertEquals(Optional.of(Duration.ofHours(30)), r.pullRequests().median());
    // Within a day: 1 - S(24 h) = 1 - 3/4.
    assertEquals(0.25, r.pullRequests().answeredWithin(Duration.ofDays(1)).getAsDouble(), 1e-12);
    // A review comment is an answer but not a review: no first review came at all.
    assertEquals(0, r.firstReview().answered());
  }

  @Test
  void botsAndTheAuthorsOwnCommentsAreNoAnswer() {
    Journeys j =
        journeys(
            List.of(
                pr("2024-02-10T00:00:00Z", ALICE, 1),
                comment("2024-02-10T01:00:00Z", BOT, 1, NONE),
                comment("2024-02-10T02:00:00Z", ALICE, 1, NONE),
                review("2024-02-10T03:00:00Z", ALICE, 1, ALICE)),
            FEB_REPO);
    FirstItem p = j.newcomers().get(0).firstPullRequest().orElseThrow();
    assertEquals(Optional.empty(), p.firstResponse());
    assertEquals(Optional.empty(), p.firstReview());
    assertTrue(p.ignored());
    assertFalse(p.closedWithoutHumanComment(), "still open");
  }

  @Test
  void historyBeforeTheWindowAndElsewhereInTheScopeCounts() {
    Repository other = Repository.github("acme/other");
    List<Event> events =
        List.of(
            new IssueOpened(Instant.parse("2023-06-01T00:00:00Z"), other, ALICE, 1, NONE, List.of()),
            issue("2024-02-10T00:00:00Z", ALICE, 1),
            comment("2023-11-01T00:00:00Z", BOB, 9, NONE),
            issue("2024-02-11T00:00:00Z", BOB, 2));
    // One repository: alice is new here (her history is elsewhere), bob is back after November.
    assertEquals(List.of(ALICE), journeys(events, FEB_REPO).newcomers().stream().map(Journey::newcomer).toList());
    // The organisation: alice's June issue in acme/other counts, so nobody is new.
    Evaluation org = Evaluation.of(RepositoryScope.organization(REPO.forge(), "acme"), FEB);
    assertEquals(List.of(), journeys(events, org).newcomers());
  }

  @Test
  void theContributionTypeChoosesWhoIsNew() {
    List<Event> events =
        List.of(
            comment("2024-01-15T00:00:00Z", ALICE, 9, NONE),
            pr("2024-02-10T00:00:00Z", ALICE, 1));
    assertEquals(List.of(), journeys(events, FEB_REPO).newcomers(), "any contribution: she commented in January");
    assertEquals(
        List.of(ALICE),
        journeys(events, FEB_REPO, ContributionType.PULL_REQUEST_OPENED).newcomers().stream().map(Journey::newcomer).toList(),
        "pull requests: her first is in February");
  }

  @Test
  void aMergeCreditsThePullRequestsAuthorEvenWhenABotMerged() {
    List<Event> events =
        List.of(
            pr("2024-01-20T00:00:00Z", ALICE, 1),
            NewcomerScenario.merged("2024-02-10T00:00:00Z", BOT, 1, ALICE),
            pr("2024-01-21T00:00:00Z", BOB, 2),
            NewcomerScenario.merged("2024-02-12T00:00:00Z", MAINT, 2, BOB));
    // Merged pull requests: alice's first is on 10 February (merged by a bot), bob's on 12 February;
    // maint merged but is credited nothing.
    assertEquals(
        List.of(ALICE, BOB),
        journeys(events, FEB_REPO, ContributionType.PULL_REQUEST_MERGED).newcomers().stream().map(Journey::newcomer).toList());
  }

  @Test
  void aReopenedFirstIssueIsOpenAndAClosedOneWithAnAnswerIsNotSilent() {
    List<Event> events =
        List.of(
            issue("2024-02-10T00:00:00Z", ALICE, 1),
            issueClosed("2024-02-11T00:00:00Z", MAINT, 1),
            new IssueReopened(Instant.parse("2024-02-12T00:00:00Z"), REPO, ALICE, 1),
            issue("2024-02-10T00:00:00Z", BOB, 2),
            comment("2024-02-10T05:00:00Z", MAINT, 2, MEMBER),
            issueClosed("2024-02-11T00:00:00Z", MAINT, 2));
    Journeys j = journeys(events, FEB_REPO);
    FirstItem alice = j.newcomers().get(0).firstIssue().orElseThrow();
    FirstItem bob = j.newcomers().get(1).firstIssue().orElseThrow();
    assertEquals(Outcome.OPEN, alice.outcome());
    assertEquals(Optional.empty(), alice.decided());
    assertEquals(Outcome.CLOSED, bob.outcome());
    assertFalse(bob.closedWithoutHumanComment());
  }

  @Test
  void aMentorIsAMaintainerByAssociationGrantOrRungD3AndAnswersKOfTheFirstN() {
    Actor grantee = Actor.github("grantee");
    Actor helper = Actor.github("helper");
    List<Event> events = new ArrayList<>();
    // carol has 6 items; maint (MEMBER) answers #1 and #6 (the 6th is beyond n = 5): 1 of 5, no mentor.
    // grantee, granted access on 1 February, answers #2 and #3 without association: a mentor.
    // helper (no association, no grant, no D3) answers #1, #2, #3: not a maintainer, no mentor.
    events.add(new MemberAdded(Instant.parse("2024-02-01T00:00:00Z"), REPO, MAINT, grantee, Permission.values()[0]));
    for (int n = 1; n <= 6; n++) {
      events.add(issue("2024-02-1" + n + "T00:00:00Z", CAROL, n));
    }
    events.add(comment("2024-02-11T01:00:00Z", MAINT, 1, MEMBER));
    events.add(comment("2024-02-16T01:00:00Z", MAINT, 6, MEMBER));
    events.add(comment("2024-02-12T01:00:00Z", grantee, 2, NONE));
    events.add(comment("2024-02-13T01:00:00Z", grantee, 3, NONE));
    for (int n = 1; n <= 3; n++) {
      events.add(comment("2024-02-1" + n + "T02:00:00Z", helper, n, NONE));
    }
    Journeys j = journeys(events, FEB_REPO);
    Journey carol = j.newcomers().stream().filter(x -> x.newcomer().equals(CAROL)).findFirst().orElseThrow();
    assertEquals(List.of(grantee), carol.mentors());
    // With k = 1, maint's answer on #1 makes him a mentor too; helper never is.
    Evaluation k1 = FEB_REPO.withParameter(Mentorship.INSTANCE, "mentorMinimum", "1");
    EventStore store = EventStore.of(events);
    Journeys j1 = NewcomerExperience.INSTANCE.metric(k1).compute(store, People.resolve(store)).journeys();
    assertEquals(
        List.of(grantee, MAINT),
        j1.newcomers().stream().filter(x -> x.newcomer().equals(CAROL)).findFirst().orElseThrow().mentors());
  }

  @Test
  void aReviewerOfAnothersPullRequestStandsOnD3AndMentors() {
    Actor reviewer = Actor.github("reviewer");
    List<Event> events =
        List.of(
            // reviewer reaches D3 on 1 February by reviewing bob's pull request (not association).
            pr("2024-01-20T00:00:00Z", BOB, 1),
            new io.github.communitymetrics.core.event.Review(
                Instant.parse("2024-02-01T00:00:00Z"), REPO, reviewer, 1,
                io.github.communitymetrics.core.event.ReviewState.COMMENTED, Optional.of(BOB), NONE,
                java.util.OptionalLong.empty()),
            issue("2024-02-10T00:00:00Z", CAROL, 2),
            issue("2024-02-11T00:00:00Z", CAROL, 3),
            comment("2024-02-10T01:00:00Z", reviewer, 2, NONE),
            comment("2024-02-11T01:00:00Z", reviewer, 3, NONE));
    Journey carol = journeys(events, FEB_REPO).newcomers().stream()
        .filter(x -> x.newcomer().equals(CAROL)).findFirst().orElseThrow();
    assertEquals(List.of(reviewer), carol.mentors());
  }

  @Test
  void noEventsAndNoNewcomersAreNoData() {
    List<Event> none = List.of(new Star(Instant.parse("2024-02-08T00:00:00Z"), REPO, ALICE));
    for (MetricDescriptor<?> d : METRICS) {
      for (Measurement m : measure(d, none)) {
        assertFalse(m.hasValue(), d.id() + ": " + m);
      }
    }
    // Contributors but no newcomer: the count 0 is a value, everything about newcomers is absent.
    List<Event> established =
        List.of(issue("2024-01-10T00:00:00Z", ALICE, 1), comment("2024-02-10T00:00:00Z", ALICE, 1, NONE));
    for (MetricDescriptor<?> d : METRICS) {
      for (Measurement m : measure(d, established)) {
        if (m.name().equals("newcomers")) {
          assertEquals(OptionalDouble.of(0), m.value());
          assertEquals(1, m.evidence());
        } else {
          assertFalse(m.hasValue(), d.id() + ": " + m);
        }
      }
    }
  }

  private static <R> List<Measurement> measure(MetricDescriptor<R> d, List<Event> events) {
    EventStore store = EventStore.of(events);
    return d.measure(d.metric(FEB_REPO).compute(store, People.resolve(store)), FEB_REPO);
  }

  @Test
  void parametersAreChecked() {
    Evaluation bad = FEB_REPO.withParameter(Mentorship.INSTANCE, "mentorItems", "1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mentorship.INSTANCE.metric(bad));
    assertTrue(e.getMessage().contains("mentorItems"), e.getMessage());
    Evaluation zero = FEB_REPO.withParameter(NewcomerWelcomers.INSTANCE, "top", "0");
    assertThrows(IllegalArgumentException.class, () -> NewcomerWelcomers.INSTANCE.metric(zero));
  }

  @Test
  void theSameParametersGiveEqualMetrics() {
    assertEquals(NewcomerStaying.INSTANCE.metric(FEB_REPO), NewcomerStaying.INSTANCE.metric(FEB_REPO));
    assertFalse(
        NewcomerStaying.INSTANCE.metric(FEB_REPO)
            .equals(NewcomerStaying.INSTANCE.metric(FEB_REPO.withParameter(NewcomerStaying.INSTANCE, "quickResponse", "P1D"))));
  }
}
