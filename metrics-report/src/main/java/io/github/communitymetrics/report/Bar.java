package io.github.communitymetrics.report;

import java.util.Objects;

/**
 * One bar of a {@link BarChart}.
 *
 * @param label what the bar stands for (a person, an organisation, a rung), plain text
 * @param value its length in the chart's unit, finite and not negative
 */
public record Bar(String label, double value) {
  /**
   * Checks the bar.
   *
   * @throws IllegalArgumentException if the value is negative or not finite
   */
  public Bar {
    Objects.requireNonNull(label, "label");
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("bar value must be finite and >= 0 but was " + value);
    }
  }
}
