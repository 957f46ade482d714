package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Someone forked the repository.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever forked it
 * @param forkFullName the full name of the new fork, when known
 */
public record Fork(
    Instant at,
    Repository repo,
    Actor actor,
    Optional<String> forkFullName) implements Event {

  /** Checks the components. */
  public Fork {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.notNull(forkFullName, "forkFullName");
    forkFullName.ifPresent(f -> Checks.notBlank(f, "forkFullName"));
  }

  @Override
  public EventType type() {
    return EventType.FORK;
  }
}
