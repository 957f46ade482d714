package io.github.communitymetrics.core.metrics.confidence;

/** How a confidence interval for a binomial proportion is computed. */
public enum IntervalMethod {
  /**
   * Wilson score interval: inverts the normal approximation's score test. Close to nominal
   * coverage on average, never outside [0, 1], sensible at 0 and n successes; the usual default.
   */
  WILSON,
  /**
   * Clopper-Pearson "exact" interval: from beta quantiles, inverting the binomial test. Coverage
   * is at least nominal for every true proportion, so it is wider (conservative).
   */
  CLOPPER_PEARSON
}
