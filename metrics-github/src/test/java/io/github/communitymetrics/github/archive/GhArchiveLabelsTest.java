package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Labels from GH Archive: the labels of opened issues and pull requests, and the labeled and
 * unlabeled actions. The lines are in the Events API shape of GH Archive hours since 2015 (label
 * objects as GitHub sends them, with id, node_id, url, name, color, default, description).
 */
class GhArchiveLabelsTest {
  private static final String REPO = "\"repo\":{\"id\":9,\"name\":\"acme/widget\",\"url\":\"https://api.github.com/repos/acme/widget\"}";
  static final Repository W = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9));

  /** An Events API {@code actor} member. */
  static String actor(String login, long id) {
    return "\"actor\":{\"id\":" + id + ",\"login\":\"" + login + "\",\"display_login\":\"" + login
        + "\",\"gravatar_id\":\"\",\"url\":\"https://api.github.com/users/" + login + "\"}";
  }

  private static String label(long id, String name) {
    return "{\"id\":" + id + ",\"node_id\":\"MDU6TGFiZWw" + id + "\",\"url\":\"https://api.github.com/repos/acme/widget/labels/"
        + name.replace(" ", "%20") + "\",\"name\":\"" + name + "\",\"color\":\"a2eeef\",\"default\":false,\"description\":null}";
  }

  /** A line of acme/widget (id 9) at 2021-07-21T06:00:{@code second}Z. */
  static String line(String type, String actor, String payload, int second) {
    return "{\"id\":\"1724420" + second + "\",\"type\":\"" + type + "\"," + actor + "," + REPO
        + ",\"payload\":" + payload + ",\"public\":true,\"created_at\":\"2021-07-21T06:00:"
        + String.format("%02d", second) + "Z\"}";
  }

  static Actor user(String login, long id) {
    return new Actor(
        Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(),
        ActorKind.USER);
  }

  static Instant at(int second) {
    return Instant.parse("2021-07-21T06:00:00Z").plusSeconds(second);
  }

  @Test
  void openedIssuesAndPullRequestsCarryTheirLabelsAndLabelActionsAreEvents() {
    String alice = actor("alice", 101);
    String carol = actor("carol", 103);
    String text =
        String.join(
            "\n",
            line("IssuesEvent", alice, "{\"action\":\"opened\",\"issue\":{\"url\":\"u\",\"id\":5,"
                + "\"number\":1,\"title\":\"Crash\",\"user\":{\"login\":\"alice\",\"id\":101},"
                + "\"labels\":[" + label(1, "needs triage") + "," + label(2, "bug") + "],"
                + "\"state\":\"open\",\"author_association\":\"NONE\",\"body\":\"x\"}}", 1),
            line("PullRequestEvent", carol, "{\"action\":\"opened\",\"number\":2,\"pull_request\":"
                + "{\"id\":6,\"number\":2,\"state\":\"open\",\"user\":{\"login\":\"carol\",\"id\":103},"
                + "\"labels\":[" + label(3, "dependencies") + "],\"draft\":false,"
                + "\"base\":{\"ref\":\"main\"},\"author_association\":\"MEMBER\",\"merged\":false}}", 2),
            // Opened without labels: an empty array.
            line("IssuesEvent", alice, "{\"action\":\"opened\",\"issue\":{\"number\":4,"
                + "\"labels\":[],\"author_association\":\"NONE\"}}", 3),
            line("IssuesEvent", carol, "{\"action\":\"labeled\",\"issue\":{\"number\":1,"
                + "\"labels\":[" + label(2, "bug") + "]},\"label\":" + label(2, "bug") + "}", 4),
            line("IssuesEvent", carol, "{\"action\":\"unlabeled\",\"issue\":{\"number\":1,"
                + "\"labels\":[]},\"label\":" + label(1, "needs triage") + "}", 5),
            line("PullRequestEvent", carol, "{\"action\":\"labeled\",\"number\":2,\"pull_request\":"
                + "{\"number\":2,\"labels\":[]},\"label\":" + label(4, "size/S") + "}", 6),
            line("PullRequestEvent", carol, "{\"action\":\"unlabeled\",\"number\":2,\"pull_request\":"
                + "{\"number\":2,\"labels\":[]},\"label\":" + label(3, "dependencies") + "}", 7),
            // An IssuesEvent about a pull request's label is that pull request's label change.
            line("IssuesEvent", carol, "{\"action\":\"labeled\",\"issue\":{\"number\":2,"
                + "\"pull_request\":{\"url\":\"https://api.github.com/repos/acme/widget/pulls/2\"}},"
                + "\"label\":" + label(5, "ready") + "}", 8),
            // No label: unmappable, counted.
            line("IssuesEvent", carol, "{\"action\":\"labeled\",\"issue\":{\"number\":1}}", 9));
    GhArchiveReaderTest.Read r =
        GhArchiveReaderTest.read(text.getBytes(StandardCharsets.UTF_8));
    Actor a = user("alice", 101);
    Actor c = user("carol", 103);
    assertEquals(
        List.of(
            new IssueOpened(
                at(1), W, a, 1, Optional.of(AuthorAssociation.NONE), List.of("bug", "needs triage")),
            new PullRequestOpened(
                at(2), W, c, 2, false, Optional.of("main"), Optional.of(AuthorAssociation.MEMBER),
                List.of("dependencies")),
            new IssueOpened(at(3), W, a, 4, Optional.of(AuthorAssociation.NONE)),
            new LabelChanged(at(4), W, c, 1, false, "bug", true),
            new LabelChanged(at(5), W, c, 1, false, "needs triage", false),
            new LabelChanged(at(6), W, c, 2, true, "size/S", true),
            new LabelChanged(at(7), W, c, 2, true, "dependencies", false),
            new LabelChanged(at(8), W, c, 2, true, "ready", true)),
        r.events);
    assertEquals(Map.of("IssuesEvent", 1L), r.report.unmappable());
    assertEquals(Map.of(), r.report.notMapped());
    assertEquals(2, r.report.mapped(EventType.ISSUE_LABELED) + r.report.mapped(EventType.ISSUE_UNLABELED));
    assertEquals(2, r.report.mapped(EventType.PULL_REQUEST_LABELED));
    assertTrue(r.report.isClean());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }
}
