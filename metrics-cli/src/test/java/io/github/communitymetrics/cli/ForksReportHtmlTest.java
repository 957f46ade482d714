package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --html} has a "Do forks change, come back, or split off?" section with the fork
 * timeline in the part of each repository with forks, on the events of {@link ForksCliTest} (whose
 * comments work out every value by hand).
 */
class ForksReportHtmlTest {
  @TempDir Path dir;

  private String page(String events) throws IOException {
    return NewcomersReportHtmlTest.page(dir, events);
  }

  private static String section(String page, String start) {
    return NewcomersReportHtmlTest.section(page, start);
  }

  @Test
  void theUpstreamHasTheForkSectionWithItsTimeline() throws IOException {
    String page = page(ForksCliTest.EVENTS);
    // octo/hello has the most events (7): repository 1.
    String hello = section(page, "id=\"repo-1-forks\"");
    assertTrue(hello.contains("Do forks change, come back, or split off?"), hello);
    // bob/hello, dan/hello and carol/hello-next, all forked in the window; bob's and carol's
    // changed; bob's pull request #11 opened Feb 3 and merged Feb 5: 2.0 days.
    assertTrue(hello.contains("3 forks known (3 created in the window); 2 of them changed after creation; in the"
        + " window 1 contributing forks, 1 pull requests from forks opened, 1 merged, median time to merge 2.0 days;"
        + " 1 forks show a hard-fork signal"), hello);
    // The timeline: one row, carol/hello-next; its release on Apr 20 a green dot; its creation grey.
    assertTrue(hello.contains("<svg class=\"fork-timeline\""), hello);
    assertTrue(hello.contains("data-forks=\"1\""), hello);
    assertTrue(hello.contains("fill=\"#2ca02c\" data-at=\"2024-04-20T00:00:00Z\" data-fork=\"carol/hello-next\"><title>"
        + "2024-04-20: release v2.0</title>"), hello);
    assertTrue(hello.contains("fill=\"#7f7f7f\" data-at=\"2024-02-10T00:00:00Z\""), hello);
    // Its signals with their evidence, and who moved.
    assertTrue(hello.contains("carol/hello-next: 5 of 5 signals, 0 pull requests back"), hello);
    assertTrue(hello.contains("<td>own contributors</td>"), hello);
    assertTrue(hello.contains("Moved from the upstream: carol on "), hello);
    // bob/hello and carol/hello-next have no fork of their own: no section.
    assertEquals(1, page.split("-forks\">", -1).length - 1, "one fork section");
  }

  @Test
  void withoutTheForksOwnEventsTheSectionSaysNoData() throws IOException {
    String hello = section(page(ForksCliTest.UPSTREAM_ONLY), "id=\"repo-1-forks\"");
    assertTrue(hello.contains("whether they changed: no data (no fork of it has a push, commit or release of its own"
        + " in the data)"), hello);
    assertFalse(hello.contains("0 of them changed"), hello);
    // carol/hello-next still shows its new name; the other four signals are no data.
    assertTrue(hello.contains("<td>own releases</td><td>no data</td>"), hello);
  }

  @Test
  void withoutHeadRepositoriesTheFlowBackIsNoData() throws IOException {
    String hello = section(page(ForksCliTest.EVENTS.replace(",\"head_repo\":\"bob/hello\"", "")), "id=\"repo-1-forks\"");
    assertTrue(hello.contains("in the window contributing forks and pull requests from forks: no data"), hello);
    assertFalse(hello.contains("0 contributing forks"), hello);
  }
}
