package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.metrics.forks.Divergence;
import io.github.communitymetrics.forge.internal.Authenticator;
import io.github.communitymetrics.forge.internal.CheckpointStore;
import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.crawl.Checkpoint;
import io.github.communitymetrics.forge.crawl.PagedList;
import io.github.communitymetrics.forge.crawl.RepositoryLoop;
import io.github.communitymetrics.forge.crawl.StagedSink;
import io.github.communitymetrics.forge.ListedRepository;
import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.ForgeSourceBuilder;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.internal.Links;
import io.github.communitymetrics.forge.ProgressListener;
import io.github.communitymetrics.forge.NotReadyException;
import io.github.communitymetrics.forge.internal.RequestAccounting;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.github.internal.ETagCache;
import io.github.communitymetrics.github.internal.GitHubRateLimits;
import io.github.communitymetrics.github.internal.GraphQl;
import io.github.communitymetrics.github.internal.Mapping;
import io.github.communitymetrics.github.internal.TokenPool;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads GitHub repositories through the REST API and emits core events.
 *
 * <p>Each resource is read 100 items a page, following {@code Link: rel="next"}. With a checkpoint
 * directory the cursor of each resource (the next page, or the last page and how many of its items
 * were emitted) is committed after each page through metrics-forge's crawl engine: the sink is
 * synced first when it is a {@link io.github.communitymetrics.forge.CrawlSink} (an {@link
 * io.github.communitymetrics.forge.EventFile} forces its events to disk), then the one state file
 * with every cursor and the output's length is replaced atomically. A fetch killed at any moment
 * resumes where it stopped, losing and repeating nothing, and a later fetch reads only what is
 * new ({@code docs/github.md}, "Durability"). Items are deduplicated by their GitHub id within a
 * fetch.
 *
 * <p>Thread-safe: each {@link #fetch} builds its own HTTP client and counters.
 */
public final class GitHubSource {
  private static final Logger LOG = LoggerFactory.getLogger(GitHubSource.class);
  private static final String JSON = "application/vnd.github+json";
  private static final String STAR_JSON = "application/vnd.github.star+json";
  private static final String API_VERSION = "2022-11-28";
  private static final int PAGE_SIZE = 100;

  private final URI apiUrl;
  private final Optional<URI> graphQlUrl;
  private final ReviewsApi reviewsApi;
  private final int graphQlPageSize;
  private final List<Token> tokens;
  private final ForgeSourceBuilder.Transport transport;
  private final ProgressListener listener;

  private GitHubSource(Builder b, ForgeSourceBuilder.Transport transport) {
    this.apiUrl = b.apiUrl;
    this.graphQlUrl = b.graphQlUrl;
    this.reviewsApi = b.reviewsApi;
    this.graphQlPageSize = b.graphQlPageSize;
    this.tokens = List.copyOf(b.tokens);
    if (reviewsApi == ReviewsApi.GRAPHQL && tokens.isEmpty()) {
      throw new IllegalStateException("reviewsApi GRAPHQL needs a token: GitHub's GraphQL API refuses anonymous queries");
    }
    this.transport = transport;
    this.listener = transport.listener();
    if (tokens.isEmpty()) {
      LOG.warn(
          "no GitHub token (builder, GITHUB_TOKEN or GH_TOKEN): unauthenticated requests are"
              + " limited to 60 an hour per IP address");
    }
  }

  /**
   * A builder with the defaults documented on its methods.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The REST API base URL.
   *
   * @return such as {@code https://api.github.com} or {@code https://HOST/api/v3}
   */
  public URI apiUrl() {
    return apiUrl;
  }

  /**
   * The GraphQL endpoint: the one given to the builder, else the one that belongs to the REST base
   * URL: {@code https://api.github.com/graphql} on github.com, {@code https://HOST/api/graphql} on
   * GitHub Enterprise Server.
   *
   * @return the endpoint
   */
  public URI graphQlUrl() {
    if (graphQlUrl.isPresent()) {
      return graphQlUrl.get();
    }
    String base = apiUrl.toString().replaceAll("/+$", "");
    return base.endsWith("/api/v3")
        ? URI.create(base.substring(0, base.length() - "/v3".length()) + "/graphql")
        : URI.create(base + "/graphql");
  }

  /**
   * Fetches a repository or all repositories of an owner and hands each event to the sink, in the
   * order GitHub lists them (oldest first for stars and forks).
   *
   * @param target the repository or owner
   * @param options what to read and where to keep cursors
   * @param sink receives each event once
   * @return what the fetch read and cost
   * @throws io.github.communitymetrics.forge.ForgeException when GitHub refuses or keeps failing;
   *     cursors saved up to then stay valid for a resumed fetch
   */
  public FetchReport fetch(
      GitHubTarget target, FetchOptions options, Consumer<? super Event> sink) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    RequestAccounting accounting = new RequestAccounting();
    ForgeHttpClient http = client(accounting);
    // Of an owner, events wait for the commit that covers them: a repository that fails is passed
    // over without leaving events its cursors do not cover (RepositoryLoop).
    StagedSink stage = new StagedSink(sink);
    Consumer<? super Event> out = target.isOwner() ? stage : sink;
    Checkpoint checkpoint =
        options.checkpointDirectory().map(d -> Checkpoint.open(d, out)).orElseGet(Checkpoint::none);
    Run run =
        new Run(
            http,
            checkpoint,
            new ETagCache(options.cacheDirectory().map(CheckpointStore::open)),
            options.since(),
            out);
    Optional<RepositoryListing> listing = Optional.empty();
    List<Repository> repositories;
    List<RepositoryFailure> failed = List.of();
    if (target.isOwner()) {
      listing = Optional.of(listRepositories(run::execute, target.owner(), options.selection()));
      RepositoryLoop<Repository> loop =
          RepositoryLoop.readEach(
              listing.get().names(), options.stopAtFailedRepository(), checkpoint, stage,
              name -> readRepository(run, name, options));
      repositories = loop.read();
      failed = loop.failures();
    } else {
      repositories = List.of(readRepository(run, target.toString(), options));
    }
    // The events are durable and every cursor saved: a later fetch may write to another output.
    checkpoint.finish();
    return new FetchReport(
        target,
        repositories,
        run.items,
        run.duplicates,
        run.mergeClosesFolded,
        run.ghostActors,
        run.beforeSince,
        run.graphQlPoints,
        run.skipped,
        run.collaborators,
        accounting.snapshot(),
        listing,
        failed);
  }

  /**
   * The repositories of an organisation or user that a selection keeps. The organisation's list
   * is asked for first ({@code GET /orgs/{owner}/repos?type=all}: every repository the token may
   * see, private and internal ones included when it may); when GitHub answers 404 there the owner
   * is taken for a user ({@code GET /users/{owner}/repos?type=owner}: the public repositories the
   * user owns; GitHub lists a user's private ones only to that user, at {@code /user/repos}, which
   * is not read). 100 a page, following {@code Link: rel="next"}; a next page on another host is
   * read without the token, as every request of {@link ForgeHttpClient}.
   *
   * @param owner an organisation's or user's login
   * @param selection which repositories to keep
   * @return the listing
   * @throws NotFoundException when GitHub knows neither an organisation nor a user of that login
   * @throws io.github.communitymetrics.forge.ForgeException as {@link #fetch}
   */
  public RepositoryListing repositories(String owner, RepositorySelection selection) {
    Objects.requireNonNull(selection, "selection");
    // Checks the login as a target does.
    GitHubTarget target = new GitHubTarget(owner, Optional.empty());
    ForgeHttpClient http = client(new RequestAccounting());
    return listRepositories(http::execute, target.owner(), selection);
  }

  private RepositoryListing listRepositories(
      java.util.function.Function<ForgeRequest, ForgeResponse> execute, String owner, RepositorySelection selection) {
    URI first = api("/orgs/" + owner + "/repos?type=all&per_page=" + PAGE_SIZE);
    ForgeResponse page;
    try {
      page = execute.apply(get(first, JSON));
    } catch (NotFoundException e) {
      first = api("/users/" + owner + "/repos?type=owner&per_page=" + PAGE_SIZE);
      try {
        page = execute.apply(get(first, JSON));
      } catch (NotFoundException again) {
        throw new NotFoundException("GitHub knows no organisation or user '" + owner + "'", first);
      }
    }
    List<ListedRepository> listed = new ArrayList<>();
    while (true) {
      JsonValues json = JsonValues.of(page);
      for (Map<String, Object> repo : json.array()) {
        listed.add(Mapping.listedRepository(json, repo));
      }
      Optional<URI> next = Links.next(page);
      if (next.isEmpty()) {
        break;
      }
      page = execute.apply(get(next.get(), JSON));
    }
    return RepositoryListing.select(first, listed, selection);
  }

  /**
   * Reads one repository: its metadata, then each resource of the options. Cursors are keyed by
   * the name asked for, which stays stable when the repository is renamed.
   */
  private Repository readRepository(Run run, String name, FetchOptions options) {
    ForgeResponse meta = run.execute(get(api("/repos/" + name), JSON));
    JsonValues json = JsonValues.of(meta);
    Repository repo = Mapping.repository(json, json.object());
    String prefix = name.replace("/", "__");
    if (options.collaborators()) {
      run.collaborators(name, repo);
    }
    for (GitHubResource resource : readingOrder()) {
      if (!options.resources().contains(resource)) {
        continue;
      }
      if (resource == GitHubResource.ISSUE_EVENTS) {
        run.issueEvents(prefix, api("/repos/" + name + "/issues/events?per_page=" + PAGE_SIZE), repo);
        continue;
      }
      if (resource == GitHubResource.RELEASES || resource == GitHubResource.COMMITS) {
        boolean releases = resource == GitHubResource.RELEASES;
        try {
          run.newestFirst(
              resource,
              prefix,
              api(
                  "/repos/" + name + (releases ? "/releases" : "/commits") + "?per_page=" + PAGE_SIZE
                      + (releases ? "" : options.since().map(t -> "&since=" + t).orElse(""))),
              releases ? Mapping::idKey : (j, item) -> j.text(item, "sha"),
              (j, item) -> releases ? Mapping.release(j, item, repo) : Mapping.commit(j, item, repo));
        } catch (ServerErrorException e) {
          // GitHub answers 409 "Git Repository is empty." for the commits of a repository without
          // any: no commits, not a failure (nothing was emitted: the list is emitted once read).
          if (releases || e.status() != 409) {
            throw e;
          }
          run.items.putIfAbsent(resource, 0L);
          run.skip(name, "commits", "HTTP 409: the repository is empty");
        }
        continue;
      }
      if (resource == GitHubResource.REVIEWS && usesGraphQl()) {
        run.graphQlReviews(prefix, name, repo);
        continue;
      }
      if (resource == GitHubResource.REVIEWS) {
        run.pages(
            resource,
            prefix,
            api("/repos/" + name + "/pulls?state=all&sort=created&direction=asc&per_page=" + PAGE_SIZE),
            JSON,
            Mapping::idKey,
            (j, pull) -> run.reviews(name, repo, j, pull),
            true);
        continue;
      }
      ListSpec list = ListSpec.of(resource);
      run.pages(
          resource,
          prefix,
          api("/repos/" + name + list.pathAndQuery() + "per_page=" + PAGE_SIZE),
          list.accept(),
          list.key(),
          (j, item) -> List.of(run.withPullRequestFacts(prefix, list.event().map(j, item, repo))),
          false);
    }
    return repo;
  }

  /**
   * Whether reviews are read through GraphQL.
   *
   * @return true for {@link ReviewsApi#GRAPHQL}, and for {@link ReviewsApi#AUTO} with a token
   */
  public boolean usesGraphQl() {
    return reviewsApi == ReviewsApi.GRAPHQL || (reviewsApi == ReviewsApi.AUTO && !tokens.isEmpty());
  }

  /**
   * The resources in the order a fetch reads them: the declaration order, except that the reviews
   * (whose pull-request lists carry each pull request's base branch and head repository) come
   * before the issues (whose pull requests carry neither) and the issue events (whose merges carry
   * no base branch), so that an opening gets its head repository and a merge its base branch
   * without another request.
   */
  private static List<GitHubResource> readingOrder() {
    List<GitHubResource> order = new ArrayList<>(List.of(GitHubResource.values()));
    order.remove(GitHubResource.REVIEWS);
    order.add(order.indexOf(GitHubResource.ISSUES), GitHubResource.REVIEWS);
    return order;
  }

  private ForgeHttpClient client(RequestAccounting accounting) {
    return ForgeHttpClient.builder(transport)
        .authenticator(tokens.isEmpty() ? Authenticator.NONE : new TokenPool(tokens))
        // The credential goes to the REST and GraphQL origins (and trusted hosts) only.
        .credentialOrigin(apiUrl)
        .credentialOrigin(graphQlUrl())
        .rateLimitClassifier(new GitHubRateLimits())
        .accounting(accounting)
        .build();
  }

  /**
   * Polls of {@link #contributorStats(GitHubTarget)}: 8 requests, waits from 2 s doubling to 30 s
   * with up to half of each random: at most 2 minutes of waiting in all.
   */
  private static final RetryPolicy STATS_POLLS = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(30), 0.5);

  /**
   * The weekly commits, additions and deletions of a repository's top contributors, from {@code
   * GET /repos/{o}/{n}/stats/contributors}. GitHub computes these statistics in the background and
   * answers {@code 202 Accepted} until they are ready: the request is repeated 8 times at most,
   * 2 s doubling to 30 s apart, then {@link NotReadyException}. Not events: commits are read as
   * events by {@link GitHubResource#COMMITS}; these are GitHub's own aggregates, cheap (one
   * request) but limited to 100 contributors and without line counts for repositories of 10,000
   * commits or more.
   *
   * @param repository {@code OWNER/NAME}
   * @return one entry per contributor as GitHub lists them; empty for a repository without commits
   *     (GitHub answers 204)
   * @throws NotReadyException when GitHub is still computing after every poll
   * @throws io.github.communitymetrics.forge.ForgeException as {@link #fetch}
   */
  public List<ContributorStats> contributorStats(GitHubTarget repository) {
    return contributorStats(repository, STATS_POLLS);
  }

  /**
   * {@link #contributorStats(GitHubTarget)} with other polls.
   *
   * @param repository {@code OWNER/NAME}
   * @param polls at most {@code polls.maxAttempts()} requests while GitHub answers 202, waiting
   *     {@code polls.delay(1)}, {@code polls.delay(2)}, ... between them
   * @return one entry per contributor
   */
  public List<ContributorStats> contributorStats(GitHubTarget repository, RetryPolicy polls) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(polls, "polls");
    if (repository.isOwner()) {
      throw new IllegalArgumentException("contributor statistics need OWNER/NAME, not an owner: " + repository);
    }
    ForgeResponse response =
        client(new RequestAccounting())
            .executeUntilReady(get(api("/repos/" + repository + "/stats/contributors"), JSON), polls);
    if (response.status() == 204) {
      return List.of();
    }
    JsonValues json = JsonValues.of(response);
    List<ContributorStats> out = new ArrayList<>();
    for (Map<String, Object> item : json.array()) {
      List<ContributorStats.Week> weeks = new ArrayList<>();
      Object listed = item.get("weeks");
      if (!(listed instanceof List)) {
        throw json.malformed("a contributor without a 'weeks' array");
      }
      for (Object w : (List<?>) listed) {
        if (!(w instanceof Map)) {
          throw json.malformed("a week is not an object");
        }
        Map<String, Object> week = JsonValues.asObject(w);
        try {
          weeks.add(
              new ContributorStats.Week(
                  Instant.ofEpochSecond(json.number(week, "w")),
                  json.number(week, "a"),
                  json.number(week, "d"),
                  json.number(week, "c")));
        } catch (IllegalArgumentException e) {
          throw json.malformed("week " + week + ": " + e.getMessage());
        }
      }
      long total = json.number(item, "total");
      if (total < 0) {
        throw json.malformed("negative total " + total);
      }
      out.add(new ContributorStats(Mapping.userOrGhost(json, item, "author"), total, weeks));
    }
    return out;
  }

  /**
   * A repository's default branch, from {@code GET /repos/{o}/{n}} (one request).
   *
   * @param repository {@code OWNER/NAME}
   * @return the branch; empty when GitHub answers 404 (the repository is missing or not visible)
   * @throws io.github.communitymetrics.forge.ForgeException as {@link #fetch}
   */
  public Optional<String> defaultBranch(GitHubTarget repository) {
    return compare(repository).defaultBranch(repository);
  }

  /**
   * How far a fork has diverged from its upstream, from GitHub's compare API: {@code GET
   * /repos/{upstream}/compare/{upstreamBranch}...{forkOwner}:{forkName}:{forkBranch}?per_page=1}
   * ({@code ahead_by}, {@code behind_by}, {@code status}, {@code merge_base_commit}); one request,
   * and one more to read the fork's default branch when none is given. What concerns this fork is
   * a {@link Divergence.Unknown} with its reason, never 0 ahead and 0 behind: the fork missing
   * (404 on it), a branch missing, no common history (a 404 on the comparison whose fork and
   * branches all exist: up to three more requests tell these apart), a comparison too large (a
   * 5xx after every retry, as GitHub answers when it cannot compute it in time, or an answer larger
   * than the client accepts), a refusal (403, 410, 451, another status) or a malformed answer; a
   * {@code status} that contradicts the counts is a malformed answer too. The instant is the
   * client's clock when the comparison starts.
   *
   * @param upstream the upstream, {@code OWNER/NAME}
   * @param upstreamBranch its branch to compare with, such as its {@link #defaultBranch}
   * @param fork the fork, {@code OWNER/NAME}, in the upstream's network
   * @param forkBranch the fork's branch; empty for its default branch
   * @return the comparison, with source {@link Divergence.Source#GITHUB_COMPARE}
   * @throws io.github.communitymetrics.forge.AuthenticationException on 401
   * @throws io.github.communitymetrics.forge.RateLimitedException when a rate limit outlasts the waits
   */
  public Divergence compareFork(
      GitHubTarget upstream, String upstreamBranch, GitHubTarget fork, Optional<String> forkBranch) {
    Objects.requireNonNull(upstreamBranch, "upstreamBranch");
    Objects.requireNonNull(forkBranch, "forkBranch");
    for (GitHubTarget t : List.of(Objects.requireNonNull(upstream, "upstream"), Objects.requireNonNull(fork, "fork"))) {
      if (t.isOwner()) {
        throw new IllegalArgumentException("a comparison needs OWNER/NAME, not an owner: " + t);
      }
    }
    if (upstreamBranch.isBlank() || forkBranch.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("a branch must not be blank");
    }
    return compare(upstream).compare(upstream, upstreamBranch, fork, forkBranch);
  }

  private ForkCompare compare(GitHubTarget repository) {
    if (Objects.requireNonNull(repository, "repository").isOwner()) {
      throw new IllegalArgumentException("a repository is OWNER/NAME, not an owner: " + repository);
    }
    return new ForkCompare(client(new RequestAccounting()), this::api, uri -> get(uri, JSON));
  }

  private URI api(String pathAndQuery) {
    return URI.create(apiUrl.toString().replaceAll("/+$", "") + pathAndQuery);
  }

  private static ForgeRequest get(URI uri, String accept) {
    return ForgeRequest.get(uri)
        .withHeader("Accept", accept)
        .withHeader("X-GitHub-Api-Version", API_VERSION);
  }

  /** Maps one page item of a repository to an event. */
  @FunctionalInterface
  private interface ItemMapper {
    Event map(JsonValues json, Map<String, Object> item, Repository repo);
  }

  /**
   * How a resource is listed: the path below the repository with the query before {@code
   * per_page} (each list ordered oldest first, which the cursors rely on), the media type, the
   * deduplication key and the mapping.
   */
  private record ListSpec(
      String pathAndQuery, String accept, ItemReader<String> key, ItemMapper event) {
    static ListSpec of(GitHubResource resource) {
      switch (resource) {
        case STARGAZERS:
          return new ListSpec("/stargazers?", STAR_JSON, Mapping::starKey, Mapping::star);
        case FORKS:
          return new ListSpec("/forks?sort=oldest&", JSON, Mapping::idKey, Mapping::fork);
        case ISSUES:
          return new ListSpec(
              "/issues?state=all&sort=created&direction=asc&", JSON, Mapping::idKey, Mapping::opened);
        case ISSUE_COMMENTS:
          return new ListSpec(
              "/issues/comments?sort=created&direction=asc&",
              JSON,
              Mapping::idKey,
              Mapping::issueComment);
        case REVIEW_COMMENTS:
          return new ListSpec(
              "/pulls/comments?sort=created&direction=asc&",
              JSON,
              Mapping::idKey,
              Mapping::reviewComment);
        case ISSUE_EVENTS: // read by Run.issueEvents: listed newest first
        case REVIEWS: // one list per pull request, read by Run.reviews
        case RELEASES: // read by Run.newestFirst
        case COMMITS:
        default:
          throw new AssertionError(resource);
      }
    }
  }

  /** Reads one value of a page item. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read(JsonValues json, Map<String, Object> item);
  }

  /** The checkpoint suffix of the pull requests' base branches read. */
  private static final String BASE_REFS = "base-refs";

  /** The checkpoint suffix of the pull requests' head repositories read. */
  private static final String HEAD_REPOS = "head-repos";

  /** The state of one fetch: cursors, dedup keys, counts. */
  private final class Run {
    final ForgeHttpClient http;
    final Checkpoint checkpoint;
    final ETagCache cache;
    final Optional<java.time.Instant> since;
    final Consumer<? super Event> sink;
    final Set<String> seen = new HashSet<>();
    final Map<GitHubResource, Long> items = new EnumMap<>(GitHubResource.class);
    long duplicates;
    long mergeClosesFolded;
    long ghostActors;
    long beforeSince;
    long graphQlPoints;
    final List<FetchReport.Skip> skipped = new ArrayList<>();
    final List<Collaborator> collaborators = new ArrayList<>();
    /**
     * Per repository (cursor prefix) and kind ({@link #BASE_REFS}, {@link #HEAD_REPOS}): pull-request
     * number to base branch or head repository's full name, from the pulls read.
     */
    final Map<String, Map<Integer, String>> pullFacts = new HashMap<>();

    Run(
        ForgeHttpClient http,
        Checkpoint checkpoint,
        ETagCache cache,
        Optional<java.time.Instant> since,
        Consumer<? super Event> sink) {
      this.http = http;
      this.checkpoint = checkpoint;
      this.cache = cache;
      this.since = since;
      this.sink = sink;
    }

    ForgeResponse execute(ForgeRequest request) {
      return cache.execute(http, request);
    }

    boolean emit(Event event) {
      return emitTo(this, event);
    }

    /**
     * Reads the repository-wide issue-events list, which GitHub lists newest first (and offers no
     * other order), so the cursor scheme of the other lists does not apply. The list is read to
     * its end (or, with a saved cursor, to the first event already emitted), the state changes are
     * kept, the close GitHub records with each merge is folded into the merge, and the rest is
     * emitted oldest first; only then is the cursor {@code HW TAB id} (the newest event id
     * emitted) saved. A fetch killed while reading this list therefore emits none of it and reads
     * it again when resumed. The page that reaches the saved id is still used to pair a new close
     * with an older merge.
     */
    void issueEvents(String prefix, URI first, Repository repo) {
      GitHubResource resource = GitHubResource.ISSUE_EVENTS;
      String cursorKey = prefix + "." + resource.wireName();
      Optional<String> saved = checkpoint.read(cursorKey).map(c -> highWater(cursorKey, c));
      if (saved.isPresent() && !saved.get().matches("[0-9]{1,18}")) {
        throw badCursor("cursor " + cursorKey + " is not 'HW<TAB>event id': " + saved.get());
      }
      long highWater = saved.map(Long::parseLong).orElse(0L);
      // Event id -> state change, ordered by id, which is the order GitHub recorded them in.
      java.util.TreeMap<Long, NumberedEvent> changes = new java.util.TreeMap<>();
      URI url = first;
      int page = 0;
      boolean reachedSaved = false;
      while (url != null && !reachedSaved) {
        ForgeResponse response = execute(get(url, JSON));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> list = json.array();
        page++;
        listener.onPage(resource.wireName(), page, list.size());
        for (Map<String, Object> item : list) {
          long id = json.number(item, "id");
          reachedSaved |= id <= highWater;
          Optional<NumberedEvent> change = Mapping.stateChange(json, item, repo);
          if (change.isPresent() && changes.put(id, change.get()) != null) {
            duplicates++;
          }
        }
        url = Links.next(response).orElse(null);
      }
      Map<Integer, List<Long>> merges = new java.util.HashMap<>();
      changes.forEach(
          (id, e) -> {
            if (e instanceof PullRequestMerged) {
              merges.computeIfAbsent(e.number(), n -> new ArrayList<>()).add(id);
            }
          });
      long emitted = 0;
      long newest = highWater;
      for (Map.Entry<Long, NumberedEvent> entry : changes.tailMap(highWater, false).entrySet()) {
        NumberedEvent e = entry.getValue();
        if (e instanceof PullRequestClosed
            && Mapping.isMergeClose(merges.getOrDefault(e.number(), List.of()), entry.getKey())) {
          mergeClosesFolded++;
        } else if (emit(withPullRequestFacts(prefix, e))) {
          emitted++;
        }
        newest = entry.getKey();
      }
      items.merge(resource, emitted, Long::sum);
      listener.onItems(resource.wireName(), emitted);
      long cursor = newest;
      checkpoint.save(cursorKey, "HW\t" + cursor);
    }

    /**
     * Reads a list GitHub orders newest first (releases, commits): from the first page up to the
     * item whose key the cursor {@code HW TAB key} saved (the newest item an earlier fetch
     * emitted), then emits what is newer, oldest first, and saves the new cursor. Like the issue
     * events, a fetch killed while reading the list emits none of it. When the saved item is gone
     * (a deleted release, a force-pushed branch) the whole list is read and emitted again.
     */
    void newestFirst(
        GitHubResource resource,
        String prefix,
        URI first,
        ItemReader<String> key,
        ItemReader<Optional<Event>> event) {
      String cursorKey = prefix + "." + resource.wireName();
      Optional<String> saved = checkpoint.read(cursorKey).map(c -> highWater(cursorKey, c));
      List<Event> newer = new ArrayList<>();
      Optional<String> newest = Optional.empty();
      URI url = first;
      int page = 0;
      boolean reached = false;
      while (url != null && !reached) {
        ForgeResponse response = execute(get(url, JSON));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> list = json.array();
        page++;
        listener.onPage(resource.wireName(), page, list.size());
        for (Map<String, Object> item : list) {
          String k = key.read(json, item);
          if (saved.isPresent() && saved.get().equals(k)) {
            reached = true;
            break;
          }
          if (newest.isEmpty()) {
            newest = Optional.of(k);
          }
          if (!seen.add(resource.wireName() + ":" + prefix + ":" + k)) {
            duplicates++;
            continue;
          }
          event.read(json, item).ifPresent(newer::add);
        }
        url = Links.next(response).orElse(null);
      }
      Collections.reverse(newer);
      long emitted = newer.stream().filter(this::emit).count();
      items.merge(resource, emitted, Long::sum);
      listener.onItems(resource.wireName(), emitted);
      newest.ifPresent(k -> checkpoint.save(cursorKey, "HW\t" + k));
    }

    /**
     * The submitted reviews of one pull request (an element of the pulls list), oldest first, all
     * pages. Pending reviews (not submitted, no {@code submitted_at}) are not events.
     */
    List<Event> reviews(String name, Repository repo, JsonValues pullJson, Map<String, Object> pull) {
      long number = pullJson.number(pull, "number");
      Actor author = Mapping.userOrGhost(pullJson, pull, "user");
      List<Event> out = new ArrayList<>();
      URI url = api("/repos/" + name + "/pulls/" + number + "/reviews?per_page=" + PAGE_SIZE);
      while (url != null) {
        ForgeResponse response = execute(get(url, JSON));
        JsonValues json = JsonValues.of(response);
        for (Map<String, Object> review : json.array()) {
          Mapping.review(json, review, repo, (int) number, author).ifPresent(out::add);
        }
        url = Links.next(response).orElse(null);
      }
      return out;
    }

    /**
     * A merge with the base branch of its pull request, and a pull request's opening with its head
     * repository, when this fetch (or, with a checkpoint directory, an earlier one) read them (the
     * reviews' pull-request lists, read before the issues and the issue events); else the event
     * unchanged.
     */
    Event withPullRequestFacts(String prefix, Event e) {
      if (e instanceof PullRequestOpened o) {
        String head = known(prefix, HEAD_REPOS).get(o.number());
        return o.headRepository().isPresent() || head == null
            ? o
            : new PullRequestOpened(
                o.at(), o.repo(), o.actor(), o.number(), o.draft(), o.baseBranch(), o.association(),
                o.labels(), Optional.of(head), o.closes());
      }
      if (!(e instanceof PullRequestMerged)) {
        return e;
      }
      PullRequestMerged m = (PullRequestMerged) e;
      String base = known(prefix, BASE_REFS).get(m.number());
      if (m.baseBranch().isPresent() || base == null) {
        return m;
      }
      return new PullRequestMerged(
          m.at(), m.repo(), m.actor(), m.number(), m.author(), Optional.of(base), m.mergeCommitSha());
    }

    /**
     * Reads the reviews of every pull request through GraphQL, {@link GraphQl#PULL_REQUESTS} pages
     * ordered by last update, oldest first, and {@link GraphQl#MORE_REVIEWS} for a pull request
     * with more than 100. A page's events are emitted once all its queries have answered, then the
     * cursor {@code GQL TAB endCursor TAB done TAB last} is saved: the page to continue after (the
     * cursor encodes the last pull request's update time, so pull requests updated later come
     * after it), the update time of the last pull request of the last complete pass ({@code done})
     * and of the last one read ({@code last}); {@code -} for none. A later pass reads only the pull
     * requests updated since, and of those created by {@code done} (which the completed pass read)
     * emits only the reviews submitted after {@code done}.
     */
    void graphQlReviews(String prefix, String fullName, Repository repo) {
      GitHubResource resource = GitHubResource.REVIEWS;
      String cursorKey = prefix + ".reviews-graphql";
      Optional<String> after = Optional.empty();
      Optional<Instant> done = Optional.empty();
      Optional<Instant> last = Optional.empty();
      Optional<String> saved = checkpoint.read(cursorKey);
      if (saved.isPresent()) {
        String[] parts = saved.get().split("\t", -1);
        if (parts.length != 4 || !parts[0].equals("GQL")) {
          throw badCursor(
              "cursor " + cursorKey + " is not 'GQL<TAB>cursor<TAB>done<TAB>last': " + saved.get());
        }
        after = dash(parts[1]);
        try {
          done = dash(parts[2]).map(Instant::parse);
          last = dash(parts[3]).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
          throw badCursor("cursor " + cursorKey + " holds a time that is not an ISO-8601 instant: " + saved.get());
        }
      }
      String owner = fullName.substring(0, fullName.indexOf('/'));
      String name = fullName.substring(fullName.indexOf('/') + 1);
      items.putIfAbsent(resource, 0L);
      int page = 0;
      while (true) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("owner", owner);
        variables.put("name", name);
        variables.put("first", graphQlPageSize);
        variables.put("after", after);
        ForgeResponse response = query(GraphQl.PULL_REQUESTS, variables);
        JsonValues json = JsonValues.of(response);
        Map<String, Object> data = GraphQl.data(response, reason -> skip(fullName, "reviews", reason));
        graphQlPoints += GraphQl.cost(json, data);
        Map<String, Object> pulls =
            json.object(json.optionalObject(data, "repository").orElseThrow(() -> json.malformed("repository is null")), "pullRequests");
        List<Map<String, Object>> nodes = nodes(json, pulls);
        page++;
        listener.onPage(resource.wireName(), page, nodes.size());
        List<Event> found = new ArrayList<>();
        Map<Integer, String> bases = new HashMap<>();
        Map<Integer, String> heads = new HashMap<>();
        for (Map<String, Object> pull : nodes) {
          int number = Mapping.graphQlNumber(json, pull);
          Actor author = Mapping.graphQlActor(json, pull, "author");
          json.optionalText(pull, "baseRefName").ifPresent(ref -> bases.put(number, ref));
          // null once the fork was deleted: no head repository then.
          json.optionalObject(pull, "headRepository")
              .flatMap(r -> json.optionalText(r, "nameWithOwner"))
              .ifPresent(r -> heads.put(number, r));
          Instant created = json.instant(pull, "createdAt");
          last = Optional.of(json.instant(pull, "updatedAt"));
          Optional<Instant> before = done.filter(d -> !created.isAfter(d));
          Map<String, Object> reviews = json.object(pull, "reviews");
          JsonValues reviewJson = json;
          while (true) {
            for (Map<String, Object> node : nodes(reviewJson, reviews)) {
              Optional<Review> review = Mapping.graphQlReview(reviewJson, node, repo, number, author);
              // Reviews of a pull request that the last complete pass read, submitted by then,
              // were emitted by that pass.
              if (review.isPresent() && !(before.isPresent() && !review.get().at().isAfter(before.get()))) {
                if (seen.add("review:" + prefix + ":" + review.get().reviewId().getAsLong())) {
                  found.add(review.get());
                } else {
                  duplicates++;
                }
              }
            }
            Optional<String> more = endCursorIfMore(reviewJson, reviews);
            if (more.isEmpty()) {
              break;
            }
            Map<String, Object> moreVariables = new HashMap<>();
            moreVariables.put("owner", owner);
            moreVariables.put("name", name);
            moreVariables.put("number", number);
            moreVariables.put("after", more);
            ForgeResponse next = query(GraphQl.MORE_REVIEWS, moreVariables);
            reviewJson = JsonValues.of(next);
            Map<String, Object> moreData = GraphQl.data(next, reason -> skip(fullName, "reviews", reason));
            graphQlPoints += GraphQl.cost(reviewJson, moreData);
            Map<String, Object> repository =
                reviewJson.optionalObject(moreData, "repository").orElseThrow(() -> json.malformed("repository is null"));
            Optional<Map<String, Object>> pullRequest = reviewJson.optionalObject(repository, "pullRequest");
            if (pullRequest.isEmpty()) {
              break; // deleted meanwhile (a nested NOT_FOUND, already counted as skipped)
            }
            reviews = reviewJson.object(pullRequest.get(), "reviews");
          }
        }
        remember(prefix, BASE_REFS, bases);
        remember(prefix, HEAD_REPOS, heads);
        long emitted = found.stream().filter(this::emit).count();
        items.merge(resource, emitted, Long::sum);
        listener.onItems(resource.wireName(), emitted);
        Optional<String> endCursor = endCursorIfMore(json, pulls);
        Optional<String> pageEnd =
            json.optionalText(json.object(pulls, "pageInfo"), "endCursor");
        after = pageEnd.isPresent() ? pageEnd : after;
        if (endCursor.isEmpty()) {
          done = last.isPresent() ? last : done;
        }
        String cursor =
            "GQL\t" + after.orElse("-") + "\t" + done.map(Instant::toString).orElse("-") + "\t"
                + last.map(Instant::toString).orElse("-");
        checkpoint.save(cursorKey, cursor);
        if (endCursor.isEmpty()) {
          return;
        }
      }
    }

    /**
     * The base branches ({@link #BASE_REFS}) or head repositories ({@link #HEAD_REPOS}) of a
     * repository's pull requests known so far: those read by this fetch, and with a checkpoint
     * directory those read by earlier fetches ({@code PREFIX.base-refs} and {@code
     * PREFIX.head-repos}, lines {@code NUMBER TAB NAME}), so that a resumed or later fetch joins
     * them as a whole one would.
     */
    Map<Integer, String> known(String prefix, String kind) {
      String key = prefix + "." + kind;
      return pullFacts.computeIfAbsent(
          key,
          k -> {
            Map<Integer, String> loaded = new HashMap<>();
            checkpoint.read(k).ifPresent(text -> text.lines().forEach(line -> {
              String[] parts = line.split("\t", 2);
              if (parts.length != 2 || !parts[0].matches("[1-9][0-9]{0,9}")) {
                throw badCursor("cursor " + k + " has a line that is not 'NUMBER<TAB>"
                    + (kind.equals(BASE_REFS) ? "BRANCH" : "OWNER/NAME") + "': " + line);
              }
              loaded.put(Integer.parseInt(parts[0]), parts[1]);
            }));
            return loaded;
          });
    }

    /** Adds a page's facts of one kind and, when any changed, saves them before the page's cursor. */
    void remember(String prefix, String kind, Map<Integer, String> page) {
      Map<Integer, String> known = known(prefix, kind);
      boolean changed = false;
      for (Map.Entry<Integer, String> e : page.entrySet()) {
        changed |= !e.getValue().equals(known.put(e.getKey(), e.getValue()));
      }
      if (changed && checkpoint.directory().isPresent()) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(known).forEach((n, ref) -> text.append(n).append('\t').append(ref).append('\n'));
        checkpoint.save(prefix + "." + kind, text.toString());
      }
    }

    private ForgeResponse query(String query, Map<String, ?> variables) {
      ForgeRequest request =
          new ForgeRequest(
              "POST",
              graphQlUrl(),
              Map.of("Accept", "application/json", "Content-Type", "application/json"),
              Optional.of(GraphQl.body(query, variables)));
      // Not through the ETag cache: a POST's answer depends on its body, not only on its URL.
      return http.execute(request);
    }

    /**
     * Adds a repository's direct collaborators to the report, all pages; a 403 (the token lacks
     * push access) or 404 is a skip, and then none of the repository's collaborators is reported.
     */
    void collaborators(String name, Repository repo) {
      List<Collaborator> found = new ArrayList<>();
      Set<Long> ids = new HashSet<>();
      Instant readAt = http.clock().instant();
      URI url = api("/repos/" + name + "/collaborators?affiliation=direct&per_page=" + PAGE_SIZE);
      try {
        while (url != null) {
          ForgeResponse response = execute(get(url, JSON));
          JsonValues json = JsonValues.of(response);
          for (Map<String, Object> user : json.array()) {
            Actor member = Mapping.actor(json, user);
            if (member.id().isPresent() && !ids.add(member.id().getAsLong())) {
              duplicates++;
              continue;
            }
            found.add(
                new Collaborator(
                    repo, member, Mapping.permission(json, user), json.optionalText(user, "role_name"), readAt));
          }
          url = Links.next(response).orElse(null);
        }
      } catch (ForbiddenException | NotFoundException e) {
        skip(name, "collaborators", e.getMessage());
        return;
      }
      collaborators.addAll(found);
    }

    void skip(String repository, String what, String reason) {
      skipped.add(new FetchReport.Skip(repository, what, reason));
      LOG.warn("{}: {} skipped: {}", repository, what, reason);
    }

    /** A connection's {@code nodes}, null nodes (hidden by a nested error) left out. */
    private List<Map<String, Object>> nodes(JsonValues json, Map<String, Object> connection) {
      Object nodes = connection.get("nodes");
      if (!(nodes instanceof List)) {
        throw json.malformed("a connection without a 'nodes' array");
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object node : (List<?>) nodes) {
        if (node instanceof Map) {
          out.add(JsonValues.asObject(node));
        } else if (node != null) {
          throw json.malformed("a node is not an object");
        }
      }
      return out;
    }

    /** The connection's {@code endCursor} when {@code hasNextPage}, else empty. */
    private Optional<String> endCursorIfMore(JsonValues json, Map<String, Object> connection) {
      Map<String, Object> info = json.object(connection, "pageInfo");
      if (!json.optionalBoolean(info, "hasNextPage").orElse(false)) {
        return Optional.empty();
      }
      return Optional.of(json.text(info, "endCursor"));
    }

    private Optional<String> dash(String field) {
      return field.equals("-") ? Optional.empty() : Optional.of(field);
    }

    /** The key of a {@code HW TAB key} cursor. */
    private String highWater(String cursorKey, String cursor) {
      String[] parts = cursor.split("\t", -1);
      if (parts.length != 2 || !parts[0].equals("HW") || parts[1].isEmpty()) {
        throw badCursor("cursor " + cursorKey + " is not 'HW<TAB>key': " + cursor);
      }
      return parts[1];
    }

    /** A cursor this version cannot read: the directory is not usable for a resumed fetch. */
    private CheckpointException badCursor(String message) {
      return new CheckpointException(message, checkpoint.directory().orElseThrow(), null);
    }

    /**
     * Reads a list oldest first through the shared page loop ({@link PagedList}: cursor {@code URL
     * TAB COUNT}, committed after each page, or after each item with {@code cursorPerItem}),
     * emitting the events of items not seen in this fetch. The pull-request list of the reviews
     * also records each pull request's base branch.
     */
    void pages(
        GitHubResource resource,
        String prefix,
        URI first,
        String accept,
        ItemReader<String> key,
        ItemReader<? extends List<? extends Event>> event,
        boolean cursorPerItem) {
      items.putIfAbsent(resource, 0L);
      PagedList list =
          new PagedList(
              checkpoint,
              prefix + "." + resource.wireName(),
              url -> execute(get(url, accept)),
              response -> Links.next(response),
              cursorPerItem);
      list.read(
          first,
          new PagedList.Items() {
            @Override
            public void page(int number, JsonValues json, List<Map<String, Object>> list) {
              listener.onPage(resource.wireName(), number, list.size());
              if (resource == GitHubResource.REVIEWS) {
                Map<Integer, String> pageBases = new HashMap<>();
                Map<Integer, String> pageHeads = new HashMap<>();
                for (Map<String, Object> pull : list) {
                  int pr = (int) json.number(pull, "number");
                  json.optionalObject(pull, "base")
                      .flatMap(base -> json.optionalText(base, "ref"))
                      .ifPresent(ref -> pageBases.put(pr, ref));
                  // head.repo is null once the fork was deleted: no head repository then.
                  json.optionalObject(pull, "head")
                      .flatMap(head -> json.optionalObject(head, "repo"))
                      .flatMap(repo -> json.optionalText(repo, "full_name"))
                      .ifPresent(name -> pageHeads.put(pr, name));
                }
                remember(prefix, BASE_REFS, pageBases);
                remember(prefix, HEAD_REPOS, pageHeads);
              }
            }

            @Override
            public long item(JsonValues json, Map<String, Object> item, int index, ForgeResponse response) {
              if (!seen.add(resource.wireName() + ":" + prefix + ":" + key.read(json, item))) {
                duplicates++;
                return 0;
              }
              long emitted = 0;
              for (Event e : event.read(json, item)) {
                if (emit(e)) {
                  emitted++;
                }
              }
              return emitted;
            }

            @Override
            public void done(int number, long emitted) {
              items.merge(resource, emitted, Long::sum);
              listener.onItems(resource.wireName(), emitted);
            }
          });
    }
  }

  /**
   * Hands an event to the sink unless it is before {@code since}, counting those attributed to
   * deleted accounts; whether it was handed over.
   */
  private boolean emitTo(Run run, Event event) {
    if (run.since.isPresent() && event.at().isBefore(run.since.get())) {
      run.beforeSince++;
      return false;
    }
    if (event.actor().equals(Mapping.GHOST)) {
      run.ghostActors++;
    }
    run.sink.accept(event);
    return true;
  }

  /** Builds a {@link GitHubSource}. Not thread-safe. */
  public static final class Builder extends ForgeSourceBuilder<Builder> {
    private URI apiUrl = URI.create("https://api.github.com");
    private Optional<URI> graphQlUrl = Optional.empty();
    private ReviewsApi reviewsApi = ReviewsApi.AUTO;
    private int graphQlPageSize = 50;
    private final List<Token> tokens = new ArrayList<>();

    private Builder() {}

    /**
     * The REST base URL; default {@code https://api.github.com}. For GitHub Enterprise Server
     * {@code https://HOST/api/v3}.
     *
     * @param value an absolute http or https URL
     * @return this builder
     */
    public Builder apiUrl(URI value) {
      this.apiUrl = httpUrl(value, "apiUrl");
      return this;
    }

    /**
     * The GraphQL endpoint; default the one that belongs to {@link #apiUrl(URI)} ({@code
     * https://api.github.com/graphql}, or {@code https://HOST/api/graphql} for {@code
     * https://HOST/api/v3}).
     *
     * @param value an absolute http or https URL
     * @return this builder
     */
    public Builder graphQlUrl(URI value) {
      this.graphQlUrl = Optional.of(httpUrl(value, "graphQlUrl"));
      return this;
    }

    /**
     * How reviews are read; default {@link ReviewsApi#AUTO} (GraphQL with a token, REST without).
     * {@link ReviewsApi#GRAPHQL} without a token fails {@link #build()}.
     *
     * @param value the API
     * @return this builder
     */
    public Builder reviewsApi(ReviewsApi value) {
      this.reviewsApi = Objects.requireNonNull(value, "reviewsApi");
      return this;
    }

    /**
     * Pull requests per GraphQL query; default 50. Each costs one point up to 99 (GitHub counts one
     * request for the list and one per pull request's reviews, per 100); smaller pages make
     * lighter queries, which GitHub's 10-second query timeout favours.
     *
     * @param value in [1, 100]
     * @return this builder
     */
    public Builder graphQlPageSize(int value) {
      if (value < 1 || value > 100) {
        throw new IllegalArgumentException("graphQlPageSize must be in [1, 100] but was " + value);
      }
      this.graphQlPageSize = value;
      return this;
    }

    /**
     * Adds a token; with several, each request uses the one with the most requests left.
     *
     * @param value the token
     * @return this builder
     */
    public Builder token(Token value) {
      tokens.add(Objects.requireNonNull(value, "token"));
      return this;
    }

    /**
     * Adds the tokens of {@code GITHUB_TOKEN} and {@code GH_TOKEN} found in the environment (when
     * set and not blank, and not the same value twice).
     *
     * @param environment variables, such as {@link System#getenv()}
     * @return this builder
     */
    public Builder tokensFromEnvironment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment");
      Set<String> added = new HashSet<>();
      for (String variable : List.of("GITHUB_TOKEN", "GH_TOKEN")) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank() && added.add(value.strip())) {
          tokens.add(Token.of(value.strip(), variable));
        }
      }
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The source.
     *
     * @return a new source
     */
    public GitHubSource build() {
      return new GitHubSource(this, transport());
    }
  }

  @Override
  public String toString() {
    return "GitHubSource[" + apiUrl + ", " + tokens + "]";
  }
}
