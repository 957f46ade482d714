package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * Someone starred (GitHub: watched) the repository.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the stargazer
 */
public record Star(
    Instant at,
    Repository repo,
    Actor actor) implements Event {

  /** Checks the components. */
  public Star {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
  }

  @Override
  public EventType type() {
    return EventType.STAR;
  }
}
