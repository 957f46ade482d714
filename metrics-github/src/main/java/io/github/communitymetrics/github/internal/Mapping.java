package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
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

/** GitHub REST objects to core events. */
public final class Mapping {
  private Mapping() {}

  /**
   * GitHub's placeholder for deleted accounts: the web shows their content as by {@code @ghost}
   * (user id 10137), and the API sends either that user or {@code null}. Items whose user is null
   * are attributed to it (and counted in the fetch report) rather than dropped, so an issue by a
   * deleted account is still an issue.
   */
  public static final Actor GHOST =
      new Actor(Forge.GITHUB, Optional.of("ghost"), OptionalLong.of(10137), Optional.empty(), List.of(), ActorKind.USER);

  /** The user object under {@code key}, or {@link #GHOST} when it is null or absent. */
  public static Actor userOrGhost(JsonValues json, Map<String, Object> item, String key) {
    Optional<Map<String, Object>> user = json.optionalObject(item, key);
    return user.isPresent() ? actor(json, user.get()) : GHOST;
  }

  /** A GitHub user object ({@code login}, {@code id}, {@code type}) as an actor. */
  public static Actor actor(JsonValues json, Map<String, Object> user) {
    String login = json.text(user, "login");
    OptionalLong id = json.optionalNumber(user, "id");
    String type = json.optionalText(user, "type").orElse("User");
    ActorKind kind;
    if (type.equals("Bot") || login.endsWith("[bot]")) {
      kind = ActorKind.BOT;
    } else if (type.equals("Organization")) {
      kind = ActorKind.ORGANIZATION;
    } else {
      kind = ActorKind.USER;
    }
    return new Actor(Forge.GITHUB, Optional.of(login), id, Optional.empty(), List.of(), kind);
  }

  /** An element of {@code GET /repos/{o}/{n}/stargazers} with the {@code star+json} media type. */
  public static Star star(JsonValues json, Map<String, Object> item, Repository repo) {
    return new Star(
        json.instant(item, "starred_at"), repo, userOrGhost(json, item, "user"));
  }

  /** The stable key of a star within a repository: the user's id (a user stars once). */
  public static String starKey(JsonValues json, Map<String, Object> item) {
    Optional<Map<String, Object>> found = json.optionalObject(item, "user");
    if (found.isEmpty()) {
      // Deleted accounts: one key per starred_at, as nothing else tells them apart.
      return "ghost@" + json.text(item, "starred_at");
    }
    Map<String, Object> user = found.get();
    return json.optionalNumber(user, "id").isPresent()
        ? Long.toString(json.number(user, "id"))
        : json.text(user, "login");
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/issues?state=all}: the opening of an issue, or of a pull
   * request when the item has a {@code pull_request} object, with the names of its {@code labels}
   * and, for a pull request, the issues its {@code title} and {@code body} close by GitHub's
   * closing keywords ({@link ClosingReferences#github}). The list carries neither the base branch
   * nor the head repository of a pull request nor who closed or merged it, and its labels and
   * text are the item's now, not at its opening (the issue events give the label changes).
   */
  public static NumberedEvent opened(JsonValues json, Map<String, Object> item, Repository repo) {
    int number = number(json, item);
    Instant at = json.instant(item, "created_at");
    Actor author = userOrGhost(json, item, "user");
    Optional<AuthorAssociation> association =
        json.optionalText(item, "author_association").flatMap(AuthorAssociation::fromWireName);
    if (json.optionalObject(item, "pull_request").isPresent()) {
      return new PullRequestOpened(
          at,
          repo,
          author,
          number,
          json.optionalBoolean(item, "draft").orElse(false),
          Optional.empty(),
          association,
          json.labelNames(item, "labels"),
          Optional.empty(),
          ClosingReferences.github(
              repo.fullName(),
              json.optionalText(item, "title").orElse(null),
              json.optionalText(item, "body").orElse(null)));
    }
    return new IssueOpened(at, repo, author, number, association, json.labelNames(item, "labels"));
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/issues/comments}. Its {@code issue_url} ends in the
   * number; its {@code html_url} says {@code /pull/} for a comment on a pull request.
   */
  public static IssueComment issueComment(JsonValues json, Map<String, Object> item, Repository repo) {
    return new IssueComment(
        json.instant(item, "created_at"),
        repo,
        userOrGhost(json, item, "user"),
        lastNumber(json, json.text(item, "issue_url")),
        json.text(item, "html_url").contains("/pull/"),
        json.optionalText(item, "author_association").flatMap(AuthorAssociation::fromWireName),
        OptionalLong.of(json.number(item, "id")));
  }

  /** An element of {@code GET /repos/{o}/{n}/pulls/comments}: a comment on a pull request's diff. */
  public static ReviewComment reviewComment(
      JsonValues json, Map<String, Object> item, Repository repo) {
    return new ReviewComment(
        json.instant(item, "created_at"),
        repo,
        userOrGhost(json, item, "user"),
        lastNumber(json, json.text(item, "pull_request_url")),
        json.optionalText(item, "author_association").flatMap(AuthorAssociation::fromWireName),
        OptionalLong.of(json.number(item, "id")));
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/issues/events} as a change of state, of labels or of
   * assignees, or empty for the kinds of event not modelled (unassignments, references, ...).
   * {@code labeled} and {@code unlabeled} become a {@link LabelChanged} of the event's {@code
   * label.name} (a label without a name is a malformed response); {@code assigned} an {@link
   * IssueAssigned} of the event's {@code assignee} by its {@code actor} (an assignment without an
   * assignee is a malformed response). {@code closed} and
   * {@code reopened} become issue or pull-request events after the embedded issue's {@code
   * pull_request} object; {@code merged} becomes {@link PullRequestMerged} with the merge commit
   * ({@code commit_id}) and the pull request's author, and no base branch (the list does not say).
   * The {@code closed} that GitHub records right after a merge is not mapped here: the caller
   * folds it into the merge ({@link #isMergeClose}).
   */
  public static Optional<NumberedEvent> stateChange(
      JsonValues json, Map<String, Object> item, Repository repo) {
    String kind = json.text(item, "event");
    boolean label = kind.equals("labeled") || kind.equals("unlabeled");
    boolean assigned = kind.equals("assigned");
    if (!(label || assigned || kind.equals("closed") || kind.equals("reopened")
        || kind.equals("merged"))) {
      return Optional.empty();
    }
    Map<String, Object> issue = json.object(item, "issue");
    int number = number(json, issue);
    Instant at = json.instant(item, "created_at");
    Actor actor = userOrGhost(json, item, "actor");
    boolean pull = json.optionalObject(issue, "pull_request").isPresent();
    if (label) {
      String name = json.labelName(json.object(item, "label"), "label");
      return Optional.of(new LabelChanged(at, repo, actor, number, pull, name, kind.equals("labeled")));
    }
    if (assigned) {
      Map<String, Object> assignee =
          json.optionalObject(item, "assignee")
              .orElseThrow(() -> json.malformed("an assigned event of #" + number + " without an assignee"));
      return Optional.of(new IssueAssigned(at, repo, actor, number, pull, actor(json, assignee)));
    }
    if (kind.equals("merged")) {
      if (!pull) {
        throw json.malformed("a merged event on issue #" + number + ", which is not a pull request");
      }
      Optional<String> sha = json.optionalText(item, "commit_id");
      if (sha.isPresent() && !sha.get().matches("[0-9a-f]{7,64}")) {
        throw json.malformed("merged event of #" + number + ": commit_id is not a sha: " + sha.get());
      }
      return Optional.of(
          new PullRequestMerged(
              at, repo, actor, number, Optional.of(userOrGhost(json, issue, "user")), Optional.empty(), sha));
    }
    if (kind.equals("closed")) {
      return Optional.of(
          pull
              ? new PullRequestClosed(at, repo, actor, number, Optional.of(userOrGhost(json, issue, "user")))
              : new IssueClosed(at, repo, actor, number));
    }
    return Optional.of(
        pull ? new PullRequestReopened(at, repo, actor, number) : new IssueReopened(at, repo, actor, number));
  }

  /**
   * Whether a pull request's {@code closed} event is the one GitHub records with a merge: a pull
   * request cannot be reopened once merged, so every close after its merge is the merge's own.
   *
   * @param mergedEventIds the event ids of that pull request's merges
   * @param closeEventId the close's event id (event ids grow with time)
   */
  public static boolean isMergeClose(List<Long> mergedEventIds, long closeEventId) {
    return mergedEventIds.stream().anyMatch(id -> id < closeEventId);
  }

  private static int number(JsonValues json, Map<String, Object> issue) {
    long number = json.number(issue, "number");
    if (number <= 0 || number > Integer.MAX_VALUE) {
      throw json.malformed("issue number out of range: " + number);
    }
    return (int) number;
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/releases}: a published release by its author, or empty
   * for a draft (not published, no {@code published_at}).
   */
  public static Optional<Event> release(JsonValues json, Map<String, Object> item, Repository repo) {
    if (json.optionalBoolean(item, "draft").orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(
        new Release(
            json.instant(item, "published_at"),
            repo,
            userOrGhost(json, item, "author"),
            json.text(item, "tag_name"),
            json.optionalText(item, "name").filter(n -> !n.isBlank()),
            json.optionalBoolean(item, "prerelease").orElse(false)));
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/commits}: the actor is the linked GitHub account
   * ({@code author}) when GitHub could link the author's e-mail address, else the git identity of
   * the author line. The list gives neither the changed paths ({@code files} is empty; the git
   * adapter reads them) nor the co-authors.
   */
  public static Optional<Event> commit(JsonValues json, Map<String, Object> item, Repository repo) {
    Map<String, Object> commit = json.object(item, "commit");
    Signature author = signature(json, json.object(commit, "author"));
    Signature committer = signature(json, json.object(commit, "committer"));
    List<String> parents = new ArrayList<>();
    Object listed = item.get("parents");
    if (listed instanceof List) {
      for (Object parent : (List<?>) listed) {
        if (!(parent instanceof Map)) {
          throw json.malformed("a parent of commit " + json.text(item, "sha") + " is not an object");
        }
        parents.add(json.text(JsonValues.asObject(parent), "sha"));
      }
    }
    try {
      Optional<Map<String, Object>> account = json.optionalObject(item, "author");
      Actor actor =
          account.isPresent() && json.optionalText(account.get(), "login").isPresent()
              ? actor(json, account.get())
              : Actor.git(author.name(), author.email());
      return Optional.of(
          new Commit(author.time(), repo, actor, json.text(item, "sha"), parents, author, committer, List.of(), List.of()));
    } catch (IllegalArgumentException e) {
      throw json.malformed("commit " + json.text(item, "sha") + ": " + e.getMessage());
    }
  }

  private static Signature signature(JsonValues json, Map<String, Object> line) {
    return new Signature(
        json.optionalText(line, "name").orElse(""),
        json.optionalText(line, "email").orElse(""),
        json.instant(line, "date"));
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/pulls/{number}/reviews}, or empty for a pending review
   * (not submitted: no {@code submitted_at}, seen only by its author).
   */
  public static Optional<Review> review(
      JsonValues json, Map<String, Object> item, Repository repo, int number, Actor pullRequestAuthor) {
    return submitted(json, item, repo, number, pullRequestAuthor, "submitted_at", "author_association",
        () -> userOrGhost(json, item, "user"), () -> json.number(item, "id"));
  }

  /**
   * A review in either API's names, or empty when pending; the reviewer and id are read only for a
   * submitted review.
   */
  private static Optional<Review> submitted(
      JsonValues json,
      Map<String, Object> item,
      Repository repo,
      int number,
      Actor pullRequestAuthor,
      String submittedKey,
      String associationKey,
      java.util.function.Supplier<Actor> reviewer,
      java.util.function.LongSupplier id) {
    String state = json.text(item, "state");
    if (state.equals("PENDING")) {
      return Optional.empty();
    }
    ReviewState verdict =
        ReviewState.fromWireName(state).orElseThrow(() -> json.malformed("unknown review state " + state));
    long reviewId = id.getAsLong();
    if (reviewId <= 0) {
      throw json.malformed("review id is not positive: " + reviewId);
    }
    return Optional.of(
        new Review(
            json.instant(item, submittedKey),
            repo,
            reviewer.get(),
            number,
            verdict,
            Optional.of(pullRequestAuthor),
            json.optionalText(item, associationKey).flatMap(AuthorAssociation::fromWireName),
            OptionalLong.of(reviewId)));
  }

  /**
   * A GraphQL {@code Actor} ({@code __typename}, {@code login}, {@code databaseId}) as the actor the
   * REST API would give: {@code databaseId} is the REST {@code id}, and a {@code Bot}'s login, which
   * GraphQL gives without the suffix ({@code dependabot}), gets the REST login's {@code [bot]}.
   * Null (a deleted account) is {@link #GHOST}.
   */
  public static Actor graphQlActor(JsonValues json, Map<String, Object> parent, String key) {
    Optional<Map<String, Object>> found = json.optionalObject(parent, key);
    if (found.isEmpty()) {
      return GHOST;
    }
    Map<String, Object> author = found.get();
    String type = json.optionalText(author, "__typename").orElse("User");
    String login = json.text(author, "login");
    ActorKind kind;
    if (type.equals("Bot") || login.endsWith("[bot]")) {
      kind = ActorKind.BOT;
      login = login.endsWith("[bot]") ? login : login + "[bot]";
    } else if (type.equals("Organization")) {
      kind = ActorKind.ORGANIZATION;
    } else {
      kind = ActorKind.USER;
    }
    return new Actor(
        Forge.GITHUB, Optional.of(login), json.optionalNumber(author, "databaseId"), Optional.empty(), List.of(), kind);
  }

  /**
   * A node of a GraphQL {@code PullRequestReviewConnection}, or empty for a pending review (not
   * submitted, no {@code submittedAt}).
   */
  public static Optional<Review> graphQlReview(
      JsonValues json, Map<String, Object> node, Repository repo, int number, Actor pullRequestAuthor) {
    return submitted(json, node, repo, number, pullRequestAuthor, "submittedAt", "authorAssociation",
        () -> graphQlActor(json, node, "author"), () -> graphQlId(json, node));
  }

  /**
   * A node's REST id: {@code fullDatabaseId} (GraphQL {@code BigInt}, a JSON string of digits),
   * else the 32-bit {@code databaseId}.
   */
  static long graphQlId(JsonValues json, Map<String, Object> node) {
    Object full = node.get("fullDatabaseId");
    if (full == null) {
      return json.number(node, "databaseId");
    }
    String digits = full.toString();
    if (!digits.matches("[0-9]{1,18}")) {
      throw json.malformed("fullDatabaseId is not a whole number: " + digits);
    }
    return Long.parseLong(digits);
  }

  /** A GraphQL pull request's {@code number}, checked. */
  public static int graphQlNumber(JsonValues json, Map<String, Object> node) {
    return number(json, node);
  }

  /**
   * The highest of admin, maintain and write ({@code push}) that a collaborator's {@code
   * permissions} object grants, empty for read or triage access or when it is absent.
   */
  public static Optional<Permission> permission(JsonValues json, Map<String, Object> user) {
    Optional<Map<String, Object>> granted = json.optionalObject(user, "permissions");
    if (granted.isEmpty()) {
      return Optional.empty();
    }
    if (json.optionalBoolean(granted.get(), "admin").orElse(false)) {
      return Optional.of(Permission.ADMIN);
    }
    if (json.optionalBoolean(granted.get(), "maintain").orElse(false)) {
      return Optional.of(Permission.MAINTAIN);
    }
    if (json.optionalBoolean(granted.get(), "push").orElse(false)) {
      return Optional.of(Permission.WRITE);
    }
    return Optional.empty();
  }

  /** The stable key of any item with an {@code id}. */
  public static String idKey(JsonValues json, Map<String, Object> item) {
    return Long.toString(json.number(item, "id"));
  }

  private static int lastNumber(JsonValues json, String url) {
    String last = url.substring(url.lastIndexOf('/') + 1);
    if (!last.matches("[1-9][0-9]{0,8}")) {
      throw json.malformed("no issue number at the end of " + url);
    }
    return Integer.parseInt(last);
  }

  /** An element of {@code GET /repos/{o}/{n}/forks}: the fork repository itself. */
  public static Fork fork(JsonValues json, Map<String, Object> item, Repository repo) {
    return new Fork(
        json.instant(item, "created_at"),
        repo,
        userOrGhost(json, item, "owner"),
        Optional.of(json.text(item, "full_name")));
  }

  /** A repository object ({@code full_name}, {@code id}) as a core repository. */
  public static Repository repository(JsonValues json, Map<String, Object> repo) {
    return new Repository(
        Forge.GITHUB, json.text(repo, "full_name"), OptionalLong.of(json.number(repo, "id")));
  }

  /**
   * An item of an owner's repository list ({@code /orgs/{o}/repos}, {@code /users/{u}/repos}):
   * {@code full_name}, {@code id}, {@code fork} and {@code archived} (absent: false).
   */
  public static io.github.communitymetrics.forge.ListedRepository listedRepository(
      JsonValues json, Map<String, Object> repo) {
    String fullName = json.text(repo, "full_name");
    long id = json.number(repo, "id");
    try {
      return new io.github.communitymetrics.forge.ListedRepository(
          fullName,
          id,
          json.optionalBoolean(repo, "fork").orElse(false),
          json.optionalBoolean(repo, "archived").orElse(false));
    } catch (IllegalArgumentException e) {
      throw json.malformed("a listed repository: " + e.getMessage());
    }
  }
}
