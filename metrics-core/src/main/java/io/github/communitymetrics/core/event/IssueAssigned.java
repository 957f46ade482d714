package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * Someone was assigned to an issue or pull request ({@link EventType#ISSUE_ASSIGNED}): on GitHub,
 * where issues and pull requests share assignees, both; on GitLab no source gives a timestamped
 * assignment (see {@code docs/events.md}). Unassignments are not modelled.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever made the assignment (the assignee themselves when they took it)
 * @param number the issue or pull request number, positive, unique within the repository
 * @param onPullRequest whether the number is a pull request's rather than an issue's
 * @param assignee who was assigned
 */
public record IssueAssigned(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    boolean onPullRequest,
    Actor assignee) implements NumberedEvent {

  /** Checks the components. */
  public IssueAssigned {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(assignee, "assignee");
  }

  @Override
  public EventType type() {
    return EventType.ISSUE_ASSIGNED;
  }
}
