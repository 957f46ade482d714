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
 * number by hand) plus a quiet repository with one issue; and the section shows each repository's
 * maturity profile as a table of criteria with pass, fail and no-data marks.
 */
class GovernanceReportHtmlTest {
  @TempDir Path dir;

  @Test
  void eachRepositoryHasTheGovernanceSection() throws IOException {
    String page = page(GovernanceCliTest.EVENTS
        + "{\"type\":\"issue_opened\",\"at\":\"2024-03-01T00:00:00Z\",\"repo\":\"octo/quiet\",\"actor\":{\"login\":\"erin\",\"bot\":false},"
        + "\"number\":1,\"association\":\"NONE\"}\n");
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

  @Test
  void theGovernanceSectionHasTheProfileTable() throws IOException {
    // The events of GovernanceProfileCliTest, whose comments work out every value by hand; the
    // report's thresholds are the registry's default, sfc.
    String page = page(GovernanceProfileCliTest.EVENTS);
    // By events: octo/diverse (22) is repository 1, octo/single (6) repository 2.
    String diverse = section(page, "id=\"repo-1-governance\"");
    assertTrue(diverse.contains("<caption>Maturity profile (thresholds sfc; approval diversity: 2 maintainers of 2"
        + " organisations): each criterion on its own, no overall score</caption>"), diverse);
    assertEquals("546.5 days|more than 365.0 days|pass", row(diverse, "age"));
    assertEquals("10 of 10|at least 10 of 10|pass", row(diverse, "activity"));
    assertEquals("3 organisations|at least 3 organisations|pass", row(diverse, "maintainers&#39; organisations"));
    assertEquals("2 people|at least 2 people|pass", row(diverse, "bus factor"));
    assertEquals("2 organisations|at least 2 organisations|pass", row(diverse, "elephant factor"));
    assertEquals("100%|at least 50%|pass", row(diverse, "approval diversity"));
    assertEquals("no data|at least 50%|no-data", row(diverse, "decisions across organisations"));
    assertTrue(diverse.contains("\u2013 no data (no proposal was opened in the window)"), diverse);
    String single = section(page, "id=\"repo-2-governance\"");
    assertEquals("121.5 days|more than 365.0 days|fail", row(single, "age"));
    assertEquals("0 of 10|at least 10 of 10|fail", row(single, "activity"));
    assertEquals("1 organisation|at least 3 organisations|fail", row(single, "maintainers&#39; organisations"));
    assertEquals("no data|at least 2 people|no-data", row(single, "bus factor"));
    assertEquals("0%|at least 50%|fail", row(single, "approval diversity"));
    assertTrue(single.contains("\u2717 fail"), single);
  }

  /** A criterion's row as value|threshold|mark class. */
  private static String row(String section, String name) {
    String start = "<tr><td>" + name + "</td><td class=\"n\">";
    int from = section.indexOf(start);
    assertTrue(from >= 0, "no row " + name + " in " + section);
    String[] cells = section.substring(from + start.length(), section.indexOf("</tr>", from)).split("</td><td", -1);
    String mark = cells[2].substring(cells[2].indexOf('"') + 1, cells[2].indexOf('"', cells[2].indexOf('"') + 1));
    return cells[0] + "|" + cells[1].substring(1) + "|" + mark;
  }

  /** The report page of {@code events} over the window of {@link GovernanceCliTest}. */
  private String page(String events) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events, StandardCharsets.UTF_8);
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "report", "--events", file.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d",
        "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    return Files.readString(html, StandardCharsets.UTF_8);
  }

  private static String section(String page, String start) {
    int from = page.indexOf(start);
    assertTrue(from > 0, "no " + start);
    return page.substring(from, page.indexOf("</section>", from));
  }
}
