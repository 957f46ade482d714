package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.Organization;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungCounts;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Turns a {@link HealthSummary} into report {@link Section}s: contributor confidence (gauges, the
 * cohort one with its confidence interval), absence, lottery and elephant factors (bars of the
 * top contributors plus everyone else), and the contributor ladder funnel.
 */
public final class HealthSections {
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
    OpenSaucedConfidence.Result os = s.openSauced();
    CohortConfidence.Result c = s.cohort();
    List<Chart> gauges = new ArrayList<>();
    gauges.add(GaugeChart.of("OpenSauced contributor confidence", os.percent(), 100, "%"));
    out.add(
        new Section(
            "Will stargazers and forkers contribute? (OpenSauced)",
            os.percent() + " %",
            os.level().name().toLowerCase(Locale.ROOT),
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
          "no cohort", "", "cohort", List.of()));
    }
    out.add(
        new Section(
            "How many people hold more than half the commits?",
            s.absenceFactor().factor() + " people",
            "",
            "chaoss absence factor, commits",
            List.of(factorBars("Commits by person (absence factor members, then the rest)", "commits",
                s.absenceFactor(), label))));
    LotteryFactor.Result lottery = s.lotteryFactor();
    List<Bar> lotteryBars = new ArrayList<>();
    for (LotteryFactor.TopContributor t : lottery.top()) {
      lotteryBars.add(new Bar(label.apply(t.ranked().key()), t.ranked().count()));
    }
    lottery.other().ifPresent(o -> lotteryBars.add(new Bar("the other " + o.people(), o.count())));
    out.add(
        new Section(
            "How many people hold half the new pull requests?",
            lottery.factor().factor() + " people",
            lottery.level().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            "opensauced lottery factor, 30 days",
            List.of(new BarChart("Pull requests opened, top contributors and the rest", "pull requests",
                lotteryBars))));
    out.add(
        new Section(
            "How many organisations hold more than half the commits?",
            s.elephantFactor().factor().factor() + " organisations",
            "",
            "chaoss elephant factor (" + s.elephantFactor().leftOut() + " unaffiliated left out)",
            List.of(factorBars("Commits by organisation", "commits", s.elephantFactor().factor(),
                Organization::name))));
    RungCounts reached = s.ladder().atLeast().reached();
    List<Bar> funnel = new ArrayList<>();
    for (Rung r : Rung.values()) {
      funnel.add(new Bar(r.name(), reached.get(r)));
    }
    out.add(
        new Section(
            "How many people reached each rung of the ladder?",
            reached.d0() + " / " + reached.d1() + " / " + reached.d2() + " / " + reached.d3() + " people",
            "",
            "chaoss conversion funnel (D0 stargazer, D1 participant, D2 contributor, D3 maintainer)",
            List.of(new BarChart("Contributor ladder: people who reached each rung", "people", funnel))));
    return List.copyOf(out);
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
}
