package io.github.communitymetrics.core.impact;

import java.util.Arrays;

/**
 * A point estimate with a bootstrap percentile interval and a two-sided bootstrap p-value.
 *
 * <p>The interval is the k-th smallest and k-th largest of the R replicates, {@code k =
 * floor((R + 1) (1 - level) / 2)}. The p-value inverts that interval: {@code p = min(1, 2 min(1 +
 * #{replicates <= null}, 1 + #{replicates >= null}) / (R + 1))}, so {@code p < 1 - level}
 * exactly when the null value lies outside the interval (up to the +1s, which keep p above 0:
 * R replicates cannot show a p below {@code 2 / (R + 1)}).
 *
 * @param estimate the estimate on the data
 * @param lower the lower percentile bound
 * @param upper the upper percentile bound, at least {@code lower}
 * @param level the confidence level of the interval
 * @param nullValue the value of "no effect" the p-value tests (0 for a difference, 1 for a ratio)
 * @param pValue the two-sided p-value for {@code nullValue}, in (0, 1]
 */
public record BootstrapEstimate(
    double estimate, double lower, double upper, double level, double nullValue, double pValue) {

  /** Checks the components. */
  public BootstrapEstimate {
    if (!(Double.isFinite(estimate) && lower <= upper)) {
      throw new IllegalArgumentException(
          "need a finite estimate and lower <= upper but were " + estimate + ", " + lower + ", " + upper);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    if (!(pValue > 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in (0, 1] but was " + pValue);
    }
  }

  /** Whether {@code lower <= value <= upper}. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /** The percentile interval and p-value of {@code replicates} (sorted in place). */
  static BootstrapEstimate of(double estimate, double[] replicates, double level, double nullValue) {
    Arrays.sort(replicates);
    int r = replicates.length;
    int k = (int) Math.floor((r + 1.0) * (1 - level) / 2);
    int atMost = 0;
    int atLeast = 0;
    for (double x : replicates) {
      if (x <= nullValue) {
        atMost++;
      }
      if (x >= nullValue) {
        atLeast++;
      }
    }
    double p = Math.min(1.0, 2.0 * (1 + Math.min(atMost, atLeast)) / (r + 1));
    return new BootstrapEstimate(estimate, replicates[k - 1], replicates[r - k], level, nullValue, p);
  }
}
