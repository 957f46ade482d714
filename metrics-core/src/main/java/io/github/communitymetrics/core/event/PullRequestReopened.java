package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * A closed pull request was reopened.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever reopened it
 * @param number the issue or pull request number, positive, unique within the repository
 */
public record PullRequestReopened(
    Instant at,
    Repository repo,
    Actor actor,
    int number) implements NumberedEvent {

  /** Checks the components. */
  public PullRequestReopened {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
  }

  @Override
  public EventType type() {
    return EventType.PULL_REQUEST_REOPENED;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
