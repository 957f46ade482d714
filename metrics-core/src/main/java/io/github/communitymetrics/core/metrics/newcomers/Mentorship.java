package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.impact.LogRank;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Parameter;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Mentorship (CHAOSS DEI Mentorship): a mentor of a newcomer is a maintainer (the act carried
 * association owner, member or collaborator, or they had been granted access, or they stood on
 * ladder rung D3) who commented on or reviewed at least k of the newcomer's first n issues and
 * pull requests. Mentees' retention and ladder climb (reaching D2) against the other newcomers of
 * the same window: Kaplan-Meier curves and log-rank tests.
 *
 * <p>Caution: being mentored needs k items, so mentees made at least k contributions; their
 * retention is therefore favoured (immortal-time bias). Read the comparison as an association.
 */
public final class Mentorship extends MetricDescriptor<Mentorship.Result> {
  /** The registered instance ({@code StandardMetrics.MENTORSHIP}). */
  public static final Mentorship INSTANCE = new Mentorship();

  /** The horizon of the retention and climb shares. */
  public static final Duration HORIZON = Duration.ofDays(180);

  private Mentorship() {
    super(
        "mentorship",
        "Are newcomers mentored, and do mentees stay and climb?",
        "The newcomers of the window whose first issues and pull requests were answered or"
            + " reviewed repeatedly by a maintainer (k of the first n), and how long mentees and"
            + " the other newcomers stayed active and how soon they had a pull request merged"
            + " (ladder rung D2), compared by Kaplan-Meier and the log-rank test.",
        "mentorship",
        List.of(
            new Preset("chaoss", "CHAOSS DEI Mentorship")
                .definedAt("https://github.com/chaoss/wg-dei/blob/main/focus-areas/leadership/mentorship.md")
                .withGuidance(
                    "More mentees, mentored by more people, is better. A small log-rank p-value says"
                        + " the groups differ (an association). CHAOSS publishes no levels.")),
        List.of(
            new Parameter("mentorMinimum", Parameter.Kind.INTEGER, "2", "items", "k: a mentor answered or reviewed at least this many of the newcomer's first n items"),
            new Parameter("mentorItems", Parameter.Kind.INTEGER, "5", "items", "n: how many of the newcomer's first issues and pull requests are looked at"),
            new Parameter("departureGap", Parameter.Kind.DURATION, "P90D", "days", "a newcomer whose last contribution is this long before the end has departed")),
        List.of(
            new MeasurementSpec("mentees", Unit.PEOPLE, "newcomers with at least one mentor"),
            new MeasurementSpec("mentors", Unit.PEOPLE, "people who mentored at least one newcomer"),
            new MeasurementSpec("mentoredShare", Unit.FRACTION, "mentees among the newcomers"),
            new MeasurementSpec("menteesRetained180Days", Unit.FRACTION, "mentees still active 180 days after arriving (Kaplan-Meier)"),
            new MeasurementSpec("othersRetained180Days", Unit.FRACTION, "the same for the other newcomers"),
            new MeasurementSpec("menteesReachedD2Within180Days", Unit.FRACTION, "mentees with a merged pull request within 180 days (Kaplan-Meier)"),
            new MeasurementSpec("othersReachedD2Within180Days", Unit.FRACTION, "the same for the other newcomers"),
            new MeasurementSpec("retentionLogRankP", Unit.FRACTION, "log-rank p-value, mentees' against others' retention"),
            new MeasurementSpec("climbLogRankP", Unit.FRACTION, "log-rank p-value, mentees' against others' time to D2"),
            new MeasurementSpec("retentionLogRankPSameMonths", Unit.FRACTION, "the same retention test comparing each mentee only with the others who arrived in the same UTC month (stratified log-rank)"),
            new MeasurementSpec("climbLogRankPSameMonths", Unit.FRACTION, "the same for the time to D2")),
        Locality.HISTORY);
  }

  /** The shared engine, with this metric's mentor parameters from {@code e}. */
  static NewcomerJourneys engine(Evaluation e, ContributionType type) {
    int k = e.integer(INSTANCE, "mentorMinimum");
    int n = e.integer(INSTANCE, "mentorItems");
    Checks.argument(k > 0, "mentorship.mentorMinimum must be positive: " + k);
    Checks.argument(n >= k, "mentorship.mentorItems (" + n + ") must be at least mentorMinimum (" + k + ")");
    return new NewcomerJourneys(e.scope(), e.window(), type, k, n);
  }

  /**
   * The result.
   *
   * @param journeys every newcomer's journey (with its mentors)
   * @param departureGap the departure gap
   * @param mentored the mentees
   * @param others the other newcomers of the window
   * @param mentors mentees per mentor, ranked (absence factor: more than half of the mentees)
   * @param retentionTest log-rank test of the mentees' retention against the others'; empty
   *     when there is nothing to compare
   * @param climbTest log-rank test of the time to D2; empty when nothing to compare
   * @param retentionTestSameMonths the retention test stratified by the UTC calendar month of
   *     arrival: mentees compared only with the others who arrived in their month, so that a
   *     change in who arrives over the window (or in how long a month's arrivals can be
   *     followed) does not pass for a mentoring effect; empty when nothing to compare
   * @param climbTestSameMonths the time-to-D2 test stratified the same way
   */
  public record Result(
      Journeys journeys,
      Duration departureGap,
      MentorshipGroup mentored,
      MentorshipGroup others,
      Concentration<Actor> mentors,
      Optional<LogRank> retentionTest,
      Optional<LogRank> climbTest,
      Optional<LogRank> retentionTestSameMonths,
      Optional<LogRank> climbTestSameMonths) {
    /** Checks the components. */
    public Result {
      Checks.notNull(journeys, "journeys");
      Checks.notNull(departureGap, "departureGap");
      Checks.notNull(mentored, "mentored");
      Checks.notNull(others, "others");
      Checks.notNull(mentors, "mentors");
      Checks.notNull(retentionTest, "retentionTest");
      Checks.notNull(climbTest, "climbTest");
      Checks.notNull(retentionTestSameMonths, "retentionTestSameMonths");
      Checks.notNull(climbTestSameMonths, "climbTestSameMonths");
    }
  }

  /** What this metric makes of the journeys. */
  record View(Duration departureGap) implements Derived.View<Result> {
    @Override
    public Result of(Journeys j) {
      List<Journey> mentees = j.newcomers().stream().filter(Journey::mentored).toList();
      List<Journey> others = j.newcomers().stream().filter(x -> !x.mentored()).toList();
      MentorshipGroup m = MentorshipGroup.of(mentees, j.window(), departureGap);
      MentorshipGroup o = MentorshipGroup.of(others, j.window(), departureGap);
      Map<Actor, Long> perMentor = new HashMap<>();
      mentees.forEach(x -> x.mentors().forEach(p -> perMentor.merge(p, 1L, Long::sum)));
      return new Result(
          j, departureGap, m, o,
          Concentration.of(perMentor, ShareRule.MORE_THAN_HALF, Comparator.naturalOrder()),
          LogRank.test(m.retentionTimes(), m.departedFlags(), o.retentionTimes(), o.departedFlags()),
          LogRank.test(m.climbTimes(), m.climbedFlags(), o.climbTimes(), o.climbedFlags()),
          LogRank.stratified(m.retentionTimes(), m.departedFlags(), months(mentees), o.retentionTimes(), o.departedFlags(), months(others)),
          LogRank.stratified(m.climbTimes(), m.climbedFlags(), months(mentees), o.climbTimes(), o.climbedFlags(), months(others)));
    }

    /** Each journey's UTC calendar month of arrival, as {@code year * 12 + month - 1}, in order. */
    private static int[] months(List<Journey> journeys) {
      return journeys.stream()
          .map(j -> j.firstContribution().atOffset(ZoneOffset.UTC))
          .mapToInt(t -> t.getYear() * 12 + t.getMonthValue() - 1)
          .toArray();
    }
  }

  /** Climbs and departures are censored at as-of. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return metric(e, ContributionType.ANY);
  }

  /** This metric with newcomers found by their first contribution of {@code type}. */
  public SliceMetric<?, Result> metric(Evaluation e, ContributionType type) {
    return new Derived<>(engine(e, type), new View(e.duration(this, "departureGap")));
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    int newcomers = r.journeys().newcomers().size();
    int mentees = r.mentored().newcomers();
    int others = r.others().newcomers();
    return List.of(
        Measurement.of(id(), "mentees", Unit.PEOPLE, mentees, newcomers, p),
        Measurement.of(id(), "mentors", Unit.PEOPLE, r.mentors().ranking().size(), newcomers, p),
        Measurement.of(id(), "mentoredShare", Unit.FRACTION, newcomers == 0 ? 0 : (double) mentees / newcomers, newcomers, p),
        Measurement.of(id(), "menteesRetained180Days", Unit.FRACTION, r.mentored().retainedAt(HORIZON), mentees, p),
        Measurement.of(id(), "othersRetained180Days", Unit.FRACTION, r.others().retainedAt(HORIZON), others, p),
        Measurement.of(id(), "menteesReachedD2Within180Days", Unit.FRACTION, r.mentored().reachedD2Within(HORIZON), mentees, p),
        Measurement.of(id(), "othersReachedD2Within180Days", Unit.FRACTION, r.others().reachedD2Within(HORIZON), others, p),
        Measurement.of(id(), "retentionLogRankP", Unit.FRACTION, pValue(r.retentionTest()), newcomers, p),
        Measurement.of(id(), "climbLogRankP", Unit.FRACTION, pValue(r.climbTest()), newcomers, p),
        Measurement.of(id(), "retentionLogRankPSameMonths", Unit.FRACTION, pValue(r.retentionTestSameMonths()), newcomers, p),
        Measurement.of(id(), "climbLogRankPSameMonths", Unit.FRACTION, pValue(r.climbTestSameMonths()), newcomers, p));
  }

  private static OptionalDouble pValue(Optional<LogRank> t) {
    return t.map(x -> OptionalDouble.of(x.pValue())).orElse(OptionalDouble.empty());
  }
}
