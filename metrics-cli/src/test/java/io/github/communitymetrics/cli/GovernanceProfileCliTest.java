package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance}'s maturity profile and consumers, on an events file written here in the
 * canonical format (docs/events.md). Every expected number is worked out by hand below.
 *
 * <p>The window is 2024-01-01 to 2024-07-01 ({@code --as-of 2024-07-01T00:00:00Z --window 182d});
 * Scorecard's 90 days start 2024-04-02. E-mail domains are organisations.
 *
 * <ul>
 *   <li>octo/diverse: carol opens an issue on 2023-01-01 (its first event), then pull request #1
 *       (Feb 1), approved by m1 (acme.com) and m2 (beta.org), merged by m1, and #2 (Feb 10),
 *       approved by m3 (gamma.net) and never merged. m1, m2, m3 review as MEMBER: 3 maintainers
 *       of 3 organisations. 12 commits in May 2024: m1 5, m2 4, m3 3. dana opens 2 issues, erin
 *       opens pull request #3.
 *   <li>octo/single: the same pull requests from 2024-03-01 (its first event), approved by s1,
 *       s2 (#1) and s3 (#2), all of acme.com; no commit.
 *   <li>qemu-project/qemu: dana and erin open an issue each there: they are qemu's people.
 * </ul>
 */
class GovernanceProfileCliTest {
  @TempDir Path dir;

  static final String EVENTS = events();

  private static String events() {
    List<String> e = new ArrayList<>();
    String d = "octo/diverse";
    e.add(issue(d, 1, "carol", "2023-01-01"));
    e.add(pr(d, 1, "carol", "2024-02-01"));
    e.add(review(d, 1, "m1", "2024-02-02"));
    e.add(review(d, 1, "m2", "2024-02-02"));
    e.add(merge(d, 1, "m1", "2024-02-03"));
    e.add(pr(d, 2, "carol", "2024-02-10"));
    e.add(review(d, 2, "m3", "2024-02-11"));
    String[] authors = {"m1", "m1", "m1", "m1", "m1", "m2", "m2", "m2", "m2", "m3", "m3", "m3"};
    for (int i = 0; i < authors.length; i++) {
      e.add(commit(d, authors[i], String.format(Locale.ROOT, "2024-05-%02d", i + 1), i));
    }
    e.add(issue(d, 20, "dana", "2024-04-01"));
    e.add(issue(d, 21, "dana", "2024-04-05"));
    e.add(pr(d, 3, "erin", "2024-04-06"));
    String s = "octo/single";
    e.add(pr(s, 1, "carol", "2024-03-01"));
    e.add(review(s, 1, "s1", "2024-03-02"));
    e.add(review(s, 1, "s2", "2024-03-02"));
    e.add(merge(s, 1, "s1", "2024-03-03"));
    e.add(pr(s, 2, "carol", "2024-03-10"));
    e.add(review(s, 2, "s3", "2024-03-11"));
    e.add(issue("qemu-project/qemu", 1, "dana", "2023-06-01"));
    e.add(issue("qemu-project/qemu", 2, "erin", "2023-06-02"));
    return String.join("\n", e) + "\n";
  }

  private static String domain(String login) {
    return switch (login) {
      case "m1", "s1", "s2", "s3" -> "acme.com";
      case "m2" -> "beta.org";
      case "m3" -> "gamma.net";
      default -> null;
    };
  }

  private static String actor(String login) {
    String domain = domain(login);
    return "{\"login\":\"" + login + "\"" + (domain == null ? "" : ",\"email\":\"" + login + "@" + domain + "\"") + ",\"bot\":false}";
  }

  private static String event(String type, String repo, String day, String login, String rest) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + day + "T12:00:00Z\",\"repo\":\"" + repo + "\",\"actor\":" + actor(login) + "," + rest + "}";
  }

  private static String issue(String repo, int n, String who, String day) {
    return event("issue_opened", repo, day, who, "\"number\":" + n + ",\"association\":\"NONE\"");
  }

  private static String pr(String repo, int n, String who, String day) {
    return event("pull_request_opened", repo, day, who, "\"number\":" + n + ",\"draft\":false,\"base\":\"main\",\"association\":\"NONE\"");
  }

  private static String review(String repo, int n, String who, String day) {
    return event("review", repo, day, who, "\"number\":" + n + ",\"state\":\"approved\",\"pull_request_author\":{\"login\":\"carol\",\"bot\":false},"
        + "\"association\":\"MEMBER\"");
  }

  private static String merge(String repo, int n, String who, String day) {
    return event("pull_request_merged", repo, day, who, "\"number\":" + n + ",\"author\":{\"login\":\"carol\",\"bot\":false},\"base\":\"main\"");
  }

  private static String commit(String repo, String who, String day, int i) {
    String email = who + "@" + domain(who);
    return "{\"type\":\"commit\",\"at\":\"" + day + "T12:00:00Z\",\"repo\":\"" + repo + "\",\"actor\":{\"name\":\"" + who
        + "\",\"email\":\"" + email + "\",\"bot\":false,\"forge\":\"git\"},\"sha\":\"" + String.format(Locale.ROOT, "%040x", i + 1)
        + "\",\"parents\":[],\"author\":{\"name\":\"" + who + "\",\"email\":\"" + email + "\"},\"committer\":{\"name\":\"" + who
        + "\",\"email\":\"" + email + "\",\"at\":\"" + day + "T12:00:00Z\"}}";
  }

  private CommunityMetricsCliTest.Run governance(String... more) throws IOException {
    return GovernanceCliTest.governance(dir, EVENTS, more);
  }

  /** The JSON object of {@code repo}. */
  private Object json(String repo, String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    CommunityMetricsCliTest.Run r = governance(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    for (Object o : (List<?>) JsonTree.at(JsonTree.parse(r.out()), "repositories")) {
      if (repo.equals(JsonTree.at(o, "name"))) {
        return o;
      }
    }
    throw new AssertionError("no " + repo + " in " + r.out());
  }

  /** The criterion {@code name} of a repository's profile. */
  private static Object criterion(Object repo, String name) {
    for (Object c : (List<?>) JsonTree.at(repo, "maturityProfile", "criteria")) {
      if (name.equals(JsonTree.at(c, "criterion"))) {
        return c;
      }
    }
    throw new AssertionError("no criterion " + name);
  }

  private static void check(Object repo, String name, Double value, String outcome) {
    Object c = criterion(repo, name);
    Object v = JsonTree.at(c, "value");
    if (value == null) {
      assertNull(v, name);
    } else {
      assertTrue(v instanceof Number, name + " is " + v);
      assertEquals(value, ((Number) v).doubleValue(), 1e-9, name);
    }
    assertEquals(outcome, JsonTree.at(c, "outcome"), name);
  }

  @Test
  void threeMaintainersOfThreeOrganisationsPassWhereOneOrganisationFails() throws IOException {
    Object d = json("octo/diverse");
    // 2023-01-01T12:00 to 2024-07-01T00:00: 365 days and 181.5.
    check(d, "ageDays", 546.5, "pass");
    // 12 commits after 2024-04-02, no maintainer-touched issue: min(10, 10 * 12 / 12) = 10.
    check(d, "maintainedScore", 10.0, "pass");
    check(d, "maintainerOrganizations", 3.0, "pass");
    // Commits 5, 4, 3 of 12: m1 alone (5) is not more than 6; m1 and m2 (9) are. Same by organisation.
    check(d, "absenceFactor", 2.0, "pass");
    check(d, "elephantFactor", 2.0, "pass");
    // sfc: 2 maintainers of 2 organisations; #1 (m1 acme.com, m2 beta.org) is the one merged: 1 of 1.
    check(d, "approvalShare", 1.0, "pass");
    check(d, "multiOrganizationDecisions", null, "no-data");
    assertEquals("no proposal was opened in the window", JsonTree.at(d, "noData", "maturityProfile.criteria[6].value"));
    assertEquals(3.0, ((Number) JsonTree.at(criterion(d, "maintainerOrganizations"), "threshold")).doubleValue(), 0);
    assertEquals("at-least", JsonTree.at(criterion(d, "maintainerOrganizations"), "comparison"));
    assertEquals("more-than", JsonTree.at(criterion(d, "ageDays"), "comparison"));

    Object s = json("octo/single");
    // 2024-03-01T12:00 to 2024-07-01T00:00: 31 + 30 + 31 + 30 days less 12 hours.
    check(s, "ageDays", 121.5, "fail");
    // Older than 90 days, no commit, no maintainer-touched issue: 0 is a score, not no data.
    check(s, "maintainedScore", 0.0, "fail");
    check(s, "maintainerOrganizations", 1.0, "fail");
    check(s, "absenceFactor", null, "no-data");
    check(s, "elephantFactor", null, "no-data");
    assertEquals("no commit in the window", JsonTree.at(s, "noData", "maturityProfile.criteria[3].value"));
    // #1's approvers s1 and s2 are both of acme.com: 0 of 1.
    check(s, "approvalShare", 0.0, "fail");
  }

  @Test
  void theRustVmmProfileAsksForThreeApprovers() throws IOException {
    // #1 had 2 maintainers' approvals: enough for sfc, not for rust-vmm's 3.
    Object d = json("octo/diverse", "--profile", "rust-vmm");
    check(d, "approvalShare", 0.0, "fail");
    check(d, "maintainerOrganizations", 3.0, "pass");
    CommunityMetricsCliTest.Run r = governance("--profile", "rust-vmm", "--json");
    assertEquals("rust-vmm", JsonTree.at(JsonTree.parse(r.out()), "parameters", "profile"));
    CommunityMetricsCliTest.Run bad = governance("--profile", "lfx");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, bad.status(), bad.out());
    assertTrue(bad.err().contains("thresholds: no preset lfx (sfc or rust-vmm)"), bad.err());
  }

  @Test
  void aMaintainersFileAddsItsMaintainersToTheProfile() throws IOException {
    // carol, listed with other.org, becomes a maintainer of octo/single: acme.com and other.org.
    Path list = dir.resolve("MAINTAINERS");
    Files.writeString(list, "carol other.org\n");
    Object s = json("octo/single", "--maintainers-file", list.toString());
    check(s, "maintainerOrganizations", 2.0, "fail");
  }

  @Test
  void textShowsEachCriterionWithItsThresholdAndMeaning() throws IOException {
    CommunityMetricsCliTest.Run r = governance("--repo", "octo/single");
    assertEquals(0, r.status(), r.err());
    String out = r.out();
    assertTrue(out.contains("  Maturity profile (thresholds sfc; approval diversity: 2 maintainers of 2 organisations;"
        + " each criterion on its own, no overall score):"), out);
    assertTrue(out.contains("    age: 121.5 days, threshold more than 365.0 days: FAIL\n"
        + "      days from the first event in the data to the end: developed for more than a year?"), out);
    assertTrue(out.contains("    maintainers' organisations: 1 organisation, threshold at least 3 organisations: FAIL"), out);
    assertTrue(out.contains("    bus factor: no data (no commit in the window), threshold at least 2 people"), out);
    assertTrue(!out.toLowerCase(Locale.ROOT).contains("overall score:"), out);
  }

  @Test
  void consumersPeopleAreFoundInTheirOwnRepositories() throws IOException {
    // octo/diverse's items in the window: issues dana 2; pull requests #1, #2 (carol), #3 (erin);
    // reviews m1, m2, m3: 8 (carol's 2023 issue is before the window). qemu's people dana and
    // erin wrote 2 issues and 1 pull request: 3 of 8.
    Object d = json("octo/diverse", "--consumers", "qemu,crosvm");
    assertEquals(8L, JsonTree.at(d, "consumers", "items"));
    assertEquals(3L, JsonTree.at(d, "consumers", "fromConsumers"));
    assertEquals(0.375, ((Number) JsonTree.at(d, "consumers", "share")).doubleValue(), 1e-12);
    List<?> per = (List<?>) JsonTree.at(d, "consumers", "perConsumer");
    Object qemu = per.get(0);
    assertEquals("qemu", JsonTree.at(qemu, "consumer"));
    assertEquals(List.of("qemu-project/qemu"), JsonTree.at(qemu, "repositories"));
    assertEquals(2L, JsonTree.at(qemu, "people"));
    assertEquals(2L, JsonTree.at(qemu, "takingPart"));
    assertEquals(2L, JsonTree.at(qemu, "issues"));
    assertEquals(1L, JsonTree.at(qemu, "pullRequests"));
    assertEquals(0L, JsonTree.at(qemu, "reviews"));
    // crosvm is not in the input: no data, not zero.
    Object crosvm = per.get(1);
    assertNull(JsonTree.at(crosvm, "issues"));
    assertNull(JsonTree.at(crosvm, "share"));
    assertEquals("none of its repositories is in the input", JsonTree.at(d, "noData", "consumers.perConsumer[1].share"));
    // octo/single: 2 pull requests and 3 reviews, none by qemu's people: 0 of 5 is data.
    Object s = json("octo/single", "--consumers", "qemu,crosvm");
    assertEquals(5L, JsonTree.at(s, "consumers", "items"));
    assertEquals(0.0, ((Number) JsonTree.at(s, "consumers", "share")).doubleValue(), 0);
    CommunityMetricsCliTest.Run text = governance("--repo", "octo/diverse", "--consumers", "qemu,crosvm");
    assertTrue(text.out().contains("  Consumers: 8 issues, pull requests and reviews in the window; from consumers' people: 3 (38%)"),
        text.out());
    assertTrue(text.out().contains("    qemu: 2 people in qemu-project/qemu, 2 taking part: 2 issues, 1 pull requests, 0 reviews, share 38%"),
        text.out());
    assertTrue(text.out().contains("    crosvm: no data (none of its repositories is in the input)"), text.out());
  }

  @Test
  void withoutAnyConsumerInTheInputTheShareHasNoData() throws IOException {
    // The default consumers are rust-vmm's: qemu is in the input, crosvm, kata-containers and
    // firecracker are not. With only absent ones there is no consumer data at all.
    Object d = json("octo/diverse");
    assertEquals(List.of("qemu", "crosvm", "kata-containers", "firecracker"), ((List<?>) JsonTree.at(d, "consumers", "perConsumer"))
        .stream().map(c -> JsonTree.at(c, "consumer")).toList());
    Object none = json("octo/diverse", "--consumers", "firecracker");
    assertNull(JsonTree.at(none, "consumers", "fromConsumers"));
    assertNull(JsonTree.at(none, "consumers", "share"));
    assertEquals("none of the consumers' repositories is in the input", JsonTree.at(none, "noData", "consumers.share"));
    CommunityMetricsCliTest.Run bad = governance("--consumers", " ");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, bad.status(), bad.out());
    assertTrue(bad.err().contains("consumers must not be empty"), bad.err());
  }
}
