package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newcomers}' good first issues, end to end on an events file written here in the canonical
 * format (docs/events.md). The expected numbers are worked out by hand below.
 *
 * <p>Window 2024-01-01 to 2024-07-01 ({@code --as-of 2024-07-01T00:00:00Z --window 182d}). In
 * octo/gfi carol and dave contributed in 2023 (established); alice arrives in the window.
 *
 * <ul>
 *   <li>#10, opened by carol on Feb 1 00:00 with "good first issue": alice opens pull request #11
 *       on Feb 3 00:00 saying it closes #10 (claimed after 48 h, by a newcomer); carol merges it
 *       and closes #10 on Feb 4: closed by a newcomer's pull request.
 *   <li>#12, opened by carol on Feb 10 without labels, labelled "Help Wanted" (any case) on Feb 11
 *       00:00, dave assigned at 12:00 (claimed after 12 h by an established contributor); dave
 *       closes it on Feb 20 without a pull request: closed otherwise.
 *   <li>#14, opened by carol on Mar 1 with "good first issue": never claimed (censored after 122
 *       days), still open at the end, and 90 days after labelling (May 30).
 *   <li>#16, opened by carol on May 1 with "beginner": never claimed, labelled 61 days before the
 *       end, so not yet 90 days old.
 *   <li>#18, opened by carol on Mar 1 with "bug" only: not labelled for newcomers.
 * </ul>
 *
 * With the default labels: 4 labelled (#10, #12, #14, #16); Kaplan-Meier over 12 h and 48 h
 * (claims) and 61 d, 122 d (censored): S(12 h) = 3/4, S(48 h) = 1/2, so the median is 48 h and
 * the share claimed within 7 and within 30 days is 50%. Closed 2 (#10, #12): 1 by a newcomer (50%),
 * 0 by an established contributor, 1 otherwise. Labelled at least 90 days before the end: #10,
 * #12, #14; of them #14 still open 90 days on: 1 of 3.
 *
 * <p>With {@code --good-first-labels "good first issue"}: #10 and #14; median 48 h (S = 1/2 at
 * the claim), closed 1, by a newcomer: 100%; still open 90 days on 1 of 2.
 *
 * <p>octo/other: bob's issue #1 with "bug" only: no labelled issue, so every share is no data.
 */
class NewcomersGoodFirstIssuesCliTest {
  @TempDir Path dir;

  static final String EVENTS = String.join("\n",
      line("issue_opened", "2023-06-01T00:00:00Z", "octo/gfi", "carol", "\"number\":1,\"association\":\"MEMBER\""),
      line("issue_opened", "2023-07-01T00:00:00Z", "octo/gfi", "dave", "\"number\":2,\"association\":\"NONE\""),
      line("issue_opened", "2024-02-01T00:00:00Z", "octo/gfi", "carol", "\"number\":10,\"association\":\"MEMBER\",\"labels\":[\"good first issue\"]"),
      line("pull_request_opened", "2024-02-03T00:00:00Z", "octo/gfi", "alice",
          "\"number\":11,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\",\"head_repo\":\"alice/gfi\",\"closes\":[10]"),
      line("pull_request_merged", "2024-02-04T00:00:00Z", "octo/gfi", "carol",
          "\"number\":11,\"author\":{\"login\":\"alice\",\"bot\":false},\"base\":\"main\""),
      line("issue_closed", "2024-02-04T00:00:01Z", "octo/gfi", "carol", "\"number\":10"),
      line("issue_opened", "2024-02-10T00:00:00Z", "octo/gfi", "carol", "\"number\":12,\"association\":\"MEMBER\""),
      line("issue_labeled", "2024-02-11T00:00:00Z", "octo/gfi", "carol", "\"v\":2,\"number\":12,\"label\":\"Help Wanted\""),
      line("issue_assigned", "2024-02-11T12:00:00Z", "octo/gfi", "carol",
          "\"v\":2,\"number\":12,\"pull_request\":false,\"assignee\":{\"login\":\"dave\",\"bot\":false}"),
      line("issue_closed", "2024-02-20T00:00:00Z", "octo/gfi", "dave", "\"number\":12"),
      line("issue_opened", "2024-03-01T00:00:00Z", "octo/gfi", "carol", "\"number\":14,\"association\":\"MEMBER\",\"labels\":[\"good first issue\"]"),
      line("issue_opened", "2024-03-01T00:00:00Z", "octo/gfi", "carol", "\"number\":18,\"association\":\"MEMBER\",\"labels\":[\"bug\"]"),
      line("issue_opened", "2024-05-01T00:00:00Z", "octo/gfi", "carol", "\"number\":16,\"association\":\"MEMBER\",\"labels\":[\"beginner\"]"),
      line("issue_opened", "2024-03-01T00:00:00Z", "octo/other", "bob", "\"number\":1,\"association\":\"NONE\",\"labels\":[\"bug\"]"))
      + "\n";

  private static String line(String type, String at, String repo, String login, String rest) {
    return NewcomersCliTest.line(type, at, repo, login, rest);
  }

  private CommunityMetricsCliTest.Run newcomers(String... more) throws IOException {
    return NewcomersCliTest.run(dir, EVENTS, more);
  }

  private Object json(String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    CommunityMetricsCliTest.Run r = newcomers(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return JsonTree.parse(r.out());
  }

  private static double number(Object root, Object... path) {
    return NewcomersCliTest.number(root, path);
  }

  @Test
  void jsonWithTheDefaultLabels() throws IOException {
    Object root = json();
    assertEquals(List.copyOf(new java.util.TreeSet<>(GoodFirstIssues.DEFAULT_LABELS)),
        JsonTree.at(root, "parameters", "goodFirstLabels"));
    Object g = JsonTree.at(root, "repositories", 0, "goodFirstIssues");
    assertEquals("octo/gfi", JsonTree.at(root, "repositories", 0, "name"));
    assertEquals(4L, JsonTree.at(g, "labelledIssues"));
    assertEquals(2L, JsonTree.at(g, "claimed"));
    assertEquals(1L, JsonTree.at(g, "claimedByNewcomers"));
    assertEquals(1L, JsonTree.at(g, "claimedByEstablished"));
    assertEquals(0L, JsonTree.at(g, "claimedBeforeLabelling"));
    assertEquals(2L, JsonTree.at(g, "unclaimed"));
    assertEquals(48.0, number(g, "timeToClaimMedianHours"), 1e-9);
    assertEquals(0.5, number(g, "claimedWithin7Days"), 1e-9);
    assertEquals(0.5, number(g, "claimedWithin30Days"), 1e-9);
    assertEquals(2L, JsonTree.at(g, "closed"));
    assertEquals(1L, JsonTree.at(g, "closedByNewcomers"));
    assertEquals(0L, JsonTree.at(g, "closedByEstablished"));
    assertEquals(1L, JsonTree.at(g, "closedOtherwise"));
    assertEquals(0.5, number(g, "closedByNewcomerShare"), 1e-9);
    assertEquals(3L, JsonTree.at(g, "labelledAtLeast90DaysBefore"));
    assertEquals(1L, JsonTree.at(g, "openAfter90Days"));
    assertEquals(1.0 / 3, number(g, "openAfter90DaysShare"), 1e-9);
  }

  @Test
  void noLabelledIssueIsNoDataNotZero() throws IOException {
    Object root = json();
    Object other = JsonTree.at(root, "repositories", 1);
    assertEquals("octo/other", JsonTree.at(other, "name"));
    assertEquals(0L, JsonTree.at(other, "goodFirstIssues", "labelledIssues"));
    for (String share : List.of("timeToClaimMedianHours", "claimedWithin7Days", "claimedWithin30Days",
        "closedByNewcomerShare", "openAfter90DaysShare")) {
      assertNull(JsonTree.at(other, "goodFirstIssues", share), share);
      assertEquals("no issue got one of the labels in the window", JsonTree.at(other, "noData", "goodFirstIssues." + share), share);
    }
    String text = newcomers("--repo", "octo/other").out();
    assertTrue(text.contains("Good first issues: 0 labelled in the window: no data"), text);
    assertTrue(!text.matches("(?s).*Good first issues.*0\\.0%.*"), text);
  }

  @Test
  void labelsOptionChoosesTheSet() throws IOException {
    Object g = JsonTree.at(json("--good-first-labels", "Good First Issue", "--repo", "octo/gfi"),
        "repositories", 0, "goodFirstIssues");
    assertEquals(2L, JsonTree.at(g, "labelledIssues"));
    assertEquals(1L, JsonTree.at(g, "claimed"));
    assertEquals(48.0, number(g, "timeToClaimMedianHours"), 1e-9);
    assertEquals(1L, JsonTree.at(g, "closed"));
    assertEquals(1.0, number(g, "closedByNewcomerShare"), 1e-9);
    assertEquals(0.5, number(g, "openAfter90DaysShare"), 1e-9);
    // A comma list; an empty name is a usage error naming the option.
    Object two = JsonTree.at(json("--good-first-labels", "beginner,help wanted", "--repo", "octo/gfi"),
        "repositories", 0, "goodFirstIssues");
    assertEquals(2L, JsonTree.at(two, "labelledIssues"));
    CommunityMetricsCliTest.Run bad = newcomers("--good-first-labels", "beginner,,easy");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--good-first-labels"), bad.err());
  }

  @Test
  void textPrintsTheSection() throws IOException {
    CommunityMetricsCliTest.Run r = newcomers("--repo", "octo/gfi");
    assertEquals(0, r.status(), r.err());
    String out = r.out();
    assertTrue(out.contains("Good first issue labels: beginner, easy, first-timers-only, good first issue, good-first-issue, help wanted"), out);
    assertTrue(out.contains("Good first issues: 4 labelled in the window"), out);
    assertTrue(out.contains("claimed: 2 (1 first by a newcomer, 1 by an established contributor), 0 before their labelling, 2 unclaimed"), out);
    assertTrue(out.contains("median 48.0 h, within 7 days 50.0%, within 30 days 50.0%"), out);
    assertTrue(out.contains("closed: 2; by a newcomer's merged pull request 1 (50.0%), by an established contributor's 0, otherwise 1"), out);
    assertTrue(out.contains("still open 90 days after labelling: 1 of the 3 labelled at least 90 days before the end, 33.3%"), out);
  }
}
