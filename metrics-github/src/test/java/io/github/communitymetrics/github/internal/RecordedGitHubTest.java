package io.github.communitymetrics.github.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.internal.Links;
import io.github.communitymetrics.forge.internal.RateLimitSignal;
import io.github.communitymetrics.github.FetchOptions;
import io.github.communitymetrics.github.FetchReport;
import io.github.communitymetrics.github.GitHubResource;
import io.github.communitymetrics.github.GitHubSource;
import io.github.communitymetrics.github.GitHubTarget;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Replays hub4j/github-api's WireMock recordings of the real GitHub API. */
@SharedDataTest
class RecordedGitHubTest {
  private static final String ROOT =
      "github/hub4j-github-api/src/test/resources/org/kohsuke/github/";

  /** A recorded mapping's response: status, headers (WireMock's map of text or list) and body. */
  private static ForgeResponse recorded(Path mapping) throws IOException {
    ForgeResponse file =
        new ForgeResponse(200, mapping.toUri(), Map.of(), Files.readString(mapping, StandardCharsets.UTF_8));
    JsonValues json = JsonValues.of(file);
    Map<String, Object> root = json.object();
    Map<String, Object> response = json.object(root, "response");
    Map<String, Object> request = json.object(root, "request");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    json.optionalObject(response, "headers")
        .ifPresent(
            h ->
                h.forEach(
                    (k, v) -> {
                      List<String> values = new ArrayList<>();
                      if (v instanceof List) {
                        ((List<?>) v).forEach(x -> values.add((String) x));
                      } else {
                        values.add((String) v);
                      }
                      headers.put(k, values);
                    }));
    String body = json.optionalText(response, "body").orElse("");
    Optional<String> bodyFile = json.optionalText(response, "bodyFileName");
    if (bodyFile.isPresent()) {
      body = Files.readString(mapping.getParent().resolveSibling("__files").resolve(bodyFile.get()));
    }
    URI uri = URI.create("https://api.github.com" + json.text(request, "url"));
    return new ForgeResponse((int) json.number(response, "status"), uri, headers, body);
  }

  @Test
  void recordedStargazersPageMapsToStars() throws IOException {
    Path mapping =
        SharedData.resolve(ROOT + "GHRepositoryTest/wiremock/listStargazers/mappings/7-r_h_g_stargazers.json");
    ForgeResponse page = recorded(mapping);
    JsonValues json = JsonValues.of(page);
    Repository repo = new Repository(Forge.GITHUB, "hub4j/github-api", OptionalLong.of(617210));
    List<Star> stars = new ArrayList<>();
    HashSet<String> keys = new HashSet<>();
    for (Map<String, Object> item : json.array()) {
      stars.add(Mapping.star(json, item, repo));
      keys.add(Mapping.starKey(json, item));
    }
    // Checked by hand in the recording: 30 stars (GitHub's default page), all users, all distinct.
    assertEquals(30, stars.size());
    assertEquals(30, keys.size());
    assertEquals(Instant.parse("2010-04-19T04:13:03Z"), stars.get(0).at());
    assertEquals(Optional.of("nielswind"), stars.get(0).actor().login());
    assertEquals(OptionalLong.of(9799), stars.get(0).actor().id());
    assertTrue(stars.stream().allMatch(s -> s.actor().kind() == ActorKind.USER));
    assertEquals(
        Optional.of(URI.create("https://api.github.com/repositories/617210/stargazers?page=2")),
        Links.next(page));
  }

  @Test
  void recordedTwentyOnePagesOfIssuesThroughTheSource() throws IOException {
    Map<String, ForgeResponse> byUrl = recordedByUrl("AppTest/wiremock/testListIssues");
    // The recording asked for closed issues 30 a page; we serve it for our first-page request.
    byUrl.put(
        "/repos/hub4j/github-api/issues?state=all&sort=created&direction=asc&per_page=100",
        byUrl.get("/repos/hub4j/github-api/issues?state=closed"));
    List<String> asked = new ArrayList<>();
    HttpSender replay = replay(byUrl, asked);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        GitHubSource.builder()
            .sender(replay)
            .build()
            .fetch(
                GitHubTarget.parse("hub4j/github-api"),
                FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUES)),
                events::add);
    // Counted independently in the recording: 606 distinct items on 21 pages, 363 of them pull
    // requests; the first is pull request #660 by dependabot-preview[bot], a CONTRIBUTOR, opened
    // 2020-01-08T06:35:18Z.
    assertEquals(606, events.size());
    assertEquals(363, events.stream().filter(e -> e instanceof PullRequestOpened).count());
    assertEquals(22, report.requests().requests(), asked.toString());
    assertEquals(0, report.duplicatesSkipped());
    assertEquals(OptionalLong.of(617210), report.repositories().get(0).id());
    PullRequestOpened first = (PullRequestOpened) events.get(0);
    assertEquals(660, first.number());
    assertEquals(Optional.of("dependabot-preview[bot]"), first.actor().login());
    assertEquals(ActorKind.BOT, first.actor().kind());
    assertEquals(Instant.parse("2020-01-08T06:35:18Z"), first.at());
    assertEquals(Optional.of(AuthorAssociation.CONTRIBUTOR), first.association());
    // Closing references, counted independently with a Python regular expression over the
    // titles and bodies: 30 pull requests close one issue of hub4j/github-api each.
    List<PullRequestOpened> closing =
        events.stream()
            .filter(e -> e instanceof PullRequestOpened p && !p.closes().isEmpty())
            .map(e -> (PullRequestOpened) e)
            .toList();
    assertEquals(30, closing.size());
    assertEquals(30, closing.stream().mapToInt(p -> p.closes().size()).sum());
  }

  /** A scenario's recorded responses by path and query (path alone when it had no query). */
  private static Map<String, ForgeResponse> recordedByUrl(String scenario) throws IOException {
    Map<String, ForgeResponse> byUrl = new HashMap<>();
    try (Stream<Path> files = Files.list(SharedData.resolve(ROOT + scenario + "/mappings"))) {
      for (Path p : files.toList()) {
        ForgeResponse r = recorded(p);
        byUrl.put(r.uri().getRawPath() + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery()), r);
      }
    }
    return byUrl;
  }

  /**
   * Serves recorded responses by path and query, falling back to the path alone (the recording's
   * first pages had no {@code per_page}); records what was asked.
   */
  private static HttpSender replay(Map<String, ForgeResponse> byUrl, List<String> asked) {
    return request -> {
      String key = request.uri().getRawPath() + "?" + request.uri().getRawQuery();
      asked.add(key);
      ForgeResponse r = byUrl.getOrDefault(key, byUrl.get(request.uri().getRawPath()));
      if (r == null) {
        throw new AssertionError("not recorded: " + key);
      }
      return new ForgeResponse(r.status(), request.uri(), r.headers(), r.body());
    };
  }

  @Test
  void recordedFourteenPagesOfIssueEventsBecomeClosesAndMerges() throws IOException {
    List<String> asked = new ArrayList<>();
    HttpSender replay = replay(recordedByUrl("GHIssueEventTest/wiremock/testRepositoryEvents"), asked);
    List<Event> events = new ArrayList<>();
    FetchReport report =
        GitHubSource.builder()
            .sender(replay)
            .build()
            .fetch(
                GitHubTarget.parse("hub4j-test-org/github-api"),
                FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUE_EVENTS)),
                events::add);
    // Counted independently in the recording (14 pages of 30, newest first): 420 events, of which
    // 23 merged, 312 closed (309 on pull requests, 23 of them right after a merge), no
    // reopening, 18 labeled (14 on pull requests) and no unlabeled, 13 assigned (all on pull
    // requests, each by its assignee, bitwiseman); the rest are references and the like.
    assertEquals(15, report.requests().requests(), asked.toString());
    assertEquals(23 + 286 + 3 + 18 + 13, events.size());
    assertEquals(Map.of(GitHubResource.ISSUE_EVENTS, 312L + 18 + 13), report.items());
    List<io.github.communitymetrics.core.event.IssueAssigned> assigned =
        events.stream()
            .filter(e -> e instanceof io.github.communitymetrics.core.event.IssueAssigned)
            .map(e -> (io.github.communitymetrics.core.event.IssueAssigned) e)
            .toList();
    assertEquals(13, assigned.size());
    assertTrue(
        assigned.stream()
            .allMatch(
                a -> a.onPullRequest()
                    && a.actor().equals(a.assignee())
                    && a.assignee().login().equals(Optional.of("bitwiseman"))),
        assigned::toString);
    events.removeIf(e -> e instanceof io.github.communitymetrics.core.event.IssueAssigned);
    assertEquals(
        14,
        events.stream().filter(e -> e.type() == io.github.communitymetrics.core.event.EventType.PULL_REQUEST_LABELED).count());
    assertEquals(
        4, events.stream().filter(e -> e.type() == io.github.communitymetrics.core.event.EventType.ISSUE_LABELED).count());
    events.removeIf(e -> e instanceof io.github.communitymetrics.core.event.LabelChanged);
    assertEquals(23, report.mergeClosesFolded());
    assertEquals(23, events.stream().filter(e -> e instanceof PullRequestMerged).count());
    assertEquals(286, events.stream().filter(e -> e instanceof PullRequestClosed).count());
    assertEquals(
        List.of(311, 312, 313),
        events.stream().filter(e -> e instanceof IssueClosed).map(e -> ((IssueClosed) e).number()).toList());
    // Oldest first: #1, #3 and #2 closed, then #4 merged by bitwiseman at 00:14:09.
    assertEquals(
        List.of(1, 3, 2, 4),
        events.subList(0, 4).stream().map(e -> ((NumberedEvent) e).number()).toList());
    PullRequestMerged merge = (PullRequestMerged) events.get(3);
    assertEquals(Instant.parse("2019-09-07T00:14:09Z"), merge.at());
    assertEquals(Optional.of("bitwiseman"), merge.actor().login());
    assertEquals(Optional.of("bitwiseman"), merge.author().flatMap(a -> a.login()));
    assertEquals(Optional.of("432fd84ecd0973d3c4987fb3e3ae63f084a7f6a1"), merge.mergeCommitSha());
    assertEquals(Optional.empty(), merge.baseBranch());
    IssueClosed last = (IssueClosed) events.get(events.size() - 1);
    assertEquals(Instant.parse("2019-10-11T03:30:21Z"), last.at());
    assertEquals(Optional.of("martinvanzijl"), last.actor().login());
  }

  @Test
  void recordedCommitsWithoutLinkedAccountsBecomeGitIdentities() throws IOException {
    Repository repo = new Repository(Forge.GITHUB, "jenkinsci/jenkins", OptionalLong.of(1103607));
    List<Commit> commits =
        mapPage(
            ROOT + "CommitTest/wiremock/testQueryCommits/mappings/4-r_j_j_commits.json",
            (json, item) -> (Commit) Mapping.commit(json, item, repo).orElseThrow());
    // Checked by hand in the recording: 29 commits of 2008 (imported from Subversion), none linked
    // to a GitHub account, none a merge; the newest is 1cccddb by kohsuke at 2008-01-30T09:00:09Z.
    assertEquals(29, commits.size());
    Commit newest = commits.get(0);
    assertEquals("1cccddb22e305397151b2b7b87b4b47d74ca337b", newest.sha());
    assertEquals(Instant.parse("2008-01-30T09:00:09Z"), newest.at());
    assertEquals(List.of("e4661133e21828ac4befbc7da960d7bb6fb5b795"), newest.parents());
    assertEquals(Actor.git("kohsuke", "kohsuke@71c3de6d-444a-0410-be80-ed276b4c234a"), newest.actor());
    assertTrue(commits.stream().allMatch(c -> c.actor().forge().equals(Forge.GIT) && !c.isMerge()));
    assertEquals(commits.get(1).sha(), newest.parents().get(0));
  }

  /** Maps every item of a recorded page. */
  private static <T> List<T> mapPage(
      String mapping, BiFunction<JsonValues, Map<String, Object>, T> mapper) throws IOException {
    JsonValues json = JsonValues.of(recorded(SharedData.resolve(mapping)));
    List<T> out = new ArrayList<>();
    for (Map<String, Object> item : json.array()) {
      out.add(mapper.apply(json, item));
    }
    return out;
  }

  @Test
  void recordedCommentsMapToIssueAndReviewComments() throws IOException {
    String dir = ROOT + "GHPullRequestTest/wiremock/";
    Repository repo = new Repository(Forge.GITHUB, "hub4j-test-org/github-api", OptionalLong.empty());
    List<IssueComment> comments =
        mapPage(dir + "pullRequestComment/mappings/8-r_h_g_issues_461_comments.json", (j, item) -> Mapping.issueComment(j, item, repo));
    // Checked by hand: one comment by yrodiere (MEMBER) on pull request #461.
    assertEquals(1, comments.size());
    IssueComment c = comments.get(0);
    assertEquals(Instant.parse("2022-09-22T10:48:31Z"), c.at());
    assertEquals(461, c.number());
    assertTrue(c.onPullRequest());
    assertEquals(Optional.of("yrodiere"), c.actor().login());
    assertEquals(Optional.of(AuthorAssociation.MEMBER), c.association());
    assertEquals(OptionalLong.of(1254853699L), c.commentId());

    List<ReviewComment> reviews =
        mapPage(
            dir + "pullRequestReviewComments/mappings/19-r_h_g_pulls_484_comments.json",
            (j, item) -> Mapping.reviewComment(j, item, repo));
    // Three diff comments by maximevw (MEMBER) on #484, ids 1641776780, ...782, ...783.
    assertEquals(3, reviews.size());
    assertEquals(
        List.of(1641776780L, 1641776782L, 1641776783L),
        reviews.stream().map(r -> r.commentId().getAsLong()).toList());
    assertTrue(reviews.stream().allMatch(r -> r.number() == 484));
    assertEquals(Instant.parse("2024-06-16T10:20:03Z"), reviews.get(0).at());
    assertEquals(Optional.of(AuthorAssociation.MEMBER), reviews.get(2).association());
  }

  private static List<Duration> replayWaits(String scenario, RateLimitSignal.Kind expected) throws IOException {
    Path dir = SharedData.resolve(ROOT + scenario + "/mappings");
    Deque<ForgeResponse> script = new ArrayDeque<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().skip(1).toList()) { // 1-user.json is the client's own probe
        script.add(recorded(p));
      }
    }
    assertEquals(expected, new GitHubRateLimits().classify(script.peek()).orElseThrow().kind());
    List<Duration> waits = new ArrayList<>();
    ForgeHttpClient client =
        ForgeHttpClient.builder(request -> script.pop())
            .rateLimitClassifier(new GitHubRateLimits())
            .sleeper(waits::add)
            .build();
    ForgeResponse last = client.execute(ForgeRequest.get(URI.create("https://api.github.com/x")));
    assertEquals(200, last.status());
    assertTrue(script.isEmpty());
    return waits;
  }

  @Test
  void recordedSecondaryLimitWithRetryAfter403() throws IOException {
    assertEquals(
        List.of(Duration.ofSeconds(2)),
        replayWaits("AbuseLimitHandlerTest/wiremock/testHandler_Wait", RateLimitSignal.Kind.SECONDARY));
  }

  @Test
  void recordedSecondaryLimitWithRetryAfter429() throws IOException {
    assertEquals(
        List.of(Duration.ofSeconds(8)),
        replayWaits(
            "AbuseLimitHandlerTest/wiremock/testHandler_Wait_Secondary_Limits_Too_Many_Requests",
            RateLimitSignal.Kind.SECONDARY));
  }

  @Test
  void recordedPrimaryLimitWithoutAReadableResetBacksOffOneMinute() throws IOException {
    // The recording's X-RateLimit-Reset is a WireMock template, not a number, so no reset is known.
    assertEquals(
        List.of(Duration.ofMinutes(1)),
        replayWaits("RateLimitHandlerTest/wiremock/testHandler_Wait", RateLimitSignal.Kind.PRIMARY));
  }
}
