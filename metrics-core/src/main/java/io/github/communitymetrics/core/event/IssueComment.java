package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A comment on an issue, or on the conversation of a pull request (GitHub stores both as issue
 * comments; GitLab notes map here too). System notes are not comments.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the comment's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param onPullRequest whether the number is a pull request's rather than an issue's
 * @param association the actor's association with the repository, where the forge gives it
 * @param commentId the forge's id of this comment, when the source gives it (GitHub's {@code
 *     comment.id}, GitLab's note id), positive; it tells apart comments the same person posts on
 *     the same issue or pull request in the same second (such as several line comments submitted
 *     together with one review). Without it such comments are equal values, so they count as one
 *     event and a store keeps only one of them
 */
public record IssueComment(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    boolean onPullRequest,
    Optional<AuthorAssociation> association,
    OptionalLong commentId) implements NumberedEvent {

  /** Checks the components. */
  public IssueComment {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(association, "association");
    Checks.positive(commentId, "commentId");
  }

  @Override
  public EventType type() {
    return EventType.ISSUE_COMMENT;
  }
}
