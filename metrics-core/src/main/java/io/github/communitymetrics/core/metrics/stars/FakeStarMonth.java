package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.time.YearMonth;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The stars of one repository in one calendar month (UTC) and how many of them each StarScout
 * signal suspects.
 *
 * @param repository the repository
 * @param month the calendar month, UTC
 * @param stars first stars (one per person and repository) in the month
 * @param lowActivity of those, stars by low-activity accounts; empty when the data holds no
 *     activity of the stargazers outside the starred repositories (no data, not zero)
 * @param lockstep of those, stars in a lockstep group; empty under the same condition
 * @param either of those, stars suspected by either signal; empty under the same condition
 */
public record FakeStarMonth(
    Repository repository, YearMonth month, int stars, OptionalInt lowActivity, OptionalInt lockstep,
    OptionalInt either) {

  /** Checks the fields. */
  public FakeStarMonth {
    Checks.notNull(repository, "repository");
    Checks.notNull(month, "month");
    Checks.notNull(lowActivity, "lowActivity");
    Checks.notNull(lockstep, "lockstep");
    Checks.notNull(either, "either");
    if (stars < 0) {
      throw new IllegalArgumentException("stars must be >= 0, was " + stars);
    }
  }

  /** Low-activity stars over stars; empty with no stars or no data. */
  public OptionalDouble lowActivityShare() {
    return share(lowActivity);
  }

  /** Lockstep stars over stars; empty with no stars or no data. */
  public OptionalDouble lockstepShare() {
    return share(lockstep);
  }

  /** Stars suspected by either signal over stars; empty with no stars or no data. */
  public OptionalDouble share() {
    return share(either);
  }

  private OptionalDouble share(OptionalInt suspected) {
    return stars == 0 || suspected.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) suspected.getAsInt() / stars);
  }
}
