package io.github.communitymetrics.core.metrics.retention;

import java.util.OptionalDouble;

/**
 * One step of a Kaplan-Meier curve: the estimate just after a time at which events happened.
 *
 * @param time the duration in the curve's unit (seconds for contributor survival)
 * @param atRisk n: followed subjects whose duration is at least {@code time}
 * @param events d: subjects whose event happened at exactly {@code time}
 * @param survival S(time), the product of {@code (n - d) / n} over steps up to this one
 * @param standardError the Greenwood standard error {@code S * sqrt(sum d / (n (n - d)))}; empty
 *     once S is 0, where the sum is infinite and the product {@code 0 * infinity} is undefined
 * @param lower the lower confidence bound, 0 to {@code survival}; empty where the standard error
 *     is (no band is defined where S is 0, as for any division by zero)
 * @param upper the upper confidence bound, {@code survival} to 1; empty where {@code lower} is
 */
public record SurvivalStep(
    long time,
    int atRisk,
    int events,
    double survival,
    OptionalDouble standardError,
    OptionalDouble lower,
    OptionalDouble upper) {

  /** Checks the components. */
  public SurvivalStep {
    if (!(atRisk > 0 && events > 0 && events <= atRisk)) {
      throw new IllegalArgumentException(
          "need 0 < events <= atRisk but were " + events + ", " + atRisk);
    }
    if (!(0 <= survival && survival <= 1)) {
      throw new IllegalArgumentException("survival must be in [0, 1] but was " + survival);
    }
    if (standardError == null || lower == null || upper == null) {
      throw new IllegalArgumentException("standardError, lower and upper must not be null (use empty)");
    }
    if (lower.isPresent() != upper.isPresent()) {
      throw new IllegalArgumentException("lower and upper must both be present or both empty");
    }
    if (standardError.isPresent() && !(standardError.getAsDouble() >= 0)) {
      throw new IllegalArgumentException(
          "standardError must not be negative but was " + standardError.getAsDouble());
    }
    if (lower.isPresent()) {
      double lo = lower.getAsDouble();
      double hi = upper.getAsDouble();
      if (!(0 <= lo && lo <= survival && survival <= hi && hi <= 1)) {
        throw new IllegalArgumentException(
            "need 0 <= lower <= survival <= upper <= 1 but were " + lo + ", " + survival + ", " + hi);
      }
    }
  }
}
