package io.github.communitymetrics.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitLabSourceTest {
  private static final GitLabTarget TARGET = GitLabTarget.project("acme/widget");
  private static final Instant T0 = FakeGitLab.T0;
  @TempDir Path dir;

  private static GitLabSource source(HttpSender sender) {
    return GitLabSource.builder()
        .baseUrl(URI.create(FakeGitLab.BASE))
        .privateToken(Token.of("glpat-secret-123", "TEST"))
        .sender(sender)
        .sleeper(d -> {})
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static Map<EventType, Long> countByType(List<Event> events) {
    return events.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));
  }

  @Test
  void aProjectMapsEveryResource() {
    FakeGitLab gl = new FakeGitLab(250, 3, 7, 5);
    List<Event> events = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, FetchOptions.all(), events::add);
    // Worked out from FakeGitLab's rules: MRs 3, 6 merged and 2, 5 closed; issues 2, 4 closed and
    // 1, 5 reopened; each MR has a human note, a diff note and an approval.
    Map<EventType, Long> expected = new HashMap<>();
    expected.put(EventType.STAR, 250L);
    expected.put(EventType.FORK, 3L);
    expected.put(EventType.PULL_REQUEST_OPENED, 7L);
    expected.put(EventType.PULL_REQUEST_MERGED, 2L);
    expected.put(EventType.PULL_REQUEST_CLOSED, 2L);
    expected.put(EventType.ISSUE_COMMENT, 7L + 5L);
    expected.put(EventType.REVIEW_COMMENT, 7L);
    expected.put(EventType.REVIEW, 7L);
    expected.put(EventType.ISSUE_OPENED, 5L);
    expected.put(EventType.ISSUE_CLOSED, 2L);
    expected.put(EventType.ISSUE_REOPENED, 2L);
    expected.put(EventType.MEMBER_ADDED, 3L);
    assertEquals(expected, countByType(events));
    assertEquals(
        Map.of(
            "system_note", 7L,
            "system_note_state_listed", 4L,
            "member_below_developer", 1L,
            "member_without_time", 1L),
        report.skipped());
    Map<GitLabResource, Long> items = new HashMap<>(Map.of(
        GitLabResource.STARRERS, 250L, GitLabResource.FORKS, 3L, GitLabResource.MERGE_REQUESTS, 11L,
        GitLabResource.MERGE_REQUEST_NOTES, 21L, GitLabResource.ISSUES, 7L, GitLabResource.ISSUE_NOTES, 7L,
        GitLabResource.MEMBERS, 3L));
    items.put(GitLabResource.RELEASES, 0L);
    items.put(GitLabResource.COMMITS, 0L);
    items.put(GitLabResource.PUSHES, 0L);
    assertEquals(items, report.items());
    // 1 project + 3 starrer pages + forks + MRs + (MR list + 7 note lists) + issues + (1 + 5) +
    // members + releases + commits + pushes, and one state-events request, answered 404 (as before
    // GitLab 13.2): the project's other items are not asked, closes come from the lists and
    // reopenings from system notes; likewise one label-events request, answered 404.
    assertEquals(27, report.requests().requests());
    assertEquals(27, gl.requests.size());
    assertEquals(List.of("/api/v4/projects/7/merge_requests/1/resource_label_events"),
        gl.requests.stream().map(r -> r.uri().getPath()).filter(u -> u.endsWith("/resource_label_events")).toList());
    assertEquals(List.of("/api/v4/projects/7/merge_requests/1/resource_state_events"),
        gl.requests.stream().map(r -> r.uri().getPath()).filter(u -> u.endsWith("/resource_state_events")).toList());
    assertEquals("acme/widget", report.repositories().get(0).fullName());
    assertEquals(7L, report.repositories().get(0).id().getAsLong());
    assertTrue(events.stream().allMatch(e -> e.repo().forge().equals(Forge.GITLAB)));
  }

  @Test
  void commitsAndReleases() {
    FakeGitLab gl = new FakeGitLab(0, 0, 0, 0);
    gl.commits = 150;
    gl.releases = 5;
    FetchOptions options = FetchOptions.all()
        .withResources(EnumSet.of(GitLabResource.COMMITS, GitLabResource.RELEASES))
        .withCheckpointDirectory(dir);
    List<Event> events = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, options, events::add);
    List<Commit> commits = events.stream().filter(e -> e instanceof Commit).map(e -> (Commit) e).toList();
    assertEquals(150, commits.size());
    Commit c1 = commits.get(0);
    assertEquals(FakeGitLab.commitSha(1), c1.sha(), "emitted oldest first");
    assertEquals(T0.plusSeconds(3600), c1.at(), "authored_date");
    assertEquals(Actor.git("Dev 1", "dev1@example.org"), c1.actor());
    assertEquals(new Signature("CI", "ci@example.org", T0.plusSeconds(3660)), c1.committer());
    assertEquals(List.of(FakeGitLab.commitSha(1)), commits.get(1).parents());
    List<Release> releases = events.stream().filter(e -> e instanceof Release).map(e -> (Release) e).toList();
    // Releases 5, 3, 2, 1 (GitLab lists newest first); 4 is upcoming.
    assertEquals(List.of("v1.5", "v1.3", "v1.2", "v1.1"), releases.stream().map(Release::tag).toList());
    assertEquals(T0.plusSeconds(5 * 86400), releases.get(0).at());
    assertEquals(Optional.of("u5"), releases.get(0).actor().login());
    assertEquals(ActorKind.BOT, releases.get(0).actor().kind(), "user 5 has bot: true");
    assertEquals(Optional.of("Release 5"), releases.get(0).name());
    assertEquals(Map.of("release_upcoming", 1L), report.skipped());

    gl.commits = 160;
    gl.releases = 6;
    List<Event> later = new ArrayList<>();
    source(gl).fetch(TARGET, options, later::add);
    assertEquals(
        IntStream.rangeClosed(151, 160).mapToObj(FakeGitLab::commitSha).toList(),
        later.stream().filter(e -> e instanceof Commit).map(e -> ((Commit) e).sha()).toList());
    assertEquals(List.of("v1.6"),
        later.stream().filter(e -> e instanceof Release).map(e -> ((Release) e).tag()).toList());
    assertTrue(gl.requests.stream().anyMatch(r -> r.uri().toString().endsWith(
        "/projects/7/repository/commits?with_stats=false&all=false&per_page=100&page=2")),
        "the commits list is paginated");
  }

  @Test
  void pushesComeFromTheEventsApi() {
    FakeGitLab gl = new FakeGitLab(0, 0, 0, 0);
    gl.pushes = 130;
    FetchOptions options = FetchOptions.all()
        .withResources(EnumSet.of(GitLabResource.PUSHES)).withCheckpointDirectory(dir);
    List<Event> events = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, options, events::add);
    // 130 pushes, of which 18 (7, 14, ..., 126) removed a ref.
    assertEquals(112, events.size());
    assertEquals(Map.of("push_ref_removed", 18L), report.skipped());
    Push first = (Push) events.get(0);
    assertEquals(T0.plusSeconds(7200), first.at());
    assertEquals("refs/heads/main", first.ref());
    assertEquals(FakeGitLab.commitSha(1), first.headSha());
    assertEquals(1, first.commitCount());
    assertEquals(Optional.of("u2"), first.actor().login());
    Push tag = (Push) events.get(4);
    assertEquals("refs/tags/v0.5", tag.ref());
    gl.pushes = 140;
    List<Event> later = new ArrayList<>();
    source(gl).fetch(TARGET, options, later::add);
    // Pushes 131 to 140 but 133 and 140 (removed); the request started the day before push 130's.
    assertEquals(8, later.size());
    assertEquals(FakeGitLab.commitSha(131), ((Push) later.get(0)).headSha());
    String day = FakeGitLab.pushedAt(130).atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
    assertTrue(gl.requests.get(gl.requests.size() - 1).uri().toString().contains("&after=" + day + "&"),
        gl.requests.get(gl.requests.size() - 1).uri().toString());
  }

  @Test
  void anInstanceIgnoringUpdatedAfterFailsInsteadOfLooping() {
    FakeGitLab gl = new FakeGitLab(0, 0, 250, 0);
    // Drops updated_after and order_by=updated_at: the created_at-ordered list every time.
    HttpSender ignoring = request -> {
      String u = request.uri().toString();
      if (!u.contains("/merge_requests?")) {
        return gl.send(request);
      }
      String page = u.replaceAll(".*?(&page=\\d+)?$", "$1");
      ForgeResponse r = gl.send(ForgeRequest.get(URI.create(FakeGitLab.BASE
          + "/api/v4/projects/7/merge_requests?state=all&order_by=updated_at&sort=asc&per_page=100" + page)));
      List<String> items = new ArrayList<>(List.of(r.body().substring(1, r.body().length() - 1).split(",(?=\\{\"id\")")));
      java.util.Collections.reverse(items);
      return new ForgeResponse(r.status(), request.uri(), r.headers(), "[" + String.join(",", items) + "]");
    };
    // Once it failed ("does not advance"); an independent run against such a server read 100 of
    // 261 merge requests with exit 0. Now the order is checked and the list read by its pages.
    List<Event> events = new ArrayList<>();
    FetchReport report = source(ignoring).fetch(TARGET,
        FetchOptions.all().withResources(EnumSet.of(GitLabResource.MERGE_REQUESTS)), events::add);
    assertEquals(250, events.stream().filter(e -> e.type() == EventType.PULL_REQUEST_OPENED).count());
    assertEquals(events.size(), new java.util.HashSet<>(events).size(), "nothing twice");
    assertEquals(1L, report.skipped().get("list_order_not_kept_read_by_pages"));
  }

  @Test
  void aListOutOfOrderWithoutNextPageHeadersFailsRatherThanStoppingEarly() {
    FakeGitLab gl = new FakeGitLab(0, 0, 250, 0);
    HttpSender headerless = request -> {
      String u = request.uri().toString();
      if (!u.contains("/merge_requests?")) {
        return gl.send(request);
      }
      ForgeResponse r = gl.send(request);
      List<String> items = new ArrayList<>(List.of(r.body().substring(1, r.body().length() - 1).split(",(?=\\{\"id\")")));
      java.util.Collections.reverse(items);
      return new ForgeResponse(r.status(), request.uri(), java.util.Map.of(), "[" + String.join(",", items) + "]");
    };
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> source(headerless).fetch(TARGET,
            FetchOptions.all().withResources(EnumSet.of(GitLabResource.MERGE_REQUESTS)), x -> {}));
    assertTrue(e.getMessage().contains("no Link or X-Next-Page"), e.getMessage());
  }

  @Test
  void aGroupIsReadWithKeysetPagesOrOffsetPagesWhenRefused() {
    for (boolean refuse : new boolean[] {false, true}) {
      FakeGitLab gl = new FakeGitLab(1, 0, 0, 0);
      gl.refuseKeyset = refuse;
      FetchReport report = source(gl).fetch(GitLabTarget.group("acme"),
          FetchOptions.all().withResources(EnumSet.of(GitLabResource.STARRERS)), e -> {});
      assertEquals(List.of("acme/widget", "acme/sub/gadget"),
          report.repositories().stream().map(r -> r.fullName()).toList(), "refused: " + refuse);
      // Keyset: the first page and the one its Link names; refused: the one 405, then offset pages.
      assertEquals(refuse ? 1 : 2,
          gl.requests.stream().filter(r -> r.uri().toString().contains("pagination=keyset")).count());
      assertEquals(refuse ? 1 : 0,
          gl.requests.stream().filter(r -> r.uri().toString().endsWith("&sort=asc&per_page=100")).count());
    }
  }

  @Test
  void mappingDetails() {
    List<Event> events = new ArrayList<>();
    source(new FakeGitLab(10, 4, 3, 0)).fetch(TARGET, FetchOptions.all(), events::add);
    Star star6 = (Star) events.stream().filter(e -> e instanceof Star).skip(5).findFirst().orElseThrow();
    assertEquals(T0.plusSeconds(6 * 3600), star6.at());
    assertEquals(Optional.of("project_7_bot_3f2a"), star6.actor().login());
    assertEquals(ActorKind.BOT, star6.actor().kind(), "project access-token users are bots");
    Actor u5 = events.stream().filter(e -> e instanceof Star).skip(4).findFirst().orElseThrow().actor();
    assertEquals(ActorKind.BOT, u5.kind(), "bot: true");
    Actor u9 = events.stream().filter(e -> e instanceof Star).skip(8).findFirst().orElseThrow().actor();
    assertEquals(Optional.of("ghost"), u9.login());
    assertEquals(ActorKind.BOT, u9.kind(), "the ghost user");
    Actor u1 = events.get(0).actor();
    assertEquals(ActorKind.USER, u1.kind());
    assertEquals(Optional.of("User 1"), u1.name());

    List<Fork> forks = events.stream().filter(e -> e instanceof Fork).map(e -> (Fork) e).toList();
    assertEquals(Optional.of("u1/widget"), forks.get(0).forkFullName());
    assertEquals(T0.plusSeconds(60), forks.get(0).at());
    assertEquals(Optional.of("g4"), forks.get(3).actor().login());
    assertEquals(ActorKind.ORGANIZATION, forks.get(3).actor().kind());

    PullRequestMerged merged =
        (PullRequestMerged) events.stream().filter(e -> e instanceof PullRequestMerged).findFirst().orElseThrow();
    assertEquals(3, merged.number());
    assertEquals(T0.plusSeconds(1800 + 300), merged.at());
    assertEquals(Optional.of("u2"), merged.actor().login());
    assertEquals(Optional.of("u4"), merged.author().orElseThrow().login());
    assertEquals(Optional.of("0000000000000000000000000000000000000003"), merged.mergeCommitSha());
    assertEquals(Optional.of("main"), merged.baseBranch());

    Review review = (Review) events.stream().filter(e -> e instanceof Review).findFirst().orElseThrow();
    assertEquals(ReviewState.APPROVED, review.state());
    assertEquals(1, review.number());
    assertEquals(Optional.of("u4"), review.actor().login());
    assertEquals(Optional.of("u2"), review.pullRequestAuthor().orElseThrow().login());
    assertEquals(T0.plusSeconds(600 + 30), review.at());

    ReviewComment diff = (ReviewComment) events.stream().filter(e -> e instanceof ReviewComment).findFirst().orElseThrow();
    assertEquals(12L, diff.commentId().getAsLong());
    IssueComment comment = (IssueComment) events.stream().filter(e -> e instanceof IssueComment).findFirst().orElseThrow();
    assertTrue(comment.onPullRequest());
    assertEquals(11L, comment.commentId().getAsLong());

    List<MemberAdded> members = events.stream().filter(e -> e instanceof MemberAdded).map(e -> (MemberAdded) e).toList();
    assertEquals(List.of(Permission.WRITE, Permission.MAINTAIN, Permission.ADMIN),
        members.stream().map(MemberAdded::permission).toList());
    assertEquals(Optional.of("u11"), members.get(0).actor().login(), "no created_by: the member");
    assertEquals(Optional.of("u1"), members.get(1).actor().login(), "created_by");
    assertEquals(Optional.of("u12"), members.get(1).member().login());
  }

  @Test
  void aGroupReadsItsProjectsAndSubgroups() {
    FakeGitLab gl = new FakeGitLab(2, 1, 0, 0);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        source(gl).fetch(GitLabTarget.group("acme"),
            FetchOptions.all().withResources(EnumSet.of(GitLabResource.STARRERS)), events::add);
    assertEquals(List.of("acme/widget", "acme/sub/gadget"),
        report.repositories().stream().map(r -> r.fullName()).toList());
    assertEquals(4, events.size());
    assertEquals(2, events.stream().filter(e -> e.repo().fullName().equals("acme/sub/gadget")).count());
  }

  @Test
  void privateTokenIsSentButNeverShown() {
    FakeGitLab gl = new FakeGitLab(1, 0, 0, 0);
    GitLabSource source = source(gl);
    source.fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitLabResource.STARRERS)), e -> {});
    for (ForgeRequest r : gl.requests) {
      assertEquals("glpat-secret-123", r.headers().get("PRIVATE-TOKEN"));
      assertFalse(r.toString().contains("glpat-secret-123"), r.toString());
    }
    assertFalse(source.toString().contains("glpat-secret-123"), source.toString());
    NotFoundException e =
        assertThrows(NotFoundException.class,
            () -> source.fetch(GitLabTarget.project("acme/missing"), FetchOptions.all(), x -> {}));
    assertFalse(e.getMessage().contains("glpat-secret-123"), e.getMessage());
    assertTrue(e.getMessage().contains("acme%2Fmissing"), e.getMessage());
  }

  @Test
  void oauthAndEnvironmentTokens() {
    FakeGitLab gl = new FakeGitLab(1, 0, 0, 0);
    GitLabSource.builder().baseUrl(URI.create(FakeGitLab.BASE)).oauthToken(Token.of("oauth-xyz"))
        .sender(gl).build()
        .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitLabResource.FORKS)), e -> {});
    assertEquals("Bearer oauth-xyz", gl.requests.get(0).headers().get("Authorization"));
    FakeGitLab gl2 = new FakeGitLab(1, 0, 0, 0);
    GitLabSource env = GitLabSource.builder().baseUrl(URI.create(FakeGitLab.BASE))
        .tokenFromEnvironment(Map.of("GITLAB_TOKEN", " env-tok ")).sender(gl2).build();
    env.fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitLabResource.FORKS)), e -> {});
    assertEquals("env-tok", gl2.requests.get(0).headers().get("PRIVATE-TOKEN"));
    assertFalse(env.toString().contains("env-tok"), env.toString());
    assertEquals(URI.create("https://gitlab.example/api/v4"), env.apiUrl());
  }

  @Test
  void targetsAndResourcesAreChecked() {
    assertEquals("acme%2Fsub%2Fgadget", GitLabTarget.project("acme/sub/gadget").encoded());
    assertEquals("278964", GitLabTarget.project("278964").encoded());
    assertThrows(IllegalArgumentException.class, () -> GitLabTarget.project("acme//x"));
    assertThrows(IllegalArgumentException.class, () -> GitLabTarget.project("acme/x?y"));
    assertThrows(IllegalArgumentException.class, () -> GitLabTarget.group(""));
    assertEquals(GitLabResource.MERGE_REQUEST_NOTES, GitLabResource.fromWireName("merge_request_notes"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GitLabResource.fromWireName("stars"));
    assertTrue(e.getMessage().contains("starrers"), e.getMessage());
  }

  @Test
  void aValueTheCoreModelRefusesIsAMalformedResponseNamingTheUrl() {
    FakeGitLab gl = new FakeGitLab(0, 0, 3, 0);
    HttpSender badSha = request -> {
      ForgeResponse r = gl.send(request);
      return new ForgeResponse(
          r.status(), r.uri(), r.headers(), r.body().replace(FakeGitLab.sha(3), "not-a-sha"));
    };
    MalformedResponseException e =
        assertThrows(MalformedResponseException.class,
            () -> source(badSha).fetch(TARGET,
                FetchOptions.all().withResources(EnumSet.of(GitLabResource.MERGE_REQUESTS)), x -> {}));
    assertTrue(e.getMessage().contains("/projects/7/merge_requests"), e.getMessage());
    assertTrue(e.getMessage().contains("item 2"), e.getMessage());
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

  private static Map<Event, Long> multiset(List<Event> events) {
    return events.stream().collect(Collectors.groupingBy(e -> e, Collectors.counting()));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void killAndResumeEqualsAnUninterruptedRun(long seed) {
    killAndResume(seed, false);
  }

  /** The same on an instance with resource state events: closes and reopenings from them. */
  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43, 44, 45, 46})
  void killAndResumeWithStateEventsEqualsAnUninterruptedRun(long seed) {
    killAndResume(seed, true);
  }

  private void killAndResume(long seed, boolean stateEvents) {
    SplittableRandom random = new SplittableRandom(seed);
    int stars = random.nextInt(0, 320);
    int forks = random.nextInt(0, 220);
    int mrs = random.nextInt(0, 30);
    int issues = random.nextInt(0, 30);
    List<Event> clean = new ArrayList<>();
    FakeGitLab whole = new FakeGitLab(stars, forks, mrs, issues);
    whole.stateEvents = stateEvents;
    source(whole).fetch(TARGET, FetchOptions.all(), clean::add);

    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir.resolve("cp" + seed));
    FakeGitLab gl = new FakeGitLab(stars, forks, mrs, issues);
    gl.stateEvents = stateEvents;
    List<Event> resumed = new ArrayList<>();
    int kills = 0;
    while (true) {
      // A restart costs the project request and a re-read of each finished resource's last page (8).
      int budget = random.nextInt(1, 16);
      try {
        source(killedAfter(gl, budget)).fetch(TARGET, options, resumed::add);
        break;
      } catch (IllegalStateException e) {
        kills++;
        assertTrue(kills < 2000, "seed " + seed + ": no progress");
      }
    }
    assertEquals(multiset(clean), multiset(resumed), "seed " + seed + " after " + kills + " kills");
    assertEquals(clean.size(), resumed.size(), "seed " + seed);
    long expected = stars + forks + mrs + mrs / 3 + (mrs + 1) / 3 + 3L * mrs
        + issues + issues / 2 + issues + (issues + 3) / 4 + 3;
    assertEquals(expected, clean.size(), "seed " + seed);
  }

  @Test
  void aLaterFetchPicksUpChangesToItemsReadEarlier() {
    FakeGitLab gl = new FakeGitLab(150, 3, 4, 2);
    laterFetchPicksUpChanges(gl, source(gl));
  }

  @Test
  void aLaterFetchOverLoopbackHttpPicksUpChangesToItemsReadEarlier() {
    FakeGitLab gl = new FakeGitLab(150, 3, 4, 2);
    try (LoopbackGitLab server = new LoopbackGitLab(gl)) {
      laterFetchPicksUpChanges(gl, GitLabSource.builder().baseUrl(server.baseUrl()).sender(server.sender())
          .sleeper(d -> {}).retryPolicy(RetryPolicy.none()).build());
    }
  }

  /** The fake changes between fetches: a merge, a note and an approval, a reopening, new items. */
  private void laterFetchPicksUpChanges(FakeGitLab gl, GitLabSource source) {
    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir);
    List<Event> first = new ArrayList<>();
    source.fetch(TARGET, options, first::add);
    Instant later = T0.plusSeconds(10 * 86400);
    gl.stars = 230;
    gl.mergeRequests = 5; // MR 5 is closed by the fixture's rule
    gl.issues = 3; // issue 3 is open
    gl.lateMerges.put(1, later); // MR 1 was open
    gl.lateMergeRequestNotes.put(2, List.of(
        FakeGitLab.note(900_001, "one more thing", false, "null", 8, 2, 0).replace(
            T0.plusSeconds(1200).toString(), later.plusSeconds(100).toString()),
        FakeGitLab.note(900_002, "approved this merge request", true, "null", 4, 2, 0).replace(
            T0.plusSeconds(1200).toString(), later.plusSeconds(200).toString())));
    gl.lateReopens.put(2, later.plusSeconds(300)); // issue 2 was closed
    gl.lateIssueNotes.put(2, List.of(
        FakeGitLab.note(900_003, "reopened", true, "null", 3, 2, 0).replace(
            T0.plusSeconds(1200).toString(), later.plusSeconds(300).toString())));
    int before = gl.requests.size();
    List<Event> second = new ArrayList<>();
    FetchReport report = source.fetch(TARGET, options, second::add);
    // 80 new stars; MR 5: opening, closing, a comment, a diff note, an approval; MR 1: its merge;
    // MR 2: the late note and approval; issue 3: opening and a note; issue 2: its reopening.
    Map<EventType, Long> expected = new HashMap<>();
    expected.put(EventType.STAR, 80L);
    expected.put(EventType.PULL_REQUEST_OPENED, 1L);
    expected.put(EventType.PULL_REQUEST_CLOSED, 1L);
    expected.put(EventType.PULL_REQUEST_MERGED, 1L);
    expected.put(EventType.ISSUE_COMMENT, 3L);
    expected.put(EventType.REVIEW_COMMENT, 1L);
    expected.put(EventType.REVIEW, 2L);
    expected.put(EventType.ISSUE_OPENED, 1L);
    expected.put(EventType.ISSUE_REOPENED, 1L);
    assertEquals(expected, countByType(second));
    PullRequestMerged merged =
        (PullRequestMerged) second.stream().filter(e -> e instanceof PullRequestMerged).findFirst().orElseThrow();
    assertEquals(1, merged.number());
    assertEquals(later, merged.at());
    assertEquals(List.of(900_001L),
        second.stream().filter(e -> e instanceof IssueComment && ((IssueComment) e).number() == 2)
            .map(e -> ((IssueComment) e).commentId().getAsLong()).toList());
    assertEquals(0, report.duplicatesSkipped());
    // The merge-request lists asked only for what changed since the newest update the first
    // fetch saw (MR 4 at T0 + 2,700 s); MR 3 and 4, unchanged, cost no notes request.
    List<String> urls = gl.requests.subList(before, gl.requests.size()).stream()
        .map(r -> r.uri().toString()).toList();
    assertTrue(urls.stream().anyMatch(u -> u.contains(
        "/merge_requests?state=all&order_by=updated_at&sort=asc&updated_after=2020-01-01T00:45:00Z&")), urls.toString());
    assertFalse(urls.stream().anyMatch(u -> u.contains("merge_requests/3/notes")), urls.toString());

    // Nothing changed: nothing new.
    List<Event> third = new ArrayList<>();
    source.fetch(TARGET, options, third::add);
    assertEquals(List.of(), third);
  }

  /**
   * Kills at random requests while the project grows (new stars and items, merges and notes on
   * items read before): over all runs, each event of the final state comes out exactly once.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void killsWhileTheProjectChangesLoseAndRepeatNothing(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FakeGitLab gl = new FakeGitLab(random.nextInt(0, 250), random.nextInt(0, 120), random.nextInt(1, 20),
        random.nextInt(1, 20));
    killsWhileChanging(seed, random, gl, gl, GitLabSourceTest::source);
  }

  /**
   * The same on an instance with resource state events while merge requests are also closed and
   * reopened between runs, some several times: every closing and reopening comes out once.
   */
  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34, 35, 36})
  void killsWhileItemsCloseAndReopenLoseAndRepeatNothing(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FakeGitLab gl = new FakeGitLab(random.nextInt(0, 50), random.nextInt(0, 20), random.nextInt(1, 20),
        random.nextInt(1, 20));
    gl.stateEvents = true;
    killsWhileChanging(seed, random, gl, gl, GitLabSourceTest::source);
    long changes = gl.lateMergeRequestStates.values().stream().mapToLong(List::size).sum();
    assertTrue(changes >= 5, "seed " + seed + ": only " + changes + " closings and reopenings");
  }

  /** The same over loopback HTTP (the JDK client and server): one seed, ~25 s on this machine. */
  @ParameterizedTest
  @ValueSource(longs = {21})
  void killsWhileTheProjectChangesOverLoopbackHttp(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FakeGitLab gl = new FakeGitLab(random.nextInt(0, 250), random.nextInt(0, 120), random.nextInt(1, 20),
        random.nextInt(1, 20));
    try (LoopbackGitLab server = new LoopbackGitLab(gl)) {
      killsWhileChanging(seed, random, gl, server.sender(), sender -> GitLabSource.builder()
          .baseUrl(server.baseUrl()).sender(sender).sleeper(d -> {}).retryPolicy(RetryPolicy.none()).build());
    }
  }

  private void killsWhileChanging(
      long seed, SplittableRandom random, FakeGitLab gl, HttpSender transport,
      java.util.function.Function<HttpSender, GitLabSource> sourceOf) {
    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir.resolve("cp" + seed));
    List<Event> got = new ArrayList<>();
    int noteId = 800_000;
    for (int round = 0; round < 40; round++) {
      try {
        sourceOf.apply(killedAfter(transport, random.nextInt(1, 30))).fetch(TARGET, options, got::add);
      } catch (IllegalStateException killed) {
        // resumed next round
      }
      // The project changes between runs, only by growing.
      Instant now = T0.plusSeconds(30L * 86400 + 3600L * round);
      gl.stars += random.nextInt(0, 40);
      gl.commits += random.nextInt(0, 60);
      gl.releases += random.nextInt(0, 2);
      gl.pushes += random.nextInt(0, 30);
      // New items are the newest updates, as on a real server.
      for (int k = random.nextInt(0, 2); k > 0; k--) {
        gl.touched.put("merge_requests/" + ++gl.mergeRequests, now);
      }
      for (int k = random.nextInt(0, 2); k > 0; k--) {
        gl.touched.put("issues/" + ++gl.issues, now);
      }
      int iid = random.nextInt(1, gl.mergeRequests + 1);
      List<FakeGitLab.StateChange> changes = gl.lateMergeRequestStates.getOrDefault(iid, List.of());
      boolean closedNow = !changes.isEmpty() && changes.get(changes.size() - 1).state().equals("closed");
      if (gl.stateEvents && iid % 3 == 1 && !gl.lateMerges.containsKey(iid) && random.nextInt(3) > 0) {
        // Closed or reopened (once or twice in a row between runs), never merged afterwards.
        for (int k = random.nextInt(1, 3); k > 0; k--) {
          List<FakeGitLab.StateChange> more = new ArrayList<>(gl.lateMergeRequestStates.getOrDefault(iid, List.of()));
          boolean closed = !more.isEmpty() && more.get(more.size() - 1).state().equals("closed");
          more.add(new FakeGitLab.StateChange(closed ? "reopened" : "closed", random.nextInt(1, 5),
              now.plusSeconds(10L * more.size() + 2)));
          gl.lateMergeRequestStates.put(iid, more);
        }
      } else if (iid % 3 == 1 && !gl.lateMerges.containsKey(iid) && !closedNow && changes.isEmpty()) {
        gl.lateMerges.put(iid, now);
      }
      int noted = random.nextInt(1, gl.mergeRequests + 1);
      List<String> notes = new ArrayList<>(gl.lateMergeRequestNotes.getOrDefault(noted, List.of()));
      notes.add(FakeGitLab.note(++noteId, "later", random.nextBoolean(), "null", 8, noted, 0)
          .replace(T0.plusSeconds(600L * noted).toString(), now.plusSeconds(1).toString()));
      gl.lateMergeRequestNotes.put(noted, notes);
    }
    sourceOf.apply(transport).fetch(TARGET, options, got::add); // a last, uninterrupted run
    List<Event> clean = new ArrayList<>();
    source(gl).fetch(TARGET, FetchOptions.all(), clean::add);
    Map<Event, Long> missing = new HashMap<>(multiset(clean));
    multiset(got).forEach((e, n) -> missing.merge(e, -n, Long::sum));
    missing.values().removeIf(n -> n == 0);
    assertEquals(Map.of(), missing, "seed " + seed + ": missing (> 0) and repeated (< 0) events");
    assertEquals(clean.size(), got.size(), "seed " + seed);
  }
}
