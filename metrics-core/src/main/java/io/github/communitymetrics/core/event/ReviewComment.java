package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A comment on a line of a pull request's diff.
 *
 * @param at when it happened (UTC)
 * @param repo the repository
 * @param actor the comment's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param association the actor's association with the repository, where the forge gives it
 */
public record ReviewComment(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<AuthorAssociation> association) implements NumberedEvent {

  /** Checks the components. */
  public ReviewComment {
    Checks.notNull(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(association, "association");
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
