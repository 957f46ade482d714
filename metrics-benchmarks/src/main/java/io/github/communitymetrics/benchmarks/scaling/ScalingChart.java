package io.github.communitymetrics.benchmarks.scaling;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The scaling suite's chart: an SVG with time and memory per event against events. */
final class ScalingChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;
  private static final int MEMORY_HEIGHT = 260;

  private ScalingChart() {}

  /** Writes the chart of {@code timings} and {@code memory} to {@code path}. */
  static void write(Path path, String title, List<ScalingSuite.Timing> timings, List<ScalingSuite.Memory> memory)
      throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT + MEMORY_HEIGHT);
    draw(g, title, timings, memory);
    Files.writeString(path, g.getSVGDocument());
  }

  /** Draws the chart on {@code g}, {@value #WIDTH} wide and {@code HEIGHT + MEMORY_HEIGHT} high. */
  static void draw(Graphics2D g, String title, List<ScalingSuite.Timing> timings, List<ScalingSuite.Memory> memory) {
    Map<String, XYSeries> byTask = new LinkedHashMap<>();
    for (ScalingSuite.Timing t : timings) {
      byTask.computeIfAbsent(t.task(), XYSeries::new).add(t.events(), Math.max(t.medianMs(), 1e-3));
    }
    XYSeriesCollection time = new XYSeriesCollection();
    byTask.values().forEach(time::addSeries);
    XYPlot timePlot = new XYPlot(time, logAxis("events"), logAxis("median time (ms)"), renderer());
    JFreeChart timeChart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), timePlot, true);
    timeChart.addSubtitle(new TextTitle(
        "ingestion (gzip JSON Lines into the store), people, the four metrics for every repository, "
            + "gzip -dc and a column scan as the limits"));

    XYSeries estimated = new XYSeries("estimatedBytes() / event");
    XYSeries heap = new XYSeries("retained heap / event");
    for (ScalingSuite.Memory m : memory) {
      estimated.add(m.events(), m.estimatedBytesPerEvent());
      heap.add(m.events(), m.heapBytesPerEvent());
    }
    XYSeriesCollection bytes = new XYSeriesCollection();
    bytes.addSeries(estimated);
    bytes.addSeries(heap);
    NumberAxis bytesAxis = new NumberAxis("bytes per event");
    bytesAxis.setAutoRangeIncludesZero(true);
    XYPlot memoryPlot = new XYPlot(bytes, logAxis("events"), bytesAxis, renderer());
    JFreeChart memoryChart =
        new JFreeChart("Store memory per event", new Font(Font.SANS_SERIF, Font.BOLD, 13), memoryPlot, true);

    for (JFreeChart c : List.of(timeChart, memoryChart)) {
      c.setBackgroundPaint(Color.WHITE);
      ((XYPlot) c.getPlot()).setBackgroundPaint(Color.WHITE);
      ((XYPlot) c.getPlot()).setDomainGridlinePaint(Color.LIGHT_GRAY);
      ((XYPlot) c.getPlot()).setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
    timeChart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    memoryChart.draw(g, new Rectangle(0, HEIGHT, WIDTH, MEMORY_HEIGHT));
  }

  /** Dark, distinct series colours (JFreeChart's defaults include a pale yellow). */
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
    new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0x17becf), new Color(0xbcbd22)
  };

  private static LogAxis logAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(1e-3);
    axis.setTickUnit(new NumberTickUnit(1)); // whole powers of ten
    return axis;
  }

  private static XYLineAndShapeRenderer renderer() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < PALETTE.length; i++) {
      r.setSeriesPaint(i, PALETTE[i]);
    }
    return r;
  }
}
