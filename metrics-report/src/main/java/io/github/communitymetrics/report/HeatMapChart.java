package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;

/**
 * A grid of shares shaded from white (0) to full colour (1), with each cell's percentage written
 * in it: for example a retention cohort matrix, one row per cohort and one column per period
 * after it. Rows may be shorter than others (the newest cohorts have fewer periods behind them).
 *
 * @param title the chart's title
 * @param rowAxis the label of the rows (such as "cohort (first contribution)")
 * @param columnAxis the label of the columns (such as "quarters later")
 * @param rows the row labels, top to bottom
 * @param cells for each row, the shares in [0, 1] of its columns 0, 1, 2, ...
 */
public record HeatMapChart(
    String title, String rowAxis, String columnAxis, List<String> rows, List<List<Double>> cells)
    implements Chart {
  /**
   * Checks the chart and copies the lists.
   *
   * @throws IllegalArgumentException if rows and cells differ in number or a share is outside
   *     [0, 1]
   */
  public HeatMapChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rowAxis, "rowAxis");
    Objects.requireNonNull(columnAxis, "columnAxis");
    rows = List.copyOf(rows);
    cells = cells.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
    if (rows.size() != cells.size()) {
      throw new IllegalArgumentException(rows.size() + " row labels for " + cells.size() + " rows");
    }
    for (List<Double> row : cells) {
      for (double v : row) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("a share must be in [0, 1] but was " + v);
        }
      }
    }
  }
}
