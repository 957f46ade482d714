package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestOpened;
import java.time.Instant;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** GitHub REST objects to core events. */
public final class Mapping {
  private Mapping() {}

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
        json.instant(item, "starred_at"), repo, actor(json, json.object(item, "user")));
  }

  /** The stable key of a star within a repository: the user's id (a user stars once). */
  public static String starKey(JsonValues json, Map<String, Object> item) {
    Map<String, Object> user = json.object(item, "user");
    return json.optionalNumber(user, "id").isPresent()
        ? Long.toString(json.number(user, "id"))
        : json.text(user, "login");
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/issues?state=all}: the opening of an issue, or of a pull
   * request when the item has a {@code pull_request} object. The list carries neither the base
   * branch of a pull request nor who closed or merged it.
   */
  public static NumberedEvent opened(JsonValues json, Map<String, Object> item, Repository repo) {
    long number = json.number(item, "number");
    if (number <= 0 || number > Integer.MAX_VALUE) {
      throw json.malformed("issue number out of range: " + number);
    }
    Instant at = json.instant(item, "created_at");
    Actor author = actor(json, json.object(item, "user"));
    Optional<AuthorAssociation> association =
        json.optionalText(item, "author_association").flatMap(AuthorAssociation::fromWireName);
    if (json.optionalObject(item, "pull_request").isPresent()) {
      return new PullRequestOpened(
          at,
          repo,
          author,
          (int) number,
          json.optionalBoolean(item, "draft").orElse(false),
          Optional.empty(),
          association);
    }
    return new IssueOpened(at, repo, author, (int) number, association);
  }

  /**
   * An element of {@code GET /repos/{o}/{n}/issues/comments}. Its {@code issue_url} ends in the
   * number; its {@code html_url} says {@code /pull/} for a comment on a pull request.
   */
  public static IssueComment issueComment(JsonValues json, Map<String, Object> item, Repository repo) {
    return new IssueComment(
        json.instant(item, "created_at"),
        repo,
        actor(json, json.object(item, "user")),
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
        actor(json, json.object(item, "user")),
        lastNumber(json, json.text(item, "pull_request_url")),
        json.optionalText(item, "author_association").flatMap(AuthorAssociation::fromWireName),
        OptionalLong.of(json.number(item, "id")));
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
        actor(json, json.object(item, "owner")),
        Optional.of(json.text(item, "full_name")));
  }

  /** A repository object ({@code full_name}, {@code id}) as a core repository. */
  public static Repository repository(JsonValues json, Map<String, Object> repo) {
    return new Repository(
        Forge.GITHUB, json.text(repo, "full_name"), OptionalLong.of(json.number(repo, "id")));
  }
}
