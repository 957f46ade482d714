package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungCounts;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.CohortRow;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.registry.SummaryRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a {@link HealthSummary} into report {@link Section}s, one per summary row of each of its
 * metrics in the summary's order: the question, answer, level and preset are the descriptor's
 * {@link MetricDescriptor#rows rows}, so the HTML says what the text and JSON outputs say. The
 * built-in metrics add charts under their rows: contributor confidence (gauges, the cohort one
 * with its confidence interval), absence, lottery and elephant factors (bars of the top
 * contributors plus everyone else), the contributor ladder funnel, the retention cohort heat map,
 * the Kaplan-Meier survival curve with its band, and the percentiles of the time to first
 * response, to close and to merge. Any other metric (one a user registers) gets its rows without
 * charts.
 */
public final class HealthSections {
  /**
   * The answer of a section whose metric has no evidence (nobody starred, committed, ...): such
   * a metric has no value, so the section says so and draws no chart rather than show a 0.
   */
  public static final String NO_DATA = "no data";

  /**
   * The charts of one metric's result, by the index of the summary row they belong under. A
   * builder of a built-in metric answers nothing for a descriptor that only shares its id.
   */
  @FunctionalInterface
  interface ChartBuilder {
    /**
     * @param metric the evaluated metric
     * @param label the name shown for a person key
     * @return the charts by row index; rows without an entry get none
     */
    Map<Integer, List<Chart>> charts(Evaluated<?> metric, Function<Actor, String> label);
  }

  /** The chart builders of the built-in metrics, by metric id. */
  static final Map<String, ChartBuilder> CHARTS =
      Map.of(
          StandardMetrics.CONTRIBUTOR_CONFIDENCE.id(),
          typed(StandardMetrics.CONTRIBUTOR_CONFIDENCE, (r, label) -> at(0, openSaucedGauge(r))),
          StandardMetrics.COHORT_CONFIDENCE.id(),
          typed(StandardMetrics.COHORT_CONFIDENCE, (r, label) -> at(0, cohortGauge(r))),
          StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR.id(),
          typed(
              StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR,
              (r, label) ->
                  at(0, bars(r, factorBars("Commits by person (absence factor members, then the rest)",
                      "commits", r, label)))),
          StandardMetrics.LOTTERY_FACTOR.id(),
          typed(StandardMetrics.LOTTERY_FACTOR, (r, label) -> at(0, lotteryBars(r, label))),
          StandardMetrics.ELEPHANT_FACTOR.id(),
          typed(
              StandardMetrics.ELEPHANT_FACTOR,
              (r, label) ->
                  at(0, bars(r.factor(), factorBars("Commits by organisation", "commits", r.factor(),
                      Organization::name)))),
          StandardMetrics.CONTRIBUTOR_LADDER.id(),
          typed(StandardMetrics.CONTRIBUTOR_LADDER, (r, label) -> at(0, funnel(r))),
          // Row 0: the last complete quarter's retention; row 4: the median time from first to
          // last contribution (RetentionMetric.rows).
          StandardMetrics.RETENTION.id(),
          typed(StandardMetrics.RETENTION, (r, label) -> Map.of(0, heatMap(r), 4, survival(r))),
          // Row 0: the median time to first response; the chart has the close and merge times too.
          StandardMetrics.RESPONSIVENESS.id(),
          typed(StandardMetrics.RESPONSIVENESS, (r, label) -> at(0, percentiles(r))));

  private HealthSections() {}

  /**
   * The sections of a summary: for each of its metrics in order, one section per summary row,
   * with the charts of the built-in metrics.
   *
   * @param s the summary
   * @param label the name shown for a person key (for example through {@code People}); the
   *     result is escaped when written
   */
  public static List<Section> of(HealthSummary s, Function<Actor, String> label) {
    List<Section> out = new ArrayList<>();
    for (Evaluated<?> metric : s.metrics()) {
      out.addAll(sections(metric, label));
    }
    return List.copyOf(out);
  }

  /** The sections of one metric: its rows, with its charts (if it has a builder) under them. */
  static List<Section> sections(Evaluated<?> metric, Function<Actor, String> label) {
    List<SummaryRow> rows = metric.rows(label);
    ChartBuilder builder = CHARTS.get(metric.descriptor().id());
    Map<Integer, List<Chart>> charts = builder == null ? Map.of() : builder.charts(metric, label);
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow row = rows.get(i);
      List<Chart> under = new ArrayList<>(charts.getOrDefault(i, List.of()));
      if (i == rows.size() - 1) {
        // Charts of rows the metric no longer gives go under its last row rather than vanish.
        charts.forEach((k, v) -> {
          if (k >= rows.size()) {
            under.addAll(v);
          }
        });
      }
      out.add(new Section(row.question(), row.answer(), row.level(), row.preset(), under));
    }
    return out;
  }

  /** A builder that applies to {@code descriptor} itself and to no other metric. */
  private static <R> ChartBuilder typed(
      MetricDescriptor<R> descriptor, BiFunction<R, Function<Actor, String>, Map<Integer, List<Chart>>> charts) {
    return (metric, label) -> {
      if (metric.descriptor() != descriptor) {
        return Map.of();
      }
      @SuppressWarnings("unchecked") // the same descriptor instance, so the result is an R
      R result = (R) metric.result();
      return charts.apply(result, label);
    };
  }

  private static Map<Integer, List<Chart>> at(int row, List<Chart> charts) {
    return Map.of(row, charts);
  }

  private static List<Chart> openSaucedGauge(OpenSaucedConfidenceResult os) {
    return os.hasEvidence()
        ? List.of(GaugeChart.of("OpenSauced contributor confidence", os.percent(), 100, "%"))
        : List.of();
  }

  private static List<Chart> cohortGauge(CohortConfidenceResult c) {
    if (c.rate().isEmpty()) {
      return List.of();
    }
    double rate = 100 * c.rate().getAsDouble();
    OptionalDouble low = c.interval().map(i -> OptionalDouble.of(100 * i.lower())).orElse(OptionalDouble.empty());
    OptionalDouble high = c.interval().map(i -> OptionalDouble.of(100 * i.upper())).orElse(OptionalDouble.empty());
    return List.of(new GaugeChart("Cohort contributor confidence", rate, low, high, 100, "%"));
  }

  private static List<Chart> lotteryBars(LotteryFactorResult lottery, Function<Actor, String> label) {
    List<Bar> lotteryBars = new ArrayList<>();
    for (LotteryFactor.TopContributor t : lottery.top()) {
      lotteryBars.add(new Bar(label.apply(t.ranked().key()), t.ranked().count()));
    }
    lottery.other().ifPresent(o -> lotteryBars.add(new Bar("the other " + o.people(), o.count())));
    return bars(lottery.factor(), new BarChart("Pull requests opened, top contributors and the rest", "pull requests",
        lotteryBars));
  }

  private static List<Chart> funnel(LadderResult ladder) {
    RungCounts reached = ladder.atLeast().reached();
    List<Bar> funnel = new ArrayList<>();
    for (Rung r : Rung.values()) {
      funnel.add(new Bar(r.name(), reached.get(r)));
    }
    return reached.total() > 0
        ? List.of(new BarChart("Contributor ladder: people who reached each rung", "people", funnel))
        : List.of();
  }

  private static List<Chart> heatMap(RetentionResult r) {
    List<String> rows = new ArrayList<>();
    List<List<Double>> cells = new ArrayList<>();
    for (CohortRow row : r.cohorts()) {
      rows.add(row.cohort().label() + " (" + row.members().size() + ")");
      List<Double> shares = new ArrayList<>();
      for (int k = 0; k < row.activeAfter().size(); k++) {
        shares.add(row.share(k));
      }
      cells.add(shares);
    }
    return rows.isEmpty()
        ? List.of()
        : List.of(new HeatMapChart("Cohort retention: share of each cohort active k periods later",
            "cohort (people)", "periods after the first contribution", rows, cells));
  }

  private static List<Chart> survival(RetentionResult r) {
    SurvivalCurve km = r.survival();
    List<SurvivalChart.Point> points = new ArrayList<>();
    for (SurvivalStep step : km.steps()) {
      // Where the band is undefined (S = 0) the chart draws none: a band of zero width at S.
      points.add(new SurvivalChart.Point(step.time() / 86400.0, step.survival(),
          step.lower().orElse(step.survival()), step.upper().orElse(step.survival())));
    }
    return points.isEmpty()
        ? List.of()
        : List.of(new SurvivalChart("Kaplan-Meier: share still contributing",
            "days since the first contribution", points));
  }

  private static List<Chart> percentiles(ResponsivenessResult r) {
    DurationSummary first = r.firstResponse();
    // Without a single item there are no waiting times to draw.
    if (items(first) + items(r.timeToClose()) + items(r.timeToMerge()) == 0) {
      return List.of();
    }
    return List.of(
        new PercentileChart(
            "Waiting times: nearest-rank percentiles of the completed items",
            "hours",
            List.of(
                distribution("time to first response", first),
                distribution("time to close", r.timeToClose()),
                distribution("time to merge", r.timeToMerge()))));
  }

  /** The chart of a factor, or none when the factor has no evidence. */
  private static List<Chart> bars(FactorResult<?> f, BarChart chart) {
    return f.hasEvidence() ? List.of(chart) : List.of();
  }

  private static long items(DurationSummary d) {
    return d.completed() + d.censored();
  }

  /** The summary's percentiles in hours. */
  static PercentileChart.Distribution distribution(String label, DurationSummary d) {
    return new PercentileChart.Distribution(
        label, d.completed(), d.censored(), hours(d.p50()), hours(d.p75()), hours(d.p90()),
        hours(d.p95()));
  }

  private static OptionalDouble hours(Optional<Duration> d) {
    return d.isPresent() ? OptionalDouble.of(hours(d.get())) : OptionalDouble.empty();
  }

  private static double hours(Duration d) {
    // Seconds and nanos apart: toNanos() overflows past 292 years.
    return d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
  }

  /** The factor's members, then one bar for everyone else (when anyone else contributed). */
  static <K> BarChart factorBars(
      String title, String unit, FactorResult<K> f, Function<K, String> label) {
    List<Bar> bars = new ArrayList<>();
    long shown = 0;
    for (Ranked<K> r : f.members()) {
      bars.add(new Bar(label.apply(r.key()), r.count()));
      shown += r.count();
    }
    int rest = f.ranking().size() - f.members().size();
    if (rest > 0) {
      bars.add(new Bar("the other " + rest, f.total() - shown));
    }
    return new BarChart(title, unit, bars);
  }
  /**
   * The section "Who holds the knowledge, directory by directory?": the truck factor of the whole
   * snapshot and, as bars, of the whole and of each top-level directory (the {@code
   * maxDirectories} with the most analysed files, in that order). A directory whose truck factor
   * is 1 is a knowledge island.
   *
   * @param whole the truck factor of all analysed files
   * @param directories per directory, as {@code TruckFactor.perDirectory} returns them (keys are
   *     paths without a trailing slash; the root is the empty string)
   * @param preset how it was computed, shown beside the number (such as "avelino greedy")
   * @param maxDirectories at most this many directories get a bar; positive
   */
  public static Section truckFactor(
      TruckFactorResult whole,
      SortedMap<String, TruckFactorResult> directories,
      String preset,
      int maxDirectories) {
    Objects.requireNonNull(whole, "whole");
    Objects.requireNonNull(directories, "directories");
    Objects.requireNonNull(preset, "preset");
    if (maxDirectories < 1) {
      throw new IllegalArgumentException("maxDirectories must be positive but was " + maxDirectories);
    }
    List<Map.Entry<String, TruckFactorResult>> top = new ArrayList<>();
    for (Map.Entry<String, TruckFactorResult> e : directories.entrySet()) {
      if (!e.getKey().isEmpty() && e.getKey().indexOf('/') < 0) {
        top.add(e);
      }
    }
    // Most files first; ties by path, so the order does not depend on the map's.
    top.sort(
        Comparator.comparingInt(
                (Map.Entry<String, TruckFactorResult> e) -> -e.getValue().filesAnalyzed())
            .thenComparing(Map.Entry::getKey));
    List<Bar> bars = new ArrayList<>();
    bars.add(new Bar("(all " + whole.filesAnalyzed() + " files)", whole.truckFactor()));
    long islands = 0;
    for (Map.Entry<String, TruckFactorResult> e : top) {
      if (e.getValue().truckFactor() == 1) {
        islands++;
      }
      if (bars.size() <= maxDirectories) {
        bars.add(new Bar(e.getKey() + "/ (" + e.getValue().filesAnalyzed() + " files)",
            e.getValue().truckFactor()));
      }
    }
    String answer = count(whole.truckFactor(), "person", "people");
    String detail = top.isEmpty()
        ? "no top-level directories"
        : islands + " of " + top.size() + " top-level directories have a truck factor of 1";
    return new Section(
        "Who holds the knowledge, directory by directory? (truck factor)",
        answer,
        "",
        preset + "; " + detail,
        List.of(new BarChart("Truck factor of the whole and of the largest top-level directories",
            "truck factor (people)", bars)));
  }

  /** {@code n} and the noun in the number it needs: "1 person", "3 people". */
  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
