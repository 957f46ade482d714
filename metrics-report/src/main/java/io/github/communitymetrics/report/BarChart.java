package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, drawn top to bottom in the given order (for example the top contributors and
 * then "everyone else", or the rungs of the contributor ladder as a funnel).
 *
 * @param title the chart's title
 * @param valueLabel the label of the value axis, with its unit (such as "commits")
 * @param bars the bars, in drawing order; labels need not be unique
 */
public record BarChart(String title, String valueLabel, List<Bar> bars) implements Chart {
  /** Checks the chart and copies the bars. */
  public BarChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueLabel, "valueLabel");
    bars = List.copyOf(bars);
  }
}
