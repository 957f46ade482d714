package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Band;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.Measurements;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.Scale;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portfolio page: overview, trends, explanations, readable periods and provenance. */
class PortfolioReportTest {
  /** A fixed as-of instant at a month start, so that the periods read as whole days. */
  static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");

  static final Instant GENERATED = Instant.parse("2025-07-02T09:30:00Z");

  static final Evaluation EVALUATION =
      new Evaluation(
              RepositoryScope.all(),
              Window.endingAt(AS_OF, Duration.ofDays(90)),
              Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build(),
              ContributionType.COMMIT,
              Map.of())
          .withParameter(StandardMetrics.COHORT_CONFIDENCE, "horizon", "P90D");

  static final Portfolio DEMO =
      Portfolio.compute(MetricRegistry.standard(), Demo.STORE, Demo.PEOPLE, EVALUATION, r -> true, 25, 24);

  static final Provenance SIMULATED =
      new Provenance("SIMULATED demo community (seed 42)", List.of(), true, GENERATED, Provenance.projectVersion(),
          List.of());

  static String demoPage() {
    return new PortfolioReport("Community report", SIMULATED, java.util.Optional.of(DEMO), Demo::label, List.of())
        .toHtml();
  }

  @Test
  void overviewHasOneRowPerRepositoryWithTheLibrarysHeadlines() {
    String html = demoPage();
    List<Repository> repositories = Demo.STORE.repositories();
    assertEquals(4, repositories.size(), "the demo has four repositories");
    List<List<String[]>> rows = overviewRows(html);
    assertEquals(repositories.size(), rows.size());
    List<MetricDescriptor<?>> metrics = MetricRegistry.standard().metrics();
    for (List<String[]> row : rows) {
      Repository r = repositories.stream().filter(x -> x.fullName().equals(row.get(0)[0])).findFirst().orElseThrow();
      assertEquals(Long.toString(Demo.STORE.slice(r).size()), row.get(1)[0]);
      assertEquals(2 + metrics.size(), row.size());
      for (int m = 0; m < metrics.size(); m++) {
        SortedMap<Repository, ? extends Evaluated<?>> each =
            metrics.get(m).evaluateEachRepository(Demo.STORE, Demo.PEOPLE, EVALUATION);
        Measurement headline = each.get(r).measurements().get(0);
        assertEquals(Measurements.plain(headline), row.get(2 + m)[0], r + " " + metrics.get(m).id());
        // The value without its unit, which the column header names.
        String symbol = headline.unit().symbol();
        String shown = headline.hasValue() && !symbol.isEmpty() ? headline.text().replace(" " + symbol, "") : headline.text();
        assertEquals(shown, row.get(2 + m)[1], r + " " + metrics.get(m).id());
      }
    }
    // The repositories with the most events come first.
    assertTrue(Long.parseLong(rows.get(0).get(1)[0]) >= Long.parseLong(rows.get(3).get(1)[0]));
  }

  @Test
  void sparklinesHaveOnePointPerMonthAndGapsForMonthsWithoutData() {
    // The demo's first repository without any event for eight months: the absence factor of the
    // 3-month windows inside that stretch has no data.
    Repository quiet = Demo.STORE.repositories().get(0);
    Instant gapStart = Instant.parse("2024-06-01T00:00:00Z");
    Instant gapEnd = Instant.parse("2025-02-01T00:00:00Z");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < Demo.STORE.size(); i++) {
      Event e = Demo.STORE.event(i);
      boolean inGap = !e.at().isBefore(gapStart) && e.at().isBefore(gapEnd);
      if (!(inGap && e.repo().equals(quiet))) {
        events.add(e);
      }
    }
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    Portfolio p =
        Portfolio.compute(MetricRegistry.standard(), store, people, EVALUATION, quiet::equals, 25, 24);
    String html =
        new PortfolioReport("gap", SIMULATED, java.util.Optional.of(p), x -> x.label(), List.of()).toHtml();
    // The series as the library computes it: 24 months to June 2025, each the 3 months to its end.
    SeriesSpec spec =
        SeriesSpec.rolling(PeriodUnit.MONTH, ZoneOffset.UTC, Instant.parse("2023-07-01T00:00:00Z"), AS_OF, 3);
    List<String[]> row = overviewRows(html).get(0);
    List<MetricDescriptor<?>> metrics = MetricRegistry.standard().metrics();
    int gaps = 0;
    for (int m = 0; m < metrics.size(); m++) {
      MetricSeries series =
          MetricSeries.compute(metrics.get(m), store, people, EVALUATION.withScope(RepositoryScope.of(quiet)), spec);
      assertEquals(24, series.points().size());
      String svg = row.get(2 + m)[2];
      assertEquals("24", attribute(svg, "data-points"), metrics.get(m).id());
      List<String> expected = new ArrayList<>();
      int runs = 0;
      boolean inRun = false;
      for (MetricSeries.Point point : series.points()) {
        Measurement h = point.measurements().get(0);
        expected.add(Measurements.plain(h));
        runs += h.hasValue() && !inRun ? 1 : 0;
        inRun = h.hasValue();
      }
      assertEquals(String.join(",", expected), attribute(svg, "data-values"), metrics.get(m).id());
      // One line (or a dot) per run of months with data: a month without data is a gap, not a 0.
      int shapes = count(svg, "<polyline class=\"run\"") + count(svg, "<circle class=\"run\"");
      assertEquals(runs, shapes, metrics.get(m).id() + ": " + svg);
      if (metrics.get(m) == StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR) {
        assertTrue(expected.contains("") && runs >= 2, "the gap splits the line: " + expected);
        gaps++;
      }
      assertTrue(svg.contains("<title>Jul 2023"), "the tooltip names the months: " + svg);
    }
    assertEquals(1, gaps);
  }

  @Test
  void periodsAndInstantsReadAsDatesNotIsoInstants() {
    String html = demoPage();
    String text = visibleText(html);
    Matcher iso = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:").matcher(text);
    assertFalse(iso.find(), () -> "an ISO instant in the text: " + text.substring(Math.max(0, iso.start() - 80), iso.end() + 40));
    // Written by hand: the lottery factor's 30 days, the absence factor's 90-day window, as of 1 Jul 2025.
    String lottery = metricSection(html, 1, "lottery-factor");
    assertTrue(lottery.contains("Period: 1 Jun 2025 \u2013 30 Jun 2025 (UTC, 30 days)"), lottery);
    String absence = metricSection(html, 1, "contributor-absence-factor");
    assertTrue(absence.contains("Period: 2 Apr 2025 \u2013 30 Jun 2025 (UTC, 90 days)"), absence);
    String pony = metricSection(html, 1, "pony-factor");
    assertTrue(pony.contains("Period: 1 Jul 2023 \u2013 30 Jun 2025 (UTC, 731 days)"), pony);
    assertTrue(text.contains("As of 1 Jul 2025 00:00 UTC"), "as-of in the provenance");
    assertTrue(text.contains("Generated 2 Jul 2025 09:30 UTC"), "generation instant");
  }

  @Test
  void provenanceSaysWhatWhenAndWhichVersionAndSimulatedDataLoudly() {
    String html = demoPage();
    String text = visibleText(html);
    assertTrue(text.contains("SIMULATED DATA."), "the banner");
    assertTrue(text.contains("Computed from SIMULATED demo community (seed 42)"), text.substring(0, 600));
    String version = Provenance.projectVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "the build's version, not a placeholder: " + version);
    assertTrue(text.contains("Version community-metrics " + version));
    assertTrue(text.contains("Window 2 Apr 2025 \u2013 30 Jun 2025 (UTC, 90 days)"));
    assertTrue(text.contains("Trends one point per calendar month (UTC) from Jul 2023 to Jun 2025"));
    Provenance real =
        new Provenance("events file", List.of("events.jsonl (1,234 bytes)"), false, GENERATED, "1.0", List.of());
    String realPage = new PortfolioReport("r", real, java.util.Optional.of(DEMO), Demo::label, List.of()).toHtml();
    assertFalse(realPage.contains("SIMULATED"), "no banner for a real source");
    assertTrue(visibleText(realPage).contains("Computed from events file events.jsonl (1,234 bytes)"));
  }

  @Test
  void everyStandardMetricSectionExplainsItselfForEveryRepository() {
    String html = demoPage();
    for (int repo = 1; repo <= 4; repo++) {
      for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
        String section = metricSection(html, repo, d.id());
        String text = visibleText(section);
        assertTrue(text.contains("What it means " + d.description().orElseThrow()), d.id());
        assertTrue(text.contains(d.preset().guidance().orElseThrow()), d.id());
        d.preset().definition().ifPresent(u -> assertTrue(section.contains("<a href=\"" + u + "\""), d.id()));
        for (Scale s : d.preset().scales()) {
          for (Band b : s.bands()) {
            assertTrue(text.contains(b.range(s.wholeNumbers()) + " " + b.label() + " " + b.meaning()), d.id() + " " + b);
          }
        }
      }
    }
    // "5 pts" explained: the contributor dependency's band of the current factor is marked.
    Evaluated<?> dep = DEMO.repositories().get(0).results().get(MetricRegistry.standard().metrics().indexOf(StandardMetrics.CONTRIBUTOR_DEPENDENCY));
    Measurement factor = dep.measurement("factor").orElseThrow();
    Measurement points = dep.measurement("points").orElseThrow();
    String section = metricSection(html, 1, "contributor-dependency");
    Matcher current = Pattern.compile("<tr class=\"current\"><td>[^<]*</td><td>([^<]*)</td>").matcher(section);
    assertTrue(current.find(), section);
    long p = (long) points.value().getAsDouble();
    assertEquals(p + (p == 1 ? " pt" : " pts"), current.group(1), "factor " + factor.text());
  }

  @Test
  void manyRepositoriesAreCappedWithANoteAndCollapsed() {
    Portfolio two = Portfolio.compute(MetricRegistry.standard(), Demo.STORE, Demo.PEOPLE, EVALUATION, r -> true, 2, 12);
    String html = new PortfolioReport("two", SIMULATED, java.util.Optional.of(two), Demo::label, List.of()).toHtml();
    assertEquals(2, overviewRows(html).size());
    assertEquals(2, two.leftOut().size());
    String text = visibleText(html);
    assertTrue(text.contains("2 more repositories are not shown"), text);
    for (Repository r : two.leftOut()) {
      assertTrue(text.contains(r.fullName()));
    }
    assertEquals(2, count(html, "<details class=\"repo\""));
    // Two parts are open; beyond four they start collapsed, the overview first.
    assertEquals(2, count(html, "\" open>\n<summary>"));
    assertTrue(PortfolioReport.open(4) && !PortfolioReport.open(5));
    assertEquals("12", attribute(overviewRows(html).get(0).get(2)[2], "data-points"));
  }

  @Test
  void theOnlyScriptIsAllowedByItsHashAndNothingIsFetched() throws Exception {
    String html = demoPage();
    Matcher script = Pattern.compile("(?s)<script>(.*?)</script>").matcher(html);
    assertTrue(script.find());
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
    assertTrue(html.contains("script-src 'sha256-" + hash + "'"), "the CSP allows the script by its hash");
    assertFalse(script.find(), "one script only");
    String withoutLinks = html.replaceAll(" xmlns(:[a-z]+)?=(\"[^\"]*\"|'[^']*')", "").replaceAll("<a href=\"https://[^\"]*\"[^>]*>[^<]*</a>", "");
    assertFalse(withoutLinks.contains("http:") || withoutLinks.contains("https:"), "only links point outside");
    java.util.Set<String> ids = new java.util.HashSet<>();
    Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
    }
  }

  /** Each overview row: per cell {data-v, visible value, sparkline svg (or "")}. */
  static List<List<String[]>> overviewRows(String html) {
    Matcher body = Pattern.compile("(?s)<table class=\"overview sortable\">.*?<tbody>(.*?)</tbody>").matcher(html);
    assertTrue(body.find(), "no overview table");
    List<List<String[]>> rows = new ArrayList<>();
    Matcher tr = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(body.group(1));
    while (tr.find()) {
      List<String[]> cells = new ArrayList<>();
      Matcher td = Pattern.compile("(?s)<td[^>]*data-v=\"([^\"]*)\">(.*?)</td>").matcher(tr.group(1));
      while (td.find()) {
        String inner = td.group(2);
        Matcher v = Pattern.compile("<span class=\"v\">([^<]*)</span>").matcher(inner);
        Matcher svg = Pattern.compile("(?s)<svg class=\"spark\".*?</svg>").matcher(inner);
        cells.add(new String[] {unescape(td.group(1)), v.find() ? unescape(v.group(1)) : "", svg.find() ? svg.group() : ""});
      }
      rows.add(cells);
    }
    return rows;
  }

  static String metricSection(String html, int repo, String id) {
    Matcher m = Pattern.compile("(?s)<section class=\"metric\" id=\"repo-" + repo + "-" + id + "\">.*?</dl>").matcher(html);
    assertTrue(m.find(), "no section " + id + " of repository " + repo);
    return m.group();
  }

  static String visibleText(String html) {
    return unescape(html.replaceAll("(?s)<(title|script|style)>.*?</\\1>", " ")
        .replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String attribute(String svg, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(svg);
    assertTrue(m.find(), name + " in " + svg);
    return m.group(1);
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }

  /**
   * The portfolio of a simulated community of 8 repositories computed on 2 and 4 threads is the
   * one of one thread: every repository, every metric's result and measurements, every trend, in
   * the same order, and the same repositories left out.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {13})
  void severalThreadsGiveThePortfolioOfOneThread(long seed) {
    System.out.println("PortfolioReportTest threads seed " + seed);
    EventStore store =
        EventStore.of(
            io.github.communitymetrics.simulator.CommunitySimulator.simulate(
                    io.github.communitymetrics.simulator.SimulationConfig.small(seed).toBuilder()
                        .repositories(8).months(4).build())
                .events());
    People people = People.resolve(store);
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    Evaluation e = EVALUATION.withWindow(Window.endingAt(asOf, Duration.ofDays(90)));
    // 5 of the repositories shown: the ranking and the repositories left out are compared too.
    Portfolio one = Portfolio.compute(MetricRegistry.standard(), store, people, e, r -> true, 5, 6);
    assertTrue(one.repositories().size() == 5 && !one.leftOut().isEmpty(), one.leftOut().toString());
    for (int threads = 2; threads <= 4; threads += 2) {
      Portfolio many = Portfolio.compute(MetricRegistry.standard(), store, people, e, r -> true, 5, 6, threads);
      assertEquals(one.leftOut(), many.leftOut(), threads + " threads");
      assertEquals(one.repositories().size(), many.repositories().size(), threads + " threads");
      for (int i = 0; i < one.repositories().size(); i++) {
        Portfolio.Entry a = one.repositories().get(i);
        Portfolio.Entry b = many.repositories().get(i);
        String where = threads + " threads, " + a.repository();
        assertEquals(a.repository(), b.repository(), where);
        assertEquals(a.events(), b.events(), where);
        assertEquals(a.trends(), b.trends(), where);
        for (int m = 0; m < a.results().size(); m++) {
          assertEquals(a.results().get(m).result(), b.results().get(m).result(), where + ", " + a.results().get(m).descriptor().id());
          assertEquals(
              a.results().get(m).measurements(), b.results().get(m).measurements(),
              where + ", " + a.results().get(m).descriptor().id());
        }
      }
      assertEquals(one, many, threads + " threads");
    }
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Portfolio.compute(MetricRegistry.standard(), Demo.STORE, Demo.PEOPLE, EVALUATION, r -> true, 5, 6, 0));
    assertEquals("threads must be positive but was 0", e.getMessage());
  }
}
