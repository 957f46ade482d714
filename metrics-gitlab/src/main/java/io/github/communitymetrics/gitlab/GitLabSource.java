package io.github.communitymetrics.gitlab;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.internal.Authenticator;
import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.ForgeSourceBuilder;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.ProgressListener;
import io.github.communitymetrics.forge.internal.RateLimitClassifier;
import io.github.communitymetrics.forge.internal.RequestAccounting;
import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.gitlab.internal.GitLabMapping;
import io.github.communitymetrics.gitlab.internal.Pages;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.forge.CheckpointException;
import io.github.communitymetrics.forge.crawl.Checkpoint;
import io.github.communitymetrics.forge.crawl.Ledger;
import io.github.communitymetrics.forge.crawl.PagedList;
import io.github.communitymetrics.forge.crawl.RepositoryLoop;
import io.github.communitymetrics.forge.crawl.StagedSink;
import io.github.communitymetrics.forge.ListedRepository;
import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads GitLab projects through the REST API v4 (gitlab.com or a self-managed instance) and emits
 * core events.
 *
 * <p>Lists are read 100 items a page, following {@code Link: rel="next"} or {@code X-Next-Page}
 * (keyset pages for a group's projects). Retries of 5xx and transport failures, 429 with {@code
 * Retry-After} or {@code RateLimit-Reset}, and the typed errors are those of {@link
 * ForgeHttpClient}. With a checkpoint directory each resource keeps a cursor, committed with
 * metrics-forge's crawl engine after the events it covers were made durable (a {@link
 * io.github.communitymetrics.forge.CrawlSink} is synced first), and merge requests, issues, their notes and
 * releases also keep a ledger of what was emitted: a fetch killed at any request resumes where it
 * stopped without emitting anything twice, and a later fetch reads only what is new or changed
 * (merge requests and issues by {@code updated_after}, so later merges, closes, reopenings, notes
 * and approvals of items read before come out once). See {@code docs/gitlab.md}.
 *
 * <p>Thread-safe: each {@link #fetch} builds its own HTTP client and counters.
 */
public final class GitLabSource {
  private static final Logger LOG = LoggerFactory.getLogger(GitLabSource.class);
  private static final int PAGE_SIZE = 100;
  private static final String ASC = "order_by=created_at&sort=asc&";

  private final URI baseUrl;
  private final Optional<Authenticator> authenticator;
  private final ForgeSourceBuilder.Transport transport;
  private final ProgressListener listener;

  private GitLabSource(Builder b, ForgeSourceBuilder.Transport transport) {
    this.baseUrl = b.baseUrl;
    this.authenticator = b.authenticator;
    this.transport = transport;
    this.listener = transport.listener();
    if (authenticator.isEmpty()) {
      LOG.warn("no GitLab token (builder or GITLAB_TOKEN): only public data, at the lower unauthenticated rate limit");
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
   * The REST API base: the instance URL followed by {@code /api/v4}.
   *
   * @return such as {@code https://gitlab.com/api/v4}
   */
  public URI apiUrl() {
    return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/api/v4");
  }

  /**
   * Fetches a project or every project of a group (subgroups included) and hands each event to the
   * sink.
   *
   * @param target the project or group
   * @param options what to read and where to keep cursors
   * @param sink receives each event once
   * @return what the fetch read, skipped and cost
   * @throws io.github.communitymetrics.forge.ForgeException when GitLab refuses or keeps failing;
   *     cursors saved up to then stay valid for a resumed fetch
   */
  public FetchReport fetch(GitLabTarget target, FetchOptions options, Consumer<? super Event> sink) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    RequestAccounting accounting = new RequestAccounting();
    ForgeHttpClient http = client(accounting);
    // Of a group, events wait for the commit that covers them: a project that fails is passed
    // over without leaving events its cursors do not cover (RepositoryLoop).
    StagedSink stage = new StagedSink(sink);
    Consumer<? super Event> out = target.group() ? stage : sink;
    Checkpoint checkpoint =
        options.checkpointDirectory().map(d -> Checkpoint.open(d, out)).orElseGet(Checkpoint::none);
    Run run = new Run(http, checkpoint, options.since(), out);
    Optional<RepositoryListing> listing = Optional.empty();
    List<Repository> repositories;
    List<RepositoryFailure> failed = List.of();
    if (target.group()) {
      listing = Optional.of(groupProjects(http, target, options.selection()));
      RepositoryLoop<Repository> loop =
          RepositoryLoop.readEach(
              listing.get().names(), options.stopAtFailedRepository(), checkpoint, stage,
              path -> readProject(http, run, path, options));
      repositories = loop.read();
      failed = loop.failures();
    } else {
      repositories = List.of(readProject(http, run, target.path(), options));
    }
    // The events are durable and every cursor saved: a later fetch may write to another output.
    checkpoint.finish();
    return new FetchReport(
        target, repositories, run.items, run.duplicates, run.skipped, run.beforeSince,
        accounting.snapshot(), listing, failed);
  }

  /** Reads one project: its metadata, then each resource of the options. */
  private Repository readProject(ForgeHttpClient http, Run run, String path, FetchOptions options) {
    JsonValues meta =
        JsonValues.of(http.execute(ForgeRequest.get(api("/projects/" + GitLabTarget.project(path).encoded()))));
    Repository repo = GitLabMapping.repository(meta, meta.object());
    // The numeric id keeps working after a rename; cursors are keyed by the path asked for.
    String project = "/projects/" + repo.id().getAsLong();
    String prefix = path.replace("/", "__");
    for (GitLabResource resource : GitLabResource.values()) {
      if (options.resources().contains(resource)) {
        run.read(resource, prefix, project, repo);
      }
    }
    return repo;
  }

  /**
   * The projects of a group and its subgroups that a selection keeps, in id order ({@code GET
   * /groups/:id/projects?include_subgroups=true&with_shared=false}: projects shared with the group
   * from elsewhere are not its own and are left out). Archived projects and forks are listed and
   * counted, then left out unless the selection keeps them. 100 a page, following {@code Link} or
   * {@code X-Next-Page}; a next page on another host is read without the token, as every request
   * of {@link ForgeHttpClient}.
   *
   * @param group the group, by full path (a subgroup's {@code a/b}) or numeric id
   * @param selection which projects to keep
   * @return the listing
   * @throws IllegalArgumentException when the target is a project, not a group
   * @throws io.github.communitymetrics.forge.ForgeException as {@link #fetch} ({@link
   *     NotFoundException} for an unknown group)
   */
  public RepositoryListing projects(GitLabTarget group, RepositorySelection selection) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(selection, "selection");
    if (!group.group()) {
      throw new IllegalArgumentException("projects of a group, not of " + group);
    }
    return groupProjects(client(new RequestAccounting()), group, selection);
  }

  private ForgeHttpClient client(RequestAccounting accounting) {
    return ForgeHttpClient.builder(transport)
        .authenticator(authenticator.orElse(Authenticator.NONE))
        // The credential goes to the instance's origin (and trusted hosts) only.
        .credentialOrigin(baseUrl)
        .rateLimitClassifier(RateLimitClassifier.standard())
        .accounting(accounting)
        .build();
  }

  /**
   * Keyset pagination is asked for ({@code pagination=keyset&order_by=id}: stable while projects
   * are added, no offset limit); an instance that refuses it for this list (HTTP 405) is asked again
   * with offset pages.
   */
  private RepositoryListing groupProjects(ForgeHttpClient http, GitLabTarget target, RepositorySelection selection) {
    String list = "/groups/" + target.encoded()
        + "/projects?include_subgroups=true&with_shared=false&order_by=id&sort=asc&per_page=" + PAGE_SIZE;
    URI first = api(list + "&pagination=keyset");
    List<ListedRepository> listed;
    try {
      listed = listedProjects(http, first);
    } catch (ServerErrorException e) {
      if (e.status() != 405) {
        throw e;
      }
      LOG.info("{}: keyset pagination refused, reading offset pages", target);
      first = api(list);
      listed = listedProjects(http, first);
    }
    return RepositoryListing.select(first, listed, selection);
  }

  private static List<ListedRepository> listedProjects(ForgeHttpClient http, URI first) {
    List<ListedRepository> listed = new ArrayList<>();
    URI next = first;
    while (next != null) {
      ForgeResponse response = http.execute(ForgeRequest.get(next));
      JsonValues json = JsonValues.of(response);
      for (Map<String, Object> project : json.array()) {
        listed.add(GitLabMapping.listedProject(json, project));
      }
      next = Pages.next(response).orElse(null);
    }
    return listed;
  }

  private URI api(String pathAndQuery) {
    return URI.create(apiUrl() + pathAndQuery);
  }

  /** Maps one list item to its events. */
  @FunctionalInterface
  private interface ItemMapper {
    List<Event> map(JsonValues json, Map<String, Object> item);
  }

  /** Reads the deduplication key of a list item. */
  @FunctionalInterface
  private interface KeyReader {
    String read(JsonValues json, Map<String, Object> item);
  }

  /** Handles one merge request or issue: emits its new events, records them; how many. */
  @FunctionalInterface
  private interface ItemHandler {
    long handle(JsonValues json, Map<String, Object> item, Ledger ledger);
  }

  /** The state of one fetch: cursors, dedup keys, counts. */
  private final class Run {
    final ForgeHttpClient http;
    final Checkpoint checkpoint;
    final Consumer<? super Event> sink;
    final Optional<Instant> since;
    final Set<String> seen = new HashSet<>();
    /** Per project path: whether the instance serves resource state events; absent until asked. */
    final Map<String, Boolean> stateEventsServed = new HashMap<>();
    /** Per project path: whether the instance serves resource label events; absent until asked. */
    final Map<String, Boolean> labelEventsServed = new HashMap<>();
    /** Per item path: whether its state events hold closings or reopenings, as read in this fetch. */
    final Map<String, Boolean> stateChanges = new HashMap<>();
    final Map<GitLabResource, Long> items = new EnumMap<>(GitLabResource.class);
    final Map<String, Long> skipped = new TreeMap<>();
    long duplicates;
    long beforeSince;

    Run(
        ForgeHttpClient http,
        Checkpoint checkpoint,
        Optional<Instant> since,
        Consumer<? super Event> sink) {
      this.http = http;
      this.checkpoint = checkpoint;
      this.since = since;
      this.sink = sink;
    }

    void skip(String reason) {
      skipped.merge(reason, 1L, Long::sum);
    }

    /** Path with namespace by project id, for the source projects of merge requests. */
    final Map<Long, Optional<String>> projectPaths = new HashMap<>();

    /**
     * The path of a merge request's source project in another project (a fork): one {@code GET
     * /projects/:id} per project per fetch. A project the token cannot see (404, 403: a private or
     * deleted fork) has none, counted as {@code source_project_unreadable} once per project.
     */
    Optional<String> projectPath(long id) {
      Optional<String> known = projectPaths.get(id);
      if (known != null) {
        return known;
      }
      Optional<String> path;
      try {
        JsonValues json = JsonValues.of(http.execute(ForgeRequest.get(api("/projects/" + id))));
        path = Optional.of(json.text(json.object(), "path_with_namespace"));
      } catch (NotFoundException | ForbiddenException e) {
        skip("source_project_unreadable");
        path = Optional.empty();
      }
      projectPaths.put(id, path);
      return path;
    }

    void read(GitLabResource resource, String prefix, String project, Repository repo) {
      String list = "?per_page=" + PAGE_SIZE;
      switch (resource) {
        case STARRERS:
          pages(resource, prefix, api(project + "/starrers" + list),
              (j, item) -> emit(resource, prefix, GitLabMapping.starKey(j, item),
                  GitLabMapping.star(j, item, repo, this::skip)));
          break;
        case FORKS:
          pages(resource, prefix, api(project + "/forks?" + ASC + "per_page=" + PAGE_SIZE),
              (j, item) -> emit(resource, prefix, GitLabMapping.idKey(j, item),
                  GitLabMapping.fork(j, item, repo, this::skip)));
          break;
        case MERGE_REQUESTS:
          updated(resource, prefix, project + "/merge_requests", true,
              (j, item, ledger) -> listedAndStates(project, project + "/merge_requests/", repo, j, item, true, ledger));
          break;
        case ISSUES:
          updated(resource, prefix, project + "/issues", true,
              (j, item, ledger) -> listedAndStates(project, project + "/issues/", repo, j, item, false, ledger));
          break;
        case MERGE_REQUEST_NOTES:
          updated(resource, prefix, project + "/merge_requests", true,
              (j, item, ledger) -> notes(project, project + "/merge_requests/", repo, j, item, true, ledger));
          break;
        case ISSUE_NOTES:
          updated(resource, prefix, project + "/issues", true,
              (j, item, ledger) -> notes(project, project + "/issues/", repo, j, item, false, ledger));
          break;
        case MEMBERS:
          pages(resource, prefix, api(project + "/members" + list),
              (j, item) -> emit(resource, prefix, GitLabMapping.idKey(j, item),
                  GitLabMapping.member(j, item, repo, this::skip)));
          break;
        case RELEASES:
          whole(resource, prefix, api(project + "/releases" + list), GitLabMapping::releaseKey,
              (j, item) -> GitLabMapping.release(j, item, repo, this::skip));
          break;
        case COMMITS:
          commits(prefix, project, repo);
          break;
        case PUSHES:
          pushes(prefix, project, repo);
          break;
        default:
          throw new AssertionError(resource);
      }
    }

    /** Emits the events of an item unless its key was seen in this fetch; returns how many. */
    List<Event> emit(GitLabResource resource, String prefix, String key, List<Event> events) {
      if (seen.add(resource.wireName() + ":" + prefix + ":" + key)) {
        return events;
      }
      duplicates++;
      return List.of();
    }

    /**
     * Hands the events of a merge request or issue that the ledger does not hold yet to the sink
     * and records them. An event's key is its type, number and instant: the opening and a merge
     * happen once, and a close that follows a reopening has a later {@code closed_at}.
     */
    long emitNew(Ledger ledger, List<Event> events) {
      long emitted = 0;
      for (Event e : events) {
        String key = e.type().wireName() + ":" + ((NumberedEvent) e).number() + ":" + e.at().toEpochMilli();
        if (!ledger.contains(key)) {
          if (deliver(e)) {
            emitted++;
          }
          ledger.put(key, "");
        }
      }
      return emitted;
    }

    /**
     * The notes of one merge request or issue that are newer than those handled before, read in
     * full before any is emitted. The ledger keeps, per item, the highest note id handled and the
     * item's {@code updated_at} then: an item read again unchanged (a resumed page) costs no
     * request, and of a changed item only notes with a higher id (GitLab's ids grow with creation)
     * are emitted.
     */
    long notes(
        String project,
        String parentPath,
        Repository repo,
        JsonValues parentJson,
        Map<String, Object> parent,
        boolean onMergeRequest,
        Ledger ledger) {
      int iid = GitLabMapping.iid(parentJson, parent, "iid");
      String updatedAt = parentJson.instant(parent, "updated_at").toString();
      String key = "notes:" + iid;
      Optional<String[]> handled = ledger.get(key).map(v -> v.split(" ", -1));
      if (handled.isPresent() && handled.get().length == 2 && handled.get()[1].equals(updatedAt)) {
        return 0;
      }
      long highest =
          handled.filter(h -> h.length == 2 && h[0].matches("[0-9]{1,19}")).map(h -> Long.parseLong(h[0])).orElse(0L);
      Optional<Actor> author =
          Optional.of(GitLabMapping.actor(parentJson, parentJson.object(parent, "author")));
      List<Event> out = new ArrayList<>();
      long newest = highest;
      Set<Long> read = new HashSet<>();
      URI next = api(parentPath + iid + "/notes?" + ASC + "per_page=" + PAGE_SIZE);
      while (next != null) {
        ForgeResponse response = http.execute(ForgeRequest.get(next));
        JsonValues json = JsonValues.of(response);
        for (Map<String, Object> note : json.array()) {
          long id = json.number(note, "id");
          if (!read.add(id)) {
            duplicates++;
          } else if (id > highest && GitLabMapping.stateNote(json, note)
              && hasStateChanges(project, parentPath + iid, repo, iid, onMergeRequest, author)) {
            // The item's state events hold its closings and reopenings; this note is the same action.
            skip("system_note_state_event");
            newest = Math.max(newest, id);
          } else if (id > highest) {
            out.addAll(GitLabMapping.note(json, note, repo, iid, onMergeRequest, author, this::skip));
            newest = Math.max(newest, id);
          }
        }
        next = Pages.next(response).orElse(null);
      }
      long emitted = 0;
      for (Event e : out) {
        if (deliver(e)) {
          emitted++;
        }
      }
      ledger.put(key, newest + " " + updatedAt);
      return emitted;
    }

    /**
     * Handles a merge request or issue of the list: its opening, merge and closings. When the
     * instance serves resource state events and the item has closings or reopenings among them,
     * these are its closings and reopenings (each once, by state event id in the ledger) and the
     * list's close, which is only the last one, is dropped; otherwise (GitLab before 13.2, or an
     * item last closed before its instance recorded state events) the list's close is used and
     * reopenings come from system notes. The ledger keeps the item's {@code updated_at} once
     * handled, so an item read again unchanged costs no request.
     */
    long listedAndStates(
        String project,
        String parentPath,
        Repository repo,
        JsonValues json,
        Map<String, Object> item,
        boolean onMergeRequest,
        Ledger ledger) {
      int iid = GitLabMapping.iid(json, item, "iid");
      String updatedAt = json.instant(item, "updated_at").toString();
      String key = "states:" + iid;
      if (ledger.get(key).filter(updatedAt::equals).isPresent()) {
        return 0;
      }
      List<Event> listed =
          onMergeRequest
              ? GitLabMapping.mergeRequest(json, item, repo, this::skip, this::projectPath)
              : GitLabMapping.issue(json, item, repo, this::skip);
      Optional<Actor> author = Optional.of(GitLabMapping.actor(json, json.object(item, "author")));
      Optional<Map<Long, List<Event>>> states =
          stateEvents(project, parentPath + iid, repo, iid, onMergeRequest, author);
      // Read before anything of the item is emitted, as the state events and notes are, so that
      // a fetch killed during these requests has emitted nothing of the item.
      Map<Long, List<Event>> labels = labelEvents(project, parentPath + iid, repo, iid, onMergeRequest);
      long emitted;
      if (states.isPresent() && stateChanges.get(parentPath + iid)) {
        List<Event> kept = new ArrayList<>();
        for (Event e : listed) {
          if (e.type() != EventType.PULL_REQUEST_CLOSED && e.type() != EventType.ISSUE_CLOSED) {
            kept.add(e);
          }
        }
        emitted = emitNew(ledger, kept);
        for (Map.Entry<Long, List<Event>> change : states.get().entrySet()) {
          String id = "state:" + change.getKey();
          if (!ledger.contains(id)) {
            emitted += emitNew(ledger, change.getValue());
            ledger.put(id, "");
          }
        }
      } else {
        emitted = emitNew(ledger, listed);
      }
      for (Map.Entry<Long, List<Event>> change : labels.entrySet()) {
        // By label event id: two labels added together share one instant.
        String id = "label:" + change.getKey();
        if (!ledger.contains(id)) {
          for (Event e : change.getValue()) {
            if (deliver(e)) {
              emitted++;
            }
          }
          ledger.put(id, "");
        }
      }
      ledger.put(key, updatedAt);
      return emitted;
    }

    /**
     * One item's resource events of a kind (every page), mapped, by event id in the order listed;
     * an id listed twice is counted as a duplicate. A 404 is the caller's to interpret.
     *
     * @param list the item's list, such as {@code /projects/7/issues/3/resource_state_events}
     */
    Map<Long, List<Event>> resourceEvents(String list, ItemMapper mapper) {
      Map<Long, List<Event>> out = new LinkedHashMap<>();
      URI next = api(list + "?per_page=" + PAGE_SIZE);
      while (next != null) {
        ForgeResponse response = http.execute(ForgeRequest.get(next));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> items = json.array();
        for (int i = 0; i < items.size(); i++) {
          long id = json.number(items.get(i), "id");
          if (out.containsKey(id)) {
            duplicates++;
            continue;
          }
          out.put(id, mapped(mapper, json, items.get(i), i, response));
        }
        next = Pages.next(response).orElse(null);
      }
      return out;
    }

    /**
     * The label changes of one item from its resource label events (GitLab 11.3 and later) by
     * label event id, read in full; empty when there are none or the instance does not serve them.
     * As for state events, a 404 on the first item asked of a project means the instance does not
     * serve them (remembered for the project during this fetch), a 404 on a later item that the
     * item is gone.
     */
    Map<Long, List<Event>> labelEvents(
        String project, String itemPath, Repository repo, int iid, boolean onMergeRequest) {
      if (Boolean.FALSE.equals(labelEventsServed.get(project))) {
        return Map.of();
      }
      Map<Long, List<Event>> out;
      try {
        out = resourceEvents(itemPath + "/resource_label_events", (j, change) -> GitLabMapping.labelEvent(
            j, change, repo, iid, onMergeRequest, this::skip));
      } catch (NotFoundException e) {
        if (!labelEventsServed.containsKey(project)) {
          LOG.info("{}: no resource label events: no label changes", project);
          labelEventsServed.put(project, false);
        }
        return Map.of();
      }
      labelEventsServed.put(project, true);
      return out;
    }

    /**
     * The events of one item's resource state events by state event id, read in full; empty when
     * the instance does not serve them. The first item asked of a project decides: HTTP 404 there
     * means GitLab before 13.2 (no such endpoint), remembered for the project during this fetch;
     * a 404 for a later item means that item is gone, and it is handled as one without state
     * events.
     */
    Optional<Map<Long, List<Event>>> stateEvents(
        String project, String itemPath, Repository repo, int iid, boolean onMergeRequest, Optional<Actor> author) {
      if (Boolean.FALSE.equals(stateEventsServed.get(project))) {
        return Optional.empty();
      }
      Map<Long, List<Event>> out;
      try {
        out = resourceEvents(itemPath + "/resource_state_events", (j, change) -> GitLabMapping.stateEvent(
            j, change, repo, iid, onMergeRequest, author, this::skip));
      } catch (NotFoundException e) {
        if (stateEventsServed.containsKey(project)) {
          LOG.info("{}: no resource state events (gone?): handled as an item without them", itemPath);
          stateChanges.put(itemPath, false);
          return Optional.empty();
        }
        LOG.info("{}: no resource state events (GitLab before 13.2): closings from the lists, "
            + "reopenings from system notes", project);
        stateEventsServed.put(project, false);
        return Optional.empty();
      }
      stateEventsServed.put(project, true);
      stateChanges.put(itemPath, out.values().stream().anyMatch(events -> !events.isEmpty()));
      return Optional.of(out);
    }

    /** Whether an item has closings or reopenings as state events (read now unless known). */
    boolean hasStateChanges(
        String project, String itemPath, Repository repo, int iid, boolean onMergeRequest, Optional<Actor> author) {
      if (!stateChanges.containsKey(itemPath)) {
        stateEvents(project, itemPath, repo, iid, onMergeRequest, author);
      }
      return stateChanges.getOrDefault(itemPath, false);
    }

    /** Hands an event to the sink unless it is before {@code since}; whether it was handed over. */
    boolean deliver(Event event) {
      if (since.isPresent() && event.at().isBefore(since.get())) {
        beforeSince++;
        return false;
      }
      sink.accept(event);
      return true;
    }

    /**
     * Reads the merge requests or issues of a project in the order of their {@code updated_at},
     * oldest first, and hands each item to the handler, which emits what the {@link Ledger} does
     * not hold yet. The first request asks for {@code updated_after} the saved cursor (the newest
     * {@code updated_at} a complete earlier read saw, or {@code since}), so a later fetch reads
     * only items that changed: their merges, closes and new notes come out, their opening does not
     * again.
     *
     * <p>Pages are keyed by {@code updated_at} itself: after a page whose last item is newer than
     * its first, the next request asks for {@code updated_after} that last item's time (GitLab's
     * bound is inclusive, so the items at that instant are read again and skipped silently); only
     * a page whose items all share one instant follows {@code Link}/{@code X-Next-Page}. An item
     * updated while the list is read moves to its end: it is read again there, and offset pages
     * shifting under the reader cannot skip anything. The cursor ({@code URL TAB updated}) is
     * committed after each page (after the sink and the ledger); with {@code perItem} also after
     * each item, whose notes cost requests of their own.
     *
     * <p>That scheme relies on the order: an instance (or a proxy) that ignores {@code
     * order_by=updated_at&sort=asc} or {@code updated_after} would make it skip items. So every
     * page is checked: its items must not go back in time, nor before the {@code updated_after}
     * asked for. When they do, the read starts again from its first query and follows that
     * query's own {@code Link}/{@code X-Next-Page} pages to the end (cursor {@code URL TAB
     * pages}), the ledger keeping what was emitted already from coming out twice; a list out of
     * order without next-page headers is a {@link MalformedResponseException}.
     */
    void updated(GitLabResource resource, String prefix, String list, boolean perItem, ItemHandler handler) {
      String cursorKey = prefix + "." + resource.wireName();
      Ledger ledger = checkpoint.ledger(cursorKey);
      URI url = updatedAfter(list, since.map(Instant::toString));
      boolean byPages = false;
      Optional<String> saved = checkpoint.read(cursorKey);
      if (saved.isPresent()) {
        String[] parts = saved.get().split("\t", -1);
        if (parts.length != 2 || !(parts[1].equals("updated") || parts[1].equals("pages"))) {
          throw new CheckpointException(
              "the cursor " + cursorKey + " is not 'URL<TAB>updated' or 'URL<TAB>pages': " + saved.get(),
              checkpoint.directory().orElseThrow(),
              null);
        }
        try {
          url = URI.create(parts[0]);
        } catch (IllegalArgumentException e) {
          // Saved by this class from a URI, so a corrupt or foreign checkpoint, not a bad argument.
          throw badCursor("the cursor " + cursorKey + " holds no URL: " + saved.get());
        }
        byPages = parts[1].equals("pages");
        LOG.info("{}: resuming at {}", cursorKey, url);
      }
      // The query this read started from: where a read by pages starts over.
      URI start = url;
      items.putIfAbsent(resource, 0L);
      Map<String, String> read = new HashMap<>();
      Set<String> boundary = Set.of();
      Optional<Instant> newest = Optional.empty();
      int page = 0;
      while (true) {
        ForgeResponse response = http.execute(ForgeRequest.get(url));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> itemsOfPage = json.array();
        page++;
        listener.onPage(resource.wireName(), page, itemsOfPage.size());
        Optional<URI> link = Pages.next(response);
        if (!byPages) {
          Optional<String> disorder = disorder(json, itemsOfPage, updatedAfterOf(url));
          if (disorder.isPresent()) {
            boolean pagingHeaders = response.header("X-Next-Page").isPresent() || response.header("Link").isPresent();
            if (link.isEmpty() && page == 1 && url.equals(start)
                && (pagingHeaders || itemsOfPage.size() < PAGE_SIZE)) {
              // One page holds the whole list: every item is read whatever its order.
              LOG.info("{}: {} (one page: read as it is)", cursorKey, disorder.get());
            } else if (!pagingHeaders) {
              throw new MalformedResponseException(
                  disorder.get() + ", and the instance sends no Link or X-Next-Page header to read the"
                      + " list by pages instead",
                  response.uri(),
                  null);
            } else {
              LOG.warn("{}: {}; reading the list again by its pages from {}", cursorKey, disorder.get(), start);
              skip("list_order_not_kept_read_by_pages");
              byPages = true;
              url = start;
              read.clear();
              boundary = Set.of();
              checkpoint.save(cursorKey, url + "\tpages");
              continue;
            }
          }
        }
        long emitted = 0;
        Set<String> atLast = new HashSet<>();
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < itemsOfPage.size(); i++) {
          Map<String, Object> item = itemsOfPage.get(i);
          String id = GitLabMapping.idKey(json, item);
          Instant updated = json.instant(item, "updated_at");
          // Normalized (UTC, 'Z'): an offset's '+' would not survive a query string.
          String updatedAt = updated.toString();
          first = first == null ? updated : first;
          if (last != null && !last.equals(updated)) {
            atLast.clear();
          }
          last = updated;
          atLast.add(id);
          newest = newest.isEmpty() || updated.isAfter(newest.get()) ? Optional.of(updated) : newest;
          if (updatedAt.equals(read.put(id, updatedAt))) {
            if (!boundary.contains(id) && !byPages) {
              duplicates++;
            }
            continue;
          }
          try {
            emitted += handler.handle(json, item, ledger);
          } catch (IllegalArgumentException e) {
            // A value the core event refuses (a bad sha, a blank name): the response's fault.
            throw new MalformedResponseException(
                "item " + i + " breaks the documented shape: " + e.getMessage(), response.uri(), e);
          }
          if (perItem) {
            ledger.commit();
          }
        }
        items.merge(resource, emitted, Long::sum);
        listener.onItems(resource.wireName(), emitted);
        if (link.isEmpty()) {
          // Done: a later fetch asks for what changed at or after the newest time seen.
          URI done = newest.isPresent() ? updatedAfter(list, newest.map(Instant::toString)) : url;
          checkpoint.save(cursorKey, done + "\tupdated");
          return;
        }
        URI next;
        if (!byPages && first != null && !first.equals(last)) {
          next = updatedAfter(list, Optional.of(last.toString()));
          boundary = Set.copyOf(atLast);
        } else {
          next = link.get();
        }
        if (next.equals(url)) {
          // An instance that ignores order_by=updated_at or updated_after would loop forever.
          throw new MalformedResponseException(
              "the list does not advance (is updated_after or order_by=updated_at ignored?)", response.uri(), null);
        }
        url = next;
        checkpoint.save(cursorKey, url + (byPages ? "\tpages" : "\tupdated"));
      }
    }

    /**
     * Why a page read by {@code updated_at} is out of that order: an item updated before the item
     * listed ahead of it, or before the {@code updated_after} asked for; empty when in order.
     */
    Optional<String> disorder(JsonValues json, List<Map<String, Object>> page, Optional<Instant> after) {
      Instant previous = after.orElse(null);
      for (int i = 0; i < page.size(); i++) {
        Instant updated = json.instant(page.get(i), "updated_at");
        if (previous != null && updated.isBefore(previous)) {
          return Optional.of(
              "item " + i + " was updated at " + updated + ", before "
                  + (i == 0 ? "the updated_after asked for (" + previous + ")" : "the item ahead of it (" + previous + ")")
                  + ": the instance does not keep order_by=updated_at&sort=asc");
        }
        previous = updated;
      }
      return Optional.empty();
    }

    /** The {@code updated_after} of a list URL, if it has one. */
    Optional<Instant> updatedAfterOf(URI url) {
      String query = url.getRawQuery() == null ? "" : url.getRawQuery();
      for (String part : query.split("&")) {
        if (part.startsWith("updated_after=")) {
          try {
            return Optional.of(Instant.parse(java.net.URLDecoder.decode(part.substring(14), java.nio.charset.StandardCharsets.UTF_8)));
          } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    }

    /**
     * Reads pages from the saved cursor (or {@code first}) through the shared page loop ({@link
     * PagedList}, cursor {@code URL TAB COUNT}), emitting the events of new items.
     */
    void pages(GitLabResource resource, String prefix, URI first, ItemMapper mapper) {
      items.putIfAbsent(resource, 0L);
      new PagedList(
              checkpoint,
              prefix + "." + resource.wireName(),
              url -> http.execute(ForgeRequest.get(url)),
              Pages::next,
              false)
          .read(
              first,
              new PagedList.Items() {
                @Override
                public void page(int number, JsonValues json, List<Map<String, Object>> list) {
                  listener.onPage(resource.wireName(), number, list.size());
                }

                @Override
                public long item(JsonValues json, Map<String, Object> item, int index, ForgeResponse response) {
                  long emitted = 0;
                  for (Event e : mapped(mapper, json, item, index, response)) {
                    if (deliver(e)) {
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

    /**
     * Reads a short list whole each time (releases) and emits the items whose key the ledger does
     * not hold, committing the ledger after each page: a resumed or later fetch emits only new
     * items, whatever order the list has (GitLab lists releases by {@code released_at}, which a
     * release may set in the past).
     */
    void whole(GitLabResource resource, String prefix, URI first, KeyReader key, ItemMapper mapper) {
      Ledger ledger = checkpoint.ledger(prefix + "." + resource.wireName());
      items.putIfAbsent(resource, 0L);
      URI url = first;
      int page = 0;
      while (url != null) {
        ForgeResponse response = http.execute(ForgeRequest.get(url));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> list = json.array();
        listener.onPage(resource.wireName(), ++page, list.size());
        long emitted = 0;
        for (int i = 0; i < list.size(); i++) {
          String k = key.read(json, list.get(i));
          if (ledger.contains(k)) {
            continue;
          }
          if (!seen.add(resource.wireName() + ":" + prefix + ":" + k)) {
            duplicates++;
            continue;
          }
          for (Event e : mapped(mapper, json, list.get(i), i, response)) {
            if (deliver(e)) {
              emitted++;
            }
          }
          ledger.put(k, "");
        }
        ledger.commit();
        items.merge(resource, emitted, Long::sum);
        listener.onItems(resource.wireName(), emitted);
        url = Pages.next(response).orElse(null);
      }
    }

    /**
     * Reads the commits of the default branch, which GitLab lists newest first, from the first page
     * to the commit the cursor {@code HW TAB sha} names (the newest one an earlier fetch emitted),
     * then emits what is newer, oldest first, and saves the newest sha. A fetch killed while reading
     * emits none of the list and reads it again when resumed. When the saved commit is gone (a
     * force push), the whole branch is read and emitted again.
     */
    void commits(String prefix, String project, Repository repo) {
      GitLabResource resource = GitLabResource.COMMITS;
      String cursorKey = prefix + "." + resource.wireName();
      Optional<String> saved = checkpoint.read(cursorKey);
      if (saved.isPresent() && !saved.get().matches("HW\t[0-9a-f]{40,64}")) {
        throw badCursor("the cursor " + cursorKey + " is not 'HW<TAB>sha': " + saved.get());
      }
      Optional<String> stop = saved.map(c -> c.substring(3));
      items.putIfAbsent(resource, 0L);
      List<Event> newer = new ArrayList<>();
      Optional<String> newest = Optional.empty();
      URI url = api(project + "/repository/commits?with_stats=false&all=false"
          + since.map(t -> "&since=" + t).orElse("") + "&per_page=" + PAGE_SIZE);
      int page = 0;
      boolean reached = false;
      while (url != null && !reached) {
        ForgeResponse response = http.execute(ForgeRequest.get(url));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> list = json.array();
        listener.onPage(resource.wireName(), ++page, list.size());
        for (Map<String, Object> item : list) {
          String sha = json.text(item, "id");
          if (stop.isPresent() && stop.get().equals(sha)) {
            reached = true;
            break;
          }
          newest = newest.isPresent() ? newest : Optional.of(sha);
          if (!seen.add(resource.wireName() + ":" + prefix + ":" + sha)) {
            duplicates++;
            continue;
          }
          newer.add(GitLabMapping.commit(json, item, repo));
        }
        url = Pages.next(response).orElse(null);
      }
      java.util.Collections.reverse(newer);
      long emitted = newer.stream().filter(this::deliver).count();
      items.merge(resource, emitted, Long::sum);
      listener.onItems(resource.wireName(), emitted);
      newest.ifPresent(sha -> checkpoint.save(cursorKey, "HW\t" + sha));
    }

    /**
     * Reads the pushes from the project's events ({@code action=pushed}, oldest first), the only
     * list that has them. GitLab keeps events for three years and deletes older ones, which would
     * shift offset pages, so the cursor is {@code ID TAB DATE}: the highest event id emitted and
     * its day. A later or resumed fetch asks for events {@code after} the day before (GitLab's
     * bound is a date, exclusive) and emits only higher ids (GitLab's ids grow with creation).
     */
    void pushes(String prefix, String project, Repository repo) {
      GitLabResource resource = GitLabResource.PUSHES;
      String cursorKey = prefix + "." + resource.wireName();
      Optional<String> saved = checkpoint.read(cursorKey);
      if (saved.isPresent() && !saved.get().matches("[0-9]{1,18}\t[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw badCursor("the cursor " + cursorKey + " is not 'ID<TAB>DATE': " + saved.get());
      }
      long highest = saved.map(c -> Long.parseLong(c.substring(0, c.indexOf('\t')))).orElse(0L);
      Optional<java.time.LocalDate> day;
      try {
        day = saved.map(c -> java.time.LocalDate.parse(c.substring(c.indexOf('\t') + 1)))
            .or(() -> since.map(t -> t.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
      } catch (java.time.format.DateTimeParseException e) {
        // The pattern above admits impossible dates such as 2024-13-45.
        throw badCursor("the cursor " + cursorKey + " is not 'ID<TAB>DATE': " + saved.get());
      }
      URI url = api(project + "/events?action=pushed&sort=asc"
          + day.map(d -> "&after=" + d.minusDays(1)).orElse("") + "&per_page=" + PAGE_SIZE);
      items.putIfAbsent(resource, 0L);
      int page = 0;
      while (url != null) {
        ForgeResponse response = http.execute(ForgeRequest.get(url));
        JsonValues json = JsonValues.of(response);
        List<Map<String, Object>> list = json.array();
        listener.onPage(resource.wireName(), ++page, list.size());
        long emitted = 0;
        String newestDay = null;
        for (int i = 0; i < list.size(); i++) {
          long id = json.number(list.get(i), "id");
          if (id <= highest) {
            continue;
          }
          for (Event e : mapped((j, item) -> GitLabMapping.push(j, item, repo, this::skip), json, list.get(i), i, response)) {
            if (deliver(e)) {
              emitted++;
            }
          }
          highest = id;
          newestDay = json.instant(list.get(i), "created_at").atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        items.merge(resource, emitted, Long::sum);
        listener.onItems(resource.wireName(), emitted);
        if (newestDay != null) {
          String cursor = highest + "\t" + newestDay;
          checkpoint.save(cursorKey, cursor);
        }
        url = Pages.next(response).orElse(null);
      }
    }

    /** The events of an item; a value the core model refuses is the response's fault. */
    List<Event> mapped(ItemMapper mapper, JsonValues json, Map<String, Object> item, int index, ForgeResponse response) {
      try {
        return mapper.map(json, item);
      } catch (IllegalArgumentException e) {
        throw new MalformedResponseException(
            "item " + index + " breaks the documented shape: " + e.getMessage(), response.uri(), e);
      }
    }

    /** The first page of a list by {@code updated_at}, from an instant on when given. */
    URI updatedAfter(String list, Optional<String> after) {
      return api(list + "?state=all&order_by=updated_at&sort=asc"
          + after.map(t -> "&updated_after=" + t).orElse("") + "&per_page=" + PAGE_SIZE);
    }

    /** A cursor this version cannot read: the directory is not usable for a resumed fetch. */
    CheckpointException badCursor(String message) {
      return new CheckpointException(message, checkpoint.directory().orElseThrow(), null);
    }
  }

  /** Builds a {@link GitLabSource}. Not thread-safe. */
  public static final class Builder extends ForgeSourceBuilder<Builder> {
    private URI baseUrl = URI.create("https://gitlab.com");
    private Optional<Authenticator> authenticator = Optional.empty();

    private Builder() {}

    /**
     * The instance URL; default {@code https://gitlab.com}. The API is read below {@code /api/v4}.
     *
     * @param value an absolute http or https URL, such as {@code https://gitlab.example.org}
     * @return this builder
     */
    public Builder baseUrl(URI value) {
      this.baseUrl = httpUrl(value, "baseUrl");
      return this;
    }

    /**
     * A personal, project or group access token, sent as {@code PRIVATE-TOKEN}.
     *
     * @param value the token
     * @return this builder
     */
    public Builder privateToken(Token value) {
      this.authenticator = Optional.of(Authenticator.header("PRIVATE-TOKEN", "", Objects.requireNonNull(value, "token")));
      return this;
    }

    /**
     * An OAuth 2 access token, sent as {@code Authorization: Bearer}.
     *
     * @param value the token
     * @return this builder
     */
    public Builder oauthToken(Token value) {
      this.authenticator = Optional.of(Authenticator.bearer(Objects.requireNonNull(value, "token")));
      return this;
    }

    /**
     * Uses {@code GITLAB_TOKEN} from the environment as a {@link #privateToken} when it is set and
     * not blank (and no token was given yet).
     *
     * @param environment variables, such as {@link System#getenv()}
     * @return this builder
     */
    public Builder tokenFromEnvironment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment");
      String value = environment.get("GITLAB_TOKEN");
      if (authenticator.isEmpty() && value != null && !value.isBlank()) {
        privateToken(Token.of(value.strip(), "GITLAB_TOKEN"));
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
    public GitLabSource build() {
      return new GitLabSource(this, transport());
    }
  }

  @Override
  public String toString() {
    return "GitLabSource[" + baseUrl + ", " + authenticator.map(Object::toString).orElse("no token") + "]";
  }
}
