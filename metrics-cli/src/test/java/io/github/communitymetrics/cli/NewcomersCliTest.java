package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newcomers} end to end on an events file written here in the canonical format
 * (docs/events.md). Every expected number is worked out by hand in the comments from the events
 * below, not computed by the code under test.
 *
 * <p>The window is 2024-01-01 to 2024-07-01 ({@code --as-of 2024-07-01T00:00:00Z --window 182d}:
 * 31 + 29 + 31 + 30 + 31 + 30 days). In octo/hello, carol (a MEMBER) and dave (association NONE)
 * contributed in 2023, so they are established; alice, bob and erin arrive in the window:
 *
 * <ul>
 *   <li>alice opens issue #10 on Feb 1 00:00; she comments on it herself at 01:00 (the author: no
 *       answer, and the same item: no second contribution); carol answers at 06:00 (6 h). alice
 *       opens pull request #11 on Feb 5 00:00 (her second contribution, to another item, 4 days
 *       after the first); carol reviews it at 12:00 (12 h, its first answer and first review) and
 *       merges it on Feb 6 (D2, 5 days after arriving).
 *   <li>bob opens pull request #20 on Mar 1 00:00; a bot comments at 01:00 (bots are no answer);
 *       carol closes it on Mar 11 without a word: ignored, closed without a human comment.
 *   <li>erin opens issue #30 on Apr 1 00:00; dave answers on Apr 4 00:00 (72 h: slow).
 *   <li>established: dave opens issue #40 on May 1 00:00, carol answers at 02:00 (2 h); carol opens
 *       pull request #41 on May 2 00:00, dave answers at 10:00 (10 h).
 * </ul>
 *
 * In octo/world, bob opened issue #1 in 2023: octo/world has no newcomer in the window, and in the
 * organisation octo bob is no newcomer.
 */
class NewcomersCliTest {
  @TempDir Path dir;

  static final String EVENTS = String.join("\n",
      line("issue_opened", "2023-06-01T00:00:00Z", "octo/hello", "carol", "\"number\":1,\"association\":\"MEMBER\""),
      line("issue_opened", "2023-07-01T00:00:00Z", "octo/hello", "dave", "\"number\":2,\"association\":\"NONE\""),
      line("issue_opened", "2023-09-01T00:00:00Z", "octo/world", "bob", "\"number\":1,\"association\":\"NONE\""),
      line("issue_opened", "2024-02-01T00:00:00Z", "octo/hello", "alice", "\"number\":10,\"association\":\"NONE\""),
      line("issue_comment", "2024-02-01T01:00:00Z", "octo/hello", "alice", "\"number\":10,\"pull_request\":false,\"association\":\"NONE\""),
      line("issue_comment", "2024-02-01T06:00:00Z", "octo/hello", "carol", "\"number\":10,\"pull_request\":false,\"association\":\"MEMBER\""),
      line("pull_request_opened", "2024-02-05T00:00:00Z", "octo/hello", "alice", "\"number\":11,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\""),
      line("review", "2024-02-05T12:00:00Z", "octo/hello", "carol",
          "\"number\":11,\"state\":\"approved\",\"pull_request_author\":{\"login\":\"alice\",\"bot\":false},\"association\":\"MEMBER\""),
      line("pull_request_merged", "2024-02-06T00:00:00Z", "octo/hello", "carol",
          "\"number\":11,\"author\":{\"login\":\"alice\",\"bot\":false},\"base\":\"main\""),
      line("pull_request_opened", "2024-03-01T00:00:00Z", "octo/hello", "bob", "\"number\":20,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\""),
      "{\"type\":\"issue_comment\",\"at\":\"2024-03-01T01:00:00Z\",\"repo\":\"octo/hello\",\"actor\":{\"login\":\"ci-bot[bot]\",\"bot\":true},"
          + "\"number\":20,\"pull_request\":true}",
      line("pull_request_closed", "2024-03-11T00:00:00Z", "octo/hello", "carol", "\"number\":20,\"author\":{\"login\":\"bob\",\"bot\":false}"),
      line("issue_opened", "2024-04-01T00:00:00Z", "octo/hello", "erin", "\"number\":30,\"association\":\"NONE\""),
      line("issue_comment", "2024-04-04T00:00:00Z", "octo/hello", "dave", "\"number\":30,\"pull_request\":false,\"association\":\"NONE\""),
      line("issue_opened", "2024-05-01T00:00:00Z", "octo/hello", "dave", "\"number\":40,\"association\":\"NONE\""),
      line("issue_comment", "2024-05-01T02:00:00Z", "octo/hello", "carol", "\"number\":40,\"pull_request\":false,\"association\":\"MEMBER\""),
      line("pull_request_opened", "2024-05-02T00:00:00Z", "octo/hello", "carol", "\"number\":41,\"draft\":false,\"base\":\"main\",\"association\":\"MEMBER\""),
      line("issue_comment", "2024-05-02T10:00:00Z", "octo/hello", "dave", "\"number\":41,\"pull_request\":true,\"association\":\"NONE\""))
      + "\n";

  static String line(String type, String at, String repo, String login, String rest) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"repo\":\"" + repo + "\",\"actor\":{\"login\":\"" + login
        + "\",\"bot\":false}," + rest + "}";
  }

  private CommunityMetricsCliTest.Run newcomers(String... more) throws IOException {
    CommunityMetricsCliTest.Run r = run(dir, EVENTS, more);
    assertEquals(0, r.status(), r.err());
    return r;
  }

  /** {@code newcomers} on {@code events} written to a file in {@code dir}, as of 2024-07-01 with a 182-day window. */
  static CommunityMetricsCliTest.Run run(Path dir, String events, String... more) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(
        "newcomers", "--events", file.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d"));
    args.addAll(Arrays.asList(more));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private Object json(String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    return JsonTree.parse(newcomers(args.toArray(String[]::new)).out());
  }

  static double number(Object root, Object... path) {
    Object v = JsonTree.at(root, path);
    assertTrue(v instanceof Number, Arrays.toString(path) + " is " + v);
    return ((Number) v).doubleValue();
  }

  private static Object repo(Object root, String name) {
    @SuppressWarnings("unchecked")
    List<Object> repos = (List<Object>) JsonTree.at(root, "repositories");
    return repos.stream().filter(x -> name.equals(JsonTree.at(x, "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + repos));
  }

  @Test
  void newcomersAndTheirFirstAnswers() throws IOException {
    Object h = repo(json(), "octo/hello");
    // alice, bob, erin, carol and dave contributed in the window; the bot is left out.
    assertEquals(5L, JsonTree.at(h, "contributors"));
    assertEquals(3L, JsonTree.at(h, "newcomers"));
    // Complete months Jan to Jun: alice in Feb, bob in Mar, erin in Apr.
    List<Long> perMonth = new ArrayList<>();
    for (Object p : (List<?>) JsonTree.at(h, "perPeriod")) {
      perMonth.add((Long) JsonTree.at(p, "newcomers"));
    }
    assertEquals(List.of(0L, 1L, 1L, 1L, 0L, 0L), perMonth);
    assertEquals("2024-02-01T00:00:00Z", JsonTree.at(((List<?>) JsonTree.at(h, "perPeriod")).get(1), "start"));
    // First issues: alice 6 h, erin 72 h; Kaplan-Meier S(6 h) = 1/2, so the median is 6 h; within a
    // day 1 of 2, within 7 days both.
    assertEquals(2L, JsonTree.at(h, "firstResponse", "newcomerIssues", "answered"));
    assertEquals(6.0, number(h, "firstResponse", "newcomerIssues", "medianHours"), 1e-9);
    assertEquals(0.5, number(h, "firstResponse", "newcomerIssues", "answeredWithin1Day"), 1e-9);
    assertEquals(1.0, number(h, "firstResponse", "newcomerIssues", "answeredWithin7Days"), 1e-9);
    // First pull requests: alice 12 h (carol's review), bob never (the bot does not count):
    // censored at 122 days. S(12 h) = 1/2: median 12 h; within 1 and 7 days 1/2.
    assertEquals(1L, JsonTree.at(h, "firstResponse", "newcomerPullRequests", "waiting"));
    assertEquals(12.0, number(h, "firstResponse", "newcomerPullRequests", "medianHours"), 1e-9);
    assertEquals(0.5, number(h, "firstResponse", "newcomerPullRequests", "answeredWithin7Days"), 1e-9);
    // Both: 6 h, 12 h, 72 h and one censored: S = 3/4, 1/2, 1/4 at those times: median 12 h,
    // within a day 1/2, within 7 days 3/4.
    assertEquals(4L, JsonTree.at(h, "firstResponse", "newcomerItems", "items"));
    assertEquals(12.0, number(h, "firstResponse", "newcomerItems", "medianHours"), 1e-9);
    assertEquals(0.5, number(h, "firstResponse", "newcomerItems", "answeredWithin1Day"), 1e-9);
    assertEquals(0.75, number(h, "firstResponse", "newcomerItems", "answeredWithin7Days"), 1e-9);
    // Established: dave's issue #40 in 2 h, carol's pull request #41 in 10 h.
    assertEquals(2.0, number(h, "firstResponse", "establishedIssues", "medianHours"), 1e-9);
    assertEquals(10.0, number(h, "firstResponse", "establishedPullRequests", "medianHours"), 1e-9);
    assertEquals(2L, JsonTree.at(h, "firstResponse", "establishedItems", "items"));
    // First pull requests: #11 merged, #20 closed: 1 of 2; reviewed: #11 after 12 h, #20 never
    // (censored): median 12 h; #20 closed before any human comment: 1 of 2.
    assertEquals(2L, JsonTree.at(h, "firstPullRequests", "count"));
    assertEquals(0.5, number(h, "firstPullRequests", "merged", "share"), 1e-9);
    assertEquals(12.0, number(h, "firstPullRequests", "firstReviewMedianHours"), 1e-9);
    assertEquals(1L, JsonTree.at(h, "firstPullRequests", "closedWithoutHumanComment", "count"));
    assertEquals(0.5, number(h, "firstPullRequests", "closedWithoutHumanComment", "share"), 1e-9);
  }

  @Test
  void stayingByFateAndByQuickAnswer() throws IOException {
    Object s = JsonTree.at(repo(json(), "octo/hello"), "staying");
    // alice is back after 4 days; bob (122 days followed) and erin (91) are not: S(4 d) = 2/3.
    assertEquals(1L, JsonTree.at(s, "all", "returned"));
    assertEquals(1.0 / 3, number(JsonTree.at(s, "all", "within"), 0, "share"), 1e-9);
    assertEquals(30.0, number(JsonTree.at(s, "all", "within"), 0, "days"), 1e-9);
    assertEquals(1.0 / 3, number(JsonTree.at(s, "all", "within"), 1, "share"), 1e-9);
    assertEquals(3L, JsonTree.at(s, "all", "followed90Days"));
    // By the first pull request: alice merged (back), bob ignored (not back), nobody closed after an
    // answer or still open: null with the reason.
    assertEquals(1.0, number(JsonTree.at(s, "byFirstPullRequest", "merged", "within"), 1, "share"), 1e-9);
    assertEquals(0.0, number(JsonTree.at(s, "byFirstPullRequest", "ignored", "within"), 1, "share"), 1e-9);
    assertNull(JsonTree.at(JsonTree.at(s, "byFirstPullRequest", "closed", "within"), 0, "share"));
    // Quick (within 2 days): alice's first item, issue #10, in 6 h. Slow: bob (never), erin (72 h).
    assertEquals(1L, JsonTree.at(s, "quickResponse", "newcomers"));
    assertEquals(2L, JsonTree.at(s, "slowResponse", "newcomers"));
    // 1 of 1 minus 0 of 2 = 1. Newcombe: Wilson (z = 1.959964) of 1/1 is [0.20654, 1], of 0/2 is
    // [0, 0.65762]; lower = 1 - sqrt((1 - 0.20654)^2 + 0.65762^2) = 1 - 1.03056 = -0.03056;
    // upper = 1 + sqrt(0 + 0) = 1.
    assertEquals(1.0, number(s, "quickMinusSlow90Days", "estimate"), 1e-9);
    assertEquals(-0.03056, number(s, "quickMinusSlow90Days", "lower"), 1e-4);
    assertEquals(1.0, number(s, "quickMinusSlow90Days", "upper"), 1e-9);
    assertEquals(2L, JsonTree.at(s, "quickMinusSlow90Days", "slowFollowed"));
    // A quick answer within 5 hours: nobody's first answer was that quick; all three are slow.
    Object slow = JsonTree.at(repo(json("--quick-response", "5h"), "octo/hello"), "staying");
    assertEquals(0L, JsonTree.at(slow, "quickResponse", "newcomers"));
    assertEquals(3L, JsonTree.at(slow, "slowResponse", "newcomers"));
  }

  @Test
  void welcomersAndMentorship() throws IOException {
    Object root = json();
    Object h = repo(root, "octo/hello");
    // alice was welcomed by carol (answer, review), erin by dave, bob by nobody: 2 welcomes of 2
    // people, 2 of 3 newcomers welcomed; top-3 share 1, Gini of (1, 1) 0; more than half of 2
    // welcomes takes both people.
    assertEquals(2L, JsonTree.at(h, "welcomers", "people"));
    assertEquals(2L, JsonTree.at(h, "welcomers", "welcomed"));
    assertEquals(3L, JsonTree.at(h, "welcomers", "newcomersWithFirstItem"));
    assertEquals(1.0, number(h, "welcomers", "topShare"), 1e-9);
    assertEquals(0.0, number(h, "welcomers", "gini"), 1e-9);
    assertEquals(2L, JsonTree.at(h, "welcomers", "absenceFactor"));
    assertEquals("carol", JsonTree.at(h, "welcomers", "top", 0, "person"));
    assertEquals(0.5, number(h, "welcomers", "top", 0, "share"), 1e-9);
    // Mentorship, k = 2 of n = 5: carol (MEMBER) answered both of alice's items; dave, no
    // maintainer, answered erin once. Mentored: alice; not: bob, erin.
    assertEquals(1L, JsonTree.at(h, "mentorship", "mentors"));
    assertEquals(1L, JsonTree.at(h, "mentorship", "mentored", "newcomers"));
    assertEquals(2L, JsonTree.at(h, "mentorship", "notMentored", "newcomers"));
    // Everyone's last contribution is over 90 days before the end: all departed, bob and erin at
    // time 0, alice after 4 days (her pull request; a merge is no contribution of type any).
    // Log-rank: at 0, 3 at risk, 2 events, E1 = 2/3, V = 2 (1/3)(2/3)(1/2) = 2/9; at 4 d, 1 at
    // risk, E1 = 1, V 0. O1 = 1: chi2 = (1 - 5/3)^2 / (2/9) = 2, p = P(chi2_1 > 2) = 0.157299.
    assertEquals(1L, JsonTree.at(h, "mentorship", "mentored", "departed"));
    assertEquals(2L, JsonTree.at(h, "mentorship", "notMentored", "departed"));
    assertEquals(0.157299, number(h, "mentorship", "retentionLogRankP"), 1e-6);
    // Climb: alice at D2 after 5 days (the merge); bob and erin never (censored). At 5 d, 3 at
    // risk, 1 event: E1 = 1/3, V = (1/3)(2/3)(2/2) = 2/9, chi2 = (2/3)^2 / (2/9) = 2: p = 0.157299.
    assertEquals(1.0, number(h, "mentorship", "mentored", "reachedD2Within180Days"), 1e-9);
    assertEquals(0.0, number(h, "mentorship", "notMentored", "reachedD2Within180Days"), 1e-9);
    assertEquals(0.157299, number(h, "mentorship", "climbLogRankP"), 1e-6);
    // With k = 3 nobody answered three of anyone's items: no mentee, so no test, with the reason.
    Object k3 = repo(json("--mentor-k", "3"), "octo/hello");
    assertEquals(0L, JsonTree.at(k3, "mentorship", "mentored", "newcomers"));
    assertNull(JsonTree.at(k3, "mentorship", "retentionLogRankP"));
    assertEquals("no mentee to compare", JsonTree.at(k3, "noData", "mentorship.retentionLogRankP"));
  }

  @Test
  void jsonShapeAndParameters() throws IOException {
    Object root = json();
    assertEquals(1L, JsonTree.at(root, "schemaVersion"));
    assertEquals(false, JsonTree.at(root, "simulated"));
    assertEquals("2024-01-01T00:00:00Z", JsonTree.at(root, "window", "start"));
    assertEquals("2024-07-01T00:00:00Z", JsonTree.at(root, "window", "end"));
    // Without options the parameters are the metrics' presets.
    assertEquals(NewcomerExperience.INSTANCE.parameter("period").defaultValue(), JsonTree.at(root, "parameters", "period"));
    assertEquals(2.0, number(root, "parameters", "quickResponseDays"), 0);
    assertEquals(NewcomerStaying.INSTANCE.parameter("quickResponse").defaultValue(), "P2D");
    assertEquals(Long.parseLong(Mentorship.INSTANCE.parameter("mentorMinimum").defaultValue()), JsonTree.at(root, "parameters", "mentorMinimum"));
    assertEquals(Long.parseLong(Mentorship.INSTANCE.parameter("mentorItems").defaultValue()), JsonTree.at(root, "parameters", "mentorItems"));
    assertEquals(Long.parseLong(NewcomerWelcomers.INSTANCE.parameter("top").defaultValue()), JsonTree.at(root, "parameters", "top"));
    assertEquals("any", JsonTree.at(root, "parameters", "contributionType"));
    assertEquals("repository", JsonTree.at(root, "parameters", "scope"));
    // One object per repository, in order, each with the same members.
    @SuppressWarnings("unchecked")
    List<Object> repos = (List<Object>) JsonTree.at(root, "repositories");
    assertEquals(List.of("octo/hello", "octo/world"), repos.stream().map(r -> JsonTree.at(r, "name")).toList());
    List<String> members = List.of("name", "events", "contributors", "newcomers", "perPeriod", "firstResponse",
        "firstPullRequests", "staying", "welcomers", "mentorship", "goodFirstIssues", "noData");
    for (Object r : repos) {
      assertEquals(members, new ArrayList<>(((Map<?, ?>) r).keySet()));
    }
    // octo/world: bob's issue of 2023 only: no newcomer, every figure null with its reason.
    Object w = repos.get(1);
    assertEquals(0L, JsonTree.at(w, "newcomers"));
    assertNull(JsonTree.at(w, "firstResponse", "newcomerIssues", "medianHours"));
    assertEquals("no items in the window", JsonTree.at(w, "noData", "firstResponse.newcomerIssues.medianHours"));
    assertNull(JsonTree.at(w, "firstPullRequests", "merged", "share"));
    assertNull(JsonTree.at(w, "welcomers", "gini"));
    assertEquals("nobody welcomed a newcomer in the window", JsonTree.at(w, "noData", "welcomers.gini"));
    assertNull(JsonTree.at(w, "staying", "quickMinusSlow90Days"));
  }

  @Test
  void organisationScopeAndContributionType() throws IOException {
    // In the organisation octo, bob contributed in 2023 (octo/world): only alice and erin are new.
    Object org = json("--scope", "organisation");
    assertEquals("octo", JsonTree.at(org, "organisations", 0, "name"));
    assertEquals(2L, JsonTree.at(org, "organisations", 0, "newcomers"));
    // By first pull request opened: alice (Feb 5), bob (Mar 1) and carol (#41, May 2: her first
    // pull request, so by this type she is new too).
    Object pr = repo(json("--contribution-type", "pull-request-opened", "--repo", "octo/hello"), "octo/hello");
    assertEquals(3L, JsonTree.at(pr, "newcomers"));
    CommunityMetricsCliTest.Run bad = CommunityMetricsCliTest.run("newcomers", "--contribution-type", "star");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--contribution-type must be one of commit, push"), bad.err());
  }

  @Test
  void textSaysNoDataWithTheReason() throws IOException {
    String out = newcomers().out();
    assertTrue(out.contains("octo/hello  (17 events; 5 contributors in the window)"), out);
    assertTrue(out.contains("Newcomers: 3 in the window; per complete month: 2024-01 0, 2024-02 1, 2024-03 1, 2024-04 1, 2024-05 0, 2024-06 0"), out);
    assertTrue(out.contains("closed without a human comment: 1 of 2, 50.0%"), out);
    assertTrue(out.contains("quick minus slow, back within 90 days (plain proportions of those followed 90 days: 1 of 1 and 0 of 2): +100.0 points (95% interval -3.1 to +100.0"), out);
    assertTrue(out.contains("1. carol: 1 (50.0%)"), out);
    // octo/world has no newcomer: said so, not zeros.
    assertTrue(out.contains("octo/world  (1 events; 0 contributors in the window)"), out);
    assertTrue(out.contains("Newcomers: 0 in the window: no data for their first experience"), out);
    // With k = 3: no mentee, the log-rank tests have no data and say why.
    String k3 = newcomers("--mentor-k", "3", "--repo", "octo/hello").out();
    assertTrue(k3.contains("log-rank p, mentored against not: retention no data (no mentee to compare)"), k3);
    assertTrue(k3.matches("(?s).*first PR closed\\s+0\\s+0\\s+no data\\s+no data\n.*"), k3);
    assertTrue(k3.contains("(no data: nobody in the group)"), k3);
  }

  @Test
  void helpNamesThePresetDefaults() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("newcomers", "--help");
    assertEquals(0, r.status());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("default: its preset, " + NewcomerExperience.INSTANCE.parameter("period").defaultValue()), help);
    assertTrue(help.contains("default: its preset, " + Mentorship.INSTANCE.parameter("mentorMinimum").defaultValue() + ")"), help);
    assertTrue(help.contains("default: its preset, " + Mentorship.INSTANCE.parameter("mentorItems").defaultValue() + ")"), help);
    assertTrue(help.contains("default: its preset, " + NewcomerWelcomers.INSTANCE.parameter("top").defaultValue() + ")"), help);
    // P2D and P90D, as the help spells durations.
    assertEquals("P2D", NewcomerStaying.INSTANCE.parameter("quickResponse").defaultValue());
    assertTrue(help.contains("default: its preset, 2d"), help);
    assertEquals("P90D", Mentorship.INSTANCE.parameter("departureGap").defaultValue());
    assertTrue(help.contains("default: its preset, 90d"), help);
    // The label set as the help spells it: the preset's comma list.
    assertTrue(help.contains("default: its preset, " + GoodFirstIssues.INSTANCE.parameter("labels").defaultValue() + ")"), help);
    CommunityMetricsCliTest.Run top = CommunityMetricsCliTest.run("--help");
    assertTrue(top.out().contains("newcomers"), top.out());
  }
}
