package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The event-impact charts: a series with its event and counterfactual, survival curves side by side. */
class EventChartsTest {
  static EventSeriesChart series(Optional<EventSeriesChart.Band> band) {
    return new EventSeriesChart(
        "new-contributors around Hack <Week>", "people per day", LocalDate.parse("2025-03-01"),
        List.of(2.0, 3.0, 1.0, 9.0, 8.0, 7.0), 2, 2, band);
  }

  @Test
  void theSeriesChartShadesTheEventAndDrawsTheBandInALegend() {
    EventSeriesChart c = series(Optional.of(new EventSeriesChart.Band(
        "counterfactual (pre-event fit, 95 % prediction interval)", 0,
        List.of(2.0, 2.5, 3.0, 3.5), List.of(1.0, 1.5, 2.0, 2.5), List.of(3.0, 3.5, 4.0, 4.5))));
    String html = new HtmlReport("impact", List.of(), List.of(new Section("q", "a", "", "p", List.of(c)))).toHtml();
    assertEquals(1, Pattern.compile("<svg ").matcher(html).results().count());
    assertTrue(html.contains("Hack &lt;Week&gt;"), "title escaped in the SVG");
    assertTrue(html.contains(">event<"), "the event's shading is labelled");
    assertTrue(html.contains("counterfactual (pre-event fit"), "the band is in the legend");
    assertTrue(html.contains(">observed<"), "the series is in the legend");
    assertTrue(html.contains("(2025-03-03)"), "the axis names the event's first day");
    // The shading's colour, fill-opacity of the translucent amber.
    assertTrue(html.contains("rgb(255,216,128)"), "the event's days are shaded");
    String without = new HtmlReport("impact", List.of(), List.of(
        new Section("q", "a", "", "p", List.of(series(Optional.empty()))))).toHtml();
    assertTrue(!without.contains("counterfactual"), "no band, no legend entry");
  }

  @Test
  void survivalCurvesSideBySideHaveOneLegendEntryEach() {
    SurvivalComparisonChart c = new SurvivalComparisonChart("Cohort", "days", List.of(
        new SurvivalComparisonChart.Curve("event cohort (3 people)", List.of(new SurvivalChart.Point(10, 0.5, 0.2, 0.8))),
        new SurvivalComparisonChart.Curve("baseline (9 people)", List.of(new SurvivalChart.Point(5, 0.9, 0.7, 1)))));
    String html = new HtmlReport("impact", List.of(), List.of(new Section("q", "a", "", "p", List.of(c)))).toHtml();
    assertTrue(html.contains("event cohort (3 people)"), html);
    assertTrue(html.contains("baseline (9 people)"));
    // Each curve in its own colour: the report's blue and amber.
    assertTrue(html.contains("rgb(47,111,176)") && html.contains("rgb(224,112,16)"), "two colours");
  }

  @Test
  void checksItsInput() {
    assertThrows(IllegalArgumentException.class, () -> new EventSeriesChart(
        "t", "v", LocalDate.EPOCH, List.of(1.0, 2.0), 1, 2, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new EventSeriesChart(
        "t", "v", LocalDate.EPOCH, List.of(1.0, Double.NaN), 0, 0, Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> new EventSeriesChart.Band(
        "b", 0, List.of(1.0), List.of(2.0), List.of(3.0)));
    assertThrows(IllegalArgumentException.class, () -> series(Optional.of(new EventSeriesChart.Band(
        "b", 4, List.of(1.0, 1.0, 1.0), List.of(0.0, 0.0, 0.0), List.of(2.0, 2.0, 2.0)))));
    assertThrows(IllegalArgumentException.class, () -> new SurvivalComparisonChart("t", "x", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new SurvivalComparisonChart.Curve("c", List.of(
        new SurvivalChart.Point(5, 0.5, 0.4, 0.6), new SurvivalChart.Point(4, 0.4, 0.3, 0.5))));
  }
}
