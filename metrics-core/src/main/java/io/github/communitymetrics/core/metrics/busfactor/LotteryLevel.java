package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ShareRule;

/** OpenSauced's lottery factor risk levels, for a repository and for one person. */
public enum LotteryLevel {
  /** Low risk. */
  LOW,
  /** Moderate risk. */
  MODERATE,
  /** High risk. */
  HIGH,
  /** Very high risk. */
  VERY_HIGH;

  private static final ShareRule ABOVE_TENTH = new ShareRule(1, 10, false);
  private static final ShareRule ABOVE_QUARTER = new ShareRule(1, 4, false);
  private static final ShareRule ABOVE_HALF = ShareRule.MORE_THAN_HALF;

  /**
   * A repository's level by its lottery factor: 1 very high, 2 high, 3-4 moderate, 5 or more low
   * (OpenSauced puts exactly 5 at low).
   *
   * @throws IllegalArgumentException if {@code factor < 1} (no contributions: see the grace
   *     period of {@link LotteryFactor})
   */
  public static LotteryLevel ofFactor(int factor) {
    Checks.positive(factor, "factor");
    if (factor == 1) {
      return VERY_HIGH;
    }
    if (factor == 2) {
      return HIGH;
    }
    return factor <= 4 ? MODERATE : LOW;
  }

  /**
   * One person's level by their share {@code count / total}, compared exactly: at most 10% low,
   * at most 25% moderate, at most 50% high, more than 50% very high.
   *
   * @throws IllegalArgumentException unless {@code 0 <= count <= total} and {@code total > 0}
   */
  public static LotteryLevel ofShare(long count, long total) {
    if (!(total > 0 && count >= 0 && count <= total)) {
      throw new IllegalArgumentException("need 0 <= count <= total and total > 0 but was " + count + " of " + total);
    }
    if (!ABOVE_TENTH.isMetBy(count, total)) {
      return LOW;
    }
    if (!ABOVE_QUARTER.isMetBy(count, total)) {
      return MODERATE;
    }
    return ABOVE_HALF.isMetBy(count, total) ? VERY_HIGH : HIGH;
  }
}
