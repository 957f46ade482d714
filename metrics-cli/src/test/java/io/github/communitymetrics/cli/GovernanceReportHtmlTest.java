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
 * {@code report --html} has an "Are decisions open and approvals diverse?" section in each
 * repository's part, on the events of {@link GovernanceCliTest} (whose comments work out every
 * number by hand) plus a quiet repository with one issue.
 */
class GovernanceReportHtmlTest {
  @TempDir Path dir;

  @Test
  void eachRepositoryHasTheGovernanceSection() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, GovernanceCliTest.EVENTS
        + "{\"type\":\"issue_opened\",\"at\":\"2024-03-01T00:00:00Z\",\"repo\":\"octo/quiet\",\"actor\":{\"login\":\"erin\",\"bot\":false},"
        + "\"number\":1,\"association\":\"NONE\"}\n", StandardCharsets.UTF_8);
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "report", "--events", events.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d",
        "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    // octo/vmm has the most events: repository 1. The report's rule is the registry's default,
    // two approvals from two organisations: #1 (acme.com, beta.org), #2 and #4 (m2 acme.com, m3
    // beta.org) meet it, #3 (m1 alone) does not: 75%. rust-vmm: #1 and #2; diverse: #2.
    String vmm = section(page, "id=\"repo-1-governance\"");
    assertTrue(vmm.contains("Are decisions open and approvals diverse?"), vmm);
    assertTrue(vmm.contains("4 merged pull requests: 75% met the rule (2 approvers of 2 organisations), 50% had 3"
        + " maintainers&#39; approvals, 25% 3 maintainers of 3 organisations; 3 proposals: acceptance 50%, median"
        + " time to decision 10.0 days, decided by one organisation 50%; 4 maintainers (0 inactive) from 3"
        + " organisations, elephant factor 2"), vmm);
    assertEquals(3, vmm.split("<svg id='chart-", -1).length - 1, "three charts");
    assertTrue(vmm.contains(">3 maintainers, 3 orgs: 1<"), vmm);
    assertTrue(vmm.contains(">accepted: 1<"), vmm);
    assertTrue(vmm.contains(">acme.com<"), vmm);
    // octo/quiet: nothing merged, proposed or maintained: no data, said so, and no chart.
    String quiet = section(page, "id=\"repo-2-governance\"");
    assertTrue(quiet.contains("no merged pull request in the window: approvals have no data; no proposal opened in"
        + " the window: decisions have no data; no maintainer in the events"), quiet);
    assertEquals(-1, quiet.indexOf("<svg"), quiet);
  }

  private static String section(String page, String start) {
    int from = page.indexOf(start);
    assertTrue(from > 0, "no " + start);
    return page.substring(from, page.indexOf("</section>", from));
  }
}
