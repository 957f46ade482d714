package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.registry.Parameter;
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
 * {@code forks} end to end on an events file written here in the canonical format
 * (docs/events.md). Every expected value is worked out by hand in the comments from the events
 * below, not computed by the code under test.
 *
 * <p>The window is 2024-01-01 to 2024-07-01 ({@code --as-of 2024-07-01T00:00:00Z --window 182d}),
 * so the complete months are January to June. Upstream octo/hello, where carol pushes on Jan 10 and
 * May 10 and merges on Feb 5:
 *
 * <ul>
 *   <li>bob forks it as bob/hello on Feb 1, pushes there on Feb 2 and opens pull request #11 from
 *       it on Feb 3 00:00; carol merges it on Feb 5 00:00 (2.0 days): a contributing fork, no
 *       signal (same name; bob's first act upstream comes after his first in the fork).
 *   <li>dan forks it as dan/hello on Mar 1 and never changes it: a social fork.
 *   <li>carol forks it as carol/hello-next on Feb 10 and pushes there on Feb 11, Mar 15 and Apr 15
 *       (three months, no pull request back), releases v2.0 there on Apr 20; zed, who never acts
 *       upstream, pushes there on Mar 20. All five signals; carol moved on Feb 11 and still acts
 *       upstream (May 10).
 * </ul>
 */
class ForksCliTest {
  @TempDir Path dir;

  static final String EVENTS = String.join("\n",
      line("push", "2024-01-10T00:00:00Z", "octo/hello", "carol", push("a")),
      line("fork", "2024-02-01T00:00:00Z", "octo/hello", "bob", "\"fork\":\"bob/hello\""),
      line("push", "2024-02-02T00:00:00Z", "bob/hello", "bob", push("b")),
      line("pull_request_opened", "2024-02-03T00:00:00Z", "octo/hello", "bob",
          "\"number\":11,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\",\"head_repo\":\"bob/hello\""),
      line("pull_request_merged", "2024-02-05T00:00:00Z", "octo/hello", "carol",
          "\"number\":11,\"author\":{\"login\":\"bob\",\"bot\":false},\"base\":\"main\""),
      line("fork", "2024-02-10T00:00:00Z", "octo/hello", "carol", "\"fork\":\"carol/hello-next\""),
      line("push", "2024-02-11T00:00:00Z", "carol/hello-next", "carol", push("c")),
      line("fork", "2024-03-01T00:00:00Z", "octo/hello", "dan", "\"fork\":\"dan/hello\""),
      line("push", "2024-03-15T00:00:00Z", "carol/hello-next", "carol", push("d")),
      line("push", "2024-03-20T00:00:00Z", "carol/hello-next", "zed", push("e")),
      line("push", "2024-04-15T00:00:00Z", "carol/hello-next", "carol", push("f")),
      line("release", "2024-04-20T00:00:00Z", "carol/hello-next", "carol", "\"tag\":\"v2.0\",\"name\":\"Next\",\"prerelease\":false"),
      line("push", "2024-05-10T00:00:00Z", "octo/hello", "carol", push("1")))
      + "\n";

  /** Only the upstream's events, as a REST fetch of octo/hello would give: no fork's own push. */
  static final String UPSTREAM_ONLY = EVENTS.lines()
      .filter(l -> l.contains("\"repo\":\"octo/hello\"")).reduce("", (a, b) -> a + b + "\n");

  private static String push(String head) {
    return "\"ref\":\"refs/heads/main\",\"head\":\"" + head.repeat(40) + "\",\"commits\":1";
  }

  private static String line(String type, String at, String repo, String login, String rest) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"repo\":\"" + repo + "\",\"actor\":{\"login\":\"" + login
        + "\",\"bot\":false}," + rest + "}";
  }

  private CommunityMetricsCliTest.Run forks(String events, String... more) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, events, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(
        "forks", "--events", file.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d"));
    args.addAll(Arrays.asList(more));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return r;
  }

  private Object json(String events, String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    return JsonTree.parse(forks(events, args.toArray(String[]::new)).out());
  }

  private static Object fork(Object repo, String name) {
    List<?> forks = (List<?>) JsonTree.at(repo, "forkList");
    return forks.stream().filter(x -> name.equals(JsonTree.at(x, "fork"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + forks));
  }

  private static List<Object> column(Object repo, String name) {
    List<Object> out = new ArrayList<>();
    for (Object p : (List<?>) JsonTree.at(repo, "perPeriod")) {
      out.add(JsonTree.at(p, name));
    }
    return out;
  }

  /** A second upstream, octo/other: eve forks it on Mar 5, opens #2 from it on Mar 6 (never merged), pushes Mar 7. */
  static final String TWO_UPSTREAMS = EVENTS
      + line("fork", "2024-03-05T00:00:00Z", "octo/other", "eve", "\"fork\":\"eve/other\"") + "\n"
      + line("pull_request_opened", "2024-03-06T00:00:00Z", "octo/other", "eve",
          "\"number\":2,\"draft\":false,\"base\":\"main\",\"association\":\"NONE\",\"head_repo\":\"eve/other\"") + "\n"
      + line("push", "2024-03-07T00:00:00Z", "eve/other", "eve", push("9")) + "\n";

  @Test
  void windowTotalsPerUpstream() throws IOException {
    Object root = json(TWO_UPSTREAMS);
    List<?> repos = (List<?>) JsonTree.at(root, "repositories");
    assertEquals(List.of("octo/hello", "octo/other"), repos.stream().map(r -> JsonTree.at(r, "name")).toList());
    // octo/hello: 3 forks created, bob/hello and carol/hello-next active, bob's #11 opened and merged.
    Object hello = JsonTree.at(repos.get(0), "total");
    assertEquals(List.of(3L, 2L, 1L, 1L, 1L), List.of(JsonTree.at(hello, "forksCreated"), JsonTree.at(hello, "activeForks"),
        JsonTree.at(hello, "contributingForks"), JsonTree.at(hello, "pullRequestsOpened"), JsonTree.at(hello, "pullRequestsMerged")));
    Object other = JsonTree.at(repos.get(1), "total");
    assertEquals(List.of(1L, 1L, 1L, 1L, 0L), List.of(JsonTree.at(other, "forksCreated"), JsonTree.at(other, "activeForks"),
        JsonTree.at(other, "contributingForks"), JsonTree.at(other, "pullRequestsOpened"), JsonTree.at(other, "pullRequestsMerged")));
    assertEquals(4L, JsonTree.at(root, "total", "forksCreated"));
    String text = forks(TWO_UPSTREAMS).out();
    assertTrue(text.contains("  In the window: 1 forks created, active 1, contributing 1; pull requests from forks: 1 opened, 0 merged"),
        text);
    assertTrue(text.contains("  In the window: 3 forks created, active 2, contributing 1; pull requests from forks: 1 opened, 1 merged"),
        text);
  }

  @Test
  void perMonthFlowAndEachFork() throws IOException {
    Object root = json(EVENTS);
    List<?> repos = (List<?>) JsonTree.at(root, "repositories");
    assertEquals(1, repos.size(), repos.toString());
    Object h = repos.get(0);
    assertEquals("octo/hello", JsonTree.at(h, "name"));
    assertEquals(3L, JsonTree.at(h, "forks"));
    assertEquals(true, JsonTree.at(root, "forkEvents", "present"));
    // Jan..Jun: bob and carol fork in Feb, dan in Mar.
    assertEquals(List.of(0L, 2L, 1L, 0L, 0L, 0L), column(h, "forksCreated"));
    // Pushes of their own: bob/hello and carol/hello-next in Feb, hello-next in Mar and Apr.
    assertEquals(List.of(0L, 2L, 1L, 1L, 0L, 0L), column(h, "activeForks"));
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L), column(h, "contributingForks"));
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L), column(h, "pullRequestsOpened"));
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L), column(h, "pullRequestsMerged"));
    // #11: opened Feb 3, merged Feb 5: 2 days; no pull request in the other months: null.
    List<Object> median = column(h, "medianDaysToMerge");
    assertEquals(2.0, ((Number) median.get(1)).doubleValue(), 1e-9);
    assertNull(median.get(0));
    assertTrue(JsonTree.at(h, "noData", "perPeriod.0.medianDaysToMerge").toString().contains("no pull request"));
    Object bob = fork(h, "bob/hello");
    assertEquals("2024-02-01T00:00:00Z", JsonTree.at(bob, "created"));
    assertEquals(true, JsonTree.at(bob, "changed"));
    assertEquals(1L, JsonTree.at(bob, "pullRequestsBack"));
    assertEquals(1L, JsonTree.at(bob, "merged"));
    assertEquals(List.of(), JsonTree.at(bob, "signals"));
    Object dan = fork(h, "dan/hello");
    assertEquals(false, JsonTree.at(dan, "changed"));
    assertNull(JsonTree.at(dan, "lastActive"));
  }

  @Test
  void hardForkSignalsWithEvidenceMoversAndTimeline() throws IOException {
    Object next = fork(((List<?>) JsonTree.at(json(EVENTS), "repositories")).get(0), "carol/hello-next");
    List<String> kinds = new ArrayList<>();
    for (Object s : (List<?>) JsonTree.at(next, "signals")) {
      kinds.add((String) JsonTree.at(s, "kind"));
    }
    assertEquals(List.of("newName", "ownReleases", "ownContributors", "sustainedWithoutReturn", "peopleFromUpstream"), kinds);
    Object releases = ((List<?>) JsonTree.at(next, "signals")).get(1);
    assertEquals("2024-04-20T00:00:00Z", JsonTree.at(releases, "since"));
    assertTrue(JsonTree.at(releases, "evidence").toString().contains("v2.0"));
    assertTrue(JsonTree.at(((List<?>) JsonTree.at(next, "signals")).get(2), "evidence").toString().contains("zed"));
    List<?> movers = (List<?>) JsonTree.at(next, "movers");
    assertEquals(1, movers.size());
    assertEquals("carol", JsonTree.at(movers.get(0), "person"));
    assertEquals("2024-01-10T00:00:00Z", JsonTree.at(movers.get(0), "firstUpstream"));
    assertEquals("2024-02-11T00:00:00Z", JsonTree.at(movers.get(0), "moved"));
    assertEquals(true, JsonTree.at(movers.get(0), "stillUpstream"));
    // The dated timeline starts with the fork and holds the release.
    List<?> timeline = (List<?>) JsonTree.at(next, "timeline");
    assertEquals("2024-02-10T00:00:00Z", JsonTree.at(timeline.get(0), "at"));
    assertTrue(timeline.stream().anyMatch(s -> "2024-04-20T00:00:00Z".equals(JsonTree.at(s, "at"))
        && JsonTree.at(s, "what").toString().contains("v2.0")), timeline.toString());
    // Four months needed: Feb, Mar, Apr are three, so the sustained signal goes.
    Object four = fork(((List<?>) JsonTree.at(json(EVENTS, "--sustained-months", "4"), "repositories")).get(0), "carol/hello-next");
    assertEquals(4, ((List<?>) JsonTree.at(four, "signals")).size());
  }

  @Test
  void textShowsTheSignalsWithTheirEvidenceAndTimeline() throws IOException {
    String out = forks(EVENTS).out();
    assertTrue(out.contains("carol/hello-next (forked 2024-02-10T00:00:00Z; 0 pull requests back): 5 of 5 signals"), out);
    assertTrue(out.contains("own releases since 2024-04-20T00:00:00Z: "), out);
    assertTrue(out.contains("carol: upstream from 2024-01-10T00:00:00Z to 2024-05-10T00:00:00Z, first in the fork"
        + " 2024-02-11T00:00:00Z, still acts upstream"), out);
    assertTrue(out.contains("2024-02-10T00:00:00Z  forked by carol"), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("\\s+2024-02\\s+2\\s+2\\s+1\\s+1\\s+1\\s+2\\.0 days")), out);
  }

  @Test
  void withoutTheForksOwnEventsActivityIsNoDataNotZero() throws IOException {
    Object h = ((List<?>) JsonTree.at(json(UPSTREAM_ONLY), "repositories")).get(0);
    assertEquals(false, JsonTree.at(json(UPSTREAM_ONLY), "forkEvents", "present"));
    List<Object> active = column(h, "activeForks");
    assertEquals(6, active.size());
    active.forEach(a -> assertNull(a, active.toString()));
    assertNull(JsonTree.at(h, "changedForks"));
    assertNull(JsonTree.at(fork(h, "dan/hello"), "changed"));
    // The fork events and the pull request are the upstream's own: still counted.
    assertEquals(List.of(0L, 2L, 1L, 0L, 0L, 0L), column(h, "forksCreated"));
    Object next = fork(h, "carol/hello-next");
    assertEquals(List.of("ownReleases", "ownContributors", "sustainedWithoutReturn", "peopleFromUpstream"),
        JsonTree.at(next, "unknownSignals"));
    String text = forks(UPSTREAM_ONLY).out();
    assertTrue(text.lines().anyMatch(l -> l.matches("\\s+2024-02\\s+2\\s+no data\\s+1\\s+1\\s+1\\s+2\\.0 days")), text);
    assertFalse(text.contains("changed after creation: 0"), text);
    assertTrue(text.contains("only a new name can show; the other four signals are no data"), text);
  }

  @Test
  void periodsBeforeTheFirstEventAreNoDataNotZero() throws IOException {
    // From Feb 1 on: January ends before the input's first event, so the data says nothing of it.
    String fromFebruary = EVENTS.lines().filter(l -> !l.contains("2024-01-")).reduce("", (a, b) -> a + b + "\n");
    Object h = ((List<?>) JsonTree.at(json(fromFebruary), "repositories")).get(0);
    assertNull(column(h, "forksCreated").get(0));
    assertEquals(2L, column(h, "forksCreated").get(1));
    assertTrue(JsonTree.at(h, "noData", "perPeriod.0").toString().contains("before the input's first event"));
    String text = forks(fromFebruary).out();
    assertTrue(text.lines().anyMatch(l -> l.matches("\\s+2024-01 to 2024-01(\\s+no data){6}")), text);
  }

  /**
   * A GitHub REST read of the upstream (a real loopback server): its forks list names the forks
   * and their creation, but nothing of what happens in them, so whether they changed and every
   * signal but the new name are null, never 0 or false.
   */
  @Test
  void aGitHubRestReadOfTheUpstreamHasNoDataOnTheForksOwnActivity() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(okJson("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
      server.stubFor(get(urlEqualTo("/repos/acme/widget/forks?sort=oldest&per_page=100")).willReturn(okJson(
          "[{\"id\": 8, \"full_name\": \"ann/widget\", \"created_at\": \"2024-01-05T00:00:00Z\","
              + " \"owner\": {\"login\": \"ann\", \"id\": 1, \"type\": \"User\"}},"
              + " {\"id\": 9, \"full_name\": \"bob/widget-ng\", \"created_at\": \"2024-02-01T00:00:00Z\","
              + " \"owner\": {\"login\": \"bob\", \"id\": 2, \"type\": \"User\"}}]")));
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
          "forks", "--github", "acme/widget", "--only", "forks", "--api-url", "http://127.0.0.1:" + server.port(),
          "--as-of", "2024-07-01T00:00:00Z", "--window", "182d", "--json");
      assertEquals(0, r.status(), r.err());
      Object root = JsonTree.parse(r.out());
      assertEquals(false, JsonTree.at(root, "forkEvents", "present"));
      Object w = ((List<?>) JsonTree.at(root, "repositories")).get(0);
      assertEquals("acme/widget", JsonTree.at(w, "name"));
      // ann forked in January, bob in February.
      assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L), column(w, "forksCreated"));
      column(w, "activeForks").forEach(a -> assertNull(a));
      assertNull(JsonTree.at(w, "changedForks"));
      Object ann = fork(w, "ann/widget");
      assertEquals("2024-01-05T00:00:00Z", JsonTree.at(ann, "created"));
      assertNull(JsonTree.at(ann, "changed"));
      assertNull(JsonTree.at(ann, "activeDays"));
      Object ng = fork(w, "bob/widget-ng");
      assertEquals("newName", JsonTree.at(ng, "signals", 0, "kind"));
      assertEquals(List.of("ownReleases", "ownContributors", "sustainedWithoutReturn", "peopleFromUpstream"),
          JsonTree.at(ng, "unknownSignals"));
      // Only the forks list was read: no pull request, so nothing says which come from forks.
      assertEquals(false, JsonTree.at(root, "pullRequestHeadsKnown"));
      column(w, "contributingForks").forEach(a -> assertNull(a));
      column(w, "pullRequestsOpened").forEach(a -> assertNull(a));
      assertNull(JsonTree.at(ng, "pullRequestsBack"));
      assertNull(JsonTree.at(root, "total", "pullRequestsMerged"));
    } finally {
      server.stop();
    }
  }

  /** Pull requests without their head repository (as GitHub's REST issues list gives them). */
  @Test
  void withoutHeadRepositoriesTheFlowBackIsNoDataNotZero() throws IOException {
    String headless = EVENTS.replace(",\"head_repo\":\"bob/hello\"", "");
    Object root = json(headless);
    assertEquals(false, JsonTree.at(root, "pullRequestHeadsKnown"));
    Object h = ((List<?>) JsonTree.at(root, "repositories")).get(0);
    column(h, "contributingForks").forEach(a -> assertNull(a));
    assertEquals("no pull request of the input says which repository it comes from",
        JsonTree.at(h, "noData", "perPeriod.1.pullRequestsOpened"));
    // The fork events still count.
    assertEquals(List.of(0L, 2L, 1L, 0L, 0L, 0L), column(h, "forksCreated"));
    String text = forks(headless).out();
    assertTrue(text.lines().anyMatch(l -> l.matches("\\s+2024-02\\s+2\\s+2(\\s+no data){4}")), text);
    assertTrue(text.contains("\"no pull request back\" in a sustained-work signal is unknown here"), text);
  }

  /**
   * {@code --repo} on events that carry the upstream's numeric id (as GH Archive and the forge
   * APIs do): the forks are found all the same (a fork event names its fork by full name only).
   */
  @Test
  void repoFindsTheForksOfAnUpstreamWithItsNumericId() throws IOException {
    String withId = EVENTS.replace("\"repo\":\"octo/hello\"", "\"repo\":\"octo/hello\",\"repo_id\":1296269");
    Object root = json(withId, "--repo", "octo/hello");
    List<?> repos = (List<?>) JsonTree.at(root, "repositories");
    assertEquals(1, repos.size(), repos.toString());
    assertEquals(3L, JsonTree.at(repos.get(0), "forks"));
    assertEquals(List.of(0L, 2L, 1L, 0L, 0L, 0L), column(repos.get(0), "forksCreated"));
    assertEquals(5, ((List<?>) JsonTree.at(fork(repos.get(0), "carol/hello-next"), "signals")).size());
  }

  /** {@code --fork-events absent}: the caller says the forks' events are not there, so they are not read. */
  @Test
  void forkEventsAbsentAsConfigured() throws IOException {
    Object root = json(EVENTS, "--fork-events", "absent");
    assertEquals(false, JsonTree.at(root, "forkEvents", "present"));
    assertEquals(false, JsonTree.at(root, "forkEvents", "detected"));
    assertEquals("absent", JsonTree.at(root, "parameters", "forkEvents"));
    Object h = ((List<?>) JsonTree.at(root, "repositories")).get(0);
    column(h, "activeForks").forEach(a -> assertNull(a));
    assertNull(JsonTree.at(fork(h, "bob/hello"), "changed"));
    assertTrue(forks(EVENTS, "--fork-events", "absent").out().contains("Forks' own events: absent (as --fork-events says)"));
  }

  @Test
  void helpGivesThePresetsAsDefaults() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("forks", "--help");
    assertEquals(0, r.status(), r.err());
    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("default: its preset, " + preset(ForkActivity.INSTANCE.parameters(), "period")), help);
    assertTrue(help.contains("default: its preset, " + preset(HardForkSignals.INSTANCE.parameters(), "sustainedMonths")), help);
    assertTrue(help.contains("default: its preset, " + preset(HardForkSignals.INSTANCE.parameters(), "forkEvents")), help);
    assertTrue(help.contains("default: its preset, " + preset(ForkActivity.INSTANCE.parameters(), "forkEvents")), help);
  }

  private static String preset(List<Parameter> parameters, String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().defaultValue();
  }

  @Test
  void hourIsRefusedNamingTheOption() throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, EVENTS, StandardCharsets.UTF_8);
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("forks", "--events", file.toString(), "--period", "hour");
    assertEquals(CommunityMetricsCli.EXIT_USAGE, r.status(), r.out());
    // The metric's own refusal, named by the option: not picocli's unknown-argument error.
    assertTrue(r.err().contains("--period, --sustained-months, --fork-events: "), r.err());
    assertTrue(r.err().contains("not hour"), r.err());
  }
}
