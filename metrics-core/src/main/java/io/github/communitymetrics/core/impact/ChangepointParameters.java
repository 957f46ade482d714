package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * How {@link Changepoints} segments a series.
 *
 * @param penalty the price of a changepoint
 * @param minSegmentLength the fewest days a segment may have, at least 1; 7 by default, so that a
 *     weekend dip is not a change
 * @param sigma the noise standard deviation in the series' unit, positive; empty to estimate it
 *     robustly from the day-to-day differences, {@code 1.4826 MAD(diff) / sqrt 2} (a change in
 *     mean moves one difference only, so the estimate hardly sees the changes it is to find)
 * @param tolerance k: a changepoint counts as near the event when it is at most k days from the
 *     event ({@link EventDays#distanceTo}); not negative
 */
public record ChangepointParameters(Penalty penalty, int minSegmentLength, OptionalDouble sigma, int tolerance) {

  /** Checks the components. */
  public ChangepointParameters {
    Checks.notNull(penalty, "penalty");
    Checks.positive(minSegmentLength, "minSegmentLength");
    Checks.notNull(sigma, "sigma");
    if (sigma.isPresent() && !(sigma.getAsDouble() > 0 && Double.isFinite(sigma.getAsDouble()))) {
      throw new IllegalArgumentException("sigma must be positive and finite but was " + sigma.getAsDouble());
    }
    Checks.notNegative(tolerance, "tolerance");
  }

  /** BIC penalty, segments of at least 7 days, estimated sigma, changes within 7 days of the event. */
  public static ChangepointParameters defaults() {
    return new ChangepointParameters(Penalty.bic(), 7, OptionalDouble.empty(), 7);
  }

  /** With {@code p} as the penalty. */
  public ChangepointParameters withPenalty(Penalty p) {
    return new ChangepointParameters(p, minSegmentLength, sigma, tolerance);
  }

  /** With segments of at least {@code m} days. */
  public ChangepointParameters withMinSegmentLength(int m) {
    return new ChangepointParameters(penalty, m, sigma, tolerance);
  }

  /** With a known noise standard deviation {@code s}. */
  public ChangepointParameters withSigma(double s) {
    return new ChangepointParameters(penalty, minSegmentLength, OptionalDouble.of(s), tolerance);
  }

  /** With a tolerance of {@code k} days. */
  public ChangepointParameters withTolerance(int k) {
    return new ChangepointParameters(penalty, minSegmentLength, sigma, k);
  }
}
