package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * StarScout's signals over the first stars of a scope in a window.
 *
 * @param window the window
 * @param stars first stars (one per person and repository) in scope and window
 * @param lowActivity stars by low-activity accounts; empty when the data holds no activity of any
 *     stargazer outside the repository it starred (a stargazer list without their other activity:
 *     every one-star account would look low-activity), which is no data, not zero
 * @param lockstep stars in lockstep groups; empty under the same condition
 * @param either stars suspected by either signal; empty under the same condition
 * @param months per repository and calendar month (UTC) overlapping the window, in repository
 *     then month order; only (repository, month) pairs with at least one star in the window
 */
public record FakeStarsResult(
    Window window, int stars, OptionalInt lowActivity, OptionalInt lockstep, OptionalInt either,
    List<FakeStarMonth> months) {

  /** Checks the fields and copies the list. */
  public FakeStarsResult {
    Checks.notNull(window, "window");
    Checks.notNull(lowActivity, "lowActivity");
    Checks.notNull(lockstep, "lockstep");
    Checks.notNull(either, "either");
    months = List.copyOf(months);
  }

  /** Whether the data could tell suspected stars from others (see {@link #lowActivity}). */
  public boolean signalsAvailable() {
    return either.isPresent();
  }

  /** Stars suspected by either signal over stars; empty with no stars or no data. */
  public OptionalDouble share() {
    return stars == 0 || either.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) either.getAsInt() / stars);
  }
}
