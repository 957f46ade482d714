package io.github.communitymetrics.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label changes from GitLab's resource label events of merge requests and issues, over a loopback
 * WireMock server in the documented shape ({@code id}, {@code user}, {@code created_at}, {@code
 * resource_type}, {@code resource_id}, {@code label}, {@code action}); the state events are not
 * served (404), as on an instance before 13.2.
 */
class LabelEventsTest {
  private static final Repository REPO = new Repository(Forge.GITLAB, "acme/widget", OptionalLong.of(7));
  private static final String ROOT = "{\"id\": 1, \"name\": \"Administrator\", \"username\": \"root\", \"state\": \"active\"}";
  private static final String BOB = "{\"id\": 2, \"name\": \"Bob\", \"username\": \"bob\", \"state\": \"active\"}";

  @TempDir Path dir;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/acme%2Fwidget"))
            .willReturn(json("{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}")));
    server.stubFor(get(urlPathEqualTo("/api/v4/projects/7/merge_requests")).willReturn(json("[" + item(1, true, "12:00") + "]")));
    server.stubFor(get(urlPathEqualTo("/api/v4/projects/7/issues")).willReturn(json("[" + item(2, false, "12:00") + "]")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /** An open merge request or issue of the list, last updated at 2024-03-02T{@code updated}Z. */
  private static String item(int iid, boolean mergeRequest, String updated) {
    return "{\"id\": " + (300 + iid) + ", \"iid\": " + iid + ", \"project_id\": 7, \"title\": \"T\", \"state\": \"opened\","
        + " \"created_at\": \"2024-03-01T12:00:00.000Z\", \"updated_at\": \"2024-03-02T" + updated + ":00.000Z\","
        + " \"author\": " + BOB + ", \"labels\": []"
        + (mergeRequest ? ", \"target_branch\": \"main\", \"source_branch\": \"x\", \"draft\": false" : "") + "}";
  }

  private static String labelEvent(long id, String user, String at, String type, int resource, String label, String action) {
    return "{\"id\": " + id + ", \"user\": " + user + ", \"created_at\": \"" + at + "\", \"resource_type\": \"" + type
        + "\", \"resource_id\": " + resource + ", \"label\": " + label + ", \"action\": \"" + action + "\"}";
  }

  private static String label(long id, String name) {
    return "{\"id\": " + id + ", \"name\": \"" + name + "\", \"color\": \"#34495E\", \"description\": \"\"}";
  }

  private static Actor gitlab(String login, long id, String name) {
    return new Actor(Forge.GITLAB, Optional.of(login), OptionalLong.of(id), Optional.of(name), List.of(), ActorKind.USER);
  }

  private FetchReport fetch(List<Event> out) {
    return GitLabSource.builder()
        .baseUrl(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build()
        .fetch(
            GitLabTarget.project("acme/widget"),
            FetchOptions.all()
                .withResources(EnumSet.of(GitLabResource.MERGE_REQUESTS, GitLabResource.ISSUES))
                .withCheckpointDirectory(dir),
            out::add);
  }

  private static List<LabelChanged> labelChanges(List<Event> events) {
    return events.stream().filter(e -> e instanceof LabelChanged).map(e -> (LabelChanged) e).toList();
  }

  @Test
  void labelEventsOfMergeRequestsAndIssuesEachOnce() {
    String at = "2024-03-01T13:00:00.000Z";
    // Two labels added together (one instant, two events), then one removed.
    String earlier =
        labelEvent(141, ROOT, at, "MergeRequest", 301, label(73, "backend"), "add") + ", "
            + labelEvent(142, ROOT, at, "MergeRequest", 301, label(74, "needs review"), "add") + ", "
            + labelEvent(143, BOB, "2024-03-01T14:00:00.000Z", "MergeRequest", 301, label(74, "needs review"), "remove");
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/7/merge_requests/1/resource_label_events"))
            .willReturn(
                json(
                    "["
                        + earlier + ", "
                        // A label deleted since, and an event without a user: counted, skipped.
                        + labelEvent(144, ROOT, "2024-03-01T15:00:00.000Z", "MergeRequest", 301, "null", "add") + ", "
                        + labelEvent(145, "null", "2024-03-01T15:00:00.000Z", "MergeRequest", 301, label(75, "x"), "add")
                        + "]")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/7/issues/2/resource_label_events"))
            .willReturn(json("[" + labelEvent(150, BOB, at, "Issue", 302, label(76, "bug"), "add") + "]")));
    List<Event> first = new ArrayList<>();
    FetchReport report = fetch(first);
    Actor root = gitlab("root", 1, "Administrator");
    Actor bob = gitlab("bob", 2, "Bob");
    Instant t = Instant.parse(at);
    assertEquals(
        List.of(
            new LabelChanged(t, REPO, root, 1, true, "backend", true),
            new LabelChanged(t, REPO, root, 1, true, "needs review", true),
            new LabelChanged(Instant.parse("2024-03-01T14:00:00Z"), REPO, bob, 1, true, "needs review", false),
            new LabelChanged(t, REPO, bob, 2, false, "bug", true)),
        labelChanges(first));
    assertEquals(1L, report.skipped().get("label_event_without_label"));
    assertEquals(1L, report.skipped().get("label_event_without_actor"));

    // The merge request changes: read again, only its new label event comes out.
    server.stubFor(get(urlPathEqualTo("/api/v4/projects/7/merge_requests")).willReturn(json("[" + item(1, true, "13:00") + "]")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/7/merge_requests/1/resource_label_events"))
            .willReturn(
                json(
                    "["
                        + earlier + ", "
                        + labelEvent(146, BOB, "2024-03-02T13:00:00.000Z", "MergeRequest", 301, label(73, "backend"), "remove")
                        + "]")));
    List<Event> second = new ArrayList<>();
    fetch(second);
    assertEquals(
        List.of(new LabelChanged(Instant.parse("2024-03-02T13:00:00Z"), REPO, bob, 1, true, "backend", false)),
        labelChanges(second));
  }

  @Test
  void anUnknownActionIsAMalformedResponse() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/7/merge_requests/1/resource_label_events"))
            .willReturn(json("[" + labelEvent(141, ROOT, "2024-03-01T13:00:00.000Z", "MergeRequest", 301, label(73, "backend"), "replace") + "]")));
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> fetch(new ArrayList<>()));
    assertTrue(e.getMessage().contains("action"), e.getMessage());
  }

  @Test
  void anInstanceWithoutThemIsAskedOnce() {
    // No label events stubbed: WireMock answers 404 for the first item, and the issue is not asked.
    List<Event> events = new ArrayList<>();
    fetch(events);
    assertEquals(List.of(), labelChanges(events));
    assertEquals(
        1,
        server.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().contains("/resource_label_events"))
            .count());
  }
}
