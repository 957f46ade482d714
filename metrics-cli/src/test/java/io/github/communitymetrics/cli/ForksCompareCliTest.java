package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forks} with commits ahead and behind, on {@link ForksCliTest}'s events (octo/hello and its
 * forks bob/hello, carol/hello-next and dan/hello; last active: hello-next on Apr 15, bob/hello on
 * Feb 2, dan/hello never): from a loopback server in the shape of GitHub's compare API, and from
 * real git repositories built here. Counts worked out by hand.
 */
class ForksCompareCliTest {
  @TempDir Path dir;

  private CommunityMetricsCliTest.Run forks(String... more) throws IOException {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, ForksCliTest.EVENTS, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(
        "forks", "--events", file.toString(), "--as-of", "2024-07-01T00:00:00Z", "--window", "182d"));
    args.addAll(Arrays.asList(more));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private Object json(String... more) throws IOException {
    List<String> args = new ArrayList<>(Arrays.asList(more));
    args.add("--json");
    CommunityMetricsCliTest.Run r = forks(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return ((List<?>) JsonTree.at(JsonTree.parse(r.out()), "repositories")).get(0);
  }

  private static int index(Object repo, String name) {
    List<?> forks = (List<?>) JsonTree.at(repo, "forkList");
    for (int i = 0; i < forks.size(); i++) {
      if (name.equals(JsonTree.at(forks.get(i), "fork"))) {
        return i;
      }
    }
    throw new AssertionError("no " + name + " in " + forks);
  }

  private static Object fork(Object repo, String name) {
    return ((List<?>) JsonTree.at(repo, "forkList")).get(index(repo, name));
  }

  private static String noData(Object repo, String name, String field) {
    return (String) JsonTree.at(repo, "noData", "forkList." + index(repo, name) + "." + field);
  }

  @Test
  void withoutAComparisonEveryForkIsNoDataNotZero() throws IOException {
    Object h = json();
    for (String name : List.of("bob/hello", "carol/hello-next", "dan/hello")) {
      assertNull(JsonTree.at(fork(h, name), "ahead"));
      assertNull(JsonTree.at(fork(h, name), "behind"));
      assertEquals(List.of(), JsonTree.at(fork(h, name), "comparisons"));
      assertEquals("not compared (no --compare-github, --compare-git or --compare-clone)", noData(h, name, "ahead"));
    }
    CommunityMetricsCliTest.Run text = forks();
    assertTrue(text.out().contains("    dan/hello: no data, not compared (no --compare-github, --compare-git or --compare-clone)"),
        text.out());
  }

  @Test
  void gitHubComparesTheLastActiveForksUpToTheLimit() throws IOException {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      server.stubFor(get(urlEqualTo("/repos/octo/hello")).willReturn(okJson(
          "{\"id\": 7, \"full_name\": \"octo/hello\", \"fork\": false, \"default_branch\": \"main\"}")));
      server.stubFor(get(urlEqualTo("/repos/bob/hello")).willReturn(okJson(
          "{\"id\": 8, \"full_name\": \"bob/hello\", \"fork\": true, \"default_branch\": \"main\"}")));
      // carol's fork was deleted since.
      server.stubFor(get(urlEqualTo("/repos/carol/hello-next")).willReturn(aResponse().withStatus(404)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.github.com/rest/repos/repos#get-a-repository\", \"status\": \"404\"}")));
      server.stubFor(get(urlEqualTo("/repos/octo/hello/compare/main...bob:hello:main?per_page=1")).willReturn(okJson(
          "{\"url\": \"https://api.github.com/repos/octo/hello/compare/main...bob:hello:main\", \"status\": \"diverged\","
              + " \"ahead_by\": 2, \"behind_by\": 5, \"total_commits\": 2,"
              + " \"base_commit\": {\"sha\": \"1111111111111111111111111111111111111111\"},"
              + " \"merge_base_commit\": {\"sha\": \"2222222222222222222222222222222222222222\"}, \"commits\": [], \"files\": []}")));
      String api = "http://127.0.0.1:" + server.port();
      Object h = json("--compare-github", "--compare-limit", "2", "--api-url", api);
      Object bob = fork(h, "bob/hello");
      assertEquals(2L, JsonTree.at(bob, "ahead"));
      assertEquals(5L, JsonTree.at(bob, "behind"));
      assertEquals("githubCompare", JsonTree.at(bob, "aheadBehindSource"));
      assertEquals("diverged", JsonTree.at(bob, "comparisons", 0, "status"));
      assertEquals("main", JsonTree.at(bob, "comparisons", 0, "upstreamRef"));
      assertEquals("bob:hello:main", JsonTree.at(bob, "comparisons", 0, "forkRef"));
      assertEquals("2222222222222222222222222222222222222222", JsonTree.at(bob, "comparisons", 0, "mergeBase"));
      Object carol = fork(h, "carol/hello-next");
      assertNull(JsonTree.at(carol, "ahead"));
      assertEquals("forkNotFound", JsonTree.at(carol, "comparisons", 0, "reason"));
      assertTrue(noData(h, "carol/hello-next", "behind").startsWith("fork not found"), noData(h, "carol/hello-next", "behind"));
      // dan/hello never changed: the third by last activity, beyond the limit of 2, never asked for.
      assertNull(JsonTree.at(fork(h, "dan/hello"), "ahead"));
      assertTrue(noData(h, "dan/hello", "ahead").contains("beyond --compare-limit 2"), noData(h, "dan/hello", "ahead"));
      server.verify(0, getRequestedFor(urlEqualTo("/repos/dan/hello")));
      // The upstream once, then each fork and bob's comparison: 4 requests.
      assertEquals(4, server.getAllServeEvents().size());

      CommunityMetricsCliTest.Run text = forks("--compare-github", "--compare-limit", "2", "--api-url", api);
      assertEquals(0, text.status(), text.err());
      assertTrue(text.out().contains("    bob/hello: 2 ahead, 5 behind (diverged; main...bob:hello:main, merge base"
          + " 2222222222222222222222222222222222222222; github compare, read "), text.out());
      assertTrue(text.out().contains("    carol/hello-next: no data, fork not found (GitHub answered 404 for the fork"
          + " carol/hello-next; github compare, tried "), text.out());
      assertTrue(text.out().contains("(GitHub compare: 2 of 3 forks on GitHub compared (--compare-limit 2))"), text.out());
    } finally {
      server.stop();
    }
  }

  /**
   * octo/hello: commits u1, u2; bob/hello cloned after u2 with three commits b1..b3; then u3 and
   * u4 upstream. By hand: bob/hello is 3 ahead and 2 behind.
   */
  private Map<String, Path> histories() {
    Path up = dir.resolve("octo/hello");
    Path bob = dir.resolve("bob/hello");
    TruckFactorCommandTest.git(up, Map.of(), "init", "-q", "-b", "main");
    commit(up, "u1");
    commit(up, "u2");
    TruckFactorCommandTest.git(dir, Map.of(), "clone", "-q", up.toString(), bob.toString());
    for (String c : List.of("b1", "b2", "b3")) {
      commit(bob, c);
    }
    commit(up, "u3");
    commit(up, "u4");
    Map<String, Path> out = new HashMap<>();
    out.put("octo/hello", up);
    out.put("bob/hello", bob);
    return out;
  }

  private static void commit(Path repo, String name) {
    try {
      Files.writeString(repo.resolve(name + ".txt"), name + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "A", "GIT_AUTHOR_EMAIL", "a@example.org",
        "GIT_COMMITTER_NAME", "A", "GIT_COMMITTER_EMAIL", "a@example.org",
        "GIT_AUTHOR_DATE", "1700000000 +0000", "GIT_COMMITTER_DATE", "1700000000 +0000");
    TruckFactorCommandTest.git(repo, env, "add", "-A");
    TruckFactorCommandTest.git(repo, env, "commit", "-q", "-m", name);
  }

  @Test
  void gitRemotesOfOneRepositoryCountThreeAheadAndTwoBehind() throws IOException {
    Map<String, Path> h = histories();
    Path work = dir.resolve("work");
    TruckFactorCommandTest.git(work, Map.of(), "init", "-q", "-b", "main");
    TruckFactorCommandTest.git(work, Map.of(), "remote", "add", "upstream", h.get("octo/hello").toString());
    TruckFactorCommandTest.git(work, Map.of(), "remote", "add", "bob", h.get("bob/hello").toString());
    TruckFactorCommandTest.git(work, Map.of(), "fetch", "-q", "upstream");
    TruckFactorCommandTest.git(work, Map.of(), "fetch", "-q", "bob");
    TruckFactorCommandTest.git(work, Map.of(), "remote", "set-head", "upstream", "--auto");
    Object repo = json("--compare-git", work.toString());
    Object bob = fork(repo, "bob/hello");
    assertEquals(3L, JsonTree.at(bob, "ahead"));
    assertEquals(2L, JsonTree.at(bob, "behind"));
    assertEquals("gitHistory", JsonTree.at(bob, "aheadBehindSource"));
    assertEquals("upstream/main", JsonTree.at(bob, "comparisons", 0, "upstreamRef"));
    // bob's remote has no HEAD: the upstream's branch name on bob's remote.
    assertEquals("bob/main", JsonTree.at(bob, "comparisons", 0, "forkRef"));
    assertNull(JsonTree.at(fork(repo, "dan/hello"), "ahead"));
    assertEquals("not compared (no remote or clone of it and its upstream given)", noData(repo, "dan/hello", "ahead"));
  }

  @Test
  void twoClonesCountTheSame() throws IOException {
    Map<String, Path> h = histories();
    Object repo = json("--compare-clone", "octo/hello=" + h.get("octo/hello"), "--compare-clone", "bob/hello=" + h.get("bob/hello"));
    Object bob = fork(repo, "bob/hello");
    assertEquals(3L, JsonTree.at(bob, "ahead"));
    assertEquals(2L, JsonTree.at(bob, "behind"));
    assertEquals("HEAD", JsonTree.at(bob, "comparisons", 0, "forkRef"));
  }

  @Test
  void aNegativeLimitIsAUsageError() throws IOException {
    CommunityMetricsCliTest.Run r = forks("--compare-github", "--compare-limit", "-1");
    assertEquals(2, r.status(), r.out());
    assertTrue(r.err().contains("--compare-limit must not be negative"), r.err());
  }
}
