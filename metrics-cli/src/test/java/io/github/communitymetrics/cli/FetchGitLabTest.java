package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch --gitlab} and {@code metrics --gitlab} against a loopback GitLab: project
 * acme/widget with two starrers and a fork, and group acme holding it.
 */
class FetchGitLabTest {
  private WireMockServer server;
  private String url;
  @TempDir Path dir;

  private static final String GROUP =
      "/api/v4/groups/acme/projects?include_subgroups=true&with_shared=false&order_by=id&sort=asc&per_page=100";
  private static final Map<String, String> BODIES = Map.of(
      "/api/v4/projects/acme%2Fwidget", "{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}",
      GROUP + "&pagination=keyset", "[{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}]",
      "/api/v4/projects/7/starrers?per_page=100",
      "[{\"starred_since\": \"2020-01-01T00:00:00Z\", \"user\": {\"id\": 1, \"username\": \"ann\"}},"
          + " {\"starred_since\": \"2020-01-02T00:00:00Z\", \"user\": {\"id\": 2, \"username\": \"bob\"}}]",
      "/api/v4/projects/7/forks?order_by=created_at&sort=asc&per_page=100",
      "[{\"id\": 9, \"path_with_namespace\": \"bob/widget\", \"created_at\": \"2020-01-03T00:00:00Z\","
          + " \"owner\": {\"id\": 2, \"username\": \"bob\"}}]");

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    BODIES.forEach((path, body) ->
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(body))));
    url = server.baseUrl();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file)) {
      EventJsonLines.reader(in).forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void fetchWritesEventsAndTheReport() throws IOException {
    Path out = dir.resolve("widget.jsonl");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--gitlab-url", url, "--only", "starrers,forks", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    List<Event> events = read(out);
    assertEquals(List.of("star", "star", "fork"), events.stream().map(e -> e.type().wireName()).toList());
    assertTrue(r.out().contains("fetched project acme/widget: 3 requests"), r.out());
    assertTrue(r.out().contains("wrote 3 events to " + out), r.out());
  }

  @Test
  void fetchJsonPrintsTheDocumentedObject() {
    Path out = dir.resolve("widget.jsonl");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--gitlab-url", url, "--only", "starrers,forks",
        "--since", "2020-01-02", "--out", out.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    // ann's star (2020-01-01) is before --since; bob's star and fork are written; 3 requests.
    assertEquals(
        "{\"forge\":\"gitlab\",\"target\":\"acme/widget\",\"group\":false,\"repositories\":[\"acme/widget\"],"
            + "\"items\":{\"starrers\":1,\"forks\":1},\"duplicatesSkipped\":0,\"beforeSince\":1,\"skipped\":{},"
            + "\"requests\":{\"total\":3,\"notModified\":0,\"retries\":0,\"rateLimitWaits\":0,"
            + "\"waitedSeconds\":0},\"eventsWritten\":2,\"out\":\"" + out + "\"}",
        r.out().strip());
  }

  @Test
  void aNameWithoutSlashIsAGroupReadWithKeysetPages() throws IOException {
    Path out = dir.resolve("acme.jsonl");
    Path checkpoints = dir.resolve("cp");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme", "--gitlab-url", url, "--only", "starrers", "--checkpoint",
        checkpoints.toString(), "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(2, read(out).size());
    assertTrue(r.out().contains("fetched group acme"), r.out());
    assertTrue(Files.readString(checkpoints.resolve("crawl.state")).contains("cursor\tacme__widget.starrers\t"));
    // The same checkpoint and output again: the starrers' last page is read again, nothing is new,
    // and the output (reopened to append, not truncated) keeps what the first fetch wrote.
    CommunityMetricsCliTest.Run again = CommunityMetricsCliTest.run(
        "fetch", "--gitlab-group", "acme", "--gitlab-url", url, "--only", "starrers", "--checkpoint",
        checkpoints.toString(), "--out", out.toString());
    assertEquals(0, again.status(), again.err());
    assertTrue(again.out().contains("wrote 0 events"), again.out());
    assertEquals(2, read(out).size());
  }

  @Test
  void anUnknownProjectFailsWithTheUrl() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/missing", "--gitlab-url", url, "--out", dir.resolve("x.jsonl").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("acme%2Fmissing"), r.err());
  }

  @Test
  void usageErrors() {
    String file = dir.resolve("x.jsonl").toString();
    assertEquals(2, CommunityMetricsCliTest.run("fetch", "--gitlab-url", url, "--out", file).status());
    CommunityMetricsCliTest.Run both = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--gitlab-group", "acme", "--gitlab-url", url, "--out", file);
    assertEquals(2, both.status(), both.err());
    assertTrue(both.err().contains("not both"), both.err());
    CommunityMetricsCliTest.Run forges = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--github", "acme/widget", "--out", file);
    assertEquals(2, forges.status(), forges.err());
    CommunityMetricsCliTest.Run resource = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--only", "stars", "--gitlab-url", url, "--out", file);
    assertEquals(2, resource.status(), resource.err());
    assertTrue(resource.err().contains("starrers"), resource.err());
    CommunityMetricsCliTest.Run cache = CommunityMetricsCliTest.run(
        "fetch", "--gitlab", "acme/widget", "--cache", dir.toString(), "--gitlab-url", url, "--out", file);
    assertEquals(2, cache.status(), cache.err());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--gitlab", "acme//widget", "--gitlab-url", url).status());
  }

  @Test
  void metricsReadsAGitLabProject() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "metrics", "--gitlab", "acme/widget", "--gitlab-url", url, "--only", "starrers,forks");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("acme/widget"), r.out());
    assertTrue(r.err().contains("fetched project acme/widget: 3 requests"), r.err());
  }
}
