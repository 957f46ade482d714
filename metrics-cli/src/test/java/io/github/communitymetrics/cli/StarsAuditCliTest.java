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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stars --audit} end to end: on GH Archive hours with a planted low-activity campaign
 * ({@link StarFixture#planted}: f1..f5 star acme/widget on 2024-03-08 and do nothing else), on a
 * stargazer list alone, and on the GitHub API (a loopback WireMock), where the signals have no
 * data. Every expected number is counted by hand from the planted events.
 */
class StarsAuditCliTest {
  @TempDir Path dir;

  private CommunityMetricsCliTest.Run audit(String... extra) throws IOException {
    Path hours = StarFixture.planted().write(dir.resolve("hours"));
    List<String> args = new java.util.ArrayList<>(List.of(
        "stars", "--audit", "--gharchive", hours.toString(), "--as-of", "2024-03-14T00:00:00Z"));
    args.addAll(List.of(extra));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return r;
  }

  @Test
  void thePlantedCampaignIsSuspectedByLowActivity() throws IOException {
    Object root = JsonTree.parse(audit("--json").out());
    assertEquals(true, JsonTree.at(root, "signals", "available"));
    assertNull(JsonTree.at(root, "signals", "noData"));
    // widget: r1..r6 and f1..f5 (r1's second star is not a new one); gizmo: r2 and r4.
    assertEquals(13L, JsonTree.at(root, "stars"));
    assertEquals(5L, JsonTree.at(root, "lowActivity"));
    assertEquals(0L, JsonTree.at(root, "lockstep"));
    assertEquals(5L, JsonTree.at(root, "either"));
    assertEquals(5.0 / 13, (Double) JsonTree.at(root, "share"), 1e-12);
    assertEquals(2, ((List<?>) JsonTree.at(root, "repositories")).size());
    assertEquals(StarFixture.GIZMO, JsonTree.at(root, "repositories", 0, "name"));
    assertEquals(2L, JsonTree.at(root, "repositories", 0, "stars"));
    assertEquals(0L, JsonTree.at(root, "repositories", 0, "either"));
    assertEquals(0.0, (Double) JsonTree.at(root, "repositories", 0, "share"), 0);
    Object widget = JsonTree.at(root, "repositories", 1);
    assertEquals(StarFixture.WIDGET, JsonTree.at(widget, "name"));
    assertEquals(1, ((List<?>) JsonTree.at(widget, "months")).size());
    assertEquals("2024-03", JsonTree.at(widget, "months", 0, "month"));
    assertEquals(11L, JsonTree.at(widget, "months", 0, "stars"));
    assertEquals(5L, JsonTree.at(widget, "months", 0, "lowActivity"));
    assertEquals(0L, JsonTree.at(widget, "months", 0, "lockstep"));
    assertEquals(5L, JsonTree.at(widget, "months", 0, "either"));
    assertEquals(5.0 / 11, (Double) JsonTree.at(widget, "months", 0, "share"), 1e-12);

    String text = audit().out();
    assertTrue(text.contains("Stars: 13 in 2 repositories; suspected by either signal: 5 (38.5%)"), text);
    assertTrue(text.lines().anyMatch(l -> l.matches("acme/widget +2024-03 +11 +5 +0 +5 +45\\.5%")), text);
    assertFalse(text.contains("no data"), text);
  }

  @Test
  void monthsSplitAtTheCalendarAndRepoOnlyFiltersTheOutput() throws IOException {
    StarFixture f = StarFixture.planted()
        // A stargazer of April who is active elsewhere, and a one-star account of April.
        .star("2024-04-02T10:00:00Z", "r7", 107, StarFixture.WIDGET, 9)
        .pullRequest("2024-04-03T10:00:00Z", "r7", 107, StarFixture.THING, 33, 10)
        .star("2024-04-05T10:00:00Z", "f9", 209, StarFixture.WIDGET, 9);
    Path hours = f.write(dir.resolve("two-months"));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "stars", "--audit", "--gharchive", hours.toString(), "--repo", StarFixture.WIDGET, "--json");
    assertEquals(0, r.status(), r.err());
    Object root = JsonTree.parse(r.out());
    assertEquals(1, ((List<?>) JsonTree.at(root, "repositories")).size());
    Object widget = JsonTree.at(root, "repositories", 0);
    assertEquals("2024-04", JsonTree.at(widget, "months", 1, "month"));
    assertEquals(2L, JsonTree.at(widget, "months", 1, "stars"));
    assertEquals(1L, JsonTree.at(widget, "months", 1, "lowActivity"));
    assertEquals(13L, JsonTree.at(widget, "stars"));
    assertEquals(6L, JsonTree.at(widget, "either"));
    // The totals are over every repository, whatever --repo shows: gizmo's 2 stars too.
    assertEquals(15L, JsonTree.at(root, "stars"));
  }

  /** Canonical events of one repository's stargazers and nothing else: a stargazer list alone. */
  @Test
  void aStargazerListAloneHasNoData() throws IOException {
    Path events = dir.resolve("stargazers.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      lines.append("{\"type\":\"star\",\"at\":\"2024-01-0").append(i)
          .append("T00:00:00Z\",\"repo\":\"acme/widget\",\"actor\":{\"login\":\"s").append(i)
          .append("\",\"bot\":false}}\n");
    }
    Files.writeString(events, lines, StandardCharsets.UTF_8);
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("stars", "--audit", "--events", events.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Signals: no data: no stargazer has an event in any repository but the one it"
        + " starred"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches(
        "acme/widget +2024-01 +3 +no data +no data +no data +no data")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.endsWith("suspected by either signal: no data")), r.out());
    CommunityMetricsCliTest.Run json = CommunityMetricsCliTest.run("stars", "--audit", "--events", events.toString(), "--json");
    Object root = JsonTree.parse(json.out());
    assertEquals(false, JsonTree.at(root, "signals", "available"));
    assertEquals(3L, JsonTree.at(root, "stars"));
    assertNull(JsonTree.at(root, "lowActivity"));
    assertNull(JsonTree.at(root, "repositories", 0, "months", 0, "either"));
    assertNull(JsonTree.at(root, "repositories", 0, "months", 0, "share"));
  }

  /** The GitHub API's stargazer list: no data, and the reason names the API. */
  @Test
  void theGitHubApiHasNoData() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    try {
      server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(okJson("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
      server.stubFor(get(urlEqualTo("/repos/acme/widget/stargazers?per_page=100")).willReturn(okJson(
          "[{\"starred_at\": \"2024-01-01T00:00:00Z\", \"user\": {\"login\": \"ann\", \"id\": 1, \"type\": \"User\"}},"
              + " {\"starred_at\": \"2024-01-02T00:00:00Z\", \"user\": {\"login\": \"bob\", \"id\": 2, \"type\": \"User\"}}]")));
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
          "stars", "--audit", "--github", "acme/widget", "--only", "stargazers",
          "--api-url", "http://127.0.0.1:" + server.port(), "--json");
      assertEquals(0, r.status(), r.err());
      Object root = JsonTree.parse(r.out());
      assertEquals(2L, JsonTree.at(root, "stars"));
      assertNull(JsonTree.at(root, "either"));
      assertTrue(((String) JsonTree.at(root, "signals", "noData")).startsWith("the GitHub API lists a repository's"
          + " stargazers without their activity in other repositories"), r.out());
    } finally {
      server.stop();
    }
  }

  @Test
  void withoutAuditItIsAUsageError() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("stars");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("give --audit"), r.err());
  }
}
