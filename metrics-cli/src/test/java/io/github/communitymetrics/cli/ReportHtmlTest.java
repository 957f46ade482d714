package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
  @Test
  void writesTheHtmlReportOfTheDemoRepository(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/report.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "report", "--html", file.toString(), "--as-of", "2025-07-01T00:00:00Z");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("HTML report: " + file), r.out());
    String html = Files.readString(file, StandardCharsets.UTF_8);

    // The same numbers, computed independently through the API.
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    People people = People.resolve(store);
    HealthSummary s =
        HealthSummary.compute(
            store,
            people,
            store.repositories().get(0),
            Instant.parse("2025-07-01T00:00:00Z"),
            Duration.ofDays(90),
            Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
    // The demo's four repositories on one page; the first one's numbers as the API gives them.
    assertTrue(html.contains("<title>Community report: 4 repositories</title>"), html.substring(0, 2000));
    assertTrue(html.contains("<td class=\"n\">" + s.absenceFactor().factor() + " people</td>"), html);
    assertTrue(html.contains("<td class=\"n\">" + s.openSauced().percent() + " %</td>"));
    long charts =
        io.github.communitymetrics.report.HealthSections.of(s, a -> a.label()).stream()
            .mapToLong(x -> x.charts().size()).sum();
    assertTrue(charts >= 8, "gauges, bars, funnel, heat map and survival curve: " + charts);
    assertTrue(html.split("<svg id=", -1).length - 1 >= 4 * 8, "charts of every repository");
    // One sparkline per repository and metric, StarScout's whole-input audit left out (15 of 17).
    assertEquals(
        4 * io.github.communitymetrics.core.registry.StandardMetrics.all().stream()
            .filter(StarAudit::perRepositoryDefault).count(),
        html.split("<svg class=\"spark\"", -1).length - 1);
  }

  @Test
  void htmlWithJsonKeepsStdoutPureJson(@TempDir Path dir) {
    Path file = dir.resolve("r.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("report", "--json", "--html", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"), r.out());
    assertTrue(Files.exists(file));
  }
  @Test
  void addsTheTruckFactorByDirectoryOfACommitLog(@TempDir Path dir) throws Exception {
    // The hand-written fixture of TruckFactorCommandTest: 7 analysed files at the root (the README
    // and vendor/lib.js are excluded by default), truck factor 2 (Bob 3 files, Alice 2).
    Path log = Path.of(getClass().getResource("/truck-factor/cmlog.txt").toURI());
    Path file = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "report", "--html", file.toString(), "--git-log", log.toString());
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(html.contains("Who holds the knowledge, directory by directory?"), html);
    assertTrue(html.contains("2 people"), "whole-snapshot truck factor");
    assertTrue(html.contains("(all 7 files)"), "the whole as the first bar");
    assertTrue(html.contains("no top-level directories"), "all analysed files are at the root");

    CommunityMetricsCliTest.Run without = CommunityMetricsCliTest.run("report", "--git-log", log.toString());
    assertEquals(2, without.status(), "--git-log needs --html");
  }
}
