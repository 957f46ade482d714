package io.github.communitymetrics.github;

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
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.MalformedResponseException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assignments from {@code GET /repos/{o}/{n}/issues/events} and closing references from the
 * issues list, over a loopback HTTP server answering in GitHub's response shapes (an assigned
 * event has {@code actor}, {@code assignee} and {@code assigner}).
 */
class AssignmentsAndClosingReferencesTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget"))
            .willReturn(json("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String user(String login, long id) {
    return "{\"login\": \"" + login + "\", \"id\": " + id + ", \"node_id\": \"MDQ6VXNlcj" + id
        + "\", \"type\": \"User\", \"site_admin\": false}";
  }

  private static Actor actor(String login, long id) {
    return new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
  }

  private static String issue(int number, boolean pull) {
    return "{\"id\": " + (900 + number) + ", \"number\": " + number + ", \"user\": " + user("alice", 1)
        + (pull ? ", \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/widget/pulls/" + number + "\"}" : "")
        + "}";
  }

  private static String event(long id, String kind, String at, String actor, String assignee, String issue) {
    return "{\"id\": " + id + ", \"node_id\": \"AE_" + id + "\", \"url\": \"u\", \"actor\": " + actor
        + ", \"event\": \"" + kind + "\", \"commit_id\": null, \"commit_url\": null, \"created_at\": \"" + at + "\""
        + (assignee == null ? "" : ", \"assignee\": " + assignee + ", \"assigner\": " + actor)
        + ", \"issue\": " + issue + ", \"performed_via_github_app\": null}";
  }

  private List<Event> fetch(GitHubResource resource) {
    List<Event> out = new ArrayList<>();
    GitHubSource.builder()
        .apiUrl(URI.create(server.baseUrl()))
        .build()
        .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(resource)), out::add);
    return out;
  }

  @Test
  void assignedEventsBecomeAssignmentsOfIssuesAndPullRequests() {
    String carol = user("carol", 3);
    String dave = user("dave", 4);
    // Newest first, as GitHub lists them; an unassignment is not mapped.
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/widget/issues/events"))
            .willReturn(
                json(
                    "["
                        + event(104, "unassigned", "2024-03-01T12:04:00Z", carol, dave, issue(1, false)) + ", "
                        + event(103, "assigned", "2024-03-01T12:03:00Z", dave, dave, issue(5, false)) + ", "
                        + event(102, "assigned", "2024-03-01T12:02:00Z", carol, carol, issue(2, true)) + ", "
                        + event(101, "assigned", "2024-03-01T12:01:00Z", carol, dave, issue(1, false))
                        + "]")));
    Actor c = actor("carol", 3);
    Actor d = actor("dave", 4);
    assertEquals(
        List.of(
            new IssueAssigned(Instant.parse("2024-03-01T12:01:00Z"), REPO, c, 1, false, d),
            new IssueAssigned(Instant.parse("2024-03-01T12:02:00Z"), REPO, c, 2, true, c),
            new IssueAssigned(Instant.parse("2024-03-01T12:03:00Z"), REPO, d, 5, false, d)),
        fetch(GitHubResource.ISSUE_EVENTS));
  }

  @Test
  void anAssignmentWithoutAnAssigneeIsAMalformedResponse() {
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/widget/issues/events"))
            .willReturn(
                json("[" + event(101, "assigned", "2024-03-01T12:01:00Z", user("carol", 3), null, issue(1, false)) + "]")));
    MalformedResponseException e =
        assertThrows(MalformedResponseException.class, () -> fetch(GitHubResource.ISSUE_EVENTS));
    assertTrue(e.getMessage().contains("assignee"), e.getMessage());
  }

  @Test
  void pullRequestsOfTheIssuesListCarryTheIssuesTheyClose() {
    String alice = user("alice", 1);
    server.stubFor(
        get(urlPathEqualTo("/repos/acme/widget/issues"))
            .willReturn(
                json(
                    "[{\"id\": 901, \"number\": 1, \"title\": \"Crash\", \"user\": " + alice
                        + ", \"labels\": [], \"state\": \"open\", \"created_at\": \"2024-03-01T12:00:00Z\","
                        + " \"author_association\": \"NONE\", \"body\": \"Fixes #9 would be nice\"},"
                        + " {\"id\": 902, \"number\": 2, \"title\": \"Fix #1\", \"user\": " + alice
                        + ", \"labels\": [], \"state\": \"open\", \"created_at\": \"2024-03-01T12:01:00Z\","
                        + " \"author_association\": \"CONTRIBUTOR\", \"draft\": false,"
                        + " \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/widget/pulls/2\"},"
                        + " \"body\": \"Also closes: #3, fixes acme/widget#4; see other/repo#5 and #6.\"},"
                        + " {\"id\": 903, \"number\": 3, \"title\": \"Tidy\", \"user\": " + alice
                        + ", \"labels\": [], \"state\": \"open\", \"created_at\": \"2024-03-01T12:02:00Z\","
                        + " \"author_association\": \"CONTRIBUTOR\", \"draft\": true,"
                        + " \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/widget/pulls/3\"},"
                        + " \"body\": null}]")));
    Actor a = actor("alice", 1);
    Optional<AuthorAssociation> contributor = Optional.of(AuthorAssociation.CONTRIBUTOR);
    assertEquals(
        List.of(
            // An issue closes nothing, whatever its text says.
            new IssueOpened(Instant.parse("2024-03-01T12:00:00Z"), REPO, a, 1, Optional.of(AuthorAssociation.NONE)),
            new PullRequestOpened(
                Instant.parse("2024-03-01T12:01:00Z"), REPO, a, 2, false, Optional.empty(), contributor,
                List.of(), Optional.empty(), List.of(1, 3, 4)),
            new PullRequestOpened(
                Instant.parse("2024-03-01T12:02:00Z"), REPO, a, 3, true, Optional.empty(), contributor,
                List.of(), Optional.empty(), List.of())),
        fetch(GitHubResource.ISSUES));
  }
}
