package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final String XSS = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&";

  @Test
  void escapesEveryStringIncludingChartLabels() {
    HtmlReport report =
        new HtmlReport(
            XSS,
            List.of(XSS),
            List.of(
                new Section(
                    XSS,
                    XSS,
                    XSS,
                    XSS,
                    List.of(
                        new BarChart(XSS, XSS, List.of(new Bar(XSS, 3), new Bar("ok", 1))),
                        GaugeChart.of(XSS, 40, 100, XSS)))));
    String html = report.toHtml();
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "raw <script in output");
    assertFalse(lower.contains("<img"), "raw <img in output");
    assertFalse(html.contains("'x')"), "unescaped quote in output");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"), html);
    // The chart's own text (title, bar label) went through JFreeSVG's XML escaping.
    Matcher svg = Pattern.compile("(?s)<svg.*?</svg>").matcher(html);
    assertTrue(svg.find());
    assertTrue(svg.group().contains("&lt;script&gt;"), "bar label or title missing from the SVG");
  }

  @Test
  void selfContainedWithUniqueIds() {
    String html = new HtmlReport("demo", List.of(), HealthSections.of(Demo.SUMMARY, Demo::label)).toHtml();
    // Namespace names are identifiers, never fetched; any other URL would be a reference.
    String withoutNamespaces = html.replaceAll(" xmlns(:[a-z]+)?=(\"[^\"]*\"|'[^']*')", "");
    assertFalse(withoutNamespaces.contains("http:"), "an http: reference");
    assertFalse(withoutNamespaces.contains("https:"), "an https: reference");
    assertFalse(withoutNamespaces.contains("url(http"), "a CSS url() to the network");
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
    assertFalse(html.contains("<link"));
    Set<String> ids = new HashSet<>();
    Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
    }
    long charts = HealthSections.of(Demo.SUMMARY, Demo::label).stream().mapToLong(s -> s.charts().size()).sum();
    assertEquals(charts, Pattern.compile("<svg ").matcher(html).results().count());
    assertEquals(html.split("<svg ", -1).length - 1, html.split("</svg>", -1).length - 1);
  }

  @Test
  void sectionsCarryTheSummaryNumbers() {
    List<Section> sections = HealthSections.of(Demo.SUMMARY, Demo::label);
    Section absence = find(sections, "more than half the commits");
    int factor = Demo.SUMMARY.absenceFactor().factor();
    assertEquals(factor + (factor == 1 ? " person" : " people"), absence.answer());
    BarChart bars = (BarChart) absence.charts().get(0);
    List<Ranked<io.github.communitymetrics.core.event.Actor>> members = Demo.SUMMARY.absenceFactor().members();
    assertTrue(members.size() > 0, "the demo has committers");
    for (int i = 0; i < members.size(); i++) {
      assertEquals(Demo.label(members.get(i).key()), bars.bars().get(i).label());
      assertEquals(members.get(i).count(), bars.bars().get(i).value());
    }
    // Members plus "the other N" add up to every commit counted.
    double sum = bars.bars().stream().mapToDouble(Bar::value).sum();
    assertEquals(Demo.SUMMARY.absenceFactor().total(), sum);

    Section funnel = find(sections, "Ladder D0 / D1 / D2 / D3");
    BarChart f = (BarChart) funnel.charts().get(0);
    assertEquals(4, f.bars().size());
    assertEquals(Demo.SUMMARY.ladder().atLeast().reached().d3(), f.bars().get(3).value());

    Section lottery = find(sections, "new pull requests");
    double lotterySum = ((BarChart) lottery.charts().get(0)).bars().stream().mapToDouble(Bar::value).sum();
    assertEquals(Demo.SUMMARY.lotteryFactor().factor().total(), lotterySum);

    Section cohort = find(sections, "starred/forked, how many contributed");
    if (Demo.SUMMARY.cohort().rate().isPresent()) {
      GaugeChart g = (GaugeChart) cohort.charts().get(0);
      assertEquals(100 * Demo.SUMMARY.cohort().rate().getAsDouble(), g.value(), 1e-9);
      assertEquals(Demo.SUMMARY.cohort().interval().isPresent(), g.low().isPresent());
    }
  }

  @Test
  void retentionHeatMapAndSurvivalCurveCarryTheResult() {
    List<Section> sections = HealthSections.of(Demo.SUMMARY, Demo::label);
    var r = Demo.SUMMARY.retention();
    assertFalse(r.cohorts().isEmpty(), "the demo has cohorts");
    HeatMapChart heat = (HeatMapChart) find(sections, "how many stayed").charts().get(0);
    assertEquals(r.cohorts().size(), heat.rows().size());
    for (int row = 0; row < r.cohorts().size(); row++) {
      var cohort = r.cohorts().get(row);
      assertEquals(cohort.activeAfter().size(), heat.cells().get(row).size());
      for (int k = 0; k < cohort.activeAfter().size(); k++) {
        assertEquals((double) cohort.activeAfter().get(k) / cohort.members().size(),
            heat.cells().get(row).get(k), 1e-12);
      }
    }
    SurvivalChart km = (SurvivalChart) find(sections, "first to last contribution").charts().get(0);
    assertEquals(r.survival().steps().size(), km.points().size());
    var lastStep = r.survival().steps().get(r.survival().steps().size() - 1);
    var lastPoint = km.points().get(km.points().size() - 1);
    assertEquals(lastStep.time() / 86400.0, lastPoint.x(), 1e-9);
    assertEquals(lastStep.survival(), lastPoint.survival(), 1e-12);
    // An undefined band (S = 0) is drawn as none: zero width at S.
    assertEquals(lastStep.lower().orElse(lastStep.survival()), lastPoint.lower(), 1e-12);
  }

  @Test
  void responseTimeSectionCarriesTheLibraryPercentilesInHours() {
    List<Section> sections = HealthSections.of(Demo.SUMMARY, Demo::label);
    Section section = find(sections, "Median time to first response");
    var r = Demo.SUMMARY.responsiveness();
    PercentileChart chart = (PercentileChart) section.charts().get(0);
    List<DurationSummary> expected = List.of(r.firstResponse(), r.timeToClose(), r.timeToMerge());
    assertEquals(List.of("time to first response", "time to close", "time to merge"),
        chart.distributions().stream().map(PercentileChart.Distribution::label).toList());
    for (int i = 0; i < expected.size(); i++) {
      DurationSummary d = expected.get(i);
      PercentileChart.Distribution shown = chart.distributions().get(i);
      assertTrue(d.completed() > 0, "the demo completes items of " + shown.label());
      assertEquals(d.completed(), shown.completed());
      assertEquals(d.censored(), shown.censored());
      List<Optional<Duration>> ps = List.of(d.p50(), d.p75(), d.p90(), d.p95());
      for (int k = 0; k < ps.size(); k++) {
        // Hours from whole seconds by hand: the simulator's times are whole seconds.
        Duration p = ps.get(k).orElseThrow();
        assertEquals(0, p.getNano(), "simulated times are whole seconds");
        assertEquals(p.getSeconds() / 3600.0, shown.values().get(k), 1e-9, shown.label() + " p" + k);
      }
    }
    // The answer and preset are the descriptor's first row, as the text output prints them.
    var row = Demo.SUMMARY.metric("responsiveness").orElseThrow().rows(Demo::label).get(0);
    assertEquals(row.answer(), section.answer());
    assertTrue(section.answer().endsWith("hours"), section.answer());
    assertEquals("chaoss, " + r.firstResponse().completed() + " answered, "
        + r.firstResponse().censored() + " waiting", section.preset());
    // The drawn chart names each distribution with its counts.
    String html = new HtmlReport("demo", List.of(), List.of(section)).toHtml();
    // Long category labels wrap into several <text> elements; compare the text with tags as spaces.
    String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    assertTrue(text.contains("time to merge (" + r.timeToMerge().completed() + " done, "
        + r.timeToMerge().censored() + " censored)"), "merge counts missing from the SVG");
  }

  @Test
  void percentileDistributionIsChecked() {
    OptionalDouble none = OptionalDouble.empty();
    assertThrows(IllegalArgumentException.class, () -> new PercentileChart.Distribution(
        "d", 1, 0, OptionalDouble.of(2), OptionalDouble.of(1), OptionalDouble.of(3), OptionalDouble.of(4)));
    assertThrows(IllegalArgumentException.class, () -> new PercentileChart.Distribution(
        "d", 1, 0, OptionalDouble.of(1), none, none, none));
    assertThrows(IllegalArgumentException.class, () -> new PercentileChart.Distribution(
        "d", -1, 0, none, none, none, none));
    assertTrue(new PercentileChart.Distribution("d", 0, 3, none, none, none, none).values().isEmpty());
  }

  @Test
  void gaugeChecksItsInterval() {
    assertThrows(IllegalArgumentException.class,
        () -> new GaugeChart("t", 50, OptionalDouble.of(60), OptionalDouble.of(40), 100, "%"));
    assertThrows(IllegalArgumentException.class,
        () -> new GaugeChart("t", 50, OptionalDouble.of(40), OptionalDouble.empty(), 100, "%"));
    assertThrows(IllegalArgumentException.class, () -> GaugeChart.of("t", 101, 100, "%"));
    assertThrows(IllegalArgumentException.class, () -> new Bar("b", -1));
    assertThrows(IllegalArgumentException.class,
        () -> new HeatMapChart("t", "r", "c", List.of("a"), List.of(List.of(1.5))));
    assertThrows(IllegalArgumentException.class,
        () -> new SurvivalChart.Point(1, 0.5, 0.6, 0.9));
  }

  private static Section find(List<Section> sections, String text) {
    return sections.stream().filter(s -> s.question().contains(text)).findFirst().orElseThrow(
        () -> new AssertionError("no section about " + text));
  }

  @Test
  void aWriterThatFailsIsAnIoFailureOfTheLibrary() {
    HtmlReport report = new HtmlReport("demo", List.of(), List.of());
    java.io.Writer broken =
        new java.io.Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws java.io.IOException {
            throw new java.io.IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    io.github.communitymetrics.core.CommunityMetricsIoException e =
        assertThrows(
            io.github.communitymetrics.core.CommunityMetricsIoException.class, () -> report.writeTo(broken));
    assertEquals("cannot write the HTML report: disk full", e.getMessage());
  }
}
