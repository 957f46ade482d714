package io.github.communitymetrics.report;

import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line of one measurement over a series: one x position per point, a line
 * through each run of consecutive points with a value, a dot for a run of one, and nothing for
 * a point without evidence, so that no data is a gap and never a zero. The value axis spans the
 * smallest to the largest value shown. The {@code <title>} (a tooltip) lists every period with
 * its value; {@code data-values} holds the values as CSV reads them, empty for no data.
 */
final class Sparkline {
  static final int WIDTH = 64;
  static final int HEIGHT = 22;
  private static final double PAD = 2.5;

  private Sparkline() {}

  /**
   * The sparkline of the measurement {@code index} of each point of {@code series}.
   *
   * @param series the series
   * @param index which measurement of each point (0: the headline)
   */
  static String svg(MetricSeries series, int index) {
    List<MetricSeries.Point> points = series.points();
    int n = points.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (MetricSeries.Point p : points) {
      Measurement m = p.measurements().get(index);
      if (m.value().isPresent()) {
        min = Math.min(min, m.value().getAsDouble());
        max = Math.max(max, m.value().getAsDouble());
      }
    }
    StringBuilder title = new StringBuilder();
    StringBuilder values = new StringBuilder();
    StringBuilder shapes = new StringBuilder();
    List<String> run = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MetricSeries.Point p = points.get(i);
      Measurement m = p.measurements().get(index);
      if (i > 0) {
        title.append("; ");
        values.append(',');
      }
      title.append(Dates.month(p.period().window().start())).append(p.complete() ? "" : " (so far)")
          .append(": ").append(m.text());
      values.append(Measurements.plain(m));
      if (m.value().isPresent()) {
        double x = n == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2 * PAD) / (n - 1);
        double y = max == min ? HEIGHT / 2.0 : HEIGHT - PAD - (m.value().getAsDouble() - min) / (max - min) * (HEIGHT - 2 * PAD);
        run.add(number(x) + "," + number(y));
      } else {
        flush(run, shapes);
      }
    }
    flush(run, shapes);
    return "<svg class=\"spark\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " "
        + HEIGHT + "\" role=\"img\" data-points=\"" + n + "\" data-values=\"" + HtmlReport.escape(values.toString())
        + "\"><title>" + HtmlReport.escape(title.toString()) + "</title>" + shapes + "</svg>";
  }

  private static void flush(List<String> run, StringBuilder shapes) {
    if (run.size() == 1) {
      String[] xy = run.get(0).split(",");
      shapes.append("<circle class=\"run\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"1.6\"/>");
    } else if (run.size() > 1) {
      shapes.append("<polyline class=\"run\" points=\"").append(String.join(" ", run)).append("\"/>");
    }
    run.clear();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
