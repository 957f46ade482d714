package io.github.communitymetrics.gitlab.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.forge.ClosingReferences;
import io.github.communitymetrics.forge.internal.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * GitLab REST v4 objects to core events. Items that carry no event are reported to a skip counter
 * with a reason, never dropped silently.
 */
public final class GitLabMapping {
  /** Project and group access tokens act through users named {@code project_ID_bot...}/{@code group_ID_bot...}. */
  private static final Pattern TOKEN_BOT = Pattern.compile("(project|group)_[0-9]+_bot.*");

  private GitLabMapping() {}

  /** Where skipped items are counted, by reason. */
  @FunctionalInterface
  public interface Skips {
    /** Counts one skipped item. */
    void skip(String reason);
  }

  /**
   * A GitLab user object ({@code username}, {@code id}, {@code name}, {@code bot}) as an actor. Bots
   * are users with {@code bot: true}, project and group access-token users and the ghost user that
   * stands in for deleted accounts.
   */
  public static Actor actor(JsonValues json, Map<String, Object> user) {
    String login = json.text(user, "username");
    boolean bot =
        json.optionalBoolean(user, "bot").orElse(false)
            || TOKEN_BOT.matcher(login).matches()
            || login.equals("ghost");
    return new Actor(
        Forge.GITLAB,
        Optional.of(login),
        json.optionalNumber(user, "id"),
        json.optionalText(user, "name").filter(n -> !n.isBlank()),
        List.of(),
        bot ? ActorKind.BOT : ActorKind.USER);
  }

  /** A project object ({@code path_with_namespace}, {@code id}) as a core repository. */
  public static Repository repository(JsonValues json, Map<String, Object> project) {
    return new Repository(
        Forge.GITLAB,
        json.text(project, "path_with_namespace"),
        OptionalLong.of(json.number(project, "id")));
  }

  /**
   * An element of a group's project list: {@code path_with_namespace}, {@code id}, {@code
   * archived} (absent: false), and a fork when {@code forked_from_project} is present. GitLab shows
   * that member only when the caller may see the project forked from: a fork of a project the
   * token cannot see is listed as no fork.
   */
  public static io.github.communitymetrics.forge.ListedRepository listedProject(
      JsonValues json, Map<String, Object> project) {
    String path = json.text(project, "path_with_namespace");
    long id = json.number(project, "id");
    boolean fork = json.optionalObject(project, "forked_from_project").isPresent();
    try {
      return new io.github.communitymetrics.forge.ListedRepository(
          path, id, fork, json.optionalBoolean(project, "archived").orElse(false));
    } catch (IllegalArgumentException e) {
      throw json.malformed("a listed project: " + e.getMessage());
    }
  }

  /** An element of {@code GET /projects/:id/starrers}: {@code starred_since} and {@code user}. */
  public static List<Event> star(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    return List.of(
        new Star(json.instant(item, "starred_since"), repo, actor(json, json.object(item, "user"))));
  }

  /** The key of a star: the user's id (a user stars a project once). */
  public static String starKey(JsonValues json, Map<String, Object> item) {
    return Long.toString(json.number(json.object(item, "user"), "id"));
  }

  /** The key of any item with an {@code id}. */
  public static String idKey(JsonValues json, Map<String, Object> item) {
    return Long.toString(json.number(item, "id"));
  }

  /**
   * An element of {@code GET /projects/:id/forks}: the fork project, created by its {@code owner}
   * (a user namespace) or, for a fork into a group, by the group namespace.
   */
  public static List<Event> fork(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    Optional<Map<String, Object>> owner = json.optionalObject(item, "owner");
    Actor actor;
    if (owner.isPresent()) {
      actor = actor(json, owner.get());
    } else {
      Map<String, Object> ns = json.object(item, "namespace");
      actor =
          new Actor(
              Forge.GITLAB,
              Optional.of(json.text(ns, "full_path")),
              json.optionalNumber(ns, "id"),
              json.optionalText(ns, "name").filter(n -> !n.isBlank()),
              List.of(),
              ActorKind.ORGANIZATION);
    }
    return List.of(
        new Fork(
            json.instant(item, "created_at"),
            repo,
            actor,
            Optional.of(json.text(item, "path_with_namespace"))));
  }

  /**
   * An element of {@code GET /projects/:id/merge_requests?state=all}: its opening (with its
   * current {@code labels}: the list has no history), its merge (by
   * {@code merged_by}, or {@code merge_user} on newer GitLab) and, when closed unmerged, its last
   * closing. A merge or close without time or actor is counted, not invented. Without a way to
   * name other projects, a merge request from another project has no head repository.
   */
  public static List<Event> mergeRequest(
      JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    return mergeRequest(json, item, repo, skips, id -> Optional.empty());
  }

  /**
   * As {@link #mergeRequest(JsonValues, Map, Repository, Skips)}, the opening with its head
   * repository and closing references: the repository itself when {@code source_project_id}
   * equals {@code target_project_id}, else the path {@code projectPath} gives for the source
   * project's id (empty when it cannot say: a fork deleted or not visible), and empty when the
   * item has no {@code source_project_id}; the issues its {@code description} closes by GitLab's
   * default closing pattern ({@link ClosingReferences#gitlab}).
   *
   * @param projectPath the path with namespace of a project by id
   */
  public static List<Event> mergeRequest(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      Skips skips,
      LongFunction<Optional<String>> projectPath) {
    int iid = iid(json, item, "iid");
    Actor author = actor(json, json.object(item, "author"));
    boolean draft =
        json.optionalBoolean(item, "draft")
            .or(() -> json.optionalBoolean(item, "work_in_progress"))
            .orElse(false);
    Optional<String> target = json.optionalText(item, "target_branch");
    List<Event> out = new ArrayList<>();
    out.add(
        new PullRequestOpened(
            json.instant(item, "created_at"),
            repo,
            author,
            iid,
            draft,
            target,
            Optional.empty(),
            json.labelNames(item, "labels"),
            headRepository(json, item, repo, projectPath),
            ClosingReferences.gitlab(
                repo.fullName(), json.optionalText(item, "description").orElse(null))));
    String state = json.text(item, "state");
    if (state.equals("merged")) {
      Optional<Map<String, Object>> by =
          json.optionalObject(item, "merged_by").or(() -> json.optionalObject(item, "merge_user"));
      Optional<String> at = json.optionalText(item, "merged_at");
      if (by.isPresent() && at.isPresent()) {
        out.add(
            new PullRequestMerged(
                json.instant(item, "merged_at"),
                repo,
                actor(json, by.get()),
                iid,
                Optional.of(author),
                target,
                json.optionalText(item, "merge_commit_sha")
                    .or(() -> json.optionalText(item, "squash_commit_sha"))));
      } else {
        skips.skip("merge_without_time_or_actor");
      }
    } else if (state.equals("closed")) {
      Optional<Map<String, Object>> by = json.optionalObject(item, "closed_by");
      if (by.isPresent() && json.optionalText(item, "closed_at").isPresent()) {
        out.add(
            new PullRequestClosed(
                json.instant(item, "closed_at"), repo, actor(json, by.get()), iid, Optional.of(author)));
      } else {
        skips.skip("close_without_time_or_actor");
      }
    }
    return out;
  }

  private static Optional<String> headRepository(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      LongFunction<Optional<String>> projectPath) {
    OptionalLong source = json.optionalNumber(item, "source_project_id");
    if (source.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong target = json.optionalNumber(item, "target_project_id");
    boolean same =
        target.isPresent()
            ? target.getAsLong() == source.getAsLong()
            : repo.id().equals(source);
    return same ? Optional.of(repo.fullName()) : projectPath.apply(source.getAsLong());
  }

  /**
   * An element of {@code GET /projects/:id/issues?state=all}: its opening (with its current
   * {@code labels}, not those at the opening: the list has no history) and last closing.
   */
  public static List<Event> issue(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    int iid = iid(json, item, "iid");
    List<Event> out = new ArrayList<>();
    out.add(
        new IssueOpened(
            json.instant(item, "created_at"),
            repo,
            actor(json, json.object(item, "author")),
            iid,
            Optional.empty(),
            json.labelNames(item, "labels")));
    if (json.text(item, "state").equals("closed")) {
      Optional<Map<String, Object>> by = json.optionalObject(item, "closed_by");
      if (by.isPresent() && json.optionalText(item, "closed_at").isPresent()) {
        out.add(new IssueClosed(json.instant(item, "closed_at"), repo, actor(json, by.get()), iid));
      } else {
        skips.skip("close_without_time_or_actor");
      }
    }
    return out;
  }

  /**
   * An element of {@code GET /projects/:id/merge_requests/:iid/resource_state_events} or {@code
   * .../issues/:iid/resource_state_events} (GitLab 13.2 and later: {@code id}, {@code user}, {@code
   * created_at}, {@code resource_type}, {@code resource_id}, {@code state}). "closed" becomes a
   * closing and "reopened" a reopening by {@code user} at {@code created_at}. "merged" is skipped as
   * {@code state_event_merged_listed} (the merge-request list gives the merge with its commit),
   * other states ("opened", "locked") as {@code state_event_other}, and an event without a user as
   * {@code state_event_without_actor}.
   *
   * @param parentAuthor the merge request's author, for closings of merge requests
   */
  public static List<Event> stateEvent(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      int iid,
      boolean onMergeRequest,
      Optional<Actor> parentAuthor,
      Skips skips) {
    String state = json.text(item, "state");
    boolean closed = state.equals("closed");
    if (!closed && !state.equals("reopened")) {
      skips.skip(state.equals("merged") ? "state_event_merged_listed" : "state_event_other");
      return List.of();
    }
    Optional<Map<String, Object>> user = json.optionalObject(item, "user");
    if (user.isEmpty()) {
      skips.skip("state_event_without_actor");
      return List.of();
    }
    Instant at = json.instant(item, "created_at");
    Actor by = actor(json, user.get());
    if (onMergeRequest) {
      return List.of(
          closed
              ? new PullRequestClosed(at, repo, by, iid, parentAuthor)
              : new PullRequestReopened(at, repo, by, iid));
    }
    return List.of(closed ? new IssueClosed(at, repo, by, iid) : new IssueReopened(at, repo, by, iid));
  }

  /**
   * An element of {@code GET /projects/:id/merge_requests/:iid/resource_label_events} or {@code
   * .../issues/:iid/resource_label_events} ({@code id}, {@code user}, {@code created_at}, {@code
   * resource_type}, {@code resource_id}, {@code label} with its {@code name}, {@code action} "add"
   * or "remove"): a {@link LabelChanged} by {@code user} at {@code created_at}. An event whose
   * label was deleted since (GitLab then sends {@code label: null}) is skipped as {@code
   * label_event_without_label}, one without a user as {@code label_event_without_actor}; an
   * unknown action is a malformed response.
   */
  public static List<Event> labelEvent(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      int iid,
      boolean onMergeRequest,
      Skips skips) {
    String action = json.text(item, "action");
    if (!action.equals("add") && !action.equals("remove")) {
      throw json.malformed("label event action is neither add nor remove: " + action);
    }
    Optional<Map<String, Object>> label = json.optionalObject(item, "label");
    if (label.isEmpty()) {
      skips.skip("label_event_without_label");
      return List.of();
    }
    Optional<Map<String, Object>> user = json.optionalObject(item, "user");
    if (user.isEmpty()) {
      skips.skip("label_event_without_actor");
      return List.of();
    }
    return List.of(
        new LabelChanged(
            json.instant(item, "created_at"),
            repo,
            actor(json, user.get()),
            iid,
            onMergeRequest,
            json.labelName(label.get(), "label"),
            action.equals("add")));
  }

  /**
   * Whether a note is the system note of a closing or reopening ("closed", "reopened"), which the
   * source takes from state events instead when the item has them.
   */
  public static boolean stateNote(JsonValues json, Map<String, Object> item) {
    String body = json.optionalText(item, "body").orElse("").strip();
    return json.optionalBoolean(item, "system").orElse(false) && (body.equals("closed") || body.equals("reopened"));
  }

  /**
   * A note of a merge request ({@code onMergeRequest}) or issue. Human notes are comments, and
   * {@code DiffNote}s on a merge request are review comments. System notes ({@code system: true})
   * are not human responses: "approved this merge request" becomes an approval and "reopened" a
   * reopening, since no list gives those (the source skips "closed" and "reopened" notes of items
   * whose state events hold their closings and reopenings, see {@link #stateNote}); "merged" and
   * "closed" are skipped as {@code
   * system_note_state_listed} (the merge-request and issue lists give them); every other system
   * note is skipped as {@code system_note}.
   *
   * @param parentAuthor the merge request's author, for approvals
   */
  public static List<Event> note(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      int iid,
      boolean onMergeRequest,
      Optional<Actor> parentAuthor,
      Skips skips) {
    Instant at = json.instant(item, "created_at");
    Actor author = actor(json, json.object(item, "author"));
    OptionalLong id = OptionalLong.of(json.number(item, "id"));
    if (json.optionalBoolean(item, "system").orElse(false)) {
      String body = json.optionalText(item, "body").orElse("").strip();
      if (onMergeRequest && body.equals("approved this merge request")) {
        return List.of(
            new Review(
                at, repo, author, iid, ReviewState.APPROVED, parentAuthor, Optional.empty(), id));
      }
      if (body.equals("reopened")) {
        return List.of(
            onMergeRequest
                ? new PullRequestReopened(at, repo, author, iid)
                : new IssueReopened(at, repo, author, iid));
      }
      skips.skip(
          body.equals("merged") || body.equals("closed") ? "system_note_state_listed" : "system_note");
      return List.of();
    }
    if (onMergeRequest && json.optionalText(item, "type").filter("DiffNote"::equals).isPresent()) {
      return List.of(new ReviewComment(at, repo, author, iid, Optional.empty(), id));
    }
    return List.of(new IssueComment(at, repo, author, iid, onMergeRequest, Optional.empty(), id));
  }

  /**
   * An element of {@code GET /projects/:id/members}: the grant of its access level at {@code
   * created_at}, by {@code created_by} when GitLab says (else attributed to the member). Levels
   * below developer (guest 10, reporter 20, minimal 5) grant no write access and are skipped as
   * {@code member_below_developer}; without {@code created_at}, as {@code member_without_time}.
   */
  public static List<Event> member(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    long level = json.number(item, "access_level");
    Optional<Permission> permission = permission(level);
    if (permission.isEmpty()) {
      skips.skip("member_below_developer");
      return List.of();
    }
    if (json.optionalText(item, "created_at").isEmpty()) {
      skips.skip("member_without_time");
      return List.of();
    }
    Actor member = actor(json, item);
    Actor by = json.optionalObject(item, "created_by").map(u -> actor(json, u)).orElse(member);
    return List.of(
        new MemberAdded(json.instant(item, "created_at"), repo, by, member, permission.get()));
  }

  /**
   * GitLab's access level as a core permission: developer (30) writes, maintainer (40) maintains,
   * owner (50) administers; lower levels have no core permission.
   */
  public static Optional<Permission> permission(long accessLevel) {
    if (accessLevel >= 50) {
      return Optional.of(Permission.ADMIN);
    }
    if (accessLevel >= 40) {
      return Optional.of(Permission.MAINTAIN);
    }
    if (accessLevel >= 30) {
      return Optional.of(Permission.WRITE);
    }
    return Optional.empty();
  }

  /**
   * An element of {@code GET /projects/:id/repository/commits}: authored by the git identity of
   * its author line ({@code author_name}, {@code author_email}) at {@code authored_date}. GitLab
   * links commits to users only by e-mail address, and its lists do not say which user that is,
   * so the actor is {@link Actor#git} (the identity layer merges it with the account later). The
   * list gives neither the changed paths nor the co-authors (the git adapter reads those).
   */
  public static Event commit(JsonValues json, Map<String, Object> item, Repository repo) {
    String sha = json.text(item, "id");
    Signature author =
        new Signature(
            json.optionalText(item, "author_name").orElse(""),
            json.optionalText(item, "author_email").orElse(""),
            json.instant(item, "authored_date"));
    Signature committer =
        new Signature(
            json.optionalText(item, "committer_name").orElse(""),
            json.optionalText(item, "committer_email").orElse(""),
            json.instant(item, "committed_date"));
    List<String> parents = new ArrayList<>();
    Object listed = item.get("parent_ids");
    if (listed instanceof List) {
      for (Object parent : (List<?>) listed) {
        if (!(parent instanceof String)) {
          throw json.malformed("a parent of commit " + sha + " is not a string");
        }
        parents.add((String) parent);
      }
    }
    try {
      return new Commit(
          author.time(), repo, Actor.git(author.name(), author.email()), sha, parents, author, committer,
          List.of(), List.of());
    } catch (IllegalArgumentException e) {
      throw json.malformed("commit " + sha + ": " + e.getMessage());
    }
  }

  /**
   * An element of {@code GET /projects/:id/releases}: published by its {@code author} at {@code
   * released_at} (else {@code created_at}). An upcoming release ({@code upcoming_release: true},
   * released in the future) is not an event yet and is skipped as {@code release_upcoming}; GitLab
   * has no pre-release flag.
   */
  public static List<Event> release(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    if (json.optionalBoolean(item, "upcoming_release").orElse(false)) {
      skips.skip("release_upcoming");
      return List.of();
    }
    Instant at =
        json.optionalText(item, "released_at").isPresent()
            ? json.instant(item, "released_at")
            : json.instant(item, "created_at");
    Actor author =
        json.optionalObject(item, "author").map(u -> actor(json, u)).orElse(GHOST);
    return List.of(
        new Release(
            at,
            repo,
            author,
            json.text(item, "tag_name"),
            json.optionalText(item, "name").filter(n -> !n.isBlank()),
            false));
  }

  /**
   * An element of {@code GET /projects/:id/events?action=pushed}: a push by its {@code author} at
   * {@code created_at} to {@code push_data.ref} (a branch, or a tag when {@code ref_type} is
   * {@code tag}) leaving it at {@code commit_to}. A push that removed the ref has no head and is
   * skipped as {@code push_ref_removed}.
   */
  public static List<Event> push(JsonValues json, Map<String, Object> item, Repository repo, Skips skips) {
    Map<String, Object> data = json.object(item, "push_data");
    Optional<String> head = json.optionalText(data, "commit_to");
    if (head.isEmpty() || json.optionalText(data, "action").filter("removed"::equals).isPresent()) {
      skips.skip("push_ref_removed");
      return List.of();
    }
    String ref = json.text(data, "ref");
    boolean tag = json.optionalText(data, "ref_type").filter("tag"::equals).isPresent();
    long count = json.optionalNumber(data, "commit_count").orElse(0);
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw json.malformed("'commit_count' out of range: " + count);
    }
    return List.of(
        new Push(
            json.instant(item, "created_at"),
            repo,
            actor(json, json.object(item, "author")),
            (tag ? "refs/tags/" : "refs/heads/") + ref,
            head.get(),
            (int) count));
  }

  /** The key of a release: its tag, unique in a project. */
  public static String releaseKey(JsonValues json, Map<String, Object> item) {
    return json.text(item, "tag_name");
  }

  /** GitLab's stand-in for deleted users ({@code ghost}), for items whose user is gone. */
  public static final Actor GHOST =
      new Actor(Forge.GITLAB, Optional.of("ghost"), OptionalLong.empty(), Optional.empty(), List.of(), ActorKind.BOT);

  /** The iid of a merge request or issue, checked to fit an event number. */
  public static int iid(JsonValues json, Map<String, Object> item, String key) {
    long iid = json.number(item, key);
    if (iid <= 0 || iid > Integer.MAX_VALUE) {
      throw json.malformed("'" + key + "' out of range: " + iid);
    }
    return (int) iid;
  }
}
