package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Period;
import java.util.List;

/**
 * One row of a cohort retention matrix: the people whose first contribution fell in {@code
 * cohort}, and how many of them contributed k periods later.
 *
 * @param cohort the period of the members' first contribution
 * @param members the cohort's person keys, in {@link Actor}'s order; not empty
 * @param activeAfter element k: members with a contribution in the k-th period after {@code
 *     cohort} (k = 0 is the cohort period itself, so it equals the cohort size), up to the last
 *     period of the window
 */
public record CohortRow(Period cohort, List<Actor> members, List<Integer> activeAfter) {

  /** Checks the components and copies the lists. */
  public CohortRow {
    Checks.notNull(cohort, "cohort");
    members = List.copyOf(members);
    activeAfter = List.copyOf(activeAfter);
    Checks.argument(!members.isEmpty(), "a cohort has members");
  }

  /**
   * The share (0 to 1) of the cohort active {@code k} periods after it.
   *
   * @throws IllegalArgumentException if {@code k} is not an index of {@link #activeAfter()}
   */
  public double share(int k) {
    Checks.argument(
        k >= 0 && k < activeAfter.size(),
        "k must be between 0 and " + (activeAfter.size() - 1) + " but was " + k);
    return (double) activeAfter.get(k) / members.size();
  }
}
