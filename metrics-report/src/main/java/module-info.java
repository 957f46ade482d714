/**
 * Community Metrics report: one self-contained HTML file (inline CSS and SVG, nothing fetched
 * from the network) with charts of the metric results.
 *
 * <p>Charts are drawn with JFreeChart onto JFreeSVG's {@code SVGGraphics2D}; neither library
 * appears in this module's API, so callers depend only on the chart records.
 */
// JFreeChart 1.5 ships no module-info, only an Automatic-Module-Name (org.jfree.jfreechart); it
// is an implementation detail (not "requires transitive"), so the warning about it is expected.
@SuppressWarnings("requires-automatic")
module io.github.communitymetrics.report {
  requires transitive io.github.communitymetrics.core;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;
  requires java.desktop;

  exports io.github.communitymetrics.report;
}
