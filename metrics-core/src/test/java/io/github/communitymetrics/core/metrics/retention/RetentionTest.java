package io.github.communitymetrics.core.metrics.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RetentionTest {
  static final Repository REPO = Repository.github("acme/widget");
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = Actor.github("carol");
  static final Actor DAVE = Actor.github("dave");
  static final Actor BOT = Actor.github("dependabot[bot]");
  static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo"); // UTC-3, no DST since 2019
  /** January to June 2025 in Sao Paulo: local midnight is 03:00 UTC. */
  static final Window H1_SP =
      new Window(Instant.parse("2025-01-01T03:00:00Z"), Instant.parse("2025-07-01T03:00:00Z"));

  static Instant at(String s) {
    return Instant.parse(s);
  }

  static IssueOpened issue(Actor who, String when, int n) {
    return new IssueOpened(at(when), REPO, who, n, Optional.empty());
  }

  static IssueComment comment(Actor who, String when, int n) {
    return new IssueComment(at(when), REPO, who, n, false, Optional.empty(), OptionalLong.empty());
  }

  /**
   * alice: Jan 31 23:30 local (02:30 UTC on Feb 1), Feb 1 00:00 local, Mar 10, Mar 11; bob: Jan
   * 15 and, after a five-month gap, Jun 20; carol: Mar 5, Apr 5; dave: May 20; a bot PR in Feb.
   */
  static List<Event> events() {
    return List.of(
        issue(ALICE, "2025-02-01T02:30:00Z", 1),
        comment(ALICE, "2025-02-01T03:00:00Z", 1),
        comment(ALICE, "2025-03-10T12:00:00Z", 1),
        comment(ALICE, "2025-03-11T12:00:00Z", 1),
        issue(BOB, "2025-01-15T12:00:00Z", 2),
        comment(BOB, "2025-06-20T12:00:00Z", 2),
        issue(CAROL, "2025-03-05T12:00:00Z", 3),
        comment(CAROL, "2025-04-05T12:00:00Z", 3),
        comment(DAVE, "2025-05-20T12:00:00Z", 3),
        new PullRequestOpened(
            at("2025-02-10T00:00:00Z"), REPO, BOT, 4, false, Optional.empty(), Optional.empty()),
        // Outside the window: before its start (Dec 31 local) and at its end (excluded).
        issue(DAVE, "2025-01-01T02:59:59Z", 5),
        issue(DAVE, "2025-07-01T03:00:00Z", 6));
  }

  static RetentionResult run(Retention r) {
    EventStore s = EventStore.of(events());
    return r.compute(s, People.resolve(s));
  }

  static Retention saoPaulo() {
    return Retention.chaoss(H1_SP, SAO_PAULO)
        .withActivityMonths(2, 3)
        .withDepartureGap(Duration.ofDays(100));
  }

  @Test
  void periodsCutAtLocalMidnightWithReturnersAndLfxRetention() {
    RetentionResult r = run(saoPaulo());
    List<PeriodRetention> p = r.periods();
    assertEquals(6, p.size());
    assertEquals("2025-01", p.get(0).period().label());
    assertEquals(SAO_PAULO, p.get(0).period().zone());
    // January: alice's issue at 23:30 local on Jan 31 is in January.
    assertEquals(List.of(ALICE, BOB), p.get(0).active());
    assertEquals(List.of(ALICE, BOB), p.get(0).newcomers());
    assertEquals(OptionalDouble.empty(), p.get(0).retentionPercent());
    assertEquals(OptionalInt.empty(), p.get(0).lfxPoints());
    // February: alice stays (1 of 2): 50 %, 5 points; the bot does not count.
    assertEquals(List.of(ALICE), p.get(1).active());
    assertEquals(List.of(ALICE), p.get(1).retained());
    assertEquals(List.of(), p.get(1).newcomers());
    assertEquals(OptionalDouble.of(50.0), p.get(1).retentionPercent());
    assertEquals(OptionalInt.of(5), p.get(1).lfxPoints());
    // March: carol is new, alice retained: 1 of 1 = 100 %.
    assertEquals(List.of(ALICE, CAROL), p.get(2).active());
    assertEquals(List.of(CAROL), p.get(2).newcomers());
    assertEquals(OptionalDouble.of(100.0), p.get(2).retentionPercent());
    // alice's last contribution (Mar 11) is 111 days before July 1: inactive, counted in March.
    assertEquals(List.of(ALICE), p.get(2).inactive());
    // April: carol only, 1 of 2 = 50 %; carol's last (Apr 5) is 86 days before July 1: active.
    assertEquals(List.of(CAROL), p.get(3).active());
    assertEquals(OptionalDouble.of(50.0), p.get(3).retentionPercent());
    assertEquals(List.of(), p.get(3).inactive());
    // May: dave is new, nobody retained: 0 of 1 = 0 %, 0 points.
    assertEquals(List.of(DAVE), p.get(4).newcomers());
    assertEquals(OptionalDouble.of(0.0), p.get(4).retentionPercent());
    assertEquals(OptionalInt.of(0), p.get(4).lfxPoints());
    // June: bob returns after five months.
    assertEquals(List.of(BOB), p.get(5).active());
    assertEquals(List.of(BOB), p.get(5).returning());
    assertEquals(List.of(), p.get(5).newcomers());
    assertEquals(OptionalDouble.of(0.0), p.get(5).retentionPercent());
  }

  @Test
  void inUtcTheSameInstantsFallInOtherMonths() {
    Window h1 = new Window(at("2025-01-01T00:00:00Z"), at("2025-07-01T00:00:00Z"));
    RetentionResult r = run(Retention.chaoss(h1, ZoneOffset.UTC));
    // dave's issue at 02:59:59 UTC on Jan 1 is December in Sao Paulo but January in UTC.
    assertEquals(List.of(BOB, DAVE), r.periods().get(0).active());
    assertEquals(List.of(ALICE), r.periods().get(1).newcomers());
  }

  @Test
  void statusesAndCohorts() {
    RetentionResult r = run(saoPaulo());
    assertEquals(at("2025-07-01T03:00:00Z"), r.asOf());
    // 8Knot with 2 and 3 months: active since May 1 local, drifting since April 1 local.
    assertEquals(List.of(BOB, DAVE), r.active());
    assertEquals(List.of(CAROL), r.drifting());
    assertEquals(List.of(ALICE), r.away());
    // OpenSauced: June against May.
    assertEquals(List.of(), r.openSaucedActive());
    assertEquals(List.of(BOB), r.openSaucedNew());
    assertEquals(List.of(DAVE), r.openSaucedAlumni());
    // Augur: alice has 4 within 365 days.
    assertEquals(List.of(ALICE), r.repeat());
    assertEquals(List.of(BOB, CAROL, DAVE), r.flyBy());
    // Occasional: nothing since April 1 local, at most 12 contributions.
    assertEquals(List.of(ALICE), r.occasional());
    // Cohorts: Jan {alice, bob}: 2, 1, 1, 0, 0, 1; Mar {carol}: 1, 1, 0, 0; May {dave}: 1, 0.
    assertEquals(3, r.cohorts().size());
    CohortRow jan = r.cohorts().get(0);
    assertEquals("2025-01", jan.cohort().label());
    assertEquals(List.of(ALICE, BOB), jan.members());
    assertEquals(List.of(2, 1, 1, 0, 0, 1), jan.activeAfter());
    assertEquals(0.5, jan.share(5));
    IllegalArgumentException tooFar = assertThrows(IllegalArgumentException.class, () -> jan.share(6));
    assertTrue(tooFar.getMessage().contains("between 0 and 5"), tooFar.getMessage());
    assertEquals(List.of(1, 1, 0, 0), r.cohorts().get(1).activeAfter());
    assertEquals(List.of(1, 0), r.cohorts().get(2).activeAfter());
    assertEquals("2025-05", r.cohorts().get(2).cohort().label());
  }

  @Test
  void survivalTreatsPeopleStillActiveAsCensored() {
    RetentionResult r = run(saoPaulo());
    // Gap 100 days: only alice (111 days quiet) departed; carol (86 days) is censored.
    assertEquals(List.of(ALICE), r.departed());
    // dave's only contribution (May 20) is 42 days before asOf, within the 100-day gap: no
    // follow-up, so counted but in no risk set.
    assertEquals(List.of(BOB, CAROL), r.censored());
    assertEquals(List.of(DAVE), r.withoutFollowUp());
    SurvivalCurve c = r.survival();
    assertEquals(4, c.subjects());
    assertEquals(1, c.events());
    assertEquals(1, c.withoutFollowUp());
    SurvivalStep st = c.steps().get(0);
    // alice: Feb 1 02:30 to Mar 11 12:00 UTC = 38 days 9 h 30 min.
    assertEquals(38 * 86_400 + 9 * 3600 + 1800, st.time());
    // The censored are followed to asOf - 100 days = Mar 23 03:00 UTC: bob from Jan 15 12:00 for
    // 66 days 15 h, carol from Mar 5 12:00 for 17 days 15 h; dave (May 20) is not followed.
    // At risk at alice's departure: alice and bob.
    assertEquals(2, st.atRisk());
    assertEquals(0.5, st.survival());
    assertEquals(0.5 * Math.sqrt(0.5), st.standardError().getAsDouble(), 1e-12);
    // log(-log) band: sqrt v = sqrt(0.5) / ln 2 = 1.0201; 0.5^exp(+-1.96 * 1.0201).
    assertEquals(0.005983, st.lower().getAsDouble(), 1e-6);
    assertEquals(0.910410, st.upper().getAsDouble(), 1e-6);
  }

  @Test
  void theStillActiveAreCensoredAtAsOfMinusTheGapNotAtTheirLastContribution() {
    // erin: Mar 1 to Jun 1. Censored at asOf - 100 days (Mar 23 03:00 UTC): 21 days 15 h, less
    // than alice's 38 days, so not at risk at alice's departure. Censored at her last
    // contribution (92 days) she would be, and S would be 2/3 instead of 1/2.
    Actor erin = Actor.github("erin");
    List<Event> more = new java.util.ArrayList<>(events());
    more.add(issue(erin, "2025-03-01T12:00:00Z", 7));
    more.add(comment(erin, "2025-06-01T12:00:00Z", 7));
    EventStore s = EventStore.of(more);
    RetentionResult r = saoPaulo().compute(s, People.resolve(s));
    assertEquals(List.of(BOB, CAROL, erin), r.censored());
    assertEquals(List.of(DAVE), r.withoutFollowUp());
    SurvivalStep st = r.survival().steps().get(0);
    assertEquals(2, st.atRisk());
    assertEquals(0.5, st.survival());
  }

  @Test
  void botsCountOnlyWhenAskedFor() {
    RetentionResult r = run(saoPaulo().withBots(true));
    assertEquals(List.of(ALICE, BOT), r.periods().get(1).active());
    assertEquals(List.of(BOT), r.periods().get(1).newcomers());
  }

  @Test
  void openSaucedCountsOnlyPullRequests() {
    RetentionResult r = run(Retention.openSauced(H1_SP).withBots(true));
    assertEquals(List.of(BOT), r.flyBy());
    assertEquals(0, r.repeat().size());
  }

  @Test
  void scopeLeavesOtherRepositoriesOut() {
    List<Event> more = new java.util.ArrayList<>(events());
    Actor erin = Actor.github("erin");
    more.add(new IssueOpened(at("2025-02-10T00:00:00Z"), Repository.github("other/thing"), erin, 1, Optional.empty()));
    EventStore s = EventStore.of(more);
    People people = People.resolve(s);
    assertEquals(List.of(ALICE, erin), saoPaulo().compute(s, people).periods().get(1).active());
    RetentionResult scoped =
        saoPaulo().withScope(io.github.communitymetrics.core.metrics.RepositoryScope.of(REPO)).compute(s, people);
    assertEquals(run(saoPaulo()).periods(), scoped.periods());
  }

  @Test
  void lastCompletePeriodSkipsThePartialOne() {
    // Ends mid-June: June is partial, so the last complete period is May.
    Window w = new Window(H1_SP.start(), at("2025-06-15T00:00:00Z"));
    RetentionResult r = run(Retention.chaoss(w, SAO_PAULO));
    assertEquals(6, r.periods().size());
    assertEquals("2025-05", r.lastCompletePeriod().orElseThrow().period().label());
    assertEquals("2025-06", run(saoPaulo()).lastCompletePeriod().orElseThrow().period().label());
  }

  @Test
  void openSaucedComparesRollingWindowsNotCalendarPeriods() {
    // Ends June 15 00:00 UTC (June 14 21:00 local): the current window is from May 14 21:00
    // local, the previous from April 14 21:00 local. dave (May 20) is in the current one, so new;
    // carol (April 5) is in neither. Calendar months would compare the partial June (nobody) with
    // May and call dave alumni.
    Window w = new Window(H1_SP.start(), at("2025-06-15T00:00:00Z"));
    RetentionResult r = run(saoPaulo().withWindow(w));
    assertEquals(List.of(), r.openSaucedActive());
    assertEquals(List.of(DAVE), r.openSaucedNew());
    assertEquals(List.of(), r.openSaucedAlumni());
    // Ending April 20 00:00 UTC: current from March 19 21:00 local (carol Apr 5), previous from
    // February 19 21:00 local (alice Mar 10, 11; carol Mar 5).
    RetentionResult april = run(saoPaulo().withWindow(new Window(H1_SP.start(), at("2025-04-20T00:00:00Z"))));
    assertEquals(List.of(CAROL), april.openSaucedActive());
    assertEquals(List.of(), april.openSaucedNew());
    assertEquals(List.of(ALICE), april.openSaucedAlumni());
  }

  /**
   * Every status boundary, one second either side, as of 2025-01-01 UTC (lfx: quarters in UTC,
   * inactive after 90 days, 8Knot 6 and 12 months, Augur 4 within 365 days).
   */
  @Test
  void statusBoundariesToTheSecond() {
    Actor erin = Actor.github("erin");
    Actor frank = Actor.github("frank");
    Actor gina = Actor.github("gina");
    Actor hank = Actor.github("hank");
    Actor ivy = Actor.github("ivy");
    Actor jack = Actor.github("jack");
    Actor kim = Actor.github("kim");
    EventStore s =
        EventStore.of(
            List.of(
                // Augur: 2024 is a leap year, so Dec 31 00:00 is exactly 365 days after Jan 1.
                issue(erin, "2024-01-01T00:00:00Z", 1),
                comment(erin, "2024-01-02T00:00:00Z", 1),
                comment(erin, "2024-01-03T00:00:00Z", 1),
                comment(erin, "2024-12-31T00:00:00Z", 1), // not within 365 days: fly-by
                issue(frank, "2024-01-01T00:00:00Z", 2),
                comment(frank, "2024-01-02T00:00:00Z", 2),
                comment(frank, "2024-01-03T00:00:00Z", 2),
                comment(frank, "2024-12-30T23:59:59Z", 2), // one second inside: repeat
                // 8Knot: 6 months before asOf is Jul 1, 12 months is Jan 1 2024.
                issue(gina, "2024-07-01T00:00:00Z", 3), // exactly 6 months: active
                issue(hank, "2024-06-30T23:59:59Z", 4), // drifting
                issue(ivy, "2024-01-01T00:00:00Z", 5), // exactly 12 months: drifting
                // CHAOSS inactive: 90 days before asOf is Oct 3 00:00.
                issue(jack, "2024-10-03T00:00:00Z", 6), // exactly 90 days: inactive
                issue(kim, "2024-10-03T00:00:01Z", 7))); // not yet
    Window year = new Window(at("2024-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"));
    RetentionResult r = Retention.lfx(year).compute(s, People.resolve(s));
    assertEquals(java.util.Set.of(frank), java.util.Set.copyOf(r.repeat()));
    assertEquals(java.util.Set.of(erin, gina, hank, ivy, jack, kim), java.util.Set.copyOf(r.flyBy()));
    assertEquals(java.util.Set.of(erin, frank, gina, jack, kim), java.util.Set.copyOf(r.active()));
    assertEquals(java.util.Set.of(hank, ivy), java.util.Set.copyOf(r.drifting()));
    assertEquals(List.of(), r.away());
    // Inactive people are counted in the quarter of their last contribution.
    assertEquals(List.of(ivy), r.periods().get(0).inactive());
    assertEquals(List.of(hank), r.periods().get(1).inactive());
    assertEquals(List.of(gina), r.periods().get(2).inactive());
    assertEquals(List.of(jack), r.periods().get(3).inactive());
  }

  @Test
  void quartersInKolkataCutAtLocalMidnight() {
    // Asia/Kolkata is UTC+5:30: 2025-04-01T00:00 local is 2025-03-31T18:30Z.
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    Window h1 = new Window(at("2024-12-31T18:30:00Z"), at("2025-06-30T18:30:00Z"));
    EventStore s =
        EventStore.of(
            List.of(
                issue(ALICE, "2025-03-31T18:29:59Z", 1), // Mar 31 23:59:59 local: Q1
                issue(BOB, "2025-03-31T18:30:00Z", 2), // Apr 1 00:00 local: Q2
                comment(ALICE, "2025-06-30T18:29:59Z", 2))); // Jun 30 23:59:59 local: Q2
    RetentionResult r =
        Retention.lfx(h1).withZone(kolkata).compute(s, People.resolve(s));
    assertEquals(2, r.periods().size());
    assertEquals("2025-Q1", r.periods().get(0).period().label());
    assertEquals(List.of(ALICE), r.periods().get(0).active());
    assertEquals(List.of(ALICE, BOB), r.periods().get(1).active());
    assertEquals(List.of(BOB), r.periods().get(1).newcomers());
    assertEquals(OptionalDouble.of(100.0), r.periods().get(1).retentionPercent());
    // Both quarters are complete: the window ends at local midnight of July 1.
    assertEquals("2025-Q2", r.lastCompletePeriod().orElseThrow().period().label());
  }

  @Test
  void lfxPointsBinsAndTheirGaps() {
    double[] pct = {0, 1.99, 2, 2.5, 2.99, 3, 5, 5.5, 5.99, 6, 9.99, 10, 14.5, 15, 19.99, 20, 100};
    int[] pts = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    for (int i = 0; i < pct.length; i++) {
      assertEquals(pts[i], PeriodRetention.lfxPoints(pct[i]), "points of " + pct[i] + " %");
    }
    assertThrows(IllegalArgumentException.class, () -> PeriodRetention.lfxPoints(-1));
    assertThrows(IllegalArgumentException.class, () -> PeriodRetention.lfxPoints(Double.NaN));
  }

  @Test
  void checksParameters() {
    Retention r = Retention.lfx(H1_SP);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r.withActivityMonths(12, 6));
    assertTrue(e.getMessage().contains("driftingMonths"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.withDepartureGap(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> r.withContributionTypes(java.util.Set.of()));
    assertThrows(IllegalArgumentException.class, () -> r.withBands(0, BandScale.PLAIN));
    assertEquals(r, Retention.lfx(H1_SP));
  }
}
