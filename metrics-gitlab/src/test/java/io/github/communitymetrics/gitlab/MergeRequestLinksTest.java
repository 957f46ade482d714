package io.github.communitymetrics.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.forge.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Head repositories and closing references of merge requests, over a loopback WireMock server in
 * GitLab's merge request shape ({@code source_project_id}, {@code target_project_id}, {@code
 * description}): the project itself, a fork whose path one {@code GET /projects/:id} gives (once
 * per fork), a fork the token cannot see (404), and an item without the ids.
 */
class MergeRequestLinksTest {
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/acme%2Fwidget"))
            .willReturn(json("{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}")));
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/99"))
            .willReturn(json("{\"id\": 99, \"path_with_namespace\": \"alice/widget\", \"forked_from_project\": {\"id\": 7}}")));
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/98"))
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"404 Project Not Found\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** A merge request as the list gives it; {@code source} null leaves out both project ids. */
  private static String mergeRequest(int iid, Integer source, String description) {
    String user = "{\"id\": 3, \"username\": \"alice\", \"name\": \"Alice\", \"state\": \"active\"}";
    return "{\"id\": " + (5000 + iid) + ", \"iid\": " + iid + ", \"project_id\": 7, \"title\": \"Change " + iid + "\","
        + " \"description\": " + description + ", \"state\": \"opened\","
        + " \"created_at\": \"2024-03-01T12:0" + iid + ":00.000Z\", \"updated_at\": \"2024-03-01T12:0" + iid + ":00.000Z\","
        + " \"merged_by\": null, \"merge_user\": null, \"merged_at\": null, \"closed_by\": null, \"closed_at\": null,"
        + " \"target_branch\": \"main\", \"source_branch\": \"topic-" + iid + "\", \"author\": " + user + ","
        + (source == null ? "" : " \"source_project_id\": " + source + ", \"target_project_id\": 7,")
        + " \"labels\": [], \"draft\": false, \"work_in_progress\": false, \"merge_status\": \"can_be_merged\","
        + " \"sha\": \"0123456789abcdef0123456789abcdef0123456" + iid + "\", \"merge_commit_sha\": null,"
        + " \"references\": {\"short\": \"!" + iid + "\", \"full\": \"acme/widget!" + iid + "\"}}";
  }

  @Test
  void headRepositoriesAndClosingReferences() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/7/merge_requests"))
            .willReturn(
                json(
                    "["
                        + mergeRequest(1, 7, "\"Closes #3, #4 and acme/widget#5.\\n\\nRelated to #6; Fixes other/lib#7.\"") + ", "
                        + mergeRequest(2, 99, "\"Resolves: issue #8\"") + ", "
                        + mergeRequest(3, 99, "null") + ", "
                        + mergeRequest(4, 98, "\"CLOSES #9\"") + ", "
                        + mergeRequest(5, null, "\"\"")
                        + "]")));
    List<Event> events = new ArrayList<>();
    FetchReport report =
        GitLabSource.builder()
            .baseUrl(URI.create(server.baseUrl()))
            .retryPolicy(RetryPolicy.none())
            .build()
            .fetch(
                GitLabTarget.project("acme/widget"),
                FetchOptions.all().withResources(EnumSet.of(GitLabResource.MERGE_REQUESTS)),
                events::add);
    List<String> heads = new ArrayList<>();
    List<List<Integer>> closes = new ArrayList<>();
    for (Event e : events) {
      PullRequestOpened p = (PullRequestOpened) e;
      heads.add(p.headRepository().orElse("?"));
      closes.add(p.closes());
    }
    assertEquals(List.of("acme/widget", "alice/widget", "alice/widget", "?", "?"), heads);
    assertEquals(List.of(List.of(3, 4, 5), List.of(8), List.of(), List.of(), List.of()), closes);
    // One look-up per source project, the unreadable one counted once.
    server.verify(1, getRequestedFor(urlEqualTo("/api/v4/projects/99")));
    server.verify(1, getRequestedFor(urlEqualTo("/api/v4/projects/98")));
    assertEquals(Optional.of(1L), Optional.ofNullable(report.skipped().get("source_project_unreadable")));
  }
}
