package io.github.communitymetrics.report;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A dial showing one value on a scale from 0 to {@code maximum}, with its interval (such as a 95%
 * confidence interval) drawn as a band when present.
 *
 * @param title the chart's title
 * @param value the value, in {@code [0, maximum]}
 * @param low the lower end of the interval, empty when there is none
 * @param high the upper end of the interval, present exactly when {@code low} is
 * @param maximum the end of the scale, positive
 * @param unit the unit written after the value (such as "%")
 */
public record GaugeChart(
    String title, double value, OptionalDouble low, OptionalDouble high, double maximum, String unit)
    implements Chart {
  /**
   * Checks the gauge.
   *
   * @throws IllegalArgumentException if a number is outside the scale or the interval is half
   *     present or reversed
   */
  public GaugeChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(unit, "unit");
    if (!(maximum > 0) || !Double.isFinite(maximum)) {
      throw new IllegalArgumentException("maximum must be positive and finite but was " + maximum);
    }
    inScale(value, maximum, "value");
    if (low.isPresent() != high.isPresent()) {
      throw new IllegalArgumentException("low and high must both be present or both empty");
    }
    if (low.isPresent()) {
      inScale(low.getAsDouble(), maximum, "low");
      inScale(high.getAsDouble(), maximum, "high");
      if (low.getAsDouble() > high.getAsDouble()) {
        throw new IllegalArgumentException("low must not exceed high");
      }
    }
  }

  /** A gauge without an interval. */
  public static GaugeChart of(String title, double value, double maximum, String unit) {
    return new GaugeChart(title, value, OptionalDouble.empty(), OptionalDouble.empty(), maximum, unit);
  }

  private static void inScale(double x, double maximum, String name) {
    if (!(x >= 0 && x <= maximum)) {
      throw new IllegalArgumentException(name + " must be in [0, " + maximum + "] but was " + x);
    }
  }
}
