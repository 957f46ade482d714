package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Head repositories, closing references and assignments from GH Archive, on lines in the Events
 * API shape (pull request objects with {@code head.repo} as GitHub sends it, null once the fork is
 * deleted; the 2012 head repository without {@code full_name}; {@code payload.assignee}).
 */
class GhArchivePullRequestLinksTest {
  private static final Repository W = GhArchiveLabelsTest.W;

  private static String actor(String login, long id) {
    return GhArchiveLabelsTest.actor(login, id);
  }

  private static String user(String login, long id) {
    return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"node_id\":\"MDQ6VXNlcj" + id
        + "\",\"type\":\"User\",\"site_admin\":false}";
  }

  private static String repository(long id, String owner, long ownerId, String name) {
    return "{\"id\":" + id + ",\"node_id\":\"MDEwOlJlcG9zaXRvcnk" + id + "\",\"name\":\"" + name
        + "\",\"full_name\":\"" + owner + "/" + name + "\",\"private\":false,\"owner\":"
        + user(owner, ownerId) + ",\"fork\":" + !owner.equals("acme") + "}";
  }

  /** A pull request object; {@code headRepo} is a repository object or {@code null}. */
  private static String pull(int number, String login, long id, String headRepo, String title, String body) {
    return "{\"url\":\"https://api.github.com/repos/acme/widget/pulls/" + number + "\",\"id\":" + (600 + number)
        + ",\"number\":" + number + ",\"state\":\"open\",\"locked\":false,\"title\":\"" + title + "\","
        + "\"user\":" + user(login, id) + ",\"body\":" + body + ",\"labels\":[],\"draft\":false,"
        + "\"head\":{\"label\":\"" + login + ":topic\",\"ref\":\"topic\",\"sha\":\"f228afb744865702496c50266dba0eda5fe02f31\","
        + "\"user\":" + user(login, id) + ",\"repo\":" + headRepo + "},"
        + "\"base\":{\"label\":\"acme:main\",\"ref\":\"main\",\"sha\":\"0123456789abcdef0123456789abcdef01234567\","
        + "\"user\":" + user("acme", 1) + ",\"repo\":" + repository(9, "acme", 1, "widget") + "},"
        + "\"author_association\":\"CONTRIBUTOR\",\"merged\":false}";
  }

  private static String line(String type, String actor, String payload, int second) {
    return GhArchiveLabelsTest.line(type, actor, payload, second);
  }

  private static Actor github(String login, long id) {
    return GhArchiveLabelsTest.user(login, id);
  }

  private static Instant at(int second) {
    return GhArchiveLabelsTest.at(second);
  }

  private static PullRequestOpened opened(
      int second, Actor who, int number, Optional<String> head, List<Integer> closes) {
    return new PullRequestOpened(
        at(second), W, who, number, false, Optional.of("main"),
        Optional.of(AuthorAssociation.CONTRIBUTOR), List.of(), head, closes);
  }

  @Test
  void headRepositoriesAndClosingReferencesOfOpenedPullRequests() {
    String alice = actor("alice", 101);
    String bob = actor("bob", 102);
    String text =
        String.join(
            "\n",
            // From a fork, closing two issues (one in the title), naming another repository's too.
            line("PullRequestEvent", alice, "{\"action\":\"opened\",\"number\":2,\"pull_request\":"
                + pull(2, "alice", 101, repository(77, "alice", 101, "widget"), "Fix #1: crash",
                    "\"This resolves #5.\\r\\n\\r\\nCloses other/lib#6, see #7.\"") + "}", 1),
            // From a branch of the repository itself, without a description.
            line("PullRequestEvent", bob, "{\"action\":\"opened\",\"number\":3,\"pull_request\":"
                + pull(3, "bob", 102, repository(9, "acme", 1, "widget"), "Tidy", "null") + "}", 2),
            // The fork was deleted: GitHub sends head.repo null.
            line("PullRequestEvent", alice, "{\"action\":\"opened\",\"number\":4,\"pull_request\":"
                + pull(4, "alice", 101, "null", "Docs", "\"fixes acme/widget#8\"") + "}", 3),
            // 2012: a head repository with name and owner but no full_name.
            line("PullRequestEvent", bob, "{\"action\":\"opened\",\"number\":5,\"pull_request\":"
                + pull(5, "bob", 102, "{\"id\":78,\"name\":\"widget\",\"owner\":{\"login\":\"bob\",\"id\":102},\"fork\":true}",
                    "x", "\"\"") + "}", 4));
    GhArchiveReaderTest.Read r = GhArchiveReaderTest.read(text.getBytes(StandardCharsets.UTF_8));
    Actor a = github("alice", 101);
    Actor b = github("bob", 102);
    assertEquals(
        List.of(
            opened(1, a, 2, Optional.of("alice/widget"), List.of(1, 5)),
            opened(2, b, 3, Optional.of("acme/widget"), List.of()),
            opened(3, a, 4, Optional.empty(), List.of(8)),
            opened(4, b, 5, Optional.of("bob/widget"), List.of())),
        r.events);
    assertTrue(((PullRequestOpened) r.events.get(0)).fromOtherRepository());
    assertTrue(r.report.isClean());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }

  @Test
  void assignedActionsAreAssignments() {
    String carol = actor("carol", 103);
    String text =
        String.join(
            "\n",
            line("IssuesEvent", carol, "{\"action\":\"assigned\",\"issue\":{\"number\":1,"
                + "\"title\":\"Crash\",\"user\":" + user("alice", 101) + ",\"assignee\":" + user("dave", 104)
                + ",\"assignees\":[" + user("dave", 104) + "],\"author_association\":\"NONE\"},"
                + "\"assignee\":" + user("dave", 104) + "}", 1),
            // Assigning oneself.
            line("IssuesEvent", actor("dave", 104), "{\"action\":\"assigned\",\"issue\":{\"number\":7},"
                + "\"assignee\":" + user("dave", 104) + "}", 2),
            // On a pull request, through either event type: the same value.
            line("PullRequestEvent", carol, "{\"action\":\"assigned\",\"number\":2,\"pull_request\":"
                + "{\"number\":2},\"assignee\":" + user("carol", 103) + "}", 3),
            line("IssuesEvent", carol, "{\"action\":\"assigned\",\"issue\":{\"number\":2,"
                + "\"pull_request\":{\"url\":\"https://api.github.com/repos/acme/widget/pulls/2\"}},"
                + "\"assignee\":" + user("carol", 103) + "}", 3),
            // No assignee: unmappable, counted.
            line("IssuesEvent", carol, "{\"action\":\"assigned\",\"issue\":{\"number\":1}}", 4),
            // Unassignments are not modelled.
            line("IssuesEvent", carol, "{\"action\":\"unassigned\",\"issue\":{\"number\":1},"
                + "\"assignee\":" + user("dave", 104) + "}", 5));
    GhArchiveReaderTest.Read r = GhArchiveReaderTest.read(text.getBytes(StandardCharsets.UTF_8));
    Actor c = github("carol", 103);
    Actor d = github("dave", 104);
    assertEquals(
        List.of(
            new IssueAssigned(at(1), W, c, 1, false, d),
            new IssueAssigned(at(2), W, d, 7, false, d),
            new IssueAssigned(at(3), W, c, 2, true, c),
            new IssueAssigned(at(3), W, c, 2, true, c)),
        r.events);
    assertEquals(4, r.report.mapped(EventType.ISSUE_ASSIGNED));
    assertEquals(Map.of("IssuesEvent", 1L), r.report.unmappable());
    assertEquals(Map.of("IssuesEvent:unassigned", 1L), r.report.notMapped());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }
}
