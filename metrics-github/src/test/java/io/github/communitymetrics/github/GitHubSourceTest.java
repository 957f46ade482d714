package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.CommunityMetricsException;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.forge.AuthenticationException;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubSourceTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO =
      new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));

  @TempDir Path dir;

  private static GitHubSource source(HttpSender sender) {
    return GitHubSource.builder()
        .apiUrl(URI.create(FakeGitHub.BASE))
        .token(Token.of("tok-123456", "TEST"))
        // FakeGitHub serves REST only; GraphQL reviews are GraphQlReviewsTest's.
        .reviewsApi(ReviewsApi.REST)
        .sender(sender)
        .build();
  }

  @Test
  void mapsStarsAndForksInOrderWithOneRequestPerHundredItems() {
    FakeGitHub gh = new FakeGitHub(250, 101);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gh)
            .fetch(
                TARGET,
                FetchOptions.all().withResources(EnumSet.of(GitHubResource.STARGAZERS, GitHubResource.FORKS)),
                events::add);

    // 1 metadata + ceil(250/100)=3 star pages + ceil(101/100)=2 fork pages.
    assertEquals(6, report.requests().requests());
    assertEquals(Map.of(GitHubResource.STARGAZERS, 250L, GitHubResource.FORKS, 101L), report.items());
    assertEquals(List.of(REPO), report.repositories());
    assertEquals(351, events.size());
    assertEquals(
        new Star(
            FakeGitHub.BASE_TIME.plusSeconds(3600),
            REPO,
            new Actor(Forge.GITHUB, Optional.of("u1"), OptionalLong.of(1), Optional.empty(), List.of(), ActorKind.USER)),
        events.get(0));
    Star fifth = (Star) events.get(4);
    assertEquals(ActorKind.BOT, fifth.actor().kind());
    assertEquals(Optional.of("u5[bot]"), fifth.actor().login());
    assertEquals(
        new Fork(
            FakeGitHub.BASE_TIME.plusSeconds(60 * 101),
            REPO,
            new Actor(Forge.GITHUB, Optional.of("u101"), OptionalLong.of(101), Optional.empty(), List.of(), ActorKind.USER),
            Optional.of("u101/widget")),
        events.get(350));
    assertEquals("Bearer tok-123456", gh.requests.get(0).headers().get("Authorization"));
  }

  @Test
  void issuesAndPullRequestsAreTold() {
    List<Event> events = new ArrayList<>();
    source(new FakeGitHub(0, 0, 4))
        .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUES)), events::add);
    assertEquals(4, events.size());
    assertTrue(events.get(0) instanceof IssueOpened);
    PullRequestOpened pr = (PullRequestOpened) events.get(1);
    assertEquals(2, pr.number());
    assertEquals(Optional.of(AuthorAssociation.CONTRIBUTOR), pr.association());
    assertEquals(Optional.of("u3"), pr.actor().login());
  }

  @Test
  void commentsOnIssuesPullRequestsAndDiffs() {
    List<Event> events = new ArrayList<>();
    source(new FakeGitHub(0, 0, 2))
        .fetch(
            TARGET,
            FetchOptions.all()
                .withResources(EnumSet.of(GitHubResource.ISSUE_COMMENTS, GitHubResource.REVIEW_COMMENTS)),
            events::add);
    Actor u2 = new Actor(Forge.GITHUB, Optional.of("u2"), OptionalLong.of(2), Optional.empty(), List.of(), ActorKind.USER);
    Actor u1 = new Actor(Forge.GITHUB, Optional.of("u1"), OptionalLong.of(1), Optional.empty(), List.of(), ActorKind.USER);
    assertEquals(
        List.of(
            new IssueComment(FakeGitHub.BASE_TIME.plusSeconds(90), REPO, u1, 1, false, Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(9001)),
            new IssueComment(FakeGitHub.BASE_TIME.plusSeconds(150), REPO, u1, 2, true, Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(9002)),
            new ReviewComment(FakeGitHub.BASE_TIME.plusSeconds(160), REPO, u2, 2, Optional.empty(), OptionalLong.of(8002))),
        events);
  }

  @Test
  void anOwnerTargetReadsEachOfItsRepositories() {
    List<Event> byRepo = new ArrayList<>();
    FetchReport repoReport = source(new FakeGitHub(120, 2, 3)).fetch(TARGET, FetchOptions.all(), byRepo::add);
    List<Event> byOwner = new ArrayList<>();
    FetchReport ownerReport =
        source(new FakeGitHub(120, 2, 3)).fetch(GitHubTarget.parse("acme"), FetchOptions.all(), byOwner::add);
    assertEquals(byRepo, byOwner);
    assertEquals(List.of(REPO), ownerReport.repositories());
    // One more request: the owner's repository list.
    assertEquals(repoReport.requests().requests() + 1, ownerReport.requests().requests());
  }

  @Test
  void onlyTheChosenResourcesAreRead() {
    FakeGitHub gh = new FakeGitHub(5, 5);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gh)
            .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.FORKS)), events::add);
    assertEquals(5, events.size());
    assertTrue(events.stream().allMatch(e -> e instanceof Fork));
    assertEquals(2, report.requests().requests());
  }

  /** Kills the fetch (an unchecked failure the client does not retry) at request number N. */
  private static HttpSender killedAfter(HttpSender delegate, int requests) {
    int[] sent = {0};
    return request -> {
      if (++sent[0] > requests) {
        throw new IllegalStateException("killed");
      }
      return delegate.send(request);
    };
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void killAndResumeEqualsAnUninterruptedRun(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int stars = random.nextInt(0, 450);
    int forks = random.nextInt(0, 250);
    int issues = random.nextInt(0, 350);
    List<Event> clean = new ArrayList<>();
    FetchReport cleanReport =
        source(new FakeGitHub(stars, forks, issues)).fetch(TARGET, FetchOptions.all(), clean::add);

    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir.resolve("cp" + seed));
    FakeGitHub gh = new FakeGitHub(stars, forks, issues);
    List<Event> resumed = new ArrayList<>();
    int kills = 0;
    while (true) {
      // A restart costs the metadata request and a re-read of each finished resource's last page;
      // the issue events (up to 6 pages here) are read whole or not at all; releases and commits
      // (none here) cost a page each; reviews one request per pull request, its cursor saved after each.
      int budget = random.nextInt(1, 24);
      try {
        source(killedAfter(gh, budget)).fetch(TARGET, options, resumed::add);
        break;
      } catch (IllegalStateException e) {
        kills++;
        assertTrue(kills < 1000, "seed " + seed + ": no progress");
      }
    }
    assertEquals(multiset(clean), multiset(resumed), "seed " + seed + " after " + kills + " kills");
    assertEquals(clean.size(), resumed.size(), "seed " + seed);
    // Issue events: per three issues one close or merge; a reopening of every ninth unless merged.
    long changes = issues / 3 + issues / 9 - issues / 36;
    // Reviews: two submitted on every fourth issue (a pull request).
    changes += 2 * (issues / 4);
    assertEquals(stars + forks + issues + issues + issues / 2 + changes, cleanReport.items().values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void aLaterFetchWithTheSameCheckpointReadsOnlyNewItems() {
    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir);
    FakeGitHub gh = new FakeGitHub(150, 3, 100);
    List<Event> first = new ArrayList<>();
    source(gh).fetch(TARGET, options, first::add);
    // 150 stars, 3 forks, 100 issues with a comment each, 50 pull requests with a review comment,
    // 33 closes or merges (issues 3, 6, ..., 99), 9 reopenings (9, 18, ..., 99 but 36 and 72)
    // and 2 reviews on each of the 25 pull requests 4, 8, ..., 100.
    assertEquals(495, first.size());

    gh.stargazers.add(151);
    gh.stargazers.add(152);
    gh.forks.add(1004);
    gh.issues.add(101);
    List<Event> second = new ArrayList<>();
    FetchReport report = source(gh).fetch(TARGET, options, second::add);
    // The new star, star, fork, issue and the new issue's comment.
    assertEquals(5, second.size(), second.toString());
    assertEquals(Optional.of("u151"), second.get(0).actor().login());
    assertEquals(
        new IssueOpened(
            FakeGitHub.BASE_TIME.plusSeconds(60 * 101),
            REPO,
            new Actor(Forge.GITHUB, Optional.of("u4"), OptionalLong.of(4), Optional.empty(), List.of(), ActorKind.USER),
            101,
            Optional.of(AuthorAssociation.CONTRIBUTOR)),
        second.get(3));
    // Metadata, then the last page of each of the 5 resources again (nothing before them); the 100
    // issues and their 100 comments filled their last pages exactly, so the new ones are on
    // further pages: two requests more. The issue events (newest first) cost their first page,
    // which already reaches the saved newest event; the empty releases and commits one page each;
    // the pulls list its last page, whose 50 pull requests were all read (no review requests).
    assertEquals(12, report.requests().requests());
  }

  @Test
  void errorsAreTypedAndNeverShowTheToken() {
    HttpSender refusing =
        request -> new ForgeResponse(401, request.uri(), Map.of(), "{\"message\":\"Bad credentials tok-123456\"}");
    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> source(refusing).fetch(TARGET, FetchOptions.all(), x -> {}));
    assertFalse(e.getMessage().contains("tok-123456"), e.getMessage());
    assertTrue(e.getMessage().contains(FakeGitHub.BASE + "/repos/acme/widget"), e.getMessage());
    assertThrows(
        NotFoundException.class,
        () -> source(new FakeGitHub(1, 1)).fetch(GitHubTarget.parse("acme/other"), FetchOptions.all(), x -> {}));
    assertFalse(source(refusing).toString().contains("tok-123456"));
  }

  @Test
  void malformedPagesNameTheUrl() {
    HttpSender broken =
        request ->
            request.uri().getPath().endsWith("/widget")
                ? new ForgeResponse(200, request.uri(), Map.of(), "{\"id\": 7, \"full_name\": \"acme/widget\"}")
                : new ForgeResponse(200, request.uri(), Map.of(), "[{\"starred_at\": \"yesterday\", \"user\": {\"login\": \"a\"}}]");
    CommunityMetricsException e =
        assertThrows(CommunityMetricsException.class, () -> source(broken).fetch(TARGET, FetchOptions.all(), x -> {}));
    assertTrue(e.getMessage().contains("/stargazers?per_page=100"), e.getMessage());
  }

  @Test
  void tokensFromTheEnvironmentAndEnterpriseGraphQl() {
    GitHubSource s =
        GitHubSource.builder()
            .apiUrl(URI.create("https://ghe.example/api/v3"))
            .tokensFromEnvironment(Map.of("GITHUB_TOKEN", "envsecret1", "GH_TOKEN", "envsecret1"))
            .build();
    assertEquals(URI.create("https://ghe.example/api/graphql"), s.graphQlUrl());
    assertEquals(URI.create("https://api.github.com/graphql"), GitHubSource.builder().build().graphQlUrl());
    assertEquals("GitHubSource[https://ghe.example/api/v3, [Token[GITHUB_TOKEN, ****]]]", s.toString());
  }

  @Test
  void targets() {
    assertEquals(new GitHubTarget("acme", Optional.of("widget")), TARGET);
    assertTrue(GitHubTarget.parse("acme").isOwner());
    assertThrows(IllegalArgumentException.class, () -> GitHubTarget.parse("a/b/c"));
    assertThrows(IllegalArgumentException.class, () -> GitHubTarget.parse("-bad"));
    assertThrows(IllegalArgumentException.class, () -> GitHubTarget.parse("acme/.."));
  }

  static Map<Event, Long> multiset(List<Event> events) {
    return Collections.unmodifiableMap(
        events.stream().collect(Collectors.groupingBy(e -> e, HashMap::new, Collectors.counting())));
  }
}
