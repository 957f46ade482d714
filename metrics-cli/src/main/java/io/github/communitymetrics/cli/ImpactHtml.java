package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.ImpactAnalysis.Outcome;
import io.github.communitymetrics.cli.ImpactAnalysis.SeriesImpact;
import io.github.communitymetrics.core.impact.Coefficient;
import io.github.communitymetrics.core.impact.Counterfactual;
import io.github.communitymetrics.core.impact.EventDays;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.report.Chart;
import io.github.communitymetrics.report.EventSeriesChart;
import io.github.communitymetrics.report.HtmlReport;
import io.github.communitymetrics.report.Section;
import io.github.communitymetrics.report.SurvivalChart;
import io.github.communitymetrics.report.SurvivalComparisonChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTML page of {@code impact}: per event and series the series around the event with its
 * days shaded and the counterfactual band, and per event the cohort's survival against the
 * baseline's.
 */
final class ImpactHtml {
  private ImpactHtml() {}

  static HtmlReport report(ImpactCommand.Run run) {
    ImpactAnalysis.Parameters p = run.parameters();
    List<String> notes = List.of(
        "Source: " + run.source() + "; repositories: " + run.scope(),
        "Data: " + run.first() + " to " + run.last() + " (UTC days), as of " + run.asOf(),
        p.window() + " days each side; intervals at " + ImpactText.percent(p.level()) + " %; seed " + p.seed());
    return new HtmlReport("Event impact", notes, sections(run));
  }

  /** Per event, a section for each series and one for the cohort. */
  static List<Section> sections(ImpactCommand.Run run) {
    List<Section> sections = new ArrayList<>();
    for (ImpactCommand.EventImpact e : run.events()) {
      for (SeriesImpact s : e.series()) {
        sections.add(series(e, s, run.parameters()));
      }
      sections.add(cohort(e, run.parameters()));
    }
    return sections;
  }

  private static Section series(ImpactCommand.EventImpact e, SeriesImpact s, ImpactAnalysis.Parameters p) {
    String question = "Did \"" + e.event().name() + "\" change " + s.id().id() + " (" + s.id().unit() + ")?";
    String answer = ImpactText.NO_DATA;
    if (s.its().value().isPresent() && s.its().value().get().levelChange().isPresent()) {
      Coefficient c = s.its().value().get().levelChange().get();
      answer = "level change " + ImpactText.num(c.estimate()) + " " + ImpactText.interval(c.lower(), c.upper())
          + ", p " + ImpactText.pValue(c.pValue());
    } else if (!s.its().why().isEmpty()) {
      answer = ImpactText.NO_DATA + ": " + s.its().why();
    }
    List<Chart> charts = new ArrayList<>();
    if (s.days().isPresent()) {
      EventDays d = s.days().get();
      // The days the methods read, and as many again on each side where the data has them.
      int from = Math.max(0, d.first() - 2 * p.window());
      int to = Math.min(s.series().length() - 1, d.last() + 2 * p.window());
      List<Double> values = new ArrayList<>();
      for (int i = from; i <= to; i++) {
        values.add(s.series().value(i));
      }
      Optional<EventSeriesChart.Band> band = s.counterfactual().map(c -> band(c, from, to, p));
      charts.add(new EventSeriesChart(
          s.id().id() + " around " + e.event().name(), s.id().unit(), s.series().day(from), values,
          d.first() - from, d.last() - from, band));
    }
    return new Section(question, answer, "", "interrupted time series, " + p.window() + " days each side", charts);
  }

  private static EventSeriesChart.Band band(Counterfactual c, int from, int to, ImpactAnalysis.Parameters p) {
    int end = Math.min(c.firstDay() + c.fit().size() - 1, to);
    int start = Math.max(c.firstDay(), from);
    int a = start - c.firstDay();
    int b = end - c.firstDay() + 1;
    return new EventSeriesChart.Band(
        "counterfactual: the pre-event fit extended, " + ImpactText.percent(c.level()) + " % prediction interval",
        start - from, c.fit().subList(a, b), c.lower().subList(a, b), c.upper().subList(a, b));
  }

  private static Section cohort(ImpactCommand.EventImpact e, ImpactAnalysis.Parameters p) {
    ImpactAnalysis.CohortImpact c = e.cohort();
    String answer = c.logRank().value()
        .map(lr -> "log-rank chi-square " + ImpactText.num(lr.chiSquare()) + ", p " + ImpactText.pValue(lr.pValue()))
        .orElse(ImpactText.NO_DATA + ": " + c.logRank().why());
    List<SurvivalComparisonChart.Curve> curves = new ArrayList<>();
    curve(curves, "event cohort", c.survival());
    curve(curves, "baseline: newcomers of the " + p.window() + " days before", c.baselineSurvival());
    curve(curves, "other newcomers of the data", c.poolSurvival());
    List<Chart> charts = curves.isEmpty()
        ? List.of()
        : List.of(new SurvivalComparisonChart(
            "Newcomers of \"" + e.event().name() + "\" against the baseline: share still contributing",
            "days since the first contribution", curves));
    return new Section(
        "Did the newcomers of \"" + e.event().name() + "\" stay?", answer, "",
        "Kaplan-Meier, departed after " + p.gap().toDays() + " days without a contribution", charts);
  }

  private static void curve(List<SurvivalComparisonChart.Curve> curves, String label, Outcome<SurvivalCurve> s) {
    if (s.value().isEmpty()) {
      return;
    }
    SurvivalCurve km = s.value().get();
    List<SurvivalChart.Point> points = new ArrayList<>();
    for (SurvivalStep step : km.steps()) {
      // Where the band is undefined (S = 0) none is drawn, as in the report's survival chart.
      points.add(new SurvivalChart.Point(step.time() / 86400.0, step.survival(),
          step.lower().orElse(step.survival()), step.upper().orElse(step.survival())));
    }
    curves.add(new SurvivalComparisonChart.Curve(label + " (" + km.subjects() + " people)", points));
  }
}
