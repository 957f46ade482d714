package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * A push to a branch or tag.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever pushed
 * @param ref the full ref pushed to, such as {@code refs/heads/main}
 * @param headSha the commit the ref points to after the push
 * @param commitCount how many commits the push brought, zero or more
 */
public record Push(
    Instant at,
    Repository repo,
    Actor actor,
    String ref,
    String headSha,
    int commitCount) implements Event {

  /** Checks the components. */
  public Push {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.notBlank(ref, "ref");
    Commit.checkSha(headSha, "headSha");
    Checks.notNegative(commitCount, "commitCount");
  }

  @Override
  public EventType type() {
    return EventType.PUSH;
  }
}
