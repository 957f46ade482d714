package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalInt;

/**
 * The result of an {@link ElephantFactor}.
 *
 * @param factor how many organisations hold the share, with the ranking of organisations
 * @param points the LFX organisation dependency points, 0 to 5; empty without contributions
 * @param policy what was done with unaffiliated contributions
 * @param leftOut unaffiliated contributions left out (always 0 unless {@link
 *     UnaffiliatedPolicy#LEAVE_OUT}); not part of {@code factor().total()}
 */
public record ElephantFactorResult(
    FactorResult<Organization> factor, OptionalInt points, UnaffiliatedPolicy policy, long leftOut) {
  /** Checks the components. */
  public ElephantFactorResult {
    Checks.notNull(factor, "factor");
    Checks.notNull(points, "points");
    Checks.notNull(policy, "policy");
  }
}
