package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --html} has a "Do newcomers feel welcome?" section in each repository's part, on
 * the events of {@link NewcomersCliTest} (whose comments work out every number by hand).
 */
class NewcomersReportHtmlTest {
  @TempDir Path dir;

  private String page() throws IOException {
    return page(dir, NewcomersCliTest.EVENTS);
  }

  /** The {@code report --html} page of {@code events} over 2024-01-01 to 2024-07-01. */
  static String page(Path dir, String text) throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, text, StandardCharsets.UTF_8);
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "report", "--events", events.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d",
        "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    return Files.readString(html, StandardCharsets.UTF_8);
  }

  /** The part of the page from {@code start} to the end of its section. */
  static String section(String page, String start) {
    int from = page.indexOf(start);
    assertTrue(from > 0, "no " + start);
    return page.substring(from, page.indexOf("</section>", from));
  }

  @Test
  void eachRepositoryHasTheNewcomerSectionWithItsCharts() throws IOException {
    String page = page();
    // octo/hello has the most events: repository 1.
    String hello = section(page, "id=\"repo-1-newcomers\"");
    assertTrue(hello.contains("Do newcomers feel welcome?"), hello);
    // alice, bob, erin; their items waited 6, 12, 72 h and one for ever: median 12 h; the
    // established contributors' 2 and 10 h: median 2 h; alice alone came back (1 of 3).
    assertTrue(hello.contains("3 newcomers; median wait for a first human answer 12.0 h (established"
        + " contributors: 2.0 h); back within 90 days: 33%; 2 people welcomed them"), hello);
    assertEquals(3, hello.split("<svg id='chart-", -1).length - 1, "three charts");
    // The funnel: 3 newcomers, alice came back and reached D2 (her merged pull request).
    assertTrue(hello.contains(">arrived: 3<"), hello);
    assertTrue(hello.contains(">came back: 1<"), hello);
    assertTrue(hello.contains(">reached D2: 1<"), hello);
    // The response-time comparison: 4 newcomer items, bob's pull request still waiting; 2
    // established items, both answered.
    assertTrue(hello.contains("Waiting for a first human answer"), hello);
    assertTrue(hello.contains("first issues and pull requests (4, 1 still waiting)<"), hello);
    assertTrue(hello.contains("issues and pull requests (2, 0 still waiting)<"), hello);
    // The welcomers: carol (alice) and dave (erin), one welcome each.
    assertTrue(hello.contains(">carol (50%)<"), hello);
    assertTrue(hello.contains(">dave (50%)<"), hello);
    // octo/world: no newcomer in the window: no data, said so, and no chart.
    String world = section(page, "id=\"repo-2-newcomers\"");
    assertTrue(world.contains("no data: nobody&#39;s first contribution to the repository falls in the window"), world);
    assertEquals(-1, world.indexOf("<svg"), world);
  }
}
