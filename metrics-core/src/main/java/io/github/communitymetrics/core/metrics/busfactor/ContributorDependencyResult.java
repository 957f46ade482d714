package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalInt;

/**
 * The result of a {@link ContributorDependency}.
 *
 * @param factor how many people hold 51% or more, with the ranking
 * @param points the LFX score, 0 to 5; empty when there are no contributions
 */
public record ContributorDependencyResult(FactorResult<Actor> factor, OptionalInt points) {
  /** Checks the components. */
  public ContributorDependencyResult {
    Checks.notNull(factor, "factor");
    Checks.notNull(points, "points");
  }
}
