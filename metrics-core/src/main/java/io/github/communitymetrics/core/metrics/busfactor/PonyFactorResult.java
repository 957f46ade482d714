package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor.Sample;
import java.util.List;

/**
 * The result of a {@link PonyFactor}.
 *
 * @param current the factors over the 24 months before {@code asOf}
 * @param quarterly the factors at the last quarter ends at or before {@code asOf}, oldest first
 */
public record PonyFactorResult(Sample current, List<Sample> quarterly) {
  /** Checks the components and copies the list. */
  public PonyFactorResult {
    Checks.notNull(current, "current");
    quarterly = List.copyOf(Checks.notNull(quarterly, "quarterly"));
  }
}
