package io.github.communitymetrics.core.metrics.newcomers;

import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.ALICE;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.BOB;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.CAROL;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.DAVE;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.EVALUATION;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.MAINT;
import static io.github.communitymetrics.core.metrics.newcomers.NewcomerScenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The newcomer metrics of {@link NewcomerScenario}, every expected value worked out by hand. */
class NewcomerMetricsTest {
  private static final EventStore STORE = EventStore.of(NewcomerScenario.events());
  private static final People PEOPLE = People.resolve(STORE);

  static <R> R result(MetricDescriptor<R> d) {
    return d.metric(EVALUATION).compute(STORE, PEOPLE);
  }

  static <R> Map<String, OptionalDouble> values(MetricDescriptor<R> d) {
    return d.measure(result(d), EVALUATION).stream()
        .collect(Collectors.toMap(Measurement::name, Measurement::value));
  }

  private static void near(double expected, OptionalDouble actual, String what) {
    assertTrue(actual.isPresent(), what + ": no value");
    assertEquals(expected, actual.getAsDouble(), 1e-9, what);
  }

  @Test
  void journeysFollowEachNewcomer() {
    Journeys j = result(NewcomerExperience.INSTANCE).journeys();
    // alice 5 Feb, bob 12 Feb, carol 20 Feb, dave 23 Feb; eve returns, est and maint are established.
    assertEquals(List.of(ALICE, BOB, CAROL, DAVE), j.newcomers().stream().map(Journey::newcomer).toList());
    // Contributors in February: maint, est, eve, alice, bob, carol, dave (the bot is left out).
    assertEquals(7, j.contributors());
    Journey alice = j.newcomers().get(0);
    assertEquals(at("2024-02-05T00:00:00Z"), alice.firstContribution());
    // Her own comment on #20 is the same item: her second contribution is issue #21.
    assertEquals(Optional.of(at("2024-02-10T00:00:00Z")), alice.secondContribution());
    FirstItem pr = alice.firstPullRequest().orElseThrow();
    assertEquals(20, pr.number());
    // Not the bot after 1 h, not alice herself after 2 h: maint's review after 6 h.
    assertEquals(Optional.of(new Welcome(MAINT, at("2024-02-05T06:00:00Z"), Duration.ofHours(6))), pr.firstResponse());
    assertEquals(pr.firstResponse(), pr.firstReview());
    assertEquals(Outcome.MERGED, pr.outcome());
    assertEquals(Optional.of(at("2024-02-06T00:00:00Z")), pr.decided());
    assertEquals(Optional.of(Duration.ofHours(12)), alice.firstIssue().flatMap(FirstItem::firstResponse).map(Welcome::waited));
    assertEquals(List.of(MAINT), alice.mentors());
    assertEquals(Optional.of(at("2024-02-06T00:00:00Z")), alice.reachedD2());
    FirstItem bobs = j.newcomers().get(1).firstPullRequest().orElseThrow();
    assertEquals(Outcome.CLOSED, bobs.outcome());
    assertTrue(bobs.closedWithoutHumanComment());
    assertTrue(bobs.ignored());
    assertEquals(Optional.empty(), j.newcomers().get(3).firstItem());
  }

  @Test
  void experienceByHand() {
    Map<String, OptionalDouble> v = values(NewcomerExperience.INSTANCE);
    near(4, v.get("newcomers"), "newcomers");
    // First issues: alice 12 h, carol 72 h; KM S(12 h) = 1/2, so the median is 12 h.
    near(12, v.get("issueFirstResponseMedianHours"), "issue median");
    // First PRs: alice 6 h, bob censored at 432 h; S(6 h) = 1/2: 6 h.
    near(6, v.get("pullRequestFirstResponseMedianHours"), "PR median");
    // est's issue #10: 12 h.
    near(12, v.get("establishedIssueFirstResponseMedianHours"), "established issue median");
    // est's PR #11 censored at 648 h, eve's #50 1 h: S(1 h) = 1/2: 1 h.
    near(1, v.get("establishedPullRequestFirstResponseMedianHours"), "established PR median");
    // Newcomers' items: 6, 12, 72 h and 432 h censored: S(24 h) = 2/4, S(168 h) = 1/4.
    near(0.5, v.get("answeredWithin1Day"), "within a day");
    near(0.75, v.get("answeredWithin7Days"), "within 7 days");
    // Established: 1 h, 12 h, 648 h censored: S(24 h) = 1/3 = S(168 h).
    near(2.0 / 3, v.get("establishedAnsweredWithin1Day"), "established within a day");
    near(2.0 / 3, v.get("establishedAnsweredWithin7Days"), "established within 7 days");
    // First reviews: alice 6 h, bob censored 432 h: 6 h.
    near(6, v.get("firstReviewMedianHours"), "first review");
    // alice merged, bob closed: 1 of 2; bob's was closed without a word: 1 of 2.
    near(0.5, v.get("firstPullRequestMergeRate"), "merge rate");
    near(0.5, v.get("closedWithoutHumanComment"), "closed without comment");
    NewcomerExperience.Result r = result(NewcomerExperience.INSTANCE);
    assertEquals(1, r.perPeriod().size());
    assertEquals(4, r.perPeriod().get(0).newcomers());
  }

  @Test
  void stayingByHand() {
    Map<String, OptionalDouble> v = values(NewcomerStaying.INSTANCE);
    // alice back after 5 days; bob (18 d), carol (10 d), dave (7 d) censored: S(5 d) = 3/4.
    near(0.25, v.get("stayed30Days"), "30 days");
    near(0.25, v.get("stayed90Days"), "90 days");
    near(1, v.get("stayed90DaysMerged"), "merged: alice");
    assertEquals(OptionalDouble.empty(), v.get("stayed90DaysClosed"), "nobody's first PR was closed after an answer");
    near(0, v.get("stayed90DaysIgnored"), "ignored: bob");
    // Quick (2 days): alice (6 h). Slow or none: bob (none), carol (72 h). dave opened nothing.
    near(1, v.get("stayed90DaysQuick"), "quick");
    near(0, v.get("stayed90DaysSlow"), "slow");
    // Nobody was followed for 90 days in a 29-day window: no difference.
    assertEquals(OptionalDouble.empty(), v.get("quickMinusSlow90Days"));
    NewcomerStaying.Result r = result(NewcomerStaying.INSTANCE);
    assertEquals(1, r.quick().newcomers());
    assertEquals(2, r.slow().newcomers());
  }

  @Test
  void welcomersByHand() {
    Map<String, OptionalDouble> v = values(NewcomerWelcomers.INSTANCE);
    // alice welcomed by maint (answer and review count once), carol by dave; bob by nobody.
    near(2, v.get("welcomers"), "welcomers");
    near(2, v.get("welcomes"), "welcomes");
    near(2.0 / 3, v.get("welcomedShare"), "alice and carol of alice, bob, carol");
    // 1 + 1 welcomes: more than half takes both.
    near(2, v.get("absenceFactor"), "absence factor");
    near(1, v.get("factorShare"), "the two carry all the welcomes");
    near(1, v.get("topShare"), "top 3");
    near(0, v.get("gini"), "equal");
    NewcomerWelcomers.Result r = result(NewcomerWelcomers.INSTANCE);
    assertEquals(List.of(DAVE, MAINT), r.welcomes().ranking().stream().map(x -> x.key()).toList());
  }

  @Test
  void mentorshipByHand() {
    Map<String, OptionalDouble> v = values(Mentorship.INSTANCE);
    // maint answered both of alice's items (#20 review, #21 comment): k = 2 of n = 5.
    near(1, v.get("mentees"), "mentees");
    near(1, v.get("mentors"), "mentors");
    near(0.25, v.get("mentoredShare"), "1 of 4");
    // Nobody departed (every last contribution is within 90 days of the end).
    near(1, v.get("menteesRetained180Days"), "retained");
    near(1, v.get("othersRetained180Days"), "retained");
    assertEquals(OptionalDouble.empty(), v.get("retentionLogRankP"), "no departures: nothing to test");
    // alice reached D2 after 1 day; bob, carol, dave did not.
    near(1, v.get("menteesReachedD2Within180Days"), "alice");
    near(0, v.get("othersReachedD2Within180Days"), "others");
    // Log-rank at t = 1 d: n = 4, n1 = 1, d = 1: E = 1/4, V = 1 (1/4)(3/4)(3/3) = 3/16,
    // chi^2 = (3/4)^2 / (3/16) = 3, p = P(chi^2_1 > 3) = 2 (1 - Phi(sqrt 3)) = 0.083265.
    assertEquals(0.083265, v.get("climbLogRankP").getAsDouble(), 1e-6);
    Mentorship.Result r = result(Mentorship.INSTANCE);
    assertEquals(3.0, r.climbTest().orElseThrow().chiSquare(), 1e-12);
  }

  @Test
  void aBotsCommentIsNoAnswerAndNeitherIsTheAuthorsOwn() {
    Journeys j = result(NewcomerExperience.INSTANCE).journeys();
    Actor first = j.newcomers().get(0).firstPullRequest().flatMap(FirstItem::firstResponse).orElseThrow().person();
    assertEquals(MAINT, first);
    assertFalse(j.newcomers().stream().anyMatch(x -> x.newcomer().login().orElse("").contains("[bot]")));
  }

  @Test
  void quickAnswersAgainstSlowOnesWithTheirInterval() {
    // January to June 2024 (182 days). maint is established since December.
    Actor q1 = Actor.github("q1");
    Actor q2 = Actor.github("q2");
    Actor s1 = Actor.github("s1");
    Actor s2 = Actor.github("s2");
    Actor late = Actor.github("late");
    java.util.List<io.github.communitymetrics.core.event.Event> events =
        List.of(
            NewcomerScenario.issue("2023-12-01T00:00:00Z", MAINT, 99),
            // q1: answered after 1 day (quick), back on 1 February (22 days).
            NewcomerScenario.issue("2024-01-10T00:00:00Z", q1, 1),
            NewcomerScenario.comment("2024-01-11T00:00:00Z", MAINT, 1, NewcomerScenario.MEMBER),
            NewcomerScenario.comment("2024-02-01T00:00:00Z", q1, 99, NewcomerScenario.NONE),
            // q2: answered after 12 h (quick), back on 1 March (41 days).
            NewcomerScenario.pr("2024-01-20T00:00:00Z", q2, 2),
            NewcomerScenario.comment("2024-01-20T12:00:00Z", MAINT, 2, NewcomerScenario.MEMBER),
            NewcomerScenario.issue("2024-03-01T00:00:00Z", q2, 3),
            // s1: answered after 5 days (slow), never back (censored at 168 days).
            NewcomerScenario.issue("2024-01-15T00:00:00Z", s1, 4),
            NewcomerScenario.comment("2024-01-20T00:00:00Z", MAINT, 4, NewcomerScenario.MEMBER),
            // s2: never answered (slow), back on 30 May (126 days: not within 90).
            NewcomerScenario.pr("2024-01-25T00:00:00Z", s2, 5),
            NewcomerScenario.comment("2024-05-30T00:00:00Z", s2, 99, NewcomerScenario.NONE),
            // late: answered at once, arrived 20 June: followed 11 days only.
            NewcomerScenario.issue("2024-06-20T00:00:00Z", late, 6),
            NewcomerScenario.comment("2024-06-20T01:00:00Z", MAINT, 6, NewcomerScenario.MEMBER));
    io.github.communitymetrics.core.registry.Evaluation e =
        io.github.communitymetrics.core.registry.Evaluation.of(
            io.github.communitymetrics.core.metrics.RepositoryScope.of(NewcomerScenario.REPO),
            new io.github.communitymetrics.core.time.Window(
                at("2024-01-01T00:00:00Z"), at("2024-07-01T00:00:00Z")));
    EventStore store = EventStore.of(events);
    NewcomerStaying.Result r = NewcomerStaying.INSTANCE.metric(e).compute(store, People.resolve(store));
    Map<String, OptionalDouble> v =
        NewcomerStaying.INSTANCE.measure(r, e).stream().collect(Collectors.toMap(Measurement::name, Measurement::value));
    // All five: events at 22, 41, 126 days; censored at 11 (late) and 168 (s1).
    // S(22) = 3/4 (4 at risk), S(41) = 3/4 * 2/3 = 1/2, S(126) = 1/4.
    near(0.25, v.get("stayed30Days"), "30 days");
    near(0.5, v.get("stayed90Days"), "90 days");
    // Quick: q1, q2 back, late censored at 11: S(22) = 1/2, S(41) = 0.
    near(1, v.get("stayed90DaysQuick"), "quick");
    // Slow: s2 back at 126 days, s1 censored at 168: S(90) = 1.
    near(0, v.get("stayed90DaysSlow"), "slow");
    // Followed 90 days: quick 2 of 2 back, slow 0 of 2. Wilson 95% for x = n is [n / (n + z^2), 1]
    // = [2 / 5.841459, 1] = [0.342380, 1]; for 0/2 [0, 0.657620]. Newcombe: lower = 1 - sqrt((1 -
    // 0.342380)^2 + 0.657620^2) = 1 - 1.414214 * 0.657620 = 0.069985; upper = 1 + 0.
    near(1, v.get("quickMinusSlow90Days"), "difference");
    assertEquals(0.069985, v.get("quickMinusSlow90DaysLower").getAsDouble(), 1e-6);
    near(1, v.get("quickMinusSlow90DaysUpper"), "upper");
    assertEquals(2, r.quickMinusSlow().orElseThrow().trials1());
    assertEquals(3, r.quick().newcomers());
  }

  @Test
  void giniOfWelcomesByHand() {
    // [1, 3]: 2 (1*1 + 2*3) / (2 * 4) - 3/2 = 14/8 - 12/8 = 1/4.
    assertEquals(0.25, NewcomerWelcomers.Result.gini(new long[] {3, 1}).getAsDouble(), 1e-12);
    // [1, 1, 1, 4]: 2 (1 + 2 + 3 + 16) / (4 * 7) - 5/4 = 44/28 - 35/28 = 9/28.
    assertEquals(9.0 / 28, NewcomerWelcomers.Result.gini(new long[] {1, 4, 1, 1}).getAsDouble(), 1e-12);
    assertEquals(0.0, NewcomerWelcomers.Result.gini(new long[] {5}).getAsDouble(), 0);
    assertEquals(OptionalDouble.empty(), NewcomerWelcomers.Result.gini(new long[0]));
  }
}
