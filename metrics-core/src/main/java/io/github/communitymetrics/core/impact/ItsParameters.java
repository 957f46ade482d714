package io.github.communitymetrics.core.impact;

import java.util.OptionalInt;

/**
 * How {@link InterruptedTimeSeries} fits a segmented regression around an event.
 *
 * @param before the days before the event's first day that are fitted; at least 7, so that each
 *     weekday is seen before the event
 * @param after the days after the event's last day that are fitted; at least 7
 * @param lag the Newey-West truncation lag L in days, not negative: residuals up to L days apart
 *     count as correlated, with Bartlett weights {@code 1 - l / (L + 1)}; empty for the default
 *     {@code floor(4 (n / 100)^(2/9))} with n the fitted days (Newey and West 1994), 4 for n = 100
 * @param level the confidence level of the intervals, strictly between 0 and 1
 */
public record ItsParameters(int before, int after, OptionalInt lag, double level) {

  /** Checks the components. */
  public ItsParameters {
    if (!(before >= 7 && after >= 7)) {
      throw new IllegalArgumentException(
          "before and after must each be at least 7 days but were " + before + ", " + after);
    }
    if (lag == null) {
      throw new IllegalArgumentException("lag must not be null (use OptionalInt.empty() for the default)");
    }
    if (lag.isPresent() && lag.getAsInt() < 0) {
      throw new IllegalArgumentException("lag must not be negative but was " + lag.getAsInt());
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
  }

  /** {@code before} and {@code after} days, the default lag, 95 % intervals. */
  public static ItsParameters of(int before, int after) {
    return new ItsParameters(before, after, OptionalInt.empty(), 0.95);
  }

  /** With Newey-West lag {@code l} days. */
  public ItsParameters withLag(int l) {
    return new ItsParameters(before, after, OptionalInt.of(l), level);
  }

  /** With confidence level {@code l}. */
  public ItsParameters withLevel(double l) {
    return new ItsParameters(before, after, lag, l);
  }

  /** The lag used for {@code n} fitted days: the given one or {@code floor(4 (n / 100)^(2/9))}. */
  public int effectiveLag(int n) {
    return lag.isPresent() ? lag.getAsInt() : (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
  }
}
