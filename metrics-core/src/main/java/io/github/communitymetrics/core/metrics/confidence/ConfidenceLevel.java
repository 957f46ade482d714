package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.internal.Checks;

/**
 * OpenSauced's reading of a contributor confidence percent: below 10 low, 10 to 29 medium, 30 and
 * above high. The percent is already floored, so 9.99 % is 9, low.
 */
public enum ConfidenceLevel {
  /** Percent below 10. */
  LOW,
  /** Percent from 10 to 29. */
  MEDIUM,
  /** Percent 30 or more. */
  HIGH;

  /** The percent at and above which the level is {@link #MEDIUM}. */
  public static final int MEDIUM_FROM_PERCENT = 10;

  /** The percent at and above which the level is {@link #HIGH}. */
  public static final int HIGH_FROM_PERCENT = 30;

  /**
   * The level of a whole percent.
   *
   * @param percent a floored percent, 0 to 100
   * @throws IllegalArgumentException if it is outside 0 to 100
   */
  public static ConfidenceLevel ofPercent(int percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be between 0 and 100 but was " + percent);
    }
    if (percent < MEDIUM_FROM_PERCENT) {
      return LOW;
    }
    return percent < HIGH_FROM_PERCENT ? MEDIUM : HIGH;
  }
}
