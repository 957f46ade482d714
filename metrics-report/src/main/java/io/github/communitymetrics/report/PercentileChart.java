package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Percentiles of several waiting-time distributions side by side (for example time to first
 * response, to close and to merge): one group of bars per distribution, one bar per percentile,
 * with the number of completed and censored items written next to the distribution's name.
 *
 * @param title the chart's title
 * @param valueLabel the label of the value axis, with its unit (such as "hours")
 * @param distributions the distributions, in drawing order
 */
public record PercentileChart(String title, String valueLabel, List<Distribution> distributions)
    implements Chart {
  /** Checks the chart and copies the distributions. */
  public PercentileChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueLabel, "valueLabel");
    distributions = List.copyOf(distributions);
  }

  /**
   * One distribution: its nearest-rank percentiles over the completed items, in the chart's unit.
   * The percentiles are all present (when something completed) or all empty.
   *
   * @param label what was measured, plain text (such as "time to first response")
   * @param completed how many items completed, at least 0
   * @param censored how many items were still waiting at the as-of instant, at least 0
   * @param p50 the median
   * @param p75 the 75th percentile
   * @param p90 the 90th percentile
   * @param p95 the 95th percentile
   */
  public record Distribution(
      String label,
      long completed,
      long censored,
      OptionalDouble p50,
      OptionalDouble p75,
      OptionalDouble p90,
      OptionalDouble p95) {
    /**
     * Checks the distribution.
     *
     * @throws IllegalArgumentException if a count is negative, the percentiles are partly
     *     present, negative, not finite or decreasing
     */
    public Distribution {
      Objects.requireNonNull(label, "label");
      if (completed < 0 || censored < 0) {
        throw new IllegalArgumentException(
            "counts must be at least 0 but were " + completed + " and " + censored);
      }
      List<OptionalDouble> ps = List.of(p50, p75, p90, p95);
      boolean present = p50.isPresent();
      double previous = 0;
      for (OptionalDouble p : ps) {
        if (p.isPresent() != present) {
          throw new IllegalArgumentException("percentiles must be all present or all empty");
        }
        if (present) {
          double v = p.getAsDouble();
          if (!Double.isFinite(v) || v < previous) {
            throw new IllegalArgumentException(
                "percentiles must be finite, at least 0 and not decreasing but were " + ps);
          }
          previous = v;
        }
      }
    }

    /** The percentiles p50, p75, p90, p95 in order; empty when nothing completed. */
    public List<Double> values() {
      return p50.isPresent()
          ? List.of(p50.getAsDouble(), p75.getAsDouble(), p90.getAsDouble(), p95.getAsDouble())
          : List.of();
    }
  }
}
