package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * One person's contributions, for {@link EventCohort}.
 *
 * @param person who: a login, an e-mail address or a resolved identity; not blank
 * @param contributions when each contribution was made, not decreasing, at least one; the first
 *     is the person's first contribution to the project, so give the whole history, not a window
 *     of it
 */
public record PersonContributions(String person, List<Instant> contributions) {

  /** Checks the components and copies the list. */
  public PersonContributions {
    Checks.notBlank(person, "person");
    Checks.notNull(contributions, "contributions");
    contributions = List.copyOf(contributions); // refuses null elements
    if (contributions.isEmpty()) {
      throw new IllegalArgumentException("contributions of " + person + " must not be empty");
    }
    for (int i = 1; i < contributions.size(); i++) {
      if (contributions.get(i).isBefore(contributions.get(i - 1))) {
        throw new IllegalArgumentException(
            "contributions of " + person + " must not decrease but [" + i + "] (" + contributions.get(i)
                + ") is before [" + (i - 1) + "] (" + contributions.get(i - 1) + ")");
      }
    }
  }

  /** The first contribution. */
  public Instant first() {
    return contributions.get(0);
  }
}
