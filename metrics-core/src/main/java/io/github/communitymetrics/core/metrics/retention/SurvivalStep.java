package io.github.communitymetrics.core.metrics.retention;

/**
 * One step of a Kaplan-Meier curve: the estimate just after a time at which events happened.
 *
 * @param time the duration in the curve's unit (seconds for contributor survival)
 * @param atRisk n: subjects whose duration is at least {@code time}
 * @param events d: subjects whose event happened at exactly {@code time}
 * @param survival S(time), the product of {@code (n - d) / n} over steps up to this one
 * @param standardError the Greenwood standard error {@code S * sqrt(sum d / (n (n - d)))}; 0 once
 *     S is 0
 * @param lower the lower confidence bound, 0 to {@code survival}
 * @param upper the upper confidence bound, {@code survival} to 1
 */
public record SurvivalStep(
    long time, int atRisk, int events, double survival, double standardError, double lower, double upper) {

  /** Checks the components. */
  public SurvivalStep {
    if (!(atRisk > 0 && events > 0 && events <= atRisk)) {
      throw new IllegalArgumentException(
          "need 0 < events <= atRisk but were " + events + ", " + atRisk);
    }
    if (!(0 <= lower && lower <= survival && survival <= upper && upper <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= lower <= survival <= upper <= 1 but were " + lower + ", " + survival + ", " + upper);
    }
  }
}
