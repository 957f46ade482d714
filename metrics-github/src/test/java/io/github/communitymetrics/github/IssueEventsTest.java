package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.github.internal.Mapping;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closes, reopenings and merges from the issue-events list, and deleted accounts. */
class IssueEventsTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));
  private static final FetchOptions EVENTS =
      FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUE_EVENTS));

  @TempDir Path dir;

  private static GitHubSource source(HttpSender sender) {
    return GitHubSource.builder().apiUrl(URI.create(FakeGitHub.BASE)).sender(sender).build();
  }

  private static Actor user(int id) {
    return new Actor(Forge.GITHUB, Optional.of("u" + id), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
  }

  private static Instant at(long seconds) {
    return FakeGitHub.BASE_TIME.plusSeconds(seconds);
  }

  @Test
  void closesReopeningsAndMergesOldestFirstWithTheMergeCloseFolded() {
    FakeGitHub gh = new FakeGitHub(0, 0, 12);
    List<Event> events = new ArrayList<>();
    FetchReport report = source(gh).fetch(TARGET, EVENTS, events::add);
    // By FakeGitHub.issueEvents: #3 closed (issue), #6 closed (pull request by u7 = 6 % 7 + 1),
    // #9 closed and reopened by u4, #12 merged by u3 (author u6) and its close folded; each at
    // 60 number + 50 + k seconds.
    assertEquals(
        List.of(
            new IssueClosed(at(231), REPO, user(3), 3),
            new PullRequestClosed(at(411), REPO, user(3), 6, Optional.of(user(7))),
            new IssueClosed(at(591), REPO, user(3), 9),
            new IssueReopened(at(593), REPO, user(4), 9),
            new PullRequestMerged(
                at(771), REPO, user(3), 12, Optional.of(user(6)), Optional.empty(), Optional.of("abcdef012"))),
        events);
    assertEquals(1, report.mergeClosesFolded());
    assertEquals(Map.of(GitHubResource.ISSUE_EVENTS, 5L), report.items());
    // Metadata and one page: 12 labels and 7 state changes are 19 events.
    assertEquals(2, report.requests().requests());
  }

  @Test
  void aLaterFetchEmitsOnlyNewChangesAndStillFoldsTheMergeClose() {
    FetchOptions options = EVENTS.withCheckpointDirectory(dir);
    FakeGitHub gh = new FakeGitHub(0, 0, 110);
    List<Event> first = new ArrayList<>();
    source(gh).fetch(TARGET, options, first::add);
    // 36 closes or merges (3, 6, ..., 108); 12 multiples of 9, of which 36, 72 and 108 were merged,
    // so 9 reopenings.
    assertEquals(36 + 12 - 3, first.size());

    gh.issues.add(111);
    gh.issues.add(112);
    gh.issues.add(113);
    gh.issues.add(114);
    gh.issues.add(115);
    gh.issues.add(116);
    gh.issues.add(117);
    gh.issues.add(118);
    gh.issues.add(119);
    gh.issues.add(120);
    List<Event> second = new ArrayList<>();
    FetchReport report = source(gh).fetch(TARGET, options, second::add);
    // #111 closed, #114 (pull request) closed, #117 closed and reopened, #120 merged.
    assertEquals(
        List.of(
            new IssueClosed(at(60 * 111 + 51), REPO, user(3), 111),
            new PullRequestClosed(at(60 * 114 + 51), REPO, user(3), 114, Optional.of(user(114 % 7 + 1))),
            new IssueClosed(at(60 * 117 + 51), REPO, user(3), 117),
            new IssueReopened(at(60 * 117 + 53), REPO, user(4), 117),
            new PullRequestMerged(
                at(60 * 120 + 51), REPO, user(3), 120, Optional.of(user(120 % 7 + 1)), Optional.empty(),
                Optional.of("abcdef0120"))),
        second);
    assertEquals(1, report.mergeClosesFolded());
    // 10 new issues have 10 labels and 6 state changes: the 16 newest fill part of page 1, which
    // reaches the saved event; metadata and one page.
    assertEquals(2, report.requests().requests());

    List<Event> third = new ArrayList<>();
    assertEquals(2, source(gh).fetch(TARGET, options, third::add).requests().requests());
    assertEquals(List.of(), third);
  }

  @Test
  void itemsOfDeletedAccountsAreAttributedToGhostAndCounted() {
    HttpSender sender =
        request -> {
          String path = request.uri().getRawPath();
          String body =
              path.equals("/repos/acme/widget")
                  ? "{\"id\": 7, \"full_name\": \"acme/widget\"}"
                  : "[{\"id\": 1, \"number\": 1, \"created_at\": \"2020-01-01T00:00:00Z\", \"user\": null},"
                      + " {\"id\": 2, \"number\": 2, \"created_at\": \"2020-01-02T00:00:00Z\", \"user\": "
                      + FakeGitHub.user(1) + "}]";
          return new ForgeResponse(200, request.uri(), Map.of(), body);
        };
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(sender).fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUES)), events::add);
    Actor ghost =
        new Actor(Forge.GITHUB, Optional.of("ghost"), OptionalLong.of(10137), Optional.empty(), List.of(), ActorKind.USER);
    assertEquals(ghost, Mapping.GHOST);
    assertEquals(
        List.of(
            new IssueOpened(Instant.parse("2020-01-01T00:00:00Z"), REPO, ghost, 1, Optional.empty()),
            new IssueOpened(Instant.parse("2020-01-02T00:00:00Z"), REPO, user(1), 2, Optional.empty())),
        events);
    assertEquals(1, report.ghostActors());
  }
}
