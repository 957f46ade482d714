package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score}, {@code fetch} and {@code metrics} of every repository of a GitHub organisation
 * and of a GitLab group, against a loopback WireMock in the forges' formats.
 *
 * <p>GitHub organisation {@code acme} lists six repositories over two pages: alpha, beta (a
 * fork), gamma (archived), delta, epsilon and zeta (deleted since it was listed: 404). Their
 * commits are made so that the pony factor (the fewest committers with more than half of the
 * commits, over 24 months) is known by hand: alpha 1 (10 commits by one person), delta 2 (4, 3
 * and 3 by three people: 40 %, then 70 %), epsilon 3 (2 each by five people: 20, 40, then 60 %),
 * beta 4 (one each by seven people: 4 of 7 is the first majority), gamma 3 (2 each by four people:
 * 25, 50, then 75 %, and 50 % is not more than half).
 */
class PortfolioCliTest {
  private static final String AS_OF = "2024-07-01T00:00:00Z";
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final String PAGE_2 = "/organizations/100/repos?type=all&per_page=100&page=2";

  private WireMockServer server;
  @TempDir Path dir;

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  private static String listed(String name, long id, boolean fork, boolean archived) {
    return "{\"id\": " + id + ", \"node_id\": \"R_" + id + "\", \"name\": \"" + name + "\", \"full_name\": \"acme/" + name
        + "\", \"private\": false, \"owner\": {\"login\": \"acme\", \"id\": 100, \"type\": \"Organization\"},"
        + " \"fork\": " + fork + ", \"archived\": " + archived + ", \"disabled\": false, \"visibility\": \"public\","
        + " \"default_branch\": \"main\"}";
  }

  private static String user(String login, long id) {
    return "{\"login\": \"" + login + "\", \"id\": " + id + ", \"type\": \"User\", \"site_admin\": false}";
  }

  /** Commits in GitHub's format, newest first: {@code counts[k]} commits by person k of the repository. */
  private static String commits(long repo, int... counts) {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (int k = 0; k < counts.length; k++) {
      for (int c = 0; c < counts[k]; c++) {
        n++;
        String login = "dev" + repo + "x" + k;
        long id = repo * 100 + k;
        String at = T0.plusSeconds(3600L * n).toString();
        String sha = String.format("%040x", repo * 1000 + n);
        out.add(0, "{\"sha\": \"" + sha + "\", \"node_id\": \"C_" + sha + "\", \"commit\": {\"author\": {\"name\": \""
            + login + "\", \"email\": \"" + login + "@example.org\", \"date\": \"" + at + "\"}, \"committer\": {\"name\":"
            + " \"GitHub\", \"email\": \"noreply@github.com\", \"date\": \"" + at + "\"}, \"message\": \"change " + n
            + "\", \"tree\": {\"sha\": \"" + sha + "\"}, \"comment_count\": 0}, \"author\": " + user(login, id)
            + ", \"committer\": " + user("web-flow", 19864447) + ", \"parents\": []}");
      }
    }
    return "[" + String.join(", ", out) + "]";
  }

  private void repository(String name, long id, int... counts) {
    server.stubFor(get(urlEqualTo("/repos/acme/" + name))
        .willReturn(ok("{\"id\": " + id + ", \"name\": \"" + name + "\", \"full_name\": \"acme/" + name + "\"}")));
    server.stubFor(get(urlEqualTo("/repos/acme/" + name + "/commits?per_page=100")).willReturn(ok(commits(id, counts))));
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/orgs/acme/repos?type=all&per_page=100")).willReturn(
        ok("[" + listed("alpha", 11, false, false) + ", " + listed("beta", 12, true, false) + ", "
            + listed("gamma", 13, false, true) + "]")
            .withHeader("Link", "<" + server.baseUrl() + PAGE_2 + ">; rel=\"next\", <" + server.baseUrl() + PAGE_2
                + ">; rel=\"last\"")));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(
        ok("[" + listed("delta", 14, false, false) + ", " + listed("epsilon", 15, false, false) + ", "
            + listed("zeta", 16, false, false) + "]")));
    repository("alpha", 11, 10);
    repository("beta", 12, 1, 1, 1, 1, 1, 1, 1);
    repository("gamma", 13, 2, 2, 2, 2);
    repository("delta", 14, 4, 3, 3);
    repository("epsilon", 15, 2, 2, 2, 2, 2);
    server.stubFor(get(urlEqualTo("/repos/acme/zeta")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"404\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private CommunityMetricsCliTest.Run score(String... more) {
    List<String> args = new ArrayList<>(List.of(
        "score", "--github", "acme", "--api-url", server.baseUrl(), "--only", "commits", "--metric", "pony-factor",
        "--as-of", AS_OF, "--sort", "pony-factor:desc", "--csv"));
    args.addAll(List.of(more));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  @Test
  void scoreRanksEveryRepositoryOfAnOrganisationAndReportsTheOneThatFailed() {
    CommunityMetricsCliTest.Run r = score();
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of("name,events,pony-factor.factor", "acme/epsilon,10,3", "acme/delta,10,2", "acme/alpha,10,1"),
        r.out().strip().lines().toList());
    assertTrue(r.err().contains("listed 6 repositories (" + server.baseUrl() + "/orgs/acme/repos?type=all&per_page=100):"
        + " 4 to read; left out: 1 forks (--include-forks), 1 archived (--include-archived), 0 not matching"), r.err());
    assertTrue(r.err().contains("failed: 1 repositories passed over"), r.err());
    assertTrue(r.err().contains("acme/zeta: NotFoundException: HTTP 404"), r.err());
  }

  @Test
  void forksArchivedAndNamesAreChosenOnTheCommandLine() {
    CommunityMetricsCliTest.Run r = score("--include-forks", "--include-archived", "--repos-matching", "*A");
    assertEquals(0, r.status(), r.err());
    // Names ending in a: alpha, beta, gamma, delta; zeta fails again.
    assertEquals(
        List.of(
            "name,events,pony-factor.factor", "acme/beta,7,4", "acme/gamma,8,3", "acme/delta,10,2", "acme/alpha,10,1"),
        r.out().strip().lines().toList());
    assertTrue(r.err().contains("1 not matching --repos-matching"), r.err());
  }

  @Test
  void failFastStopsAtTheRepositoryThatFails() {
    CommunityMetricsCliTest.Run r = score("--fail-fast");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.err().contains("/repos/acme/zeta"), r.err());
  }

  @Test
  void fetchJsonNamesTheListingAndTheFailures() {
    Path out = dir.resolve("acme.jsonl");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--github", "acme", "--api-url", server.baseUrl(), "--only", "commits", "--out", out.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    assertEquals("acme", f.get("target"));
    assertEquals(
        List.of("acme/alpha", "acme/delta", "acme/epsilon"),
        List.of(f.get("repositories[0]"), f.get("repositories[1]"), f.get("repositories[2]")));
    assertEquals("4", f.get("listing.selected"), f.toString());
    assertEquals("1", f.get("listing.forksLeftOut"));
    assertEquals("1", f.get("listing.archivedLeftOut"));
    assertEquals("0", f.get("listing.namesNotMatching"));
    assertEquals("acme/zeta", f.get("failed[0].repository"), f.toString());
    assertEquals("NotFoundException", f.get("failed[0].error"));
    assertEquals("0", f.get("failed[0].eventsDiscarded"));
    // alpha's, delta's and epsilon's 10 commits each.
    assertEquals("30", f.get("eventsWritten"));
  }

  @Test
  void theSelectionFlagsAreRefusedForOneRepository() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--github", "acme/alpha", "--include-forks", "--api-url", server.baseUrl(), "--out",
        dir.resolve("x.jsonl").toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("are for an owner"), r.err());
    CommunityMetricsCliTest.Run glob = score("--repos-matching", "{a");
    assertEquals(2, glob.status(), glob.err());
    assertTrue(glob.err().contains("--repos-matching"), glob.err());
  }

  @Test
  void metricsOfAnOrganisationNeedsRepo() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "metrics", "--github", "acme", "--api-url", server.baseUrl(), "--only", "commits");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--repo OWNER/NAME is required: the input holds 3 repositories"), r.err());
    CommunityMetricsCliTest.Run one = CommunityMetricsCliTest.run(
        "metrics", "--github", "acme", "--api-url", server.baseUrl(), "--only", "commits", "--repo", "acme/delta",
        "--as-of", AS_OF, "--json");
    assertEquals(0, one.status(), one.err());
    assertTrue(one.out().contains("acme/delta"), one.out());
  }

  /** GitLab group acme: widget and legacy (archived), two starrers each. */
  private void gitLabGroup() {
    String list = "/api/v4/groups/acme/projects?include_subgroups=true&with_shared=false&order_by=id&sort=asc"
        + "&per_page=100&pagination=keyset";
    server.stubFor(get(urlEqualTo(list)).willReturn(ok(
        "[{\"id\": 31, \"path_with_namespace\": \"acme/widget\", \"archived\": false},"
            + " {\"id\": 33, \"path_with_namespace\": \"acme/legacy\", \"archived\": true}]")));
    for (String name : List.of("widget", "legacy")) {
      long id = name.equals("widget") ? 31 : 33;
      server.stubFor(get(urlEqualTo("/api/v4/projects/acme%2F" + name))
          .willReturn(ok("{\"id\": " + id + ", \"path_with_namespace\": \"acme/" + name + "\"}")));
      server.stubFor(get(urlEqualTo("/api/v4/projects/" + id + "/starrers?per_page=100")).willReturn(ok(
          "[{\"starred_since\": \"2024-01-02T00:00:00Z\", \"user\": {\"id\": " + (id * 10 + 1) + ", \"username\": \"g1\"}},"
              + " {\"starred_since\": \"2024-01-03T00:00:00Z\", \"user\": {\"id\": " + (id * 10 + 2) + ", \"username\": \"g2\"}}]")));
    }
  }

  @Test
  void aGitLabGroupLeavesItsArchivedProjectsOutUnlessAskedFor() {
    gitLabGroup();
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme", "--gitlab-url", server.baseUrl(), "--only", "starrers", "--out",
        dir.resolve("acme.jsonl").toString(), "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, String> f = NoDataCliTest.flatten(r.out());
    assertEquals("acme/widget", f.get("repositories[0]"), f.toString());
    assertEquals(null, f.get("repositories[1]"));
    assertEquals("1", f.get("listing.archivedLeftOut"));
    assertEquals("2", f.get("eventsWritten"));
    CommunityMetricsCliTest.Run all = CommunityMetricsCliTest.run(
        "fetch", "--gitlab-group", "acme", "--include-archived", "--gitlab-url", server.baseUrl(), "--only", "starrers",
        "--out", dir.resolve("all.jsonl").toString());
    assertEquals(0, all.status(), all.err());
    assertTrue(all.out().contains("2 to read; left out: 0 forks (--include-forks), 0 archived"), all.out());
    assertTrue(all.out().contains("wrote 4 events"), all.out());
  }
}
