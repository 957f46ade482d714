package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A pull request was closed without being merged. A merge is a {@link PullRequestMerged}, not
 * a close.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever closed it
 * @param number the issue or pull request number, positive, unique within the repository
 * @param author the pull request's author, when the source says
 */
public record PullRequestClosed(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<Actor> author) implements NumberedEvent {

  /** Checks the components. */
  public PullRequestClosed {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(author, "author");
  }

  @Override
  public EventType type() {
    return EventType.PULL_REQUEST_CLOSED;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
