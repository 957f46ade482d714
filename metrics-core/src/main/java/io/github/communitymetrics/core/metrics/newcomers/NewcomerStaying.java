package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Do newcomers stay? Their second contribution within 30 and 90 days (Kaplan-Meier: those who
 * arrived too late to be followed that long are censored), by the fate of their first pull
 * request and by whether their first issue or pull request got a quick human answer, with the
 * difference in 90-day staying between quick and slow-or-none and its Newcombe interval.
 */
public final class NewcomerStaying extends MetricDescriptor<NewcomerStaying.Result> {
  /** The registered instance ({@code StandardMetrics.NEWCOMER_STAYING}). */
  public static final NewcomerStaying INSTANCE = new NewcomerStaying();

  /** The shorter staying horizon. */
  public static final Duration THIRTY_DAYS = Duration.ofDays(30);

  /** The confidence level of the difference's interval. */
  public static final double LEVEL = 0.95;

  private NewcomerStaying() {
    super(
        "newcomer-staying",
        "Do newcomers come back?",
        "Of the people whose first contribution falls in the window, the share who made a second"
            + " contribution (to another issue, pull request or commit) within 30 and 90 days,"
            + " counting those who arrived too recently as still being followed (Kaplan-Meier);"
            + " by whether their first pull request was merged, closed or ignored, and by whether"
            + " their first issue or pull request got a human answer quickly.",
        "newcomerStaying",
        List.of(
            new Preset("chaoss", "CHAOSS DEI Newcomer Experience (second contributions)")
                .definedAt("https://github.com/chaoss/wg-dei/blob/main/focus-areas/project-and-community/newcomer-experience.md")
                .withGuidance(
                    "More newcomers coming back is better. A positive quick-minus-slow difference"
                        + " whose interval excludes 0 says that quick answers go with newcomers"
                        + " staying (an association, not a proof of cause). CHAOSS publishes no levels.")),
        List.of(
            new Parameter("quickResponse", Parameter.Kind.DURATION, "P2D", "days",
                "a first human answer within this wait counts as quick")),
        List.of(
            new MeasurementSpec("stayed30Days", Unit.FRACTION, "newcomers back within 30 days (Kaplan-Meier)"),
            new MeasurementSpec("stayed90Days", Unit.FRACTION, "newcomers back within 90 days (Kaplan-Meier)"),
            new MeasurementSpec("stayed90DaysMerged", Unit.FRACTION, "the same for those whose first pull request was merged"),
            new MeasurementSpec("stayed90DaysClosed", Unit.FRACTION, "those whose first pull request was closed after an answer"),
            new MeasurementSpec("stayed90DaysIgnored", Unit.FRACTION, "those whose first pull request was neither merged nor answered"),
            new MeasurementSpec("stayed90DaysQuick", Unit.FRACTION, "those whose first issue or pull request was answered within quickResponse"),
            new MeasurementSpec("stayed90DaysSlow", Unit.FRACTION, "those whose first issue or pull request was answered later or not at all"),
            new MeasurementSpec("quickMinusSlow90Days", Unit.FRACTION, "the difference of the plain 90-day proportions, quick minus slow, over those followed 90 days"),
            new MeasurementSpec("quickMinusSlow90DaysLower", Unit.FRACTION, "its 95% lower bound (Newcombe hybrid score, Wilson)"),
            new MeasurementSpec("quickMinusSlow90DaysUpper", Unit.FRACTION, "its 95% upper bound")),
        Locality.HISTORY);
  }

  /**
   * The result.
   *
   * @param journeys every newcomer's journey
   * @param quickResponse the quick-answer threshold
   * @param all every newcomer
   * @param byFirstPullRequest by the fate of the first pull request (every fate present, groups
   *     possibly empty); newcomers without a pull request are in none
   * @param quick newcomers whose first issue or pull request was answered within {@code
   *     quickResponse}
   * @param slow newcomers with a first issue or pull request answered later or not at all
   * @param quickMinusSlow the 90-day staying of {@code quick} minus that of {@code slow}, over
   *     those followed 90 days; empty when either has nobody followed that long
   */
  public record Result(
      Journeys journeys,
      Duration quickResponse,
      Staying all,
      Map<FirstPullRequestFate, Staying> byFirstPullRequest,
      Staying quick,
      Staying slow,
      Optional<ProportionDifference> quickMinusSlow) {
    /** Checks the components and copies the map. */
    public Result {
      Checks.notNull(journeys, "journeys");
      Checks.notNull(quickResponse, "quickResponse");
      Checks.notNull(all, "all");
      byFirstPullRequest = Map.copyOf(byFirstPullRequest);
      Checks.argument(byFirstPullRequest.size() == FirstPullRequestFate.values().length, "every fate needs a group");
      Checks.notNull(quick, "quick");
      Checks.notNull(slow, "slow");
      Checks.notNull(quickMinusSlow, "quickMinusSlow");
    }

    /** The group of one first-PR fate. */
    public Staying byFirstPullRequest(FirstPullRequestFate fate) {
      return byFirstPullRequest.get(fate);
    }
  }

  /** Whether a journey's first item was answered within {@code quick}; empty without one. */
  static Optional<Boolean> quick(Journey j, Duration quick) {
    return j.firstItem().map(i -> i.firstResponse().filter(w -> w.waited().compareTo(quick) <= 0).isPresent());
  }

  /** What this metric makes of the journeys. */
  record View(Duration quickResponse) implements Derived.View<Result> {
    @Override
    public Result of(Journeys j) {
      Map<FirstPullRequestFate, Staying> fates = new EnumMap<>(FirstPullRequestFate.class);
      for (FirstPullRequestFate f : FirstPullRequestFate.values()) {
        fates.put(f, group(j, x -> FirstPullRequestFate.of(x).filter(f::equals).isPresent()));
      }
      Staying quick = group(j, x -> quick(x, quickResponse).orElse(false));
      Staying slow = group(j, x -> !quick(x, quickResponse).orElse(true));
      return new Result(
          j, quickResponse, group(j, x -> true), fates, quick, slow,
          ProportionDifference.of(quick.stayed90(), quick.followed90(), slow.stayed90(), slow.followed90(), LEVEL));
    }

    private static Staying group(Journeys j, Predicate<Journey> in) {
      return Staying.of(j.newcomers().stream().filter(in).toList(), j.window());
    }
  }

  /** Whether a newcomer stayed is judged at as-of (censored). */
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
    return new Derived<>(Mentorship.engine(e, type), new View(e.duration(this, "quickResponse")));
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    Optional<ProportionDifference> d = r.quickMinusSlow();
    long n = d.map(x -> x.trials1() + x.trials2()).orElse(0L);
    return List.of(
        stayed("stayed30Days", r.all(), THIRTY_DAYS, p),
        stayed("stayed90Days", r.all(), Staying.NINETY_DAYS, p),
        stayed("stayed90DaysMerged", r.byFirstPullRequest(FirstPullRequestFate.MERGED), Staying.NINETY_DAYS, p),
        stayed("stayed90DaysClosed", r.byFirstPullRequest(FirstPullRequestFate.CLOSED), Staying.NINETY_DAYS, p),
        stayed("stayed90DaysIgnored", r.byFirstPullRequest(FirstPullRequestFate.IGNORED), Staying.NINETY_DAYS, p),
        stayed("stayed90DaysQuick", r.quick(), Staying.NINETY_DAYS, p),
        stayed("stayed90DaysSlow", r.slow(), Staying.NINETY_DAYS, p),
        Measurement.of(id(), "quickMinusSlow90Days", Unit.FRACTION, value(d.map(ProportionDifference::estimate)), n, p),
        Measurement.of(id(), "quickMinusSlow90DaysLower", Unit.FRACTION, value(d.map(ProportionDifference::lower)), n, p),
        Measurement.of(id(), "quickMinusSlow90DaysUpper", Unit.FRACTION, value(d.map(ProportionDifference::upper)), n, p));
  }

  private static OptionalDouble value(Optional<Double> v) {
    return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  private Measurement stayed(String name, Staying s, Duration within, String p) {
    return Measurement.of(id(), name, Unit.FRACTION, s.within(within), s.newcomers(), p);
  }
}
