package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance} end to end on an events file written here in the canonical format
 * (docs/events.md) and on maintainers files in the CODEOWNERS and MAINTAINERS formats. Every
 * expected number is worked out by hand in the comments from the events below.
 *
 * <p>The window is 2024-01-01 to 2024-07-01 ({@code --as-of 2024-07-01T00:00:00Z --window 182d}).
 * m1 and m2 write from acme.com, m3 from beta.org, m4 from gamma.net (their e-mail domains are
 * their organisations); all four review with author association MEMBER, so the events show them
 * as maintainers from their first review. carol and dave (association NONE, no e-mail) are not.
 *
 * <ul>
 *   <li>#1 by carol: approved by m1, m2, m3 (Feb 2), merged by m1: 3 maintainers, 2 organisations.
 *   <li>#2 by carol: approved by m1, m3, m4 (Mar 2), merged by m1: 3 maintainers, 3 organisations.
 *   <li>#3 by carol: approved by m1 only (Apr 1), merged by m1 on Apr 2.
 *   <li>#4 by carol: approved by m2, m3 and dave (Apr 11), merged by m2 on Apr 12: 2 maintainers.
 * </ul>
 *
 * So rust-vmm (3 maintainers) is met by #1 and #2 (2 of 4), rust-vmm diverse by #2 alone.
 * Proposals: issue #10 (label rfc, Feb 10), commented by m1 and dave, labelled accepted and closed
 * by m1 on Feb 20: accepted after 10 days, decided by acme.com alone; issue #11 (rfc, Mar 10),
 * commented by m3 and m1, closed by m3 on Mar 15: rejected after 5 days, by two organisations;
 * issue #12 (proposal, May 1): open, censored after 61 days.
 */
class GovernanceCliTest {
  @TempDir Path dir;

  static final String EVENTS = String.join("\n",
      pr(1, "2024-02-01"), approve(1, "m1", "2024-02-02"), approve(1, "m2", "2024-02-02"), approve(1, "m3", "2024-02-02"),
      merge(1, "m1", "2024-02-03"),
      pr(2, "2024-03-01"), approve(2, "m1", "2024-03-02"), approve(2, "m3", "2024-03-02"), approve(2, "m4", "2024-03-02"),
      merge(2, "m1", "2024-03-03"),
      pr(3, "2024-03-31"), approve(3, "m1", "2024-04-01"), merge(3, "m1", "2024-04-02"),
      pr(4, "2024-04-10"), approve(4, "m2", "2024-04-11"), approve(4, "m3", "2024-04-11"), approve(4, "dave", "2024-04-11"),
      merge(4, "m2", "2024-04-12"),
      issue(10, "2024-02-10", "rfc"), comment(10, "m1", "2024-02-11"), comment(10, "dave", "2024-02-12"),
      "{\"type\":\"issue_labeled\",\"at\":\"2024-02-19T12:00:00Z\",\"repo\":\"octo/vmm\",\"actor\":" + actor("m1")
          + ",\"v\":2,\"number\":10,\"label\":\"accepted\"}",
      close(10, "m1", "2024-02-20"),
      issue(11, "2024-03-10", "rfc"), comment(11, "m3", "2024-03-11"), comment(11, "m1", "2024-03-12"),
      close(11, "m3", "2024-03-15"),
      issue(12, "2024-05-01", "proposal")) + "\n";

  private static String actor(String login) {
    String domain = switch (login) {
      case "m1", "m2" -> "acme.com";
      case "m3" -> "beta.org";
      case "m4" -> "gamma.net";
      default -> null;
    };
    return "{\"login\":\"" + login + "\"" + (domain == null ? "" : ",\"email\":\"" + login + "@" + domain + "\"") + ",\"bot\":false}";
  }

  private static String event(String type, String day, String login, String rest) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + day + "T12:00:00Z\",\"repo\":\"octo/vmm\",\"actor\":" + actor(login) + "," + rest + "}";
  }

  private static String pr(int n, String day) {
    return event("pull_request_opened", day, "carol", "\"number\":" + n + ",\"draft\":false,\"base\":\"main\",\"association\":\"NONE\"");
  }

  private static String approve(int n, String who, String day) {
    return event("review", day, who, "\"number\":" + n + ",\"state\":\"approved\",\"pull_request_author\":{\"login\":\"carol\",\"bot\":false},"
        + "\"association\":\"" + (who.startsWith("m") ? "MEMBER" : "NONE") + "\"");
  }

  private static String merge(int n, String who, String day) {
    return event("pull_request_merged", day, who, "\"number\":" + n + ",\"author\":{\"login\":\"carol\",\"bot\":false},\"base\":\"main\"");
  }

  private static String issue(int n, String day, String label) {
    return event("issue_opened", day, "carol", "\"v\":2,\"number\":" + n + ",\"association\":\"NONE\",\"labels\":[\"" + label + "\"]");
  }

  private static String comment(int n, String who, String day) {
    return event("issue_comment", day, who, "\"number\":" + n + ",\"pull_request\":false,\"association\":\""
        + (who.startsWith("m") ? "MEMBER" : "NONE") + "\"");
  }

  private static String close(int n, String who, String day) {
    return event("issue_closed", day, who, "\"number\":" + n);
  }

  private CommunityMetricsCliTest.Run governance(String events, String... more) throws IOException {
    return governance(dir, events, more);
  }

  /** {@code governance} on {@code events} written to {@code dir}, over the window of the class comment. */
  static CommunityMetricsCliTest.Run governance(Path dir, String events, String... more) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(
        "--quiet", "governance", "--events", file.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d"));
    args.addAll(Arrays.asList(more));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private Object json(String events, String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    CommunityMetricsCliTest.Run r = governance(events, args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    Object root = JsonTree.parse(r.out());
    return ((List<?>) JsonTree.at(root, "repositories")).get(0);
  }

  private static double number(Object root, Object... path) {
    Object v = JsonTree.at(root, path);
    assertTrue(v instanceof Number, Arrays.toString(path) + " is " + v);
    return ((Number) v).doubleValue();
  }

  private static List<Object> unmet(Object repo) {
    List<Object> out = new ArrayList<>();
    for (Object u : (List<?>) JsonTree.at(repo, "approvals", "unmet")) {
      out.add(JsonTree.at(u, "number"));
    }
    return out;
  }

  @Test
  void approvalsDecisionsAndMaintainersFromTheEvents() throws IOException {
    Object r = json(EVENTS, "--inactive-after", "90d");
    assertEquals("octo/vmm", JsonTree.at(r, "name"));
    assertEquals(4L, JsonTree.at(r, "approvals", "merged"));
    // rust-vmm (the default rule): #1 and #2 of 4; the unmet are #3 and #4, in merge order.
    assertEquals(2L, JsonTree.at(r, "approvals", "rule", "met"));
    assertEquals(0.5, number(r, "approvals", "rule", "share"), 1e-12);
    assertEquals(List.of(3L, 4L), unmet(r));
    // #4's counted approvers: m2 and m3; dave's approval is no maintainer's.
    assertEquals(List.of("m2", "m3"), JsonTree.at(((List<?>) JsonTree.at(r, "approvals", "unmet")).get(1), "approvers"));
    // 3 maintainers of 3 organisations: #2 alone.
    assertEquals(0.25, number(r, "approvals", "rustVmmDiverse", "share"), 1e-12);
    // Proposals: #10 accepted (10 days), #11 rejected (5 days), #12 open (censored at 61 days):
    // acceptance 1/2; Kaplan-Meier S(5) = 2/3, S(10) = 1/3: median 10 days.
    assertEquals(3L, JsonTree.at(r, "decisions", "items"));
    assertEquals(1L, JsonTree.at(r, "decisions", "accepted"));
    assertEquals(1L, JsonTree.at(r, "decisions", "rejected"));
    assertEquals(1L, JsonTree.at(r, "decisions", "open"));
    assertEquals(0.5, number(r, "decisions", "acceptance"), 1e-12);
    assertEquals(10.0, number(r, "decisions", "timeToDecisionMedianDays"), 1e-9);
    // Participants 2, 2, 0; e^H 1 (#10: only m1 is affiliated) and 2 (#11: acme.com, beta.org).
    assertEquals(4.0 / 3, number(r, "decisions", "participantsMean"), 1e-12);
    assertEquals(1.5, number(r, "decisions", "effectiveOrganizationsMean"), 1e-12);
    // Of 4 comments, dave's alone is from outside the maintainers.
    assertEquals(0.25, number(r, "decisions", "outsideMaintainersShare"), 1e-12);
    // #10 decided by acme.com alone, #11 by acme.com and beta.org.
    assertEquals(0.5, number(r, "decisions", "singleOrganizationShare"), 1e-12);
    // Per complete month, Jan to Jun: Feb, Mar and May have one proposal each.
    List<Object> perMonth = new ArrayList<>();
    for (Object p : (List<?>) JsonTree.at(r, "decisions", "perPeriod")) {
      perMonth.add(JsonTree.at(p, "items"));
    }
    assertEquals(List.of(0L, 1L, 1L, 0L, 1L, 0L), perMonth);
    // Maintainers m1..m4; acme.com holds 2 of 4, not more than half: elephant factor 2. With
    // 90 days, m4 (last review Mar 2) is inactive.
    assertEquals(4L, JsonTree.at(r, "maintainers", "count"));
    assertEquals(3L, JsonTree.at(r, "maintainers", "active"));
    assertEquals(3L, JsonTree.at(r, "maintainers", "organizations"));
    assertEquals(2.0, number(r, "maintainers", "elephantFactor"), 0);
    assertNull(JsonTree.at(r, "listedMaintainers"));
  }

  @Test
  void textSaysWhichPullRequestsMissedTheRuleAndWhoIsInactive() throws IOException {
    CommunityMetricsCliTest.Run run = governance(EVENTS, "--inactive-after", "90d", "--rule", "rust-vmm-diverse", "--list", "2");
    assertEquals(0, run.status(), run.err());
    String out = run.out();
    // #1, #3 and #4 miss 3 maintainers of 3 organisations; --list 2 shows the first two.
    assertTrue(out.contains("met rust-vmm-diverse: 1 of 4 (25%)"), out);
    assertTrue(out.contains("did not meet rust-vmm-diverse: 3 (the first 2 by merge)"), out);
    assertTrue(out.contains("octo/vmm#1  merged 2024-02-03T12:00:00Z"), out);
    assertTrue(out.contains("octo/vmm#3  merged"), out);
    assertTrue(!out.contains("octo/vmm#4  merged"), out);
    assertTrue(out.contains("acceptance (accepted of accepted and rejected): 50%"), out);
    assertTrue(out.contains("median time to decision (Kaplan-Meier, open ones censored at the end): 10.0 days"), out);
    assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("m4  gamma.net") && l.contains("INACTIVE")), out);
  }

  @Test
  void aMaintainersListAddsMaintainersWhoseApprovalsCount() throws IOException {
    // dave and zoe are listed; zoe never acts. Organisations: the file's for m1, m2 and m3; dave
    // and zoe have none. Listed maintainers join those the events show (m1 to m4).
    Path list = dir.resolve("MAINTAINERS");
    Files.writeString(list, "# rust-vmm style list\n@m1 acme.com\nm2 acme.com\n\nm3 beta.org  # reviews\ndave\nzoe\n");
    Object r = json(EVENTS, "--maintainers-file", list.toString());
    // dave's approval now counts: #4 (m2, m3, dave) has 3 maintainers' approvals; #3 alone misses.
    assertEquals(List.of(3L), unmet(r));
    Object listed = JsonTree.at(r, "listedMaintainers");
    assertEquals(5L, JsonTree.at(listed, "count"));
    // Active within 180 days: m1, m2, m3, dave; zoe is not in the events.
    assertEquals(4L, JsonTree.at(listed, "active"));
    // acme.com holds 2 of the 3 affiliated: more than half alone.
    assertEquals(1.0, number(listed, "elephantFactor"), 0);
    assertEquals(List.of("acme.com"), JsonTree.at(listed, "elephantOrganizations"));
    Object zoe = ((List<?>) JsonTree.at(listed, "people")).get(4);
    assertEquals("zoe", JsonTree.at(zoe, "login"));
    assertEquals(false, JsonTree.at(zoe, "inEvents"));
    assertNull(JsonTree.at(zoe, "lastActivity"));
  }

  @Test
  void aCodeOwnersFileSkipsABadLineAndSaysSo() throws IOException {
    Path owners = dir.resolve("CODEOWNERS");
    Files.writeString(owners, "* @m1 @m2\n/docs/ not-an-owner\n/src/ @m3 @dave @octo/reviewers\n");
    CommunityMetricsCliTest.Run text = governance(EVENTS, "--maintainers-file", owners.toString());
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("skipped " + owners + ":2: not an owner (@login, @org/team or e-mail): not-an-owner"), text.out());
    assertTrue(text.out().contains("teams not counted (the events do not say who is in them): octo/reviewers"), text.out());
    CommunityMetricsCliTest.Run j = governance(EVENTS, "--maintainers-file", owners.toString(), "--json");
    Object file = JsonTree.at(JsonTree.parse(j.out()), "parameters", "maintainersFile");
    assertEquals("CODEOWNERS", JsonTree.at(file, "format"));
    assertEquals(4L, JsonTree.at(file, "logins"));
    assertEquals(2L, JsonTree.at(((List<?>) JsonTree.at(file, "skipped")).get(0), "line"));
    // Listed m1, m2, m3, dave: as with the MAINTAINERS list, dave's approval of #4 counts.
    Object r = ((List<?>) JsonTree.at(JsonTree.parse(j.out()), "repositories")).get(0);
    assertEquals(List.of(3L), unmet(r));
  }

  @Test
  void aBadMaintainersLineIsAnErrorNamingFileAndLine() throws IOException {
    Path list = dir.resolve("MAINTAINERS");
    Files.writeString(list, "m1 acme.com\n(m2) acme.com\n");
    CommunityMetricsCliTest.Run r = governance(EVENTS, "--maintainers-file", list.toString());
    assertEquals(CommunityMetricsCli.EXIT_FAILURE, r.status(), r.out());
    assertTrue(r.err().contains(list + ":2: not a login"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void withoutMergesOrProposalsTheNumbersHaveNoDataNotZero() throws IOException {
    String events = issue(5, "2024-03-01", "bug") + "\n" + comment(5, "dave", "2024-03-02") + "\n";
    Object r = json(events);
    assertEquals(0L, JsonTree.at(r, "approvals", "merged"));
    assertNull(JsonTree.at(r, "approvals", "rule", "share"));
    assertNull(JsonTree.at(r, "approvals", "scorecard", "score"));
    assertNull(JsonTree.at(r, "decisions", "acceptance"));
    assertNull(JsonTree.at(r, "decisions", "timeToDecisionMedianDays"));
    assertEquals(0L, JsonTree.at(r, "maintainers", "count"));
    assertNull(JsonTree.at(r, "maintainers", "elephantFactor"));
    assertEquals("no pull request by a known, human author was merged in the window",
        JsonTree.at(r, "noData", "approvals.rule.share"));
    assertEquals("no maintainer", JsonTree.at(r, "noData", "maintainers.elephantFactor"));
    CommunityMetricsCliTest.Run text = governance(events);
    assertTrue(text.out().contains("met rust-vmm: no data (no pull request by a known, human author was merged in the window)"), text.out());
    assertTrue(text.out().contains("Decisions: 0 proposals opened in the window: no data"), text.out());
  }

  @Test
  void zeroIsDataWhenThereIsEvidence() throws IOException {
    // carol's #7, merged by dave (no e-mail) without an approval: a merge with no approval meets
    // nothing (0, not no data); dave is a maintainer by his merge, of no known organisation, so
    // the elephant factor has no data.
    String events = pr(7, "2024-03-01") + "\n" + merge(7, "dave", "2024-03-02") + "\n";
    Object r = json(events);
    assertEquals(1L, JsonTree.at(r, "approvals", "merged"));
    assertEquals(0.0, number(r, "approvals", "rule", "share"), 0);
    assertEquals(0.0, number(r, "approvals", "scorecard", "score"), 0);
    assertEquals(1L, JsonTree.at(r, "maintainers", "count"));
    assertNull(JsonTree.at(r, "maintainers", "elephantFactor"));
    assertEquals("no maintainer has a known organisation", JsonTree.at(r, "noData", "maintainers.elephantFactor"));
  }
}
