package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch --github} and {@code metrics --github} against a loopback WireMock. */
class FetchCommandTest {
  private WireMockServer server;

  @TempDir Path dir;

  private static String user(String login, int id) {
    return "{\"login\": \"" + login + "\", \"id\": " + id + ", \"type\": \"User\"}";
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(okJson("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget/stargazers?per_page=100"))
            .willReturn(
                okJson("[{\"starred_at\": \"2024-01-01T00:00:00Z\", \"user\": " + user("ann", 1) + "},"
                    + " {\"starred_at\": \"2024-01-02T00:00:00Z\", \"user\": " + user("bob", 2) + "}]")));
    // Newest first: the close GitHub records with the merge of #2, the merge, then #1 closed.
    String issue1 = "{\"number\": 1, \"user\": " + user("ann", 1) + "}";
    String pull2 = "{\"number\": 2, \"user\": " + user("bob", 2) + ", \"pull_request\": {\"url\": \"x\"}}";
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget/issues/events?per_page=100"))
            .willReturn(
                okJson("[{\"id\": 12, \"event\": \"closed\", \"created_at\": \"2024-02-01T00:00:01Z\", \"actor\": "
                    + user("cat", 3) + ", \"issue\": " + pull2 + "},"
                    + " {\"id\": 11, \"event\": \"merged\", \"commit_id\": \"0123456789abcdef0123456789abcdef01234567\","
                    + " \"created_at\": \"2024-02-01T00:00:00Z\", \"actor\": " + user("cat", 3) + ", \"issue\": " + pull2 + "},"
                    + " {\"id\": 10, \"event\": \"closed\", \"created_at\": \"2024-01-15T00:00:00Z\", \"actor\": "
                    + user("cat", 3) + ", \"issue\": " + issue1 + "}]")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String api() {
    return "http://127.0.0.1:" + server.port();
  }

  private static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file)) {
      EventJsonLines.reader(in).forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void fetchJsonPrintsTheSameReportAsJson() throws IOException {
    Path out = dir.resolve("widget.jsonl");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "fetch", "--github", "acme/widget", "--only", "stargazers,issue_events", "--api-url", api(), "--out",
            out.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    // The same fetch as the text test above: 2 stars, 2 issue events (one close folded), 3 requests.
    assertEquals(
        "{\"target\":\"acme/widget\",\"repositories\":[\"acme/widget\"],"
            + "\"items\":{\"stargazers\":2,\"issue_events\":2},\"duplicatesSkipped\":0,"
            + "\"mergeClosesFolded\":1,\"ghostActors\":0,\"beforeSince\":0,"
            + "\"graphQlPoints\":0,\"skipped\":[],"
            + "\"requests\":{\"total\":3,\"notModified\":0,\"retries\":0,\"rateLimitWaits\":0,"
            + "\"waitedSeconds\":0},\"eventsWritten\":4,\"out\":\"" + out + "\"}",
        r.out().strip());
  }

  @Test
  void fetchWritesCanonicalEventsAndPrintsTheReport() throws IOException {
    Path out = dir.resolve("widget.jsonl");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "fetch", "--github", "acme/widget", "--only", "stargazers,issue_events", "--api-url", api(), "--out",
            out.toString(), "--progress", "always");
    assertEquals(0, r.status(), r.err());
    List<Event> events = read(out);
    // 2 stars, then oldest first #1 closed and #2 merged (its close folded).
    assertEquals(4, events.size(), events.toString());
    assertTrue(events.get(0) instanceof Star && events.get(1) instanceof Star, events.toString());
    assertEquals(1, ((IssueClosed) events.get(2)).number());
    PullRequestMerged merge = (PullRequestMerged) events.get(3);
    assertEquals(Instant.parse("2024-02-01T00:00:00Z"), merge.at());
    assertEquals(Optional.of("cat"), merge.actor().login());
    assertEquals(Optional.of("bob"), merge.author().flatMap(a -> a.login()));
    // Metadata, one stargazers page, one issue-events page.
    assertTrue(r.out().contains("fetched acme/widget: 3 requests"), r.out());
    assertTrue(r.out().contains("stargazers       2 events"), r.out());
    assertTrue(r.out().contains("issue_events     2 events"), r.out());
    assertTrue(r.out().contains("1 closes folded into their merges"), r.out());
    assertTrue(r.out().contains("wrote 4 events to " + out), r.out());
    // The fetch's bar, on standard error: the items read (2 stars, then 2 issue events).
    assertTrue(r.err().contains("\rfetching acme/widget"), r.err());
    assertTrue(r.err().contains("4/? items"), r.err());
    server.verify(1, getRequestedFor(urlPathMatching("/repos/acme/widget/stargazers")));
  }

  @Test
  void collaboratorsAreListedAndARefusalIsASkip() throws IOException {
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget/collaborators?affiliation=direct&per_page=100"))
            .willReturn(okJson("[{\"login\": \"cat\", \"id\": 3, \"type\": \"User\", \"role_name\": \"maintain\","
                + " \"permissions\": {\"admin\": false, \"maintain\": true, \"push\": true, \"triage\": true,"
                + " \"pull\": true}}]")));
    server.stubFor(get(urlEqualTo("/repos/acme/other")).willReturn(okJson("{\"id\": 8, \"full_name\": \"acme/other\"}")));
    server.stubFor(
        get(urlEqualTo("/repos/acme/other/collaborators?affiliation=direct&per_page=100"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Must have push access to view repository collaborators.\"}")));
    server.stubFor(get(urlEqualTo("/repos/acme/other/stargazers?per_page=100")).willReturn(okJson("[]")));

    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--github", "acme/widget", "--only", "stargazers", "--collaborators", "--reviews-api", "rest",
        "--api-url", api(), "--out", dir.resolve("w.jsonl").toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"collaborators\":[{\"repository\":\"acme/widget\",\"login\":\"cat\","
        + "\"permission\":\"maintain\",\"roleName\":\"maintain\"}]"), r.out());

    r = CommunityMetricsCliTest.run(
        "fetch", "--github", "acme/other", "--only", "stargazers", "--collaborators",
        "--api-url", api(), "--out", dir.resolve("o.jsonl").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("not read: acme/other collaborators"), r.out());
  }

  @Test
  void anUnknownReviewsApiIsAUsageError() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--github", "acme/widget", "--reviews-api", "soap", "--out", dir.resolve("x.jsonl").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--reviews-api must be auto, graphql or rest but was 'soap'"), r.err());
  }

  @Test
  void sinceKeepsLaterEventsOnly() throws IOException {
    Path out = dir.resolve("since.jsonl");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "fetch", "--github", "acme/widget", "--only", "stargazers,issue_events", "--api-url", api(),
            "--since", "2024-01-02", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    // Ann's star (Jan 1) is before; Bob's star (Jan 2, midnight), #1 closed, #2 merged are kept.
    assertEquals(3, read(out).size());
    assertTrue(r.out().contains("1 before --since"), r.out());
  }

  @Test
  void badTargetsAndResourcesAreUsageErrors() {
    Path out = dir.resolve("x.jsonl");
    assertEquals(2, CommunityMetricsCliTest.run("fetch", "--github", "a/b/c", "--out", out.toString()).status());
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("fetch", "--github", "acme/widget", "--only", "stars", "--out", out.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown GitHub resource 'stars'"), r.err());
    assertEquals(2, CommunityMetricsCliTest.run("fetch", "--out", out.toString()).status());
    assertEquals(2, CommunityMetricsCliTest.run("fetch", "--github", "acme/widget").status());
    assertEquals(
        2,
        CommunityMetricsCliTest.run("fetch", "--github", "acme/widget", "--since", "last week", "--out", out.toString())
            .status());
  }

  @Test
  void aRemoteRefusalIsAFailureNamingTheUrl() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "fetch", "--github", "acme/gone", "--api-url", api(), "--out", dir.resolve("x.jsonl").toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("/repos/acme/gone"), r.err());
  }

  @Test
  void metricsReadsGitHubDirectly() {
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "metrics", "--github", "acme/widget", "--only", "stargazers,issue_events", "--api-url", api(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("acme/widget"), r.out());
    assertTrue(r.err().contains("fetched acme/widget: 3 requests"), r.err());
    assertEquals(
        2,
        CommunityMetricsCliTest.run("metrics", "--github", "acme/widget", "--events", "x.jsonl", "--api-url", api())
            .status());
  }
}
