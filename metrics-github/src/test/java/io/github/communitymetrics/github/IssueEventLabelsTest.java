package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.MalformedResponseException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Label changes from {@code GET /repos/{o}/{n}/issues/events}, in GitHub's response shape. */
class IssueEventLabelsTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));
  private static final FetchOptions EVENTS =
      FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUE_EVENTS));
  private static final String CAROL = "{\"login\": \"carol\", \"id\": 3, \"type\": \"User\"}";

  private static String event(long id, String kind, String at, String issue, String label) {
    return "{\"id\": " + id + ", \"node_id\": \"LE_" + id + "\", \"url\": \"u\", \"actor\": " + CAROL
        + ", \"event\": \"" + kind + "\", \"commit_id\": null, \"commit_url\": null, \"created_at\": \"" + at + "\""
        + (label == null ? "" : ", \"label\": " + label) + ", \"issue\": " + issue + ", \"performed_via_github_app\": null}";
  }

  private static String issue(int number, boolean pull) {
    return "{\"id\": " + (900 + number) + ", \"number\": " + number + ", \"user\": " + CAROL
        + (pull ? ", \"pull_request\": {\"url\": \"https://api.github.com/repos/acme/widget/pulls/" + number + "\"}" : "")
        + "}";
  }

  private static List<Event> fetch(String events) {
    HttpSender sender =
        request -> {
          String path = request.uri().getRawPath();
          String body =
              path.equals("/repos/acme/widget") ? "{\"id\": 7, \"full_name\": \"acme/widget\"}" : events;
          return new ForgeResponse(200, request.uri(), Map.of(), body);
        };
    List<Event> out = new ArrayList<>();
    GitHubSource.builder()
        .apiUrl(URI.create(FakeGitHub.BASE))
        .sender(sender)
        .build()
        .fetch(TARGET, EVENTS, out::add);
    return out;
  }

  @Test
  void labeledAndUnlabeledBecomeLabelChangesOfIssuesAndPullRequests() {
    String bug = "{\"name\": \"bug\", \"color\": \"d73a4a\"}";
    // Newest first, as GitHub lists them; a reference is not mapped.
    List<Event> events =
        fetch(
            "["
                + event(105, "closed", "2024-03-01T12:05:00Z", issue(1, false), null) + ", "
                + event(104, "unlabeled", "2024-03-01T12:04:00Z", issue(2, true), "{\"name\": \"wip\", \"color\": \"ededed\"}") + ", "
                + event(103, "referenced", "2024-03-01T12:03:00Z", issue(1, false), null) + ", "
                + event(102, "labeled", "2024-03-01T12:02:00Z", issue(2, true), bug) + ", "
                + event(101, "labeled", "2024-03-01T12:01:00Z", issue(1, false), bug)
                + "]");
    Actor carol =
        new Actor(Forge.GITHUB, Optional.of("carol"), OptionalLong.of(3), Optional.empty(), List.of(), ActorKind.USER);
    assertEquals(
        List.of(
            new LabelChanged(Instant.parse("2024-03-01T12:01:00Z"), REPO, carol, 1, false, "bug", true),
            new LabelChanged(Instant.parse("2024-03-01T12:02:00Z"), REPO, carol, 2, true, "bug", true),
            new LabelChanged(Instant.parse("2024-03-01T12:04:00Z"), REPO, carol, 2, true, "wip", false),
            new IssueClosed(Instant.parse("2024-03-01T12:05:00Z"), REPO, carol, 1)),
        events);
  }

  @Test
  void aLabelChangeWithoutALabelNameIsAMalformedResponse() {
    for (String label : new String[] {null, "{\"color\": \"ededed\"}", "{\"name\": \"\"}"}) {
      String events = "[" + event(101, "labeled", "2024-03-01T12:01:00Z", issue(1, false), label) + "]";
      MalformedResponseException e =
          assertThrows(MalformedResponseException.class, () -> fetch(events));
      assertTrue(e.getMessage().contains("label"), e.getMessage());
    }
  }
}
