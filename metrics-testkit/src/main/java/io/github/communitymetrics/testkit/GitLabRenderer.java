package io.github.communitymetrics.testkit;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a {@link ScriptedCommunity} in GitLab's REST v4 shapes, for a GitLab adapter's {@link
 * ForgeCompatibilityKit}: the group {@code scripted} with its projects, each project's object,
 * starrers ({@code starred_since}), forks, merge requests and issues (every state, ordered and
 * filtered by {@code updated_at} as {@code order_by=updated_at&sort=asc&updated_after=} asks, with
 * {@code updated_at} the item's last scripted event; {@code state} and {@code closed_by}/{@code
 * closed_at} from the last state change, so a reopened item is "opened" with both null, as GitLab
 * shows it), the notes of each: comments, review comments as {@code DiffNote}s and approvals as
 * the system note "approved this merge request"; and the {@code resource_state_events} of each
 * (GitLab 13.2 and later): every closing, reopening and merge in order, with no system note for
 * them, as gitlab.com records them now.
 * Members, releases, commits and events are served empty (the community has none).
 *
 * <p>GitLab users carry {@code bot: true} for bots. GitLab has no organization accounts that act:
 * the community's organization is served as a user wherever it acts, except for a fork, which goes
 * to a group namespace.
 */
public final class GitLabRenderer implements ForgeRenderer {
  private static final Pattern PROJECT_LIST = Pattern.compile("/api/v4/projects/([0-9]+)/(.+)");
  private static final Pattern NOTES = Pattern.compile("(merge_requests|issues)/([0-9]+)/notes");
  private static final Pattern STATE_EVENTS =
      Pattern.compile("(merge_requests|issues)/([0-9]+)/resource_state_events");

  private final ScriptedCommunity community;

  /**
   * A renderer of the community.
   *
   * @param community what to serve
   */
  public GitLabRenderer(ScriptedCommunity community) {
    this.community = Objects.requireNonNull(community, "community");
  }

  @Override
  public Optional<String> object(WireRequest request) {
    String prefix = "/api/v4/projects/";
    if (!request.path().startsWith(prefix)) {
      return Optional.empty();
    }
    String idOrPath = request.path().substring(prefix.length());
    for (Repository repo : community.repositories()) {
      if (repo.fullName().equals(idOrPath) || Long.toString(repo.id().getAsLong()).equals(idOrPath)) {
        return Optional.of(project(repo));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<List<String>> list(WireRequest request) {
    if (request.path().equals("/api/v4/groups/scripted/projects")) {
      List<String> out = new ArrayList<>();
      community.repositories().forEach(r -> out.add(project(r)));
      return Optional.of(out);
    }
    Matcher m = PROJECT_LIST.matcher(request.path());
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Repository> found =
        community.repositories().stream()
            .filter(r -> Long.toString(r.id().getAsLong()).equals(m.group(1)))
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Repository repo = found.get();
    String what = m.group(2);
    Matcher notes = NOTES.matcher(what);
    if (notes.matches()) {
      return Optional.of(notes(repo, notes.group(1).equals("merge_requests"), Integer.parseInt(notes.group(2))));
    }
    Matcher states = STATE_EVENTS.matcher(what);
    if (states.matches()) {
      return Optional.of(
          stateEvents(repo, states.group(1).equals("merge_requests"), Integer.parseInt(states.group(2))));
    }
    switch (what) {
      case "starrers":
        return Optional.of(stars(repo));
      case "forks":
        return Optional.of(forks(repo));
      case "merge_requests":
        return Optional.of(items(repo, true, request.query().get("updated_after")));
      case "issues":
        return Optional.of(items(repo, false, request.query().get("updated_after")));
      case "members":
      case "releases":
      case "repository/commits":
      case "events":
        return Optional.of(List.of());
      default:
        return Optional.empty();
    }
  }

  private static String project(Repository repo) {
    return "{\"id\": " + repo.id().getAsLong() + ", \"path_with_namespace\": \"" + repo.fullName()
        + "\", \"name\": \"" + repo.fullName().substring(repo.fullName().indexOf('/') + 1) + "\"}";
  }

  /** A GitLab user object; bots carry {@code bot: true}. */
  private static String user(Actor a) {
    return "{\"id\": " + a.id().getAsLong() + ", \"username\": \"" + a.login().orElseThrow()
        + "\", \"name\": \"" + a.login().orElseThrow() + "\", \"state\": \"active\", \"bot\": "
        + (a.kind() == ActorKind.BOT) + "}";
  }

  private List<String> stars(Repository repo) {
    List<String> out = new ArrayList<>();
    for (Event e : community.events(repo, EventType.STAR)) {
      out.add("{\"starred_since\": \"" + e.at() + "\", \"user\": " + user(e.actor()) + "}");
    }
    return out;
  }

  private List<String> forks(Repository repo) {
    List<String> out = new ArrayList<>();
    long id = repo.id().getAsLong() * 100;
    for (Event e : community.events(repo, EventType.FORK)) {
      Fork f = (Fork) e;
      Actor a = f.actor();
      String owner =
          a.kind() == ActorKind.ORGANIZATION
              ? "\"namespace\": {\"id\": " + a.id().getAsLong() + ", \"name\": \"" + a.login().orElseThrow()
                  + "\", \"kind\": \"group\", \"full_path\": \"" + a.login().orElseThrow() + "\"}"
              : "\"owner\": " + user(a) + ", \"namespace\": {\"kind\": \"user\", \"full_path\": \""
                  + a.login().orElseThrow() + "\"}";
      out.add("{\"id\": " + ++id + ", \"path_with_namespace\": \"" + f.forkFullName().orElseThrow()
          + "\", \"created_at\": \"" + f.at() + "\", " + owner + "}");
    }
    return out;
  }

  /** The scripted events of each numbered item of one kind, by number. */
  private Map<Integer, List<NumberedEvent>> numbered(Repository repo, boolean pulls) {
    Map<Integer, List<NumberedEvent>> out = new TreeMap<>();
    for (Event e : community.events()) {
      if (e.repo().equals(repo) && e instanceof NumberedEvent && ((NumberedEvent) e).onPullRequest() == pulls) {
        NumberedEvent n = (NumberedEvent) e;
        out.computeIfAbsent(n.number(), k -> new ArrayList<>()).add(n);
      }
    }
    return out;
  }

  /** Merge requests or issues updated at or after the bound, by {@code updated_at}. */
  private List<String> items(Repository repo, boolean pulls, String updatedAfter) {
    Instant bound = updatedAfter == null ? Instant.MIN : Instant.parse(updatedAfter);
    List<Map.Entry<Instant, String>> out = new ArrayList<>();
    numbered(repo, pulls).forEach((number, events) -> {
      Instant updated = events.get(events.size() - 1).at();
      if (!updated.isBefore(bound)) {
        out.add(Map.entry(updated, item(repo, pulls, number, events, updated)));
      }
    });
    out.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    List<String> json = new ArrayList<>();
    out.forEach(e -> json.add(e.getValue()));
    return json;
  }

  private static String item(Repository repo, boolean pulls, int number, List<NumberedEvent> events, Instant updated) {
    NumberedEvent opened = events.get(0);
    Optional<NumberedEvent> merged = find(events, EventType.PULL_REQUEST_MERGED);
    // The state after the last state change: a reopening clears closed_by and closed_at.
    String state = "opened";
    Optional<NumberedEvent> closed = Optional.empty();
    for (NumberedEvent e : events) {
      String change = stateChange(e.type());
      if (change.equals("closed")) {
        state = change;
        closed = Optional.of(e);
      } else if (change.equals("reopened")) {
        state = "opened";
        closed = Optional.empty();
      } else if (change.equals("merged")) {
        state = change;
      }
    }
    StringBuilder b = new StringBuilder("{\"id\": ")
        .append(repo.id().getAsLong() * 1000 + number)
        .append(", \"iid\": ").append(number)
        .append(", \"project_id\": ").append(repo.id().getAsLong())
        .append(", \"title\": \"item ").append(number)
        .append("\", \"state\": \"").append(state)
        .append("\", \"created_at\": \"").append(opened.at())
        .append("\", \"updated_at\": \"").append(updated)
        .append("\", \"author\": ").append(user(opened.actor()));
    if (pulls) {
      b.append(", \"target_branch\": \"main\", \"draft\": false");
      b.append(", \"merged_by\": ").append(merged.map(e -> user(e.actor())).orElse("null"));
      b.append(", \"merged_at\": ").append(merged.map(e -> "\"" + e.at() + "\"").orElse("null"));
      b.append(", \"merge_commit_sha\": null");
    }
    b.append(", \"closed_by\": ").append(closed.map(e -> user(e.actor())).orElse("null"));
    b.append(", \"closed_at\": ").append(closed.map(e -> "\"" + e.at() + "\"").orElse("null"));
    return b.append("}").toString();
  }

  /** The state a resource state event records for an event type, or "" when none. */
  private static String stateChange(EventType type) {
    switch (type) {
      case PULL_REQUEST_CLOSED:
      case ISSUE_CLOSED:
        return "closed";
      case PULL_REQUEST_REOPENED:
      case ISSUE_REOPENED:
        return "reopened";
      case PULL_REQUEST_MERGED:
        return "merged";
      default:
        return "";
    }
  }

  /**
   * The resource state events of a merge request or issue, oldest first, in GitLab's documented
   * shape ({@code id}, {@code user}, {@code created_at}, {@code resource_type}, {@code
   * resource_id}, {@code state}); ids are unique per repository, item and position.
   */
  private List<String> stateEvents(Repository repo, boolean pulls, int number) {
    List<String> out = new ArrayList<>();
    long itemId = repo.id().getAsLong() * 1000 + number;
    int position = 0;
    for (NumberedEvent e : numbered(repo, pulls).getOrDefault(number, List.of())) {
      String change = stateChange(e.type());
      if (!change.isEmpty()) {
        out.add("{\"id\": " + (itemId * 1000 + position++) + ", \"user\": " + user(e.actor())
            + ", \"created_at\": \"" + e.at() + "\", \"resource_type\": \""
            + (pulls ? "MergeRequest" : "Issue") + "\", \"resource_id\": " + itemId
            + ", \"state\": \"" + change + "\"}");
      }
    }
    return out;
  }

  private static Optional<NumberedEvent> find(List<NumberedEvent> events, EventType type) {
    return events.stream().filter(e -> e.type() == type).reduce((a, b) -> b);
  }

  /** The notes of a merge request or issue, oldest first. */
  private List<String> notes(Repository repo, boolean pulls, int number) {
    List<String> out = new ArrayList<>();
    for (NumberedEvent e : numbered(repo, pulls).getOrDefault(number, List.of())) {
      if (e instanceof IssueComment) {
        out.add(note(((IssueComment) e).commentId().getAsLong(), "a comment", false, "null", e, number));
      } else if (e instanceof ReviewComment) {
        out.add(note(((ReviewComment) e).commentId().getAsLong(), "a remark on a line", false, "\"DiffNote\"", e, number));
      } else if (e instanceof Review) {
        out.add(note(((Review) e).reviewId().getAsLong(), "approved this merge request", true, "null", e, number));
      }
    }
    return out;
  }

  private static String note(long id, String body, boolean system, String type, Event e, int number) {
    return "{\"id\": " + id + ", \"type\": " + type + ", \"body\": \"" + body + "\", \"author\": "
        + user(e.actor()) + ", \"created_at\": \"" + e.at() + "\", \"updated_at\": \"" + e.at()
        + "\", \"system\": " + system + ", \"noteable_iid\": " + number + "}";
  }

  @Override
  public String toString() {
    return "GitLabRenderer[" + community + "]";
  }
}
