package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.forge.HttpSender;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews, and releases and commits (which GitHub lists newest first). */
class ReviewsReleasesCommitsTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));

  @TempDir Path dir;

  private static GitHubSource source(HttpSender sender) {
    return GitHubSource.builder().apiUrl(URI.create(FakeGitHub.BASE)).sender(sender).build();
  }

  private static Actor user(int id) {
    return new Actor(Forge.GITHUB, Optional.of("u" + id), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
  }

  @Test
  void submittedReviewsOfEachPullRequestWithOneRequestPerPullRequest() {
    FakeGitHub gh = new FakeGitHub(0, 0, 8);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gh).fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.REVIEWS)), events::add);
    // Pull requests 2, 4, 6, 8 (authors u3, u5[bot], u7, u2); reviews on 4 and 8, pending ones left out.
    Actor bot5 =
        new Actor(Forge.GITHUB, Optional.of("u5[bot]"), OptionalLong.of(5), Optional.empty(), List.of(), ActorKind.BOT);
    assertEquals(
        List.of(
            new Review(FakeGitHub.BASE_TIME.plusSeconds(260), REPO, user(4), 4, ReviewState.COMMENTED,
                Optional.of(bot5), Optional.empty(), OptionalLong.of(60040)),
            new Review(FakeGitHub.BASE_TIME.plusSeconds(265), REPO, user(3), 4, ReviewState.APPROVED,
                Optional.of(bot5), Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(60041)),
            new Review(FakeGitHub.BASE_TIME.plusSeconds(500), REPO, user(4), 8, ReviewState.COMMENTED,
                Optional.of(user(2)), Optional.empty(), OptionalLong.of(60080)),
            new Review(FakeGitHub.BASE_TIME.plusSeconds(505), REPO, user(3), 8, ReviewState.APPROVED,
                Optional.of(user(2)), Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(60081))),
        events);
    // Metadata, the pulls list, and one reviews request per pull request.
    assertEquals(1 + 1 + 4, report.requests().requests());
  }

  @Test
  void publishedReleasesOldestFirstAndDraftsLeftOut() {
    FakeGitHub gh = new FakeGitHub(0, 0);
    gh.releases = 5;
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gh).fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.RELEASES)), events::add);
    // By FakeGitHub.release: 1..4 published on days 1..4 by u1; 3 unnamed, 4 a pre-release, 5 a draft.
    assertEquals(
        List.of(
            new Release(FakeGitHub.BASE_TIME.plusSeconds(86400), REPO, user(1), "v1", Optional.of("R1"), false),
            new Release(FakeGitHub.BASE_TIME.plusSeconds(2 * 86400), REPO, user(1), "v2", Optional.of("R2"), false),
            new Release(FakeGitHub.BASE_TIME.plusSeconds(3 * 86400), REPO, user(1), "v3", Optional.empty(), false),
            new Release(FakeGitHub.BASE_TIME.plusSeconds(4 * 86400), REPO, user(1), "v4", Optional.of("R4"), true)),
        events);
    assertEquals(Map.of(GitHubResource.RELEASES, 4L), report.items());
  }

  @Test
  void commitsOldestFirstWithLinkedAccountsOrGitIdentities() {
    FakeGitHub gh = new FakeGitHub(0, 0);
    gh.commits = 2;
    List<Event> events = new ArrayList<>();
    source(gh).fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.COMMITS)), events::add);
    Signature author1 = new Signature("Dev 1", "d1@example.org", FakeGitHub.BASE_TIME.plusSeconds(3600));
    Signature author2 = new Signature("Dev 2", "d2@example.org", FakeGitHub.BASE_TIME.plusSeconds(7200));
    assertEquals(
        List.of(
            new Commit(
                author1.time(), REPO, Actor.git("Dev 1", "d1@example.org"),
                "0000000000000000000000000000000000000001", List.of(), author1,
                new Signature("CI", "ci@example.org", FakeGitHub.BASE_TIME.plusSeconds(7200)), List.of(), List.of()),
            new Commit(
                author2.time(), REPO, user(2),
                "0000000000000000000000000000000000000002", List.of("0000000000000000000000000000000000000001"), author2,
                new Signature("CI", "ci@example.org", FakeGitHub.BASE_TIME.plusSeconds(10800)), List.of(), List.of())),
        events);
  }

  @Test
  void sinceDropsEarlierEventsAndIsSentToTheCommitsList() {
    FakeGitHub gh = new FakeGitHub(10, 0);
    gh.commits = 10;
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gh)
            .fetch(
                TARGET,
                FetchOptions.all()
                    .withResources(EnumSet.of(GitHubResource.STARGAZERS, GitHubResource.COMMITS))
                    .withSince(FakeGitHub.BASE_TIME.plusSeconds(5 * 3600)),
                events::add);
    // Stars 5..10 (at i hours); GitHub returns commits committed from 5 h on (4..10, committed at
    // i + 1 hours), of which 5..10 were authored from 5 h on. Before since: 4 stars, commit 4.
    assertEquals(Map.of(GitHubResource.STARGAZERS, 6L, GitHubResource.COMMITS, 6L), report.items());
    assertEquals(5, report.beforeSince());
    assertEquals(12, events.size());
    assertEquals(FakeGitHub.sha(5), ((Commit) events.get(6)).sha());
    assertEquals(
        "since=" + FakeGitHub.BASE_TIME.plusSeconds(5 * 3600),
        gh.requests.get(gh.requests.size() - 1).uri().getRawQuery().replaceAll(".*&", ""));
  }

  @Test
  void aLaterFetchReadsOnlyTheNewCommitsAcrossPages() {
    FetchOptions options =
        FetchOptions.all().withResources(EnumSet.of(GitHubResource.COMMITS)).withCheckpointDirectory(dir);
    FakeGitHub gh = new FakeGitHub(0, 0);
    gh.commits = 250;
    List<Event> first = new ArrayList<>();
    FetchReport firstReport = source(gh).fetch(TARGET, options, first::add);
    assertEquals(250, first.size());
    // Metadata and three pages of 100, 100 and 50.
    assertEquals(4, firstReport.requests().requests());
    assertEquals("0000000000000000000000000000000000000001", ((Commit) first.get(0)).sha());

    gh.commits = 380;
    List<Event> second = new ArrayList<>();
    FetchReport report = source(gh).fetch(TARGET, options, second::add);
    // Commits 251..380, oldest first: the newest 130 span pages 1 and 2; the saved commit 250 is
    // the 131st item, on page 2.
    assertEquals(130, second.size());
    assertEquals(FakeGitHub.sha(251), ((Commit) second.get(0)).sha());
    assertEquals(FakeGitHub.sha(380), ((Commit) second.get(129)).sha());
    assertEquals(3, report.requests().requests());

    List<Event> third = new ArrayList<>();
    assertEquals(2, source(gh).fetch(TARGET, options, third::add).requests().requests());
    assertEquals(List.of(), third);
  }
}
