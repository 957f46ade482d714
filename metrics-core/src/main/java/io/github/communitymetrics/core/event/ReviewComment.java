package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A comment on a line of a pull request's diff.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the comment's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param association the actor's association with the repository, where the forge gives it
 * @param commentId the forge's id of this comment, when the source gives it (GitHub's {@code
 *     comment.id}, GitLab's note id), positive; it tells apart comments the same person posts on
 *     the same pull request in the same second (such as several line comments submitted
 *     together with one review). Without it such comments are equal values, so they count as one
 *     event and a store keeps only one of them
 */
public record ReviewComment(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<AuthorAssociation> association,
    OptionalLong commentId) implements NumberedEvent {

  /** Checks the components. */
  public ReviewComment {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(association, "association");
    Checks.positive(commentId, "commentId");
  }

  @Override
  public EventType type() {
    return EventType.REVIEW_COMMENT;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
