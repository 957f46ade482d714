package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;

/**
 * A Kaplan-Meier survival curve as a step function with its pointwise confidence band. The curve
 * starts at survival 1 at x = 0 and changes only at the given points.
 *
 * @param title the chart's title
 * @param xLabel the label of the time axis, with its unit (such as "days since first contribution")
 * @param points the steps, in increasing x
 */
public record SurvivalChart(String title, String xLabel, List<SurvivalChart.Point> points)
    implements Chart {
  /**
   * Checks the chart and copies the points.
   *
   * @throws IllegalArgumentException if the points are not in increasing x
   */
  public SurvivalChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    points = List.copyOf(points);
    for (int i = 1; i < points.size(); i++) {
      if (!(points.get(i).x() > points.get(i - 1).x())) {
        throw new IllegalArgumentException("points must be in increasing x");
      }
    }
  }

  /**
   * One step.
   *
   * @param x the time of the step, in the chart's unit, not negative
   * @param survival the estimate from x on, in [0, 1]
   * @param lower the lower band, in [0, survival]
   * @param upper the upper band, in [survival, 1]
   */
  public record Point(double x, double survival, double lower, double upper) {
    /** Checks the point. */
    public Point {
      if (!(x >= 0) || !(lower >= 0 && lower <= survival && survival <= upper && upper <= 1)) {
        throw new IllegalArgumentException(
            "need x >= 0 and 0 <= lower <= survival <= upper <= 1 but got " + x + ", " + lower
                + ", " + survival + ", " + upper);
      }
    }
  }
}
