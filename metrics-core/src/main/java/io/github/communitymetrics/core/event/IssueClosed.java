package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * An issue was closed.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever closed it
 * @param number the issue or pull request number, positive, unique within the repository
 */
public record IssueClosed(
    Instant at,
    Repository repo,
    Actor actor,
    int number) implements NumberedEvent {

  /** Checks the components. */
  public IssueClosed {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
  }

  @Override
  public EventType type() {
    return EventType.ISSUE_CLOSED;
  }

  @Override
  public boolean onPullRequest() {
    return false;
  }
}
