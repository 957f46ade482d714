package io.github.communitymetrics.benchmarks.scaling;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The scaling suite's chart: one small panel per task (ingestion, the limits, people, each
 * metric), each with the time (left log axis, ms) and memory (right log axis, bytes per event)
 * against events (log axis). Small multiples, since some 35 lines on one plot cannot be told
 * apart.
 */
final class ScalingChart {
  private static final int COLUMNS = 5;
  private static final int PANEL_WIDTH = 330;
  private static final int PANEL_HEIGHT = 210;
  private static final int HEADER = 70;

  private static final Color TIME = new Color(0x1f77b4);
  private static final Color CPU = new Color(0x17becf);
  private static final Color ALLOCATED = new Color(0xd62728);
  private static final Color RETAINED = new Color(0xff7f0e);
  private static final Color STORE = new Color(0x2ca02c);

  private ScalingChart() {}

  /** Writes the chart of {@code rows} and {@code memory} to {@code path}. */
  static void write(Path path, String title, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory)
      throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width(), height(rows));
    draw(g, title, rows, memory);
    Files.writeString(path, g.getSVGDocument());
  }

  static int width() {
    return COLUMNS * PANEL_WIDTH;
  }

  static int height(List<ScalingSuite.Row> rows) {
    long panels = rows.stream().map(ScalingSuite.Row::task).distinct().count();
    return HEADER + (int) ((panels + COLUMNS - 1) / COLUMNS) * PANEL_HEIGHT;
  }

  /** Draws the chart on {@code g}, {@link #width()} by {@link #height} pixels. */
  static void draw(Graphics2D g, String title, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory) {
    Map<String, List<ScalingSuite.Row>> byTask = new LinkedHashMap<>();
    for (ScalingSuite.Row r : rows) {
      byTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r);
    }
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height(rows));
    header(g, title, rows, memory);
    int i = 0;
    for (Map.Entry<String, List<ScalingSuite.Row>> e : byTask.entrySet()) {
      panel(e.getKey(), e.getValue(), memory)
          .draw(g, new Rectangle(i % COLUMNS * PANEL_WIDTH, HEADER + i / COLUMNS * PANEL_HEIGHT, PANEL_WIDTH,
              PANEL_HEIGHT));
      i++;
    }
  }

  private static void header(Graphics2D g, String title, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory) {
    java.util.Set<String> sources = new java.util.LinkedHashSet<>(); // rows come by events
    rows.forEach(r -> sources.add(String.format(Locale.ROOT, "%,d events: %s, %,d repositories", r.events(),
        r.source(), r.repositories())));
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title + " - time and memory against events, log axes", 10, 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int x = 10;
    for (Object[] key : new Object[][] {
        {TIME, "median wall time (ms, left)"}, {CPU, "thread CPU time (ms, left)"},
        {ALLOCATED, "bytes allocated per event in one run (right)"},
        {RETAINED, "result retained, bytes/event (right)"}, {STORE, "store heap, bytes/event (right)"}}) {
      g.setColor((Color) key[0]);
      g.fillRect(x, 32, 14, 4);
      g.setColor(Color.BLACK);
      g.drawString((String) key[1], x + 18, 38);
      x += 18 + g.getFontMetrics().stringWidth((String) key[1]) + 20;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString(String.join("; ", sources)
        + ". A panel's \"not run at ...\" says where a size was skipped (see scaling.csv).", 10, 56);
  }

  private static JFreeChart panel(String task, List<ScalingSuite.Row> rows, List<ScalingSuite.Memory> memory) {
    XYSeries wall = new XYSeries("wall");
    XYSeries cpu = new XYSeries("CPU");
    XYSeries allocated = new XYSeries("allocated");
    XYSeries retained = new XYSeries("retained");
    XYSeries store = new XYSeries("store");
    List<String> skipped = new ArrayList<>();
    for (ScalingSuite.Row r : rows) {
      if (!r.measured()) {
        skipped.add(power(r.events()));
        continue;
      }
      addPositive(wall, r.events(), r.medianMs());
      addPositive(cpu, r.events(), r.cpuMs());
      addPositive(allocated, r.events(), r.allocatedBytes() / r.events());
      if (!task.startsWith("ingestion")) {
        addPositive(retained, r.events(), r.retainedBytes() / r.events());
      }
    }
    if (task.equals("ingestion (store)")) {
      memory.forEach(m -> addPositive(store, m.events(), m.heapBytesPerEvent()));
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(logAxis(null));
    plot.setRangeAxis(0, logAxis("ms"));
    plot.setRangeAxis(1, logAxis("B/event"));
    addDataset(plot, 0, 0, List.of(wall, cpu), List.of(TIME, CPU));
    addDataset(plot, 1, 1, List.of(allocated, retained, store), List.of(ALLOCATED, RETAINED, STORE));
    // A task measured in another process (gzip) or not at all has no memory: no empty axis.
    plot.getRangeAxis(1).setVisible(plot.getDataset(1).getSeriesCount() > 0);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    String title = skipped.isEmpty() ? task : task + " (not run at " + String.join(", ", skipped) + ")";
    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 12)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void addDataset(XYPlot plot, int index, int axis, List<XYSeries> series, List<Color> colours) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i).getItemCount() == 0) {
        continue;
      }
      int k = data.getSeriesCount();
      data.addSeries(series.get(i));
      renderer.setSeriesPaint(k, colours.get(i));
      renderer.setSeriesStroke(k, new BasicStroke(axis == 0 ? 2f : 1.5f, BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND, 1f, axis == 0 ? null : new float[] {5f, 3f}, 0f));
    }
    plot.setDataset(index, data);
    plot.setRenderer(index, renderer);
    plot.mapDatasetToRangeAxis(index, axis);
    // Whole decades, at least one: an automatic range around a flat line would magnify its
    // noise and show no tick label.
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < data.getSeriesCount(); k++) {
      min = Math.min(min, data.getSeries(k).getMinY());
      max = Math.max(max, data.getSeries(k).getMaxY());
    }
    if (min <= max) {
      double low = Math.floor(Math.log10(min));
      double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
      plot.getRangeAxis(axis).setRange(Math.pow(10, low), Math.pow(10, high));
    }
  }

  private static void addPositive(XYSeries s, double x, double y) {
    if (!Double.isNaN(y) && y > 0) {
      s.add(x, y);
    }
  }

  private static String power(long events) {
    return "10^" + Math.round(Math.log10(events));
  }

  private static LogAxis logAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(1e-3);
    axis.setTickUnit(new NumberTickUnit(1)); // whole powers of ten
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    return axis;
  }
}
