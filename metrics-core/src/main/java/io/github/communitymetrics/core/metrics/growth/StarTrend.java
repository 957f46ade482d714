package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.internal.Checks;
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
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The trend of new stargazers per period over the window: the Theil-Sen slope with its 95%
 * confidence interval and the Mann-Kendall test ({@link Trend}). The periods are the calendar
 * days or ISO weeks (UTC, parameter {@code period}) entirely inside the window; a new stargazer is
 * a first star per person and repository, as in {@link Growth}. No data with fewer than 3 such
 * periods or when the scope has no star before the window's end.
 */
public final class StarTrend extends MetricDescriptor<StarTrend.Result> {

  /** The registered instance ({@code StandardMetrics.STAR_TREND}). */
  public static final StarTrend INSTANCE = new StarTrend();

  private StarTrend() {
    super(
        "star-trend",
        "Are new stars rising or falling?",
        "The robust trend of new stargazers per period in the window: the Theil-Sen slope (new"
            + " stargazers per period, with its 95% interval) and the Mann-Kendall test of a"
            + " monotonic trend.",
        "starTrend",
        List.of(
            new Preset("theil-sen", "Theil-Sen slope and Mann-Kendall test")
                .definedAt("https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.theilslopes.html")
                .withGuidance(
                    "A positive slope whose interval excludes 0 and a Mann-Kendall p below 0.05 is a"
                        + " rising trend; the size of the slope says how fast. No published levels.")),
        List.of(
            new Parameter("period", Parameter.Kind.GRANULARITY, "day", "", "hour, day, week (ISO) or month, UTC")),
        List.of(
            new MeasurementSpec("slope", Unit.COUNT, "Theil-Sen slope, new stargazers per period"),
            new MeasurementSpec("slopeLow", Unit.COUNT, "lower end of the slope's 95% interval"),
            new MeasurementSpec("slopeHigh", Unit.COUNT, "upper end of the slope's 95% interval"),
            new MeasurementSpec("mannKendallS", Unit.COUNT, "Mann-Kendall S"),
            new MeasurementSpec("mannKendallZ", Unit.COUNT, "Mann-Kendall z (ties and continuity corrected)"),
            new MeasurementSpec("mannKendallP", Unit.FRACTION, "two-sided p-value of the Mann-Kendall test")),
        Locality.HISTORY);
  }

  /**
   * The result. The counts are kept as a {@code long[]} and the periods are derived from the
   * window on demand: a result per repository over ten years of daily periods would otherwise
   * hold 3,650 period objects and boxed counts each, hundreds of megabytes over a portfolio.
   *
   * @param window the window
   * @param unit the period unit
   * @param counts new stargazers per period entirely inside the window, in period order (the
   *     accessor returns a copy)
   * @param stargazers stargazers before the window's end (0: no star recorded, no data)
   * @param trend the trend of the counts; empty with fewer than 3 periods or no stargazer
   */
  public record Result(Window window, Granularity unit, long[] counts, long stargazers, Optional<Trend> trend) {
    /** Checks and copies the fields. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(unit, "unit");
      counts = Checks.notNull(counts, "counts").clone();
      Checks.argument(
          counts.length == unit.countInside(window), "a count per period inside the window");
      Checks.notNull(trend, "trend");
    }

    /** The periods entirely inside the window, in order: {@code counts()[i]} is of the i-th. */
    public List<Window> periods() {
      return unit.periodsInside(window);
    }

    /** New stargazers per period, a copy. */
    @Override
    public long[] counts() {
      return counts.clone();
    }

    /** The number of periods. */
    public int size() {
      return counts.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && window.equals(r.window)
          && unit == r.unit
          && Arrays.equals(counts, r.counts)
          && stargazers == r.stargazers
          && trend.equals(r.trend);
    }

    @Override
    public int hashCode() {
      return Objects.hash(window, unit, Arrays.hashCode(counts), stargazers, trend);
    }

    @Override
    public String toString() {
      return "Result[window=" + window + ", unit=" + unit + ", counts=" + Arrays.toString(counts)
          + ", stargazers=" + stargazers + ", trend=" + trend + "]";
    }
  }

  /** Only the calendar periods wholly inside the window count: which ones depends on the window's bounds. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.AS_OF, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    Granularity unit = StarHistory.unit(this, e);
    return new StarHistory<Result>(e) {
      @Override
      public Result finish(State state) {
        Window w = evaluation.window();
        List<Window> periods = unit.periodsInside(w);
        long[] counts = counts(state, periods);
        Optional<Trend> trend =
            state.firstStar().isEmpty()
                ? Optional.empty()
                : Trend.of(Arrays.stream(counts).asDoubleStream().toArray());
        return new Result(w, unit, counts, state.firstStar().size(), trend);
      }
    };
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    long n = r.size();
    Optional<Trend> t = r.trend();
    return List.of(
        Measurement.of(id(), "slope", Unit.COUNT, value(t.map(x -> x.theilSen().slope())), n, p),
        Measurement.of(id(), "slopeLow", Unit.COUNT, value(t.map(x -> x.theilSen().low())), n, p),
        Measurement.of(id(), "slopeHigh", Unit.COUNT, value(t.map(x -> x.theilSen().high())), n, p),
        Measurement.of(id(), "mannKendallS", Unit.COUNT, value(t.map(x -> (double) x.mannKendall().s())), n, p),
        Measurement.of(id(), "mannKendallZ", Unit.COUNT, value(t.map(x -> x.mannKendall().z())), n, p),
        Measurement.of(id(), "mannKendallP", Unit.FRACTION, value(t.map(x -> x.mannKendall().p())), n, p));
  }

  private static OptionalDouble value(Optional<Double> v) {
    return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }
}
