package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungCounts;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.CohortRow;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Turns a {@link HealthSummary} into report {@link Section}s: contributor confidence (gauges, the
 * cohort one with its confidence interval), absence, lottery and elephant factors (bars of the
 * top contributors plus everyone else), the contributor ladder funnel, the retention cohort heat
 * map, the Kaplan-Meier survival curve with its band, and the percentiles of the time to first
 * response, to close and to merge.
 */
public final class HealthSections {
  /**
   * The answer of a section whose metric has no evidence (nobody starred, committed, ...): such
   * a metric has no value, so the section says so and draws no chart rather than show a 0.
   */
  public static final String NO_DATA = "no data";

  private HealthSections() {}

  /**
   * The sections of a summary.
   *
   * @param s the summary
   * @param label the name shown for a person key (for example through {@code People}); the
   *     result is escaped when written
   */
  public static List<Section> of(HealthSummary s, Function<Actor, String> label) {
    List<Section> out = new ArrayList<>();
    OpenSaucedConfidenceResult os = s.openSauced();
    CohortConfidenceResult c = s.cohort();
    List<Chart> gauges = new ArrayList<>();
    if (os.hasEvidence()) {
      gauges.add(GaugeChart.of("OpenSauced contributor confidence", os.percent(), 100, "%"));
    }
    out.add(
        new Section(
            "Will stargazers and forkers contribute? (OpenSauced)",
            os.hasEvidence() ? os.percent() + " %" : NO_DATA,
            os.hasEvidence() ? os.level().name().toLowerCase(Locale.ROOT) : "",
            "opensauced (June 2024), " + os.window().duration().toDays() + "-day range",
            gauges));
    if (c.rate().isPresent()) {
      double rate = 100 * c.rate().getAsDouble();
      OptionalDouble low = c.interval().map(i -> OptionalDouble.of(100 * i.lower())).orElse(OptionalDouble.empty());
      OptionalDouble high = c.interval().map(i -> OptionalDouble.of(100 * i.upper())).orElse(OptionalDouble.empty());
      String interval =
          c.interval()
              .map(i -> String.format(Locale.ROOT, " [%.1f, %.1f] %s %.0f%%", 100 * i.lower(), 100 * i.upper(),
                  i.method().name().toLowerCase(Locale.ROOT), 100 * i.level()))
              .orElse("");
      out.add(
          new Section(
              "Of those who first starred or forked, how many contributed?",
              String.format(Locale.ROOT, "%.1f %%", rate) + interval,
              "",
              "cohort, " + c.converters() + " of " + c.cohort() + " within "
                  + c.horizon().toDays() + " days",
              List.of(new GaugeChart("Cohort contributor confidence", rate, low, high, 100, "%"))));
    } else {
      out.add(new Section("Of those who first starred or forked, how many contributed?",
          NO_DATA, "", "cohort", List.of()));
    }
    out.add(
        new Section(
            "How many people hold more than half the commits?",
            count(s.absenceFactor(), "person", "people"),
            "",
            "chaoss absence factor, commits",
            bars(s.absenceFactor(), factorBars("Commits by person (absence factor members, then the rest)", "commits",
                s.absenceFactor(), label))));
    LotteryFactorResult lottery = s.lotteryFactor();
    List<Bar> lotteryBars = new ArrayList<>();
    for (LotteryFactor.TopContributor t : lottery.top()) {
      lotteryBars.add(new Bar(label.apply(t.ranked().key()), t.ranked().count()));
    }
    lottery.other().ifPresent(o -> lotteryBars.add(new Bar("the other " + o.people(), o.count())));
    out.add(
        new Section(
            "How many people hold half the new pull requests?",
            count(lottery.factor(), "person", "people"),
            lottery.evidencedLevel().map(l -> l.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(""),
            "opensauced lottery factor, 30 days",
            bars(lottery.factor(), new BarChart("Pull requests opened, top contributors and the rest", "pull requests",
                lotteryBars))));
    out.add(
        new Section(
            "How many organisations hold more than half the commits?",
            count(s.elephantFactor().factor(), "organisation", "organisations"),
            "",
            "chaoss elephant factor (" + s.elephantFactor().leftOut() + " unaffiliated left out)",
            bars(s.elephantFactor().factor(), factorBars("Commits by organisation", "commits", s.elephantFactor().factor(),
                Organization::name))));
    RungCounts reached = s.ladder().atLeast().reached();
    List<Bar> funnel = new ArrayList<>();
    for (Rung r : Rung.values()) {
      funnel.add(new Bar(r.name(), reached.get(r)));
    }
    out.add(
        new Section(
            "How many people reached each rung of the ladder?",
            reached.total() > 0
                ? reached.d0() + " / " + reached.d1() + " / " + reached.d2() + " / " + reached.d3() + " people"
                : NO_DATA,
            "",
            "chaoss conversion funnel (D0 stargazer, D1 participant, D2 contributor, D3 maintainer)",
            reached.total() > 0
                ? List.of(new BarChart("Contributor ladder: people who reached each rung", "people", funnel))
                : List.of()));
    retention(s, out);
    out.add(responsiveness(s.responsiveness()));
    return List.copyOf(out);
  }

  private static void retention(HealthSummary s, List<Section> out) {
    RetentionResult r = s.retention();
    Optional<PeriodRetention> last = r.lastCompletePeriod();
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
    List<Chart> charts =
        rows.isEmpty()
            ? List.of()
            : List.of(new HeatMapChart("Cohort retention: share of each cohort active k periods later",
                "cohort (people)", "periods after the first contribution", rows, cells));
    out.add(
        new Section(
            "Of the previous quarter's contributors, how many stayed?",
            last.flatMap(p -> p.retentionPercent().isPresent()
                    ? Optional.of(String.format(Locale.ROOT, "%.1f %%", p.retentionPercent().getAsDouble()))
                    : Optional.empty())
                .orElse(NO_DATA),
            last.map(p -> p.lfxPoints().isPresent() ? p.lfxPoints().getAsInt() + " pts" : "").orElse(""),
            "lfx retention, " + last.map(p -> p.period().label()).orElse("no complete quarter")
                + "; chaoss cohorts",
            charts));
    SurvivalCurve km = r.survival();
    List<SurvivalChart.Point> points = new ArrayList<>();
    for (SurvivalStep step : km.steps()) {
      // Where the band is undefined (S = 0) the chart draws none: a band of zero width at S.
      points.add(new SurvivalChart.Point(step.time() / 86400.0, step.survival(),
          step.lower().orElse(step.survival()), step.upper().orElse(step.survival())));
    }
    out.add(
        new Section(
            "How long do contributors keep contributing?",
            km.followed() == 0
                ? NO_DATA
                : km.median().map(sec -> String.format(Locale.ROOT, "%.1f days (median)", sec / 86400.0))
                    .orElse("over half still active"),
            "",
            String.format(Locale.ROOT,
                "kaplan-meier, %.0f%% band, %d departed, %d censored, %d without follow-up",
                100 * km.level(), r.departed().size(), r.censored().size(), r.withoutFollowUp().size()),
            points.isEmpty()
                ? List.of()
                : List.of(new SurvivalChart("Kaplan-Meier: share still contributing",
                    "days since the first contribution", points))));
  }

  private static Section responsiveness(ResponsivenessResult r) {
    DurationSummary first = r.firstResponse();
    PercentileChart chart =
        new PercentileChart(
            "Waiting times: nearest-rank percentiles of the completed items",
            "hours",
            List.of(
                distribution("time to first response", first),
                distribution("time to close", r.timeToClose()),
                distribution("time to merge", r.timeToMerge())));
    return new Section(
        "How fast do we answer people?",
        first.p50().map(d -> String.format(Locale.ROOT, "%.1f hours (median first response)", hours(d)))
            .orElse(first.completed() + first.censored() == 0 ? NO_DATA : "no response yet"),
        "",
        "chaoss time to first response, close and merge, "
            + r.metric().window().duration().toDays() + "-day window; first response "
            + counts(first) + ", close " + counts(r.timeToClose()) + ", merge "
            + counts(r.timeToMerge()),
        // Without a single item there are no waiting times to draw.
        items(first) + items(r.timeToClose()) + items(r.timeToMerge()) == 0 ? List.of() : List.of(chart));
  }

  /** The chart of a factor, or none when the factor has no evidence. */
  private static List<Chart> bars(FactorResult<?> f, BarChart chart) {
    return f.hasEvidence() ? List.of(chart) : List.of();
  }

  /** {@code n people}, or {@link #NO_DATA} when nothing was counted. */
  private static String count(FactorResult<?> f, String one, String many) {
    return f.hasEvidence() ? count(f.factor(), one, many) : NO_DATA;
  }

  private static long items(DurationSummary d) {
    return d.completed() + d.censored();
  }

  private static String counts(DurationSummary d) {
    return d.completed() + " done / " + d.censored() + " censored";
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
