package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * An issue was opened.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the issue's author
 * @param number the issue or pull request number, positive, unique within the repository
 * @param association the actor's association with the repository, where the forge gives it
 */
public record IssueOpened(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<AuthorAssociation> association) implements NumberedEvent {

  /** Checks the components. */
  public IssueOpened {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(association, "association");
  }

  @Override
  public EventType type() {
    return EventType.ISSUE_OPENED;
  }

  @Override
  public boolean onPullRequest() {
    return false;
  }
}
