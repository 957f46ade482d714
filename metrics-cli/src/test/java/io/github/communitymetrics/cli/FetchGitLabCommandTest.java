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
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fetch-gitlab} and {@code metrics --gitlab} against a loopback GitLab of two starrers and a fork. */
class FetchGitLabCommandTest {
  private WireMockServer server;
  private String url;

  private static final Map<String, String> BODIES = Map.of(
      "/api/v4/projects/acme%2Fwidget", "{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}",
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

  @Test
  void fetchWritesJsonLines() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch-gitlab", "--gitlab", "acme/widget", "--gitlab-url", url, "--gitlab-resources", "starrers,forks");
    assertEquals(0, r.status(), r.err());
    List<Event> events = EventJsonLines.readAll(new StringReader(r.out()));
    assertEquals(3, events.size(), r.out());
    assertEquals("star", events.get(0).type().wireName());
    assertEquals("fork", events.get(2).type().wireName());
    assertTrue(r.err().contains("3 requests"), r.err());
  }

  @Test
  void anUnknownProjectFailsWithTheUrl() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "fetch-gitlab", "--gitlab", "acme/missing", "--gitlab-url", url);
    assertEquals(1, r.status());
    assertTrue(r.err().contains("acme%2Fmissing"), r.err());
  }

  @Test
  void withoutATargetItIsAUsageError() {
    assertEquals(2, CommunityMetricsCliTest.run("fetch-gitlab", "--gitlab-url", url).status());
  }

  @Test
  void badTargetsAndResourcesAreUsageErrors() {
    CommunityMetricsCliTest.Run both = CommunityMetricsCliTest.run(
        "fetch-gitlab", "--gitlab", "acme/widget", "--gitlab-group", "acme", "--gitlab-url", url);
    assertEquals(2, both.status(), both.err());
    assertTrue(both.err().contains("not both"), both.err());
    CommunityMetricsCliTest.Run resource = CommunityMetricsCliTest.run(
        "fetch-gitlab", "--gitlab", "acme/widget", "--gitlab-resources", "stars", "--gitlab-url", url);
    assertEquals(2, resource.status(), resource.err());
    assertTrue(resource.err().contains("starrers"), resource.err());
    assertEquals(2, CommunityMetricsCliTest.run("metrics", "--gitlab", "acme//widget", "--gitlab-url", url).status());
  }

  @Test
  void metricsReadsAGitLabProject() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "metrics", "--gitlab", "acme/widget", "--gitlab-url", url, "--gitlab-resources", "starrers,forks");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("acme/widget"), r.out());
  }
}
