package io.github.communitymetrics.report;

/**
 * The input of one chart: a small immutable record that {@link HtmlReport} draws as inline SVG.
 * To add a kind of chart, add a record here and its drawing in the renderer.
 */
public sealed interface Chart permits GaugeChart, BarChart, HeatMapChart, SurvivalChart, PercentileChart,
    EventSeriesChart, SurvivalComparisonChart {
  /** The chart's title, plain text (escaped when written). */
  String title();
}
