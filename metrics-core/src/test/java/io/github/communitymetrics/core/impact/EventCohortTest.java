package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCohortTest {

  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  static Instant day(double days) {
    return T.plusSeconds(Math.round(days * 86_400));
  }

  static PersonContributions person(String name, double... days) {
    List<Instant> at = new ArrayList<>();
    for (double d : days) {
      at.add(day(d));
    }
    return new PersonContributions(name, at);
  }

  @Test
  void theCohortIsWhoseFirstContributionFallsInTheEvent() {
    CommunityEvent sprint = new CommunityEvent("Spring sprint", EventKind.SPRINT, day(0), day(3), Set.of(), Set.of("ana"));
    List<PersonContributions> people =
        List.of(
            person("before", -1, 1), // first before the event, then active during it: not a newcomer of it
            person("ana", 0, 10), // first at the start (inclusive)
            person("bo", 2.9),
            person("cy", 3)); // at the end (exclusive)
    EventCohort cohort = EventCohort.of(people, sprint);
    assertEquals(List.of("ana", "bo"), cohort.members().stream().map(PersonContributions::person).toList());
  }

  @Test
  void conversionCountsOnlyThoseWhoseHorizonHasPassed() {
    // Horizon 30 days, as of day 40. ana: second at 20 (converted). bo: second at 31, one day
    // late (not converted). cy: two contributions at the same instant, then none: the second is
    // not after the first (not converted). dee: first on day 15, horizon ends on day 45 > 40: not
    // eligible, although she has a second contribution on day 16.
    List<PersonContributions> people =
        List.of(person("ana", 0, 20), person("bo", 0, 31), person("cy", 1, 1), person("dee", 15, 16));
    EventCohort cohort = EventCohort.of(people, day(0), day(20));
    CohortConversion c = cohort.conversion(Duration.ofDays(30), day(40), IntervalMethod.WILSON, 0.95);
    assertEquals(4, c.cohort());
    assertEquals(3, c.eligible());
    assertEquals(1, c.converted());
    assertEquals(1.0 / 3, c.rate().orElseThrow().estimate(), 1e-15);
    CohortConversion none = cohort.conversion(Duration.ofDays(50), day(40), IntervalMethod.WILSON, 0.95);
    assertEquals(0, none.eligible());
    assertTrue(none.rate().isEmpty());
  }

  // Freireich et al. (1963), weeks in remission; 6-MP with censored times, placebo all relapsed.
  static final int[] SIX_MP = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
  static final boolean[] SIX_MP_RELAPSED = {
    true, true, true, false, true, false, true, false, false, true, true, false, false, false, true,
    true, false, false, false, false, false
  };
  static final int[] PLACEBO = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};

  static final Duration GAP = Duration.ofDays(30);
  /** All first contributions lie 40 weeks or less before {@code asOf - GAP}. */
  static final double AS_OF = 40 * 7 + 30;

  /**
   * People whose departure durations are the trial's times: a relapse at w weeks is a person
   * whose last contribution is w weeks after the first, long enough before the as-of day; a
   * censoring at w weeks is a person who joined {@code asOf - gap - w weeks} and is still active
   * (a contribution a day after {@code asOf - gap}).
   */
  static List<PersonContributions> cohortOf(String arm, int[] weeks, boolean[] relapsed) {
    List<PersonContributions> people = new ArrayList<>();
    for (int i = 0; i < weeks.length; i++) {
      double w = weeks[i] * 7.0;
      people.add(
          relapsed[i]
              ? person(arm + i, 0, w)
              : person(arm + i, AS_OF - 30 - w, AS_OF - 29));
    }
    return people;
  }

  @Test
  void survivalOfTheSixMpArmMatchesTheTextbook() {
    EventCohort cohort = EventCohort.of(cohortOf("mp", SIX_MP, SIX_MP_RELAPSED), day(0), day(AS_OF - 30));
    assertEquals(21, cohort.size());
    SurvivalCurve curve = cohort.survival(GAP, day(AS_OF), 0.95, BandScale.PLAIN);
    // Klein and Moeschberger, Table 4.1A (rounded): S and the Greenwood standard error.
    int[] weeks = {6, 7, 10, 13, 16, 22, 23};
    double[] s = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    double[] se = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
    List<SurvivalStep> steps = curve.steps();
    assertEquals(7, steps.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(weeks[i] * 7L * 86_400, steps.get(i).time(), "week " + weeks[i]);
      assertEquals(s[i], steps.get(i).survival(), 0.0006, "S at week " + weeks[i]);
      assertEquals(se[i], steps.get(i).standardError().getAsDouble(), 0.00006, "SE at week " + weeks[i]);
    }
  }

  @Test
  void logRankOfTheLeukaemiaTrialMatchesTheTextbook() {
    EventCohort mp = EventCohort.of(cohortOf("mp", SIX_MP, SIX_MP_RELAPSED), day(0), day(AS_OF - 30));
    EventCohort placebo = EventCohort.of(cohortOf("pl", PLACEBO, allTrue(21)), day(0), day(AS_OF - 30));
    LogRank test = mp.logRank(placebo, GAP, day(AS_OF)).orElseThrow();
    // Kleinbaum and Klein, Survival Analysis, ch. 2: O1 = 9, E1 = 19.25, chi-square 16.79, df 1;
    // the statistic and p to more digits from statsmodels 0.15 survdiff.
    assertEquals(9, test.observed());
    assertEquals(19.25, test.expected(), 0.005);
    assertEquals(16.792940989216532, test.chiSquare(), 1e-9);
    assertEquals(1, test.degreesOfFreedom());
    assertEquals(4.1688091093394775e-05, test.pValue(), 1e-12);
  }

  static boolean[] allTrue(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  @Test
  void logRankByHand() {
    // Group 1 departs at 1 and 2, group 2 at 3.
    // t = 1: n = 3, n1 = 2, d = 1: E = 2/3, V = (2/3)(1/3)(2)/(2) = 2/9.
    // t = 2: n = 2, n1 = 1, d = 1: E = 1/2, V = (1/2)(1/2)(1)/(1) = 1/4.
    // t = 3: n = 1, n1 = 0: E = 0, V = 0.
    // O1 = 2, E1 = 7/6, V = 17/36; chi-square = (5/6)^2 / (17/36) = 25/17.
    LogRank test =
        LogRank.test(new long[] {1, 2}, new boolean[] {true, true}, new long[] {3}, new boolean[] {true}).orElseThrow();
    assertEquals(2, test.observed());
    assertEquals(7.0 / 6, test.expected(), 1e-15);
    assertEquals(17.0 / 36, test.variance(), 1e-15);
    assertEquals(25.0 / 17, test.chiSquare(), 1e-14);
    // Censored everywhere: no event, nothing to compare.
    assertTrue(LogRank.test(new long[] {1}, new boolean[] {false}, new long[] {2}, new boolean[] {false}).isEmpty());
  }

  @Test
  void peopleWithoutFollowUpAreInNoRiskSet() {
    // Gap 30 days, as of day 100: "late" joined on day 80, less than the gap before: not followed.
    List<PersonContributions> people = List.of(person("early", 0, 10), person("late", 80));
    SurvivalCurve curve = EventCohort.of(people, day(0), day(90)).survival(GAP, day(100), 0.95, BandScale.LOG_LOG);
    assertEquals(2, curve.subjects());
    assertEquals(1, curve.withoutFollowUp());
    assertEquals(1, curve.steps().get(0).atRisk());
  }

  @Test
  void argumentChecks() {
    assertThrows(IllegalArgumentException.class, () -> new PersonContributions("ana", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new PersonContributions(" ", List.of(T)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PersonContributions("ana", List.of(day(2), day(1))));
    assertTrue(e.getMessage().contains("[1]"), e.getMessage());
    EventCohort cohort = EventCohort.of(List.of(person("ana", 0)), day(0), day(1));
    assertThrows(IllegalArgumentException.class, () -> cohort.conversion(Duration.ZERO, day(5), IntervalMethod.WILSON, 0.95));
    assertThrows(IllegalArgumentException.class, () -> cohort.conversion(Duration.ofDays(1), day(0.5), IntervalMethod.WILSON, 0.95));
    assertThrows(IllegalArgumentException.class, () -> cohort.survival(Duration.ofDays(-1), day(5), 0.95, BandScale.PLAIN));
    assertThrows(IllegalArgumentException.class, () -> new EventCohort(day(0), day(1), List.of(person("bo", 2))));
    assertThrows(
        IllegalArgumentException.class,
        () -> LogRank.test(new long[] {1, 2}, new boolean[] {true}, new long[] {1}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LogRank.test(new long[] {-1}, new boolean[] {true}, new long[] {1}, new boolean[] {true}));
  }

  @Test
  void conversionToARungCountsWhoReachedItWithinTheHorizon() {
    // Horizon 30 days, as of day 60. ana (first day 0) reached D2 on day 20: converted. bo (first
    // day 1) reached it on day 40, after his deadline (day 31): not. cy (first day 2) reached it
    // before her first contribution in the scope (day -5, a merge elsewhere in the scope's
    // history is still "reached"): converted. dee (first day 2) never did. eve (first day 40):
    // her deadline (day 70) is after the as-of day, so she is not eligible.
    EventCohort cohort =
        new EventCohort(day(0), day(50), List.of(
            person("ana", 0, 20), person("bo", 1, 40), person("cy", 2), person("dee", 2, 3), person("eve", 40)));
    CohortConversion c =
        cohort.reaching(
            java.util.Map.of("ana", day(20), "bo", day(40), "cy", day(-5), "zed", day(1)),
            Duration.ofDays(30), day(60), IntervalMethod.WILSON, 0.95);
    assertEquals(5, c.cohort());
    assertEquals(4, c.eligible());
    assertEquals(2, c.converted());
    assertEquals(0.5, c.rate().orElseThrow().estimate(), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> cohort.reaching(java.util.Map.of(), Duration.ZERO, day(60), IntervalMethod.WILSON, 0.95));
  }
}
