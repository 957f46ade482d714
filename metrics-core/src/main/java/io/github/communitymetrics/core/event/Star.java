package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * Someone starred (GitHub: watched) the repository.
 *
 * @param at when it happened (UTC)
 * @param repo the repository
 * @param actor the stargazer
 */
public record Star(
    Instant at,
    Repository repo,
    Actor actor) implements Event {

  /** Checks the components. */
  public Star {
    Checks.notNull(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
  }

  @Override
  public EventType type() {
    return EventType.STAR;
  }
}
