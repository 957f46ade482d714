package io.github.communitymetrics.report;

import static io.github.communitymetrics.testkit.Markup.attribute;
import static io.github.communitymetrics.testkit.Markup.elements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.growth.Bursts;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.metrics.stars.FakeStarsResult;
import io.github.communitymetrics.core.metrics.stars.StarScoutMetrics;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The star curve: what it draws, and the demo portfolio page with one per repository. */
class StarCurveReportTest {
  private static final Repository WIDGET = new Repository(Forge.GITHUB, "acme/widget", java.util.OptionalLong.empty());
  private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");

  private static List<Window> days(int n) {
    List<Window> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Window(MONDAY.plus(i, ChronoUnit.DAYS), MONDAY.plus(i + 1, ChronoUnit.DAYS)));
    }
    return out;
  }

  /**
   * Five days with 1, 1, 0, 1 and 6 new stars after 2 earlier ones (11 in all), a burst on the
   * fifth day (6 stars, 5 by new accounts), and March with 11 stars of which 5 are suspected.
   */
  @Test
  void drawsTheBarsTheTotalTheBurstAndTheMonthsShare() {
    StarCurve c = new StarCurve(
        WIDGET, Granularity.DAY, days(5), List.of(1L, 1L, 0L, 1L, 6L), 11,
        List.of(new Bursts.Burst(days(5).get(4), 1, 6, 6, 5, 5)),
        List.of(new FakeStarMonth(WIDGET, YearMonth.of(2024, 3), 11, OptionalInt.of(5), OptionalInt.of(0), OptionalInt.of(5))),
        Optional.empty());
    assertEquals(List.of(3L, 4L, 4L, 5L, 11L), c.cumulative());
    String svg = StarCurveSvg.svg(c, "t");
    assertEquals("5", attribute(svg, "data-periods"));
    // No bar for the day without stars: no shape for 0, which still is a value (the line goes on).
    List<String> bars = elements(svg, "<rect class=\"new\"[^>]*>");
    assertEquals(List.of("1", "1", "1", "6"), bars.stream().map(b -> attribute(b, "data-value")).toList());
    String line = elements(svg, "<polyline class=\"cumulative\"[^>]*>").get(0);
    assertEquals("11", attribute(line, "data-last"));
    // Six points: the 2 stars before the first day, then each day's end.
    assertEquals(6, attribute(line, "points").split(" ").length);
    List<String> bursts = elements(svg, "<rect class=\"burst\"[^>]*>");
    assertEquals(1, bursts.size());
    assertEquals("2024-03-08T00:00:00Z", attribute(bursts.get(0), "data-start"));
    assertEquals("0.8333", attribute(bursts.get(0), "data-new-account-share"));
    String month = elements(svg, "<g class=\"suspected\"[^>]*>").get(0);
    assertEquals("0.4545", attribute(month, "data-share"));
    assertTrue(svg.contains("2024-03: 11 stars, 5 suspected (45.5%)"), svg);
    assertTrue(svg.contains(">45%</text>"), svg);
  }

  @Test
  void aMonthWithoutSignalsIsHatchedNoDataWithTheReason() {
    StarCurve c = new StarCurve(
        WIDGET, Granularity.DAY, days(3), List.of(1L, 0L, 1L), 2, List.of(),
        List.of(new FakeStarMonth(WIDGET, YearMonth.of(2024, 3), 2, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty())),
        Optional.of("a stargazer list alone"));
    String svg = StarCurveSvg.svg(c, "t");
    String month = elements(svg, "<g class=\"suspected\"[^>]*>").get(0);
    assertEquals("", attribute(month, "data-share"));
    assertTrue(svg.contains("fill=\"url(#t-nd)\""), svg);
    assertTrue(svg.contains("2024-03: 2 stars, suspected: no data (a stargazer list alone)"), svg);
    assertTrue(svg.contains(">no data</text>"), svg);
  }

  @Test
  void theWindowMustEndAtAPeriodsEnd() {
    Evaluation e = PortfolioReportTest.EVALUATION.withWindow(
        new Window(Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-06-30T12:00:00Z")));
    assertThrows(IllegalArgumentException.class,
        () -> StarCurve.compute(Demo.STORE, Demo.PEOPLE, e, Demo.REPO, List.of(), Optional.empty()));
  }

  /** The demo portfolio with a star curve per repository (daily over its last 90 days). */
  static String demoPageWithStars() {
    Evaluation e = PortfolioReportTest.EVALUATION
        .withWindow(new Window(Instant.parse("2025-04-02T00:00:00Z"), PortfolioReportTest.AS_OF))
        .withParameter(StandardMetrics.STAR_TREND, "period", "day")
        .withParameter(StandardMetrics.STAR_BURSTS, "period", "day");
    FakeStarsResult audit = StarScoutMetrics.LOCKSTEP.evaluate(Demo.STORE, Demo.PEOPLE, e).result();
    Map<Repository, StarCurve> curves = new HashMap<>();
    for (Portfolio.Entry entry : PortfolioReportTest.DEMO.repositories()) {
      Repository r = entry.repository();
      List<FakeStarMonth> months = audit.months().stream().filter(m -> m.repository().equals(r)).toList();
      curves.put(r, StarCurve.compute(Demo.STORE, Demo.PEOPLE, e, r, months,
          audit.signalsAvailable() ? Optional.empty() : Optional.of("the demo's stargazers do nothing elsewhere")));
    }
    return new PortfolioReport("Community report", PortfolioReportTest.SIMULATED, Optional.of(PortfolioReportTest.DEMO),
        Demo::label, List.of()).withStarCurves(curves).toHtml();
  }

  @Test
  void theDemoPageHasAStarCurveInEachRepositorysPart() {
    String page = demoPageWithStars();
    assertEquals(4, elements(page, "<svg class=\"star-curve\"").size());
    for (int i = 1; i <= 4; i++) {
      int stars = page.indexOf("id=\"repo-" + i + "-stars\"");
      assertTrue(stars > page.indexOf("id=\"repo-" + i + "\""), "inside repository " + i);
      assertTrue(stars < page.indexOf("<section class=\"metric\" id=\"repo-" + i + "-"), "before its metrics");
    }
    String svg = page.substring(page.indexOf("<svg class=\"star-curve\""));
    assertEquals("90", attribute(svg.substring(0, svg.indexOf('>')), "data-periods"));
  }
}
