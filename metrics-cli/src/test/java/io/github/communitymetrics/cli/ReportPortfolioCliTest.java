package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --html}: the portfolio page, its provenance, and no demo beside a git history. */
class ReportPortfolioCliTest {
  private static final List<Event> DEMO = CommunitySimulator.simulate(SimulationConfig.demo()).events();
  private static final List<Repository> DEMO_REPOSITORIES = EventStore.of(DEMO).repositories();

  /**
   * A user gave Flask's commit log and no events: the page used to be the simulated demo's with
   * Flask's truck factor in it. Now it is the git history alone, and says so.
   */
  @Test
  void aGitLogWithoutEventsNeverShowsTheSimulatedDemo(@TempDir Path dir) throws Exception {
    Path log = Path.of(getClass().getResource("/truck-factor/cmlog.txt").toURI());
    Path file = dir.resolve("f.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("report", "--html", file.toString(), "--git-log", log.toString());
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertNoDemo(html + r.out() + r.err());
    assertTrue(html.contains("Who holds the knowledge, directory by directory?"), html);
    assertTrue(html.contains("Only the git history was read"), "the page says what it shows");
    assertTrue(html.contains("git log " + log + " (" + String.format("%,d", Files.size(log)) + " bytes)"), "the input");
    assertTrue(r.out().contains("the truck factor of the git history only"), r.out());
  }

  @Test
  void aGitRepositoryWithoutEventsNeverShowsTheSimulatedDemo(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("repo");
    TruckFactorCommandTest.git(repo, Map.of(), "init", "-q", "-b", "main");
    TruckFactorCommandTest.commit(repo, "Alice Able", "alice@example.org", 1, "x.c", "y.c");
    Path file = dir.resolve("g.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("report", "--html", file.toString(), "--git", repo.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out().strip(), "no summary of anything else, and no text in JSON mode");
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertNoDemo(html + r.err());
    assertTrue(html.contains("1 person"), "Alice alone holds the files");
  }

  @Test
  void theDemoPageCoversEveryRepositoryAndSaysItIsSimulated(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("report", "--html", file.toString(), "--as-of", "2025-07-01T00:00:00Z");
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(html.contains("<strong>SIMULATED DATA.</strong>"), "the banner");
    assertTrue(html.contains("seed 42"), "the seed");
    assertEquals(4, DEMO_REPOSITORIES.size());
    for (Repository repo : DEMO_REPOSITORIES) {
      assertTrue(html.contains("<a href=\"#repo-") && html.contains(">" + repo.fullName() + "</a>"), repo.fullName());
    }
    assertEquals(4, count(html, "<details class=\"repo\""));
    assertTrue(html.contains("Version</th><td>community-metrics "), "the version");
  }

  @Test
  void anEventsFileIsNamedWithItsSizeAndNothingIsSimulated(@TempDir Path dir) throws Exception {
    // Two of the demo's repositories, written as a real events file.
    Path events = dir.resolve("two.jsonl");
    try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8);
        EventWriter out = EventJsonLines.writer(w)) {
      for (Event e : DEMO) {
        if (e.repo().equals(DEMO_REPOSITORIES.get(1)) || e.repo().equals(DEMO_REPOSITORIES.get(2))) {
          out.write(e);
        }
      }
    }
    Path file = dir.resolve("two.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("report", "--events", events.toString(), "--html", file.toString(),
            "--max-repositories", "1");
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertFalse(html.contains("SIMULATED"), "a real source has no banner");
    assertTrue(html.contains("events file " + events + " (" + String.format("%,d", Files.size(events)) + " bytes)"), "the file and its size");
    // The cap: one repository shown, the other named.
    assertEquals(1, count(html, "<details class=\"repo\""));
    assertTrue(html.contains("1 more repository is not shown"), html.substring(0, 3000));
    Matcher generated = Pattern.compile("<th>Generated</th><td><time datetime=\"([^\"]+)\">").matcher(html);
    assertTrue(generated.find(), "the generation instant");
    assertEquals(2, CommunityMetricsCliTest.run("report", "--events", events.toString(), "--html", file.toString(),
        "--max-repositories", "0").status());
  }

  private static void assertNoDemo(String text) {
    assertFalse(text.contains("SIMULATED"), "nothing simulated");
    for (Repository r : DEMO_REPOSITORIES) {
      assertFalse(text.contains(r.fullName()), "the demo's " + r.fullName());
    }
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }
}
