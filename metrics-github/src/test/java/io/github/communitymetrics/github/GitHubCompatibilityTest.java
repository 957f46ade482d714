package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.testkit.ForgeCompatibilityKit;
import io.github.communitymetrics.testkit.ForgeRenderer;
import io.github.communitymetrics.testkit.ScriptedCommunity;
import io.github.communitymetrics.testkit.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link GitHubSource} against the forge compatibility kit, with GitHub's REST shapes and, for the
 * reviews, GraphQL (the source has a token). {@link GitHubRestCompatibilityTest} runs the same
 * with the reviews through REST.
 */
class GitHubCompatibilityTest extends ForgeCompatibilityKit {

  @Override
  protected Forge forge() {
    return Forge.GITHUB;
  }

  @Override
  protected Set<EventType> supportedTypes() {
    return EnumSet.of(
        EventType.STAR,
        EventType.FORK,
        EventType.ISSUE_OPENED,
        EventType.PULL_REQUEST_OPENED,
        EventType.ISSUE_COMMENT,
        EventType.REVIEW_COMMENT,
        EventType.ISSUE_CLOSED,
        EventType.ISSUE_REOPENED,
        EventType.PULL_REQUEST_CLOSED,
        EventType.PULL_REQUEST_REOPENED,
        EventType.PULL_REQUEST_MERGED,
        EventType.REVIEW,
        EventType.RELEASE,
        EventType.COMMIT);
  }

  @Override
  protected ForgeRenderer renderer(ScriptedCommunity community) {
    return new GitHubRenderer(community);
  }

  /** How the reviews are read; GraphQL here. */
  ReviewsApi reviewsApi() {
    return ReviewsApi.GRAPHQL;
  }

  @Override
  protected void fetch(
      URI baseUrl, ScriptedCommunity community, Path checkpointDirectory, Consumer<? super Event> sink) {
    GitHubSource source =
        GitHubSource.builder()
            .apiUrl(baseUrl)
            .token(Token.of("kit-token", "TEST"))
            .reviewsApi(reviewsApi())
            .graphQlPageSize(PAGE_SIZE)
            .sleeper(duration -> {})
            .random(new SplittableRandom(7))
            .build();
    for (Repository repo : community.repositories()) {
      source.fetch(
          GitHubTarget.parse(repo.fullName()), FetchOptions.all().withCheckpointDirectory(checkpointDirectory), sink);
    }
  }

  /**
   * The REST lists {@link GitHubSource} reads (oldest first, but issue events, releases and
   * commits newest first, as GitHub lists them) and the GraphQL pull requests with their reviews,
   * ordered by last update with keyset cursors.
   */
  static final class GitHubRenderer implements ForgeRenderer {
    private static final Pattern AFTER = Pattern.compile("\"after\":(null|\"([^\"]*)\")");
    private static final Pattern OWNER = Pattern.compile("\"owner\":\"([^\"]*)\"");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");
    private static final Pattern FIRST = Pattern.compile("\"first\":([0-9]+)");

    private final ScriptedCommunity community;

    GitHubRenderer(ScriptedCommunity community) {
      this.community = community;
    }

    @Override
    public Optional<String> object(WireRequest request) {
      if (request.method().equals("POST") && request.path().equals("/graphql")) {
        return Optional.of(graphQl(request.body()));
      }
      String[] parts = request.path().split("/");
      // /repos/OWNER/NAME
      if (parts.length == 4 && parts[1].equals("repos")) {
        return community
            .repository(parts[2] + "/" + parts[3])
            .map(
                r ->
                    "{\"id\":" + r.id().getAsLong() + ",\"full_name\":\"" + r.fullName()
                        + "\",\"private\":false}");
      }
      return Optional.empty();
    }

    @Override
    public Optional<List<String>> list(WireRequest request) {
      String[] parts = request.path().split("/", 5);
      if (parts.length != 5 || !parts[1].equals("repos")) {
        return Optional.empty();
      }
      Optional<Repository> found = community.repository(parts[2] + "/" + parts[3]);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Repository repo = found.get();
      String api = request.baseUrl() + "/repos/" + repo.fullName();
      List<String> items = new ArrayList<>();
      Matcher reviews = Pattern.compile("pulls/([0-9]+)/reviews").matcher(parts[4]);
      if (reviews.matches()) {
        int number = Integer.parseInt(reviews.group(1));
        for (Event e : community.events(repo, EventType.REVIEW)) {
          Review r = (Review) e;
          if (r.number() == number) {
            items.add(
                "{\"id\":" + r.reviewId().getAsLong() + ",\"state\":\"" + r.state().name() + "\",\"submitted_at\":\""
                    + r.at() + "\",\"author_association\":\"CONTRIBUTOR\",\"user\":" + user(r.actor()) + "}");
          }
        }
        return Optional.of(items);
      }
      switch (parts[4]) {
        case "stargazers":
          if (!request.header("Accept").orElse("").contains("star+json")) {
            return Optional.empty(); // without star+json GitHub lists users without starred_at
          }
          for (Event e : community.events(repo, EventType.STAR)) {
            items.add("{\"starred_at\":\"" + e.at() + "\",\"user\":" + user(e.actor()) + "}");
          }
          return Optional.of(items);
        case "forks":
          long forkId = 5000;
          for (Event e : community.events(repo, EventType.FORK)) {
            Fork f = (Fork) e;
            items.add(
                "{\"id\":" + forkId++ + ",\"full_name\":\"" + f.forkFullName().orElseThrow()
                    + "\",\"created_at\":\"" + f.at() + "\",\"owner\":" + user(f.actor()) + "}");
          }
          return Optional.of(items);
        case "issues":
          for (NumberedEvent n : openings(repo)) {
            items.add(issue(repo, api, n));
          }
          return Optional.of(items);
        case "issues/comments":
          for (Event e : community.events(repo, EventType.ISSUE_COMMENT)) {
            IssueComment c = (IssueComment) e;
            items.add(
                "{\"id\":" + c.commentId().getAsLong() + ",\"created_at\":\"" + c.at() + "\",\"user\":"
                    + user(c.actor()) + ",\"author_association\":\"CONTRIBUTOR\",\"issue_url\":\"" + api
                    + "/issues/" + c.number() + "\",\"html_url\":\"https://github.com/" + repo.fullName()
                    + (c.onPullRequest() ? "/pull/" : "/issues/") + c.number() + "#issuecomment-"
                    + c.commentId().getAsLong() + "\"}");
          }
          return Optional.of(items);
        case "pulls/comments":
          for (Event e : community.events(repo, EventType.REVIEW_COMMENT)) {
            ReviewComment c = (ReviewComment) e;
            items.add(
                "{\"id\":" + c.commentId().getAsLong() + ",\"created_at\":\"" + c.at() + "\",\"user\":"
                    + user(c.actor()) + ",\"author_association\":\"CONTRIBUTOR\",\"pull_request_url\":\""
                    + api + "/pulls/" + c.number() + "\"}");
          }
          return Optional.of(items);
        case "issues/events":
          return Optional.of(issueEvents(repo, api));
        case "pulls":
          for (Event e : community.events(repo, EventType.PULL_REQUEST_OPENED)) {
            NumberedEvent n = (NumberedEvent) e;
            items.add(
                "{\"id\":" + issueId(repo, n.number()) + ",\"number\":" + n.number() + ",\"base\":{\"ref\":\"main\"},\"user\":"
                    + user(e.actor()) + "}");
          }
          return Optional.of(items);
        case "releases":
          long releaseId = repo.id().getAsLong() * 10;
          for (Event e : community.events(repo, EventType.RELEASE)) {
            Release r = (Release) e;
            items.add(
                "{\"id\":" + releaseId++ + ",\"tag_name\":\"" + r.tag() + "\",\"name\":"
                    + r.name().map(n -> "\"" + n + "\"").orElse("null") + ",\"draft\":false,\"prerelease\":"
                    + r.prerelease() + ",\"published_at\":\"" + r.at() + "\",\"author\":" + user(r.actor()) + "}");
          }
          Collections.reverse(items);
          return Optional.of(items);
        case "commits":
          for (Event e : community.events(repo, EventType.COMMIT)) {
            Commit c = (Commit) e;
            StringBuilder parents = new StringBuilder();
            for (String p : c.parents()) {
              parents.append(parents.length() == 0 ? "" : ",").append("{\"sha\":\"").append(p).append("\"}");
            }
            items.add(
                "{\"sha\":\"" + c.sha() + "\",\"commit\":{\"author\":" + line(c.author().name(), c.author().email(), c.author().time())
                    + ",\"committer\":" + line(c.committer().name(), c.committer().email(), c.committer().time())
                    + "},\"author\":" + user(c.actor()) + ",\"parents\":[" + parents + "]}");
          }
          Collections.reverse(items);
          return Optional.of(items);
        default:
          return Optional.empty();
      }
    }

    private List<NumberedEvent> openings(Repository repo) {
      List<NumberedEvent> opened = new ArrayList<>();
      for (EventType type : List.of(EventType.ISSUE_OPENED, EventType.PULL_REQUEST_OPENED)) {
        community.events(repo, type).forEach(e -> opened.add((NumberedEvent) e));
      }
      opened.sort(Comparator.comparing(Event::at));
      return opened;
    }

    private NumberedEvent opening(Repository repo, int number) {
      return openings(repo).stream().filter(n -> n.number() == number).findFirst().orElseThrow();
    }

    private static long issueId(Repository repo, int number) {
      return repo.id().getAsLong() * 1000 + number;
    }

    private String issue(Repository repo, String api, NumberedEvent n) {
      return "{\"id\":" + issueId(repo, n.number()) + ",\"number\":" + n.number()
          + ",\"state\":\"open\",\"created_at\":\"" + n.at() + "\",\"user\":" + user(n.actor())
          + ",\"author_association\":\"CONTRIBUTOR\""
          + (n.onPullRequest() ? ",\"draft\":false,\"pull_request\":{\"url\":\"" + api + "/pulls/" + n.number() + "\"}" : "")
          + "}";
    }

    /**
     * The repository's issue events newest first, as GitHub lists them: a {@code referenced} event
     * when each item is opened (a kind not mapped), and each scripted close, reopen and merge;
     * a merge is a {@code merged} event and its {@code closed} one id and one second later.
     */
    private List<String> issueEvents(Repository repo, String api) {
      TreeMap<Long, String> byId = new TreeMap<>();
      List<Event> all = new ArrayList<>();
      for (EventType type :
          List.of(EventType.ISSUE_OPENED, EventType.PULL_REQUEST_OPENED, EventType.ISSUE_CLOSED, EventType.ISSUE_REOPENED,
              EventType.PULL_REQUEST_CLOSED, EventType.PULL_REQUEST_REOPENED, EventType.PULL_REQUEST_MERGED)) {
        all.addAll(community.events(repo, type));
      }
      all.sort(Comparator.comparing(Event::at));
      long id = repo.id().getAsLong() * 100_000;
      for (Event e : all) {
        NumberedEvent n = (NumberedEvent) e;
        String issue = issue(repo, api, opening(repo, n.number()));
        id += 10;
        switch (e.type()) {
          case ISSUE_OPENED:
          case PULL_REQUEST_OPENED:
            byId.put(id, issueEvent(id, "referenced", e.at(), e.actor(), issue, null));
            break;
          case PULL_REQUEST_MERGED:
            byId.put(id, issueEvent(id, "merged", e.at(), e.actor(), issue, String.format("%040x", id)));
            byId.put(id + 1, issueEvent(id + 1, "closed", e.at().plusSeconds(1), e.actor(), issue, null));
            break;
          case ISSUE_CLOSED:
          case PULL_REQUEST_CLOSED:
            byId.put(id, issueEvent(id, "closed", e.at(), e.actor(), issue, null));
            break;
          default:
            byId.put(id, issueEvent(id, "reopened", e.at(), e.actor(), issue, null));
        }
      }
      List<String> newestFirst = new ArrayList<>(byId.descendingMap().values());
      return newestFirst;
    }

    private static String issueEvent(long id, String kind, Instant at, Actor actor, String issue, String commit) {
      return "{\"id\":" + id + ",\"event\":\"" + kind + "\",\"created_at\":\"" + at + "\",\"commit_id\":"
          + (commit == null ? "null" : "\"" + commit + "\"") + ",\"actor\":" + user(actor) + ",\"issue\":" + issue + "}";
    }

    private static String line(String name, String email, Instant at) {
      return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"date\":\"" + at + "\"}";
    }

    /** A pull request as GraphQL orders it: last update (its last event), then number. */
    private record Pull(NumberedEvent opened, Instant updatedAt) {
      String cursor() {
        return Base64.getEncoder().encodeToString((updatedAt + "|" + opened.number()).getBytes(StandardCharsets.UTF_8));
      }
    }

    /**
     * The answer to the adapter's pull-requests query: pages of at most {@code first} (and at most
     * the kit's page size, so that there are several) after the keyset cursor, each pull request
     * with its reviews (never more than 100 here).
     */
    private String graphQl(String body) {
      Matcher owner = OWNER.matcher(body);
      Matcher name = NAME.matcher(body);
      Matcher after = AFTER.matcher(body);
      Matcher first = FIRST.matcher(body);
      if (!owner.find() || !name.find() || !after.find() || !first.find() || !body.contains("pullRequests(")) {
        return "{\"errors\":[{\"message\":\"this loopback forge answers only the pull requests query\"}]}";
      }
      Optional<Repository> found = community.repository(owner.group(1) + "/" + name.group(1));
      if (found.isEmpty()) {
        return "{\"data\":{\"repository\":null},\"errors\":[{\"type\":\"NOT_FOUND\",\"path\":[\"repository\"],"
            + "\"message\":\"Could not resolve to a Repository\"}]}";
      }
      Repository repo = found.get();
      List<Pull> pulls = new ArrayList<>();
      for (Event e : community.events(repo, EventType.PULL_REQUEST_OPENED)) {
        NumberedEvent opened = (NumberedEvent) e;
        Instant updated = opened.at();
        for (Event other : community.events()) {
          if (other.repo().equals(repo) && other instanceof NumberedEvent
              && ((NumberedEvent) other).number() == opened.number() && other.at().isAfter(updated)) {
            updated = other.at();
          }
        }
        pulls.add(new Pull(opened, updated));
      }
      pulls.sort(Comparator.comparing(Pull::updatedAt).thenComparingInt(p -> p.opened().number()));
      String cursor = after.group(2);
      List<Pull> remaining = new ArrayList<>();
      for (Pull p : pulls) {
        if (cursor == null || isAfter(p, cursor)) {
          remaining.add(p);
        }
      }
      int size = Math.min(Math.min(Integer.parseInt(first.group(1)), PAGE_SIZE), remaining.size());
      List<String> nodes = new ArrayList<>();
      for (Pull p : remaining.subList(0, size)) {
        List<String> reviews = new ArrayList<>();
        for (Event e : community.events(repo, EventType.REVIEW)) {
          Review r = (Review) e;
          if (r.number() == p.opened().number()) {
            reviews.add(
                "{\"databaseId\":" + r.reviewId().getAsLong() + ",\"fullDatabaseId\":\"" + r.reviewId().getAsLong()
                    + "\",\"state\":\"" + r.state().name() + "\",\"submittedAt\":\""
                    + r.at() + "\",\"authorAssociation\":\"CONTRIBUTOR\",\"author\":" + graphQlActor(r.actor()) + "}");
          }
        }
        nodes.add(
            "{\"number\":" + p.opened().number() + ",\"createdAt\":\"" + p.opened().at() + "\",\"updatedAt\":\"" + p.updatedAt()
                + "\",\"baseRefName\":\"main\",\"authorAssociation\":\"CONTRIBUTOR\",\"author\":" + graphQlActor(p.opened().actor())
                + ",\"reviews\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},\"nodes\":[" + String.join(",", reviews)
                + "]}}");
      }
      String end = size == 0 ? "null" : "\"" + remaining.get(size - 1).cursor() + "\"";
      return "{\"data\":{\"repository\":{\"pullRequests\":{\"pageInfo\":{\"hasNextPage\":" + (remaining.size() > size)
          + ",\"endCursor\":" + end + "},\"nodes\":[" + String.join(",", nodes) + "]}},"
          + "\"rateLimit\":{\"cost\":1,\"remaining\":4999,\"resetAt\":\"2030-01-01T00:00:00Z\"}}}";
    }

    private static boolean isAfter(Pull p, String cursor) {
      String[] key = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      int c = p.updatedAt().compareTo(Instant.parse(key[0]));
      return c > 0 || c == 0 && p.opened().number() > Integer.parseInt(key[1]);
    }

    /** GraphQL's actor: a Bot's login without "[bot]", the REST id as databaseId. */
    private static String graphQlActor(Actor a) {
      String type = a.kind() == ActorKind.BOT ? "Bot" : a.kind() == ActorKind.ORGANIZATION ? "Organization" : "User";
      String login = a.login().orElseThrow().replace("[bot]", "");
      return "{\"__typename\":\"" + type + "\",\"login\":\"" + login + "\",\"databaseId\":" + a.id().getAsLong() + "}";
    }

    private static String user(Actor a) {
      String type =
          a.kind() == ActorKind.BOT ? "Bot" : a.kind() == ActorKind.ORGANIZATION ? "Organization" : "User";
      return "{\"login\":\"" + a.login().orElseThrow() + "\",\"id\":" + a.id().getAsLong() + ",\"type\":\""
          + type + "\"}";
    }
  }
}
