package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;

/**
 * Kaplan-Meier curves of several groups on one time axis, each a step function with its band
 * (as {@link SurvivalChart} draws one), told apart by colour and legend: an event's cohort against
 * its baseline, for example.
 *
 * @param title the chart's title
 * @param xLabel the label of the time axis, with its unit
 * @param curves the groups, in drawing order; at least one
 */
public record SurvivalComparisonChart(String title, String xLabel, List<Curve> curves) implements Chart {
  /** Checks the chart and copies the curves. */
  public SurvivalComparisonChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    curves = List.copyOf(curves);
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("curves must not be empty");
    }
  }

  /**
   * One group's curve.
   *
   * @param label the group's name and size, for the legend (such as "event cohort (12 people)")
   * @param points the steps, as in {@link SurvivalChart}: in increasing x, from survival 1 at 0
   */
  public record Curve(String label, List<SurvivalChart.Point> points) {
    /** Checks the curve and copies the points. */
    public Curve {
      Objects.requireNonNull(label, "label");
      points = new SurvivalChart("", "", points).points(); // the same checks as one curve
    }
  }
}
