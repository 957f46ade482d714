package io.github.communitymetrics.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.GraphQlException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.RateLimitPolicy;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.github.FakeGraphQl.Pull;
import io.github.communitymetrics.github.FakeGraphQl.ReviewSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews through GraphQL: pages, long review lists, errors, rate limits, incremental fetches. */
class GraphQlReviewsTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));
  private static final Instant T0 = FakeGraphQl.T0;
  private static final FetchOptions REVIEWS = FetchOptions.all().withResources(EnumSet.of(GitHubResource.REVIEWS));

  @TempDir Path dir;

  private final FakeGraphQl gh = new FakeGraphQl(new FakeGitHub(0, 0, 12));
  private final List<Duration> sleeps = new ArrayList<>();

  private GitHubSource.Builder builder() {
    return GitHubSource.builder()
        .apiUrl(URI.create(FakeGitHub.BASE))
        .token(Token.of("tok-123456", "TEST"))
        .sender(gh)
        .clock(Clock.fixed(T0, ZoneOffset.UTC))
        .sleeper(sleeps::add)
        .graphQlPageSize(2);
  }

  private static Actor user(long id) {
    return new Actor(Forge.GITHUB, Optional.of("u" + id), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.USER);
  }

  private static Actor bot(String login, long id) {
    return new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), ActorKind.BOT);
  }

  private static String u(long id) {
    return FakeGraphQl.actor("User", "u" + id, id);
  }

  private static Review review(Instant at, Actor reviewer, int number, ReviewState state, Actor author, long id) {
    return new Review(at, REPO, reviewer, number, state, Optional.of(author), Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(id));
  }

  private static Instant hours(long h) {
    return T0.plus(Duration.ofHours(h));
  }

  /**
   * Five pull requests, updated (by their last review) at: #3 T0 + 2 min (no reviews, deleted
   * author), #1 1 h, #2 2 h (a bot's), #4 4 h, #5 5 h. Pages of two: [#3, #1], [#2, #4], [#5].
   */
  private void fivePullRequests() {
    Pull p1 = new Pull(1, T0, u(1), "main");
    p1.reviews.add(new ReviewSpec(101, "APPROVED", u(2), hours(1)));
    p1.reviews.add(new ReviewSpec(102, "PENDING", u(3), null));
    p1.updatedAt = hours(1);
    Pull p2 = new Pull(2, T0.plusSeconds(60), FakeGraphQl.actor("Bot", "dependabot", 49699333), "develop");
    p2.reviews.add(new ReviewSpec(201, "COMMENTED", u(1), hours(2)));
    p2.updatedAt = hours(2);
    Pull p3 = new Pull(3, T0.plusSeconds(120), "null", "main");
    Pull p4 = new Pull(4, T0.plusSeconds(180), u(4), "main");
    p4.reviews.add(new ReviewSpec(401, "CHANGES_REQUESTED", FakeGraphQl.actor("Bot", "renovate", 29139614), hours(3)));
    p4.reviews.add(new ReviewSpec(402, "DISMISSED", u(2), hours(4)));
    p4.updatedAt = hours(4);
    Pull p5 = new Pull(5, T0.plusSeconds(240), u(5), "main");
    p5.reviews.add(new ReviewSpec(501, "APPROVED", u(1), hours(5)));
    p5.updatedAt = hours(5);
    gh.pulls.addAll(List.of(p1, p2, p3, p4, p5));
  }

  @Test
  void pagesOfPullRequestsOrderedByUpdateWithTheirReviews() {
    fivePullRequests();
    List<Event> events = new ArrayList<>();
    FetchReport report = builder().build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(
        List.of(
            review(hours(1), user(2), 1, ReviewState.APPROVED, user(1), 101),
            review(hours(2), user(1), 2, ReviewState.COMMENTED, bot("dependabot[bot]", 49699333), 201),
            review(hours(3), bot("renovate[bot]", 29139614), 4, ReviewState.CHANGES_REQUESTED, user(4), 401),
            review(hours(4), user(2), 4, ReviewState.DISMISSED, user(4), 402),
            review(hours(5), user(1), 5, ReviewState.APPROVED, user(5), 501)),
        events);
    // The metadata (REST) and three queries of at most two pull requests, one point each.
    assertEquals(4, report.requests().requests());
    assertEquals(3, report.graphQlPoints());
    assertEquals(Map.of(GitHubResource.REVIEWS, 5L), report.items());
    assertEquals(3, gh.queries.size());
    assertTrue(gh.queries.get(0).contains("\"after\":null"), gh.queries.get(0));
    assertTrue(gh.queries.get(1).contains("\"after\":\"" + FakeGraphQl.cursor(gh.pull(1)) + "\""), gh.queries.get(1));
    assertTrue(gh.queries.get(2).contains("\"after\":\"" + FakeGraphQl.cursor(gh.pull(4)) + "\""), gh.queries.get(2));
    assertTrue(gh.queries.get(0).contains("orderBy: {field: UPDATED_AT, direction: ASC}"));
    assertTrue(gh.queries.get(0).contains("\"first\":2,\"name\":\"widget\",\"owner\":\"acme\""), gh.queries.get(0));
  }

  @Test
  void aReviewIdBeyondThirtyTwoBitsComesFromFullDatabaseId() {
    Pull p = new Pull(8, T0, u(1), "main");
    // 3,000,000,000 > 2^31 - 1: GitHub sends databaseId null and fullDatabaseId "3000000000".
    p.reviews.add(new ReviewSpec(3_000_000_000L, "APPROVED", u(2), hours(1)));
    p.updatedAt = hours(1);
    gh.pulls.add(p);
    List<Event> events = new ArrayList<>();
    builder().build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(List.of(review(hours(1), user(2), 8, ReviewState.APPROVED, user(1), 3_000_000_000L)), events);
    assertTrue(gh.queries.get(0).contains("fullDatabaseId"), gh.queries.get(0));
  }

  @Test
  void aPullRequestWithMoreThanHundredReviewsIsReadWithFollowUpQueries() {
    Pull p = new Pull(7, T0, u(1), "main");
    for (int i = 0; i < 150; i++) {
      p.reviews.add(new ReviewSpec(1000 + i, "COMMENTED", u(2), T0.plusSeconds(i + 1)));
    }
    p.updatedAt = T0.plusSeconds(150);
    gh.pulls.add(p);
    List<Event> events = new ArrayList<>();
    FetchReport report = builder().build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(150, events.size());
    for (int i = 0; i < 150; i++) {
      assertEquals(review(T0.plusSeconds(i + 1), user(2), 7, ReviewState.COMMENTED, user(1), 1000 + i), events.get(i));
    }
    // Metadata, the page of pull requests (first 100 reviews), one follow-up for reviews 101..150.
    assertEquals(3, report.requests().requests());
    assertEquals(2, report.graphQlPoints());
    assertTrue(gh.queries.get(1).contains("pullRequest(number: $number)"), gh.queries.get(1));
    assertTrue(gh.queries.get(1).contains("\"after\":\"review:100\""), gh.queries.get(1));
    assertTrue(gh.queries.get(1).contains("\"number\":7"), gh.queries.get(1));
  }

  @Test
  void anIncrementalFetchSeesANewReviewOnAnOldPullRequestAndNothingTwice() {
    fivePullRequests();
    FetchOptions options = REVIEWS.withCheckpointDirectory(dir);
    List<Event> first = new ArrayList<>();
    builder().build().fetch(TARGET, options, first::add);
    assertEquals(5, first.size());

    // A new review on the oldest pull request moves it to the end of the update order, and a new
    // pull request arrives with its review.
    Pull p1 = gh.pull(1);
    p1.reviews.add(new ReviewSpec(103, "APPROVED", u(4), hours(10)));
    p1.updatedAt = hours(10);
    Pull p6 = new Pull(6, hours(11), u(6), "main");
    p6.reviews.add(new ReviewSpec(601, "COMMENTED", u(2), hours(11)));
    p6.updatedAt = hours(11);
    gh.pulls.add(p6);
    List<Event> second = new ArrayList<>();
    FetchReport report = builder().build().fetch(TARGET, options, second::add);
    assertEquals(
        List.of(
            review(hours(10), user(4), 1, ReviewState.APPROVED, user(1), 103),
            review(hours(11), user(2), 6, ReviewState.COMMENTED, user(6), 601)),
        second);
    // Metadata and one query after the saved cursor (pull request #5), which returns #1 and #6.
    assertEquals(2, report.requests().requests());
    assertTrue(gh.queries.get(3).contains("\"after\":\"" + FakeGraphQl.cursor(gh.pull(5)) + "\""), gh.queries.get(3));

    List<Event> third = new ArrayList<>();
    FetchReport unchanged = builder().build().fetch(TARGET, options, third::add);
    assertEquals(List.of(), third);
    assertEquals(2, unchanged.requests().requests());
  }

  @Test
  void aPullRequestUpdatedWhileBeingReadIsNotEmittedTwice() {
    fivePullRequests();
    // The sender moves #1 to the end after the first query, as a comment on it would.
    FakeGraphQl moving =
        new FakeGraphQl(new FakeGitHub(0, 0)) {
          @Override
          public ForgeResponse send(io.github.communitymetrics.forge.ForgeRequest request)
              throws java.io.IOException, InterruptedException {
            ForgeResponse r = super.send(request);
            if (queries.size() == 1 && request.uri().getPath().endsWith("/graphql")) {
              pull(1).updatedAt = hours(6);
            }
            return r;
          }
        };
    moving.pulls.addAll(gh.pulls);
    List<Event> events = new ArrayList<>();
    FetchReport report = builder().sender(moving).build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(5, events.size());
    // #1 came back on the last page; its review 101 was counted, not emitted again.
    assertEquals(1, report.duplicatesSkipped());
    assertEquals(3, moving.queries.size());
  }

  @Test
  void aMergeTakesItsBaseBranchFromThePullRequestsReadForReviewsAtNoExtraRequest() {
    // FakeGitHub: pull request 12 is merged; GraphQL: #12 targets release-1.
    gh.pulls.add(new Pull(12, T0, u(1), "release-1"));
    List<Event> events = new ArrayList<>();
    FetchReport both =
        builder()
            .build()
            .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.REVIEWS, GitHubResource.ISSUE_EVENTS)), events::add);
    PullRequestMerged merged =
        events.stream().filter(e -> e instanceof PullRequestMerged).map(e -> (PullRequestMerged) e).findFirst().orElseThrow();
    assertEquals(12, merged.number());
    assertEquals(Optional.of("release-1"), merged.baseBranch());
    // Metadata, one GraphQL query, one page of issue events: the sum of the two lists alone.
    assertEquals(3, both.requests().requests());

    List<Event> alone = new ArrayList<>();
    builder().build().fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUE_EVENTS)), alone::add);
    assertEquals(
        Optional.empty(),
        alone.stream().filter(e -> e instanceof PullRequestMerged).map(e -> ((PullRequestMerged) e).baseBranch()).findFirst().orElseThrow());
  }

  @Test
  void restReviewsAlsoGiveMergesTheirBaseBranch() {
    List<Event> events = new ArrayList<>();
    GitHubSource.builder()
        .apiUrl(URI.create(FakeGitHub.BASE))
        .sender(new FakeGitHub(0, 0, 12))
        .build()
        .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.REVIEWS, GitHubResource.ISSUE_EVENTS)), events::add);
    PullRequestMerged merged =
        events.stream().filter(e -> e instanceof PullRequestMerged).map(e -> (PullRequestMerged) e).findFirst().orElseThrow();
    assertEquals(Optional.of("base-12"), merged.baseBranch());
  }

  private static ForgeResponse answer(String body) {
    return new ForgeResponse(200, URI.create("http://placeholder/"), Map.of(), body);
  }

  @Test
  void errorsOfTheWholeQueryAreTypedExceptions() {
    gh.scripted.add(
        answer(
            "{\"data\": {\"repository\": null}, \"errors\": [{\"type\": \"NOT_FOUND\", \"path\": [\"repository\"],"
                + " \"locations\": [{\"line\": 1, \"column\": 88}],"
                + " \"message\": \"Could not resolve to a Repository with the name 'acme/widget'.\"}]}"));
    NotFoundException notFound =
        assertThrows(NotFoundException.class, () -> builder().build().fetch(TARGET, REVIEWS, e -> {}));
    assertTrue(notFound.getMessage().contains("Could not resolve to a Repository"), notFound.getMessage());
    assertEquals(URI.create(FakeGitHub.BASE + "/graphql"), notFound.uri());

    gh.scripted.add(
        answer(
            "{\"data\": {\"repository\": null}, \"errors\": [{\"type\": \"FORBIDDEN\", \"path\": [\"repository\"],"
                + " \"message\": \"Resource not accessible by integration\"}]}"));
    assertThrows(ForbiddenException.class, () -> builder().build().fetch(TARGET, REVIEWS, e -> {}));

    gh.scripted.add(
        answer(
            "{\"errors\": [{\"path\": [\"query\", \"repository\", \"pullRequests\", \"first\"],"
                + " \"extensions\": {\"code\": \"argumentLiteralsIncompatible\"},"
                + " \"message\": \"Argument 'first' on Field 'pullRequests' has an invalid value (101).\"}]}"));
    GraphQlException invalid =
        assertThrows(GraphQlException.class, () -> builder().build().fetch(TARGET, REVIEWS, e -> {}));
    assertEquals(List.of(""), invalid.types());
    assertFalse(invalid.getMessage().contains("tok-123456"));
  }

  @Test
  void anErrorOnANestedNodeIsACountedSkipAndTheRestIsRead() {
    gh.scripted.add(
        answer(
            "{\"data\": {\"repository\": {\"pullRequests\": {\"pageInfo\": {\"hasNextPage\": false, \"endCursor\": \"Y3Vyc29yOjI=\"},"
                + " \"nodes\": [{\"number\": 1, \"createdAt\": \"2021-03-01T00:00:00Z\", \"updatedAt\": \"2021-03-01T01:00:00Z\","
                + " \"baseRefName\": \"main\", \"authorAssociation\": \"OWNER\", \"author\": " + u(1) + ","
                + " \"reviews\": {\"pageInfo\": {\"hasNextPage\": false, \"endCursor\": \"x\"}, \"nodes\": [{\"databaseId\": 11,"
                + " \"state\": \"APPROVED\", \"submittedAt\": \"2021-03-01T01:00:00Z\", \"authorAssociation\": \"MEMBER\", \"author\": "
                + u(2) + "}]}}, null]}},"
                + " \"rateLimit\": {\"cost\": 1, \"remaining\": 4999, \"resetAt\": \"2021-03-01T01:00:00Z\"}},"
                + " \"errors\": [{\"type\": \"FORBIDDEN\", \"path\": [\"repository\", \"pullRequests\", \"nodes\", 1],"
                + " \"message\": \"Resource not accessible by integration\"}]}"));
    List<Event> events = new ArrayList<>();
    FetchReport report = builder().build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(List.of(review(hours(1), user(2), 1, ReviewState.APPROVED, user(1), 11)), events);
    assertEquals(
        List.of(
            new FetchReport.Skip(
                "acme/widget", "reviews", "FORBIDDEN at repository.pullRequests.nodes.1: Resource not accessible by integration")),
        report.skipped());
  }

  private static ForgeResponse rateLimited() {
    return new ForgeResponse(
        200,
        URI.create("http://placeholder/"),
        Map.of(
            "X-RateLimit-Remaining", List.of("0"),
            "X-RateLimit-Reset", List.of(Long.toString(T0.plusSeconds(60).getEpochSecond()))),
        "{\"data\": null, \"errors\": [{\"type\": \"RATE_LIMITED\", \"message\": \"API rate limit exceeded for user ID 1.\"}]}");
  }

  @Test
  void graphQlRateLimitWaitsForTheResetThenGoesOn() {
    fivePullRequests();
    gh.scripted.add(rateLimited());
    List<Event> events = new ArrayList<>();
    FetchReport report = builder().build().fetch(TARGET, REVIEWS, events::add);
    assertEquals(5, events.size());
    // The reset is 60 s after the (fixed) clock: wait 61 s, then the same query again.
    assertEquals(List.of(Duration.ofSeconds(61)), sleeps);
    assertEquals(1, report.requests().rateLimitWaits());
    assertEquals(4, gh.queries.size());
    assertEquals(gh.queries.get(0), gh.queries.get(1));
  }

  @Test
  void graphQlRateLimitFailsFastWhenAsked() {
    gh.scripted.add(rateLimited());
    RateLimitedException e =
        assertThrows(
            RateLimitedException.class,
            () -> builder().rateLimitPolicy(RateLimitPolicy.FAIL_FAST).build().fetch(TARGET, REVIEWS, x -> {}));
    assertEquals(Optional.of(T0.plusSeconds(60)), e.resetAt());
    assertEquals(List.of(), sleeps);
  }

  @Test
  void graphQlNeedsATokenAndAutoFallsBackToRest() {
    GitHubSource.Builder anonymous = GitHubSource.builder().sender(gh);
    assertFalse(anonymous.build().usesGraphQl());
    assertThrows(IllegalStateException.class, () -> anonymous.reviewsApi(ReviewsApi.GRAPHQL).build());
    assertTrue(builder().build().usesGraphQl());
    assertFalse(builder().reviewsApi(ReviewsApi.REST).build().usesGraphQl());
  }

  @Test
  void theGraphQlEndpointFollowsTheRestUrlOrIsGiven() {
    assertEquals(URI.create("https://api.github.com/graphql"), GitHubSource.builder().build().graphQlUrl());
    assertEquals(
        URI.create("https://ghe.example/api/graphql"),
        GitHubSource.builder().apiUrl(URI.create("https://ghe.example/api/v3")).build().graphQlUrl());
    assertEquals(
        URI.create("https://proxy.example/gql"),
        GitHubSource.builder().graphQlUrl(URI.create("https://proxy.example/gql")).build().graphQlUrl());
  }

  @Test
  void aSavedCursorWithATimeThatDoesNotParseIsACheckpointException() throws java.io.IOException {
    fivePullRequests();
    FetchOptions options = REVIEWS.withCheckpointDirectory(dir);
    builder().build().fetch(TARGET, options, e -> {});
    // GQL<TAB>cursor<TAB>done<TAB>last has the right shape with a 'done' that is no instant: a
    // state edited by hand must not surface as the DateTimeParseException of Instant.parse.
    Path state = dir.resolve("crawl.state");
    List<String> lines = new ArrayList<>();
    boolean changed = false;
    for (String line : java.nio.file.Files.readAllLines(state)) {
      if (line.startsWith("cursor\t") && line.contains(".reviews-graphql\t")) {
        line = line.substring(0, line.lastIndexOf('\t') + 1) + "GQL\\t-\\tyesterday\\t-";
        changed = true;
      }
      lines.add(line);
    }
    assertTrue(changed, "no reviews-graphql cursor in " + lines);
    java.nio.file.Files.write(state, lines);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> builder().build().fetch(TARGET, options, x -> {}));
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
    assertEquals(dir, e.directory());
  }
}
