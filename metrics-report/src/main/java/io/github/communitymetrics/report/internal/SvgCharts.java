package io.github.communitymetrics.report.internal;

import io.github.communitymetrics.report.Bar;
import io.github.communitymetrics.report.BarChart;
import io.github.communitymetrics.report.Chart;
import io.github.communitymetrics.report.EventSeriesChart;
import io.github.communitymetrics.report.GaugeChart;
import io.github.communitymetrics.report.HeatMapChart;
import io.github.communitymetrics.report.PercentileChart;
import io.github.communitymetrics.report.SurvivalChart;
import io.github.communitymetrics.report.SurvivalComparisonChart;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.dial.DialBackground;
import org.jfree.chart.plot.dial.DialCap;
import org.jfree.chart.plot.dial.DialPlot;
import org.jfree.chart.plot.dial.DialPointer;
import org.jfree.chart.plot.dial.DialTextAnnotation;
import org.jfree.chart.plot.dial.DialValueIndicator;
import org.jfree.chart.plot.dial.StandardDialFrame;
import org.jfree.chart.plot.dial.StandardDialRange;
import org.jfree.chart.plot.dial.StandardDialScale;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultValueDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws {@link Chart} records with JFreeChart onto JFreeSVG and returns the SVG element. */
public final class SvgCharts {
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color BAR = new Color(0x2f6fb0);
  private static final Color BAND = new Color(0xe0, 0x70, 0x10);

  private SvgCharts() {}

  /**
   * The chart as an {@code <svg>} element.
   *
   * @param chart the chart
   * @param id the element's id, also the prefix of its clip-path ids, so that several charts in
   *     one HTML document do not share ids; letters, digits and '-' only
   */
  public static String svg(Chart chart, String id) {
    if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("id must be letters, digits and '-' but was " + id);
    }
    JFreeChart c;
    int width = 560;
    int height;
    if (chart instanceof GaugeChart) {
      c = gauge((GaugeChart) chart);
      width = 400;
      height = 400;
    } else if (chart instanceof HeatMapChart) {
      HeatMapChart h = (HeatMapChart) chart;
      c = heatMap(h);
      height = 110 + 30 * Math.max(1, h.rows().size());
    } else if (chart instanceof PercentileChart) {
      PercentileChart p = (PercentileChart) chart;
      c = percentiles(p);
      height = 110 + 4 * 22 * Math.max(1, p.distributions().size());
    } else if (chart instanceof SurvivalChart) {
      c = survival((SurvivalChart) chart);
      height = 360;
    } else if (chart instanceof SurvivalComparisonChart) {
      c = survivals((SurvivalComparisonChart) chart);
      height = 380;
    } else if (chart instanceof EventSeriesChart) {
      c = eventSeries((EventSeriesChart) chart);
      width = 720;
      height = 380;
    } else {
      BarChart b = (BarChart) chart;
      c = bars(b);
      height = 90 + 28 * Math.max(1, b.bars().size());
    }
    c.setBackgroundPaint(Color.WHITE);
    c.setTitle(new TextTitle(chart.title(), TITLE));
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    // One decimal is a tenth of a pixel: the default full precision triples a page of charts.
    g.setGeomDoubleConverter(SvgCharts::compact);
    g.setTransformDoubleConverter(SvgCharts::compact);
    c.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
  }

  /** {@code v} with at most one decimal, without a trailing {@code .0}. */
  static String compact(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }

  private static JFreeChart gauge(GaugeChart chart) {
    DialPlot plot = new DialPlot(new DefaultValueDataset(chart.value()));
    plot.setDialFrame(new StandardDialFrame());
    plot.setBackground(new DialBackground(new Color(0xf4f4f4)));
    StandardDialScale scale =
        new StandardDialScale(0, chart.maximum(), -120, -300, chart.maximum() / 10, 1);
    scale.setTickLabelFont(LABEL);
    scale.setTickLabelFormatter(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    scale.setTickRadius(0.88);
    scale.setTickLabelOffset(0.14);
    plot.addScale(0, scale);
    DecimalFormat oneDecimal = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (chart.low().isPresent()) {
      StandardDialRange band =
          new StandardDialRange(chart.low().getAsDouble(), chart.high().getAsDouble(), BAND);
      // StandardDialRange strokes two arcs; close together they read as one band along the scale.
      band.setInnerRadius(0.90);
      band.setOuterRadius(0.93);
      plot.addLayer(band);
      DialTextAnnotation interval =
          new DialTextAnnotation(
              "interval " + oneDecimal.format(chart.low().getAsDouble()) + " to "
                  + oneDecimal.format(chart.high().getAsDouble()) + " " + chart.unit());
      interval.setFont(LABEL);
      interval.setRadius(0.53);
      interval.setAngle(-90);
      plot.addLayer(interval);
    }
    DialValueIndicator value = new DialValueIndicator(0);
    value.setNumberFormat(oneDecimal);
    value.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    value.setRadius(0.38);
    value.setAngle(-90);
    plot.addLayer(value);
    DialTextAnnotation unit = new DialTextAnnotation(chart.unit());
    unit.setFont(LABEL);
    unit.setRadius(0.25);
    unit.setAngle(90);
    plot.addLayer(unit);
    plot.addPointer(new DialPointer.Pointer());
    plot.setCap(new DialCap());
    return new JFreeChart(null, LABEL, plot, false);
  }

  private static JFreeChart heatMap(HeatMapChart chart) {
    DefaultXYZDataset data = new DefaultXYZDataset();
    int n = chart.cells().stream().mapToInt(List::size).sum();
    double[][] xyz = new double[3][n];
    int columns = 1;
    int i = 0;
    XYPlot plot = new XYPlot();
    for (int row = 0; row < chart.rows().size(); row++) {
      List<Double> cells = chart.cells().get(row);
      columns = Math.max(columns, cells.size());
      for (int col = 0; col < cells.size(); col++) {
        xyz[0][i] = col;
        xyz[1][i] = row;
        xyz[2][i] = cells.get(col);
        i++;
        XYTextAnnotation text =
            new XYTextAnnotation(Math.round(100 * cells.get(col)) + "%", col, row);
        text.setFont(LABEL);
        text.setPaint(cells.get(col) > 0.55 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(text);
      }
    }
    data.addSeries("share", xyz);
    NumberAxis x = new NumberAxis(chart.columnAxis());
    x.setLabelFont(LABEL);
    x.setTickLabelFont(LABEL);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setRange(-0.5, columns - 0.5);
    SymbolAxis y = new SymbolAxis(chart.rowAxis(), chart.rows().toArray(new String[0]));
    y.setLabelFont(LABEL);
    y.setTickLabelFont(LABEL);
    y.setInverted(true);
    y.setGridBandsVisible(false);
    y.setRange(-0.5, chart.rows().size() - 0.5);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new ShareScale());
    plot.setDataset(data);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    return new JFreeChart(null, LABEL, plot, false);
  }

  /** White at 0 to the bar colour at 1. */
  private static final class ShareScale implements PaintScale, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public java.awt.Paint getPaint(double value) {
      double v = Math.max(0, Math.min(1, value));
      return new Color(
          (int) Math.round(255 + v * (BAR.getRed() - 255)),
          (int) Math.round(255 + v * (BAR.getGreen() - 255)),
          (int) Math.round(255 + v * (BAR.getBlue() - 255)));
    }
  }

  private static JFreeChart survival(SurvivalChart chart) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(steps("survival", chart.points()));
    return survivalPlot(data, chart.xLabel(), new Color[] {BAR}, false);
  }

  /** Several curves, each in its own colour with its band, and a legend. */
  private static JFreeChart survivals(SurvivalComparisonChart chart) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (SurvivalComparisonChart.Curve curve : chart.curves()) {
      data.addSeries(steps(curve.label(), curve.points()));
    }
    return survivalPlot(data, chart.xLabel(), new Color[] {BAR, BAND, new Color(0x40a040), new Color(0x808080)}, true);
  }

  /**
   * A step function with its band: each step is two points at the same x, so the
   * DeviationRenderer's straight segments become horizontal and vertical ones.
   */
  private static YIntervalSeries steps(String key, List<SurvivalChart.Point> points) {
    YIntervalSeries series = new YIntervalSeries(key);
    double survival = 1;
    double lower = 1;
    double upper = 1;
    series.add(0, 1, 1, 1);
    for (SurvivalChart.Point p : points) {
      series.add(p.x(), survival, lower, upper);
      series.add(p.x(), p.survival(), p.lower(), p.upper());
      survival = p.survival();
      lower = p.lower();
      upper = p.upper();
    }
    return series;
  }

  private static JFreeChart survivalPlot(YIntervalSeriesCollection data, String xLabel, Color[] colours, boolean legend) {
    NumberAxis x = new NumberAxis(xLabel);
    x.setLabelFont(LABEL);
    x.setTickLabelFont(LABEL);
    NumberAxis y = new NumberAxis("share still contributing");
    y.setLabelFont(LABEL);
    y.setTickLabelFont(LABEL);
    y.setRange(0, 1.02);
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Color c = colours[i % colours.length];
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesFillPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x40));
      renderer.setSeriesStroke(i, new java.awt.BasicStroke(2f));
    }
    renderer.setAlpha(0.25f);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xcccccc));
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    JFreeChart c = new JFreeChart(null, LABEL, plot, legend);
    if (legend) {
      c.getLegend().setItemFont(LABEL);
    }
    return c;
  }

  /** The shade of an event's days. */
  private static final Color EVENT = new Color(0xff, 0xd8, 0x80, 0x90);

  /**
   * The observed series as a line with dots, the event's days shaded (from half a day before the
   * first to half a day after the last, so that a one-day event is a visible stripe), and the
   * counterfactual with its band; x in days from the event's first day.
   */
  private static JFreeChart eventSeries(EventSeriesChart chart) {
    org.jfree.data.xy.XYSeries observed = new org.jfree.data.xy.XYSeries("observed", false, true);
    for (int i = 0; i < chart.values().size(); i++) {
      observed.add(i - chart.eventFirst(), chart.values().get(i));
    }
    NumberAxis x = new NumberAxis("days from the event's first day (" + chart.origin().plusDays(chart.eventFirst()) + ")");
    x.setLabelFont(LABEL);
    x.setTickLabelFont(LABEL);
    NumberAxis y = new NumberAxis(chart.valueLabel());
    y.setLabelFont(LABEL);
    y.setTickLabelFont(LABEL);
    y.setAutoRangeIncludesZero(true);
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer line =
        new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, BAR);
    line.setSeriesStroke(0, new java.awt.BasicStroke(1.2f));
    line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    XYPlot plot = new XYPlot(new org.jfree.data.xy.XYSeriesCollection(observed), x, y, line);
    chart.counterfactual().ifPresent(band -> {
      YIntervalSeries fit = new YIntervalSeries(band.label(), false, true);
      for (int d = 0; d < band.fit().size(); d++) {
        fit.add(band.firstDay() + d - chart.eventFirst(), band.fit().get(d), band.lower().get(d), band.upper().get(d));
      }
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      data.addSeries(fit);
      DeviationRenderer renderer = new DeviationRenderer(true, false);
      renderer.setSeriesPaint(0, BAND);
      renderer.setSeriesFillPaint(0, new Color(0xe0, 0x70, 0x10, 0x40));
      renderer.setSeriesStroke(0, new java.awt.BasicStroke(
          1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      renderer.setAlpha(0.25f);
      plot.setDataset(1, data);
      plot.setRenderer(1, renderer);
    });
    org.jfree.chart.plot.IntervalMarker event =
        new org.jfree.chart.plot.IntervalMarker(-0.5, chart.eventLast() - chart.eventFirst() + 0.5);
    event.setPaint(EVENT);
    event.setLabel("event");
    event.setLabelFont(LABEL);
    event.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP);
    event.setLabelTextAnchor(TextAnchor.TOP_CENTER);
    plot.addDomainMarker(event, org.jfree.chart.ui.Layer.BACKGROUND);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xcccccc));
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    JFreeChart c = new JFreeChart(null, LABEL, plot, true);
    c.getLegend().setItemFont(LABEL);
    return c;
  }

  private static final String[] PERCENTILES = {"p50", "p75", "p90", "p95"};
  private static final Color[] PERCENTILE_COLORS = {
    new Color(0x2f6fb0), new Color(0x6f9fd0), new Color(0xe0a040), new Color(0xc05020)
  };

  private static JFreeChart percentiles(PercentileChart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (PercentileChart.Distribution d : chart.distributions()) {
      // The counts go into the category label, so that a short bar from three items reads as such.
      String key = d.label() + " (" + d.completed() + " done, " + d.censored() + " censored)";
      List<Double> values = d.values();
      for (int i = 0; i < PERCENTILES.length; i++) {
        // Nothing completed: no bars, but the category (with its counts) stays on the axis.
        data.addValue(values.isEmpty() ? null : values.get(i), PERCENTILES[i], key);
      }
    }
    CategoryAxis categories = new CategoryAxis(null);
    categories.setTickLabelFont(LABEL);
    categories.setMaximumCategoryLabelWidthRatio(0.35f);
    categories.setMaximumCategoryLabelLines(3);
    NumberAxis values = new NumberAxis(chart.valueLabel());
    values.setLabelFont(LABEL);
    values.setTickLabelFont(LABEL);
    values.setUpperMargin(0.2);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int i = 0; i < PERCENTILE_COLORS.length; i++) {
      renderer.setSeriesPaint(i, PERCENTILE_COLORS[i]);
    }
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator(
            "{0} {2}", new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    JFreeChart c = new JFreeChart(null, LABEL, plot, true);
    c.getLegend().setItemFont(LABEL);
    return c;
  }

  private static JFreeChart bars(BarChart chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    // Categories are keyed by label; two people can share a label, so later ones get a suffix.
    Map<String, Integer> seen = new HashMap<>();
    for (Bar b : chart.bars()) {
      int n = seen.merge(b.label(), 1, Integer::sum);
      String key = n == 1 ? b.label() : b.label() + " (" + n + ")";
      data.addValue(b.value(), "value", key);
    }
    CategoryAxis categories = new CategoryAxis(null);
    categories.setTickLabelFont(LABEL);
    categories.setMaximumCategoryLabelWidthRatio(0.4f);
    NumberAxis values = new NumberAxis(chart.valueLabel());
    values.setLabelFont(LABEL);
    values.setTickLabelFont(LABEL);
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    values.setUpperMargin(0.15);
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    renderer.setMaximumBarWidth(0.8);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(LABEL);
    // Horizontal bars: the number goes just right of the bar's end.
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xcccccc));
    return new JFreeChart(null, LABEL, plot, false);
  }
}
