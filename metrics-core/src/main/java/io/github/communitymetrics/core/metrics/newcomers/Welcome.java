package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A human answer to a newcomer's issue or pull request: a comment, review comment or review by
 * someone other than the author, bots left out.
 *
 * @param person who answered (person key)
 * @param at when
 * @param waited from the opening to the answer, not negative
 */
public record Welcome(Actor person, Instant at, Duration waited) {
  /** Checks the components. */
  public Welcome {
    Checks.notNull(person, "person");
    Checks.notNull(at, "at");
    Checks.argument(!waited.isNegative(), "waited must not be negative: " + waited);
  }
}
