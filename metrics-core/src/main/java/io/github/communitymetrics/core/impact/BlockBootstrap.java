package io.github.communitymetrics.core.impact;

import java.util.SplittableRandom;

/**
 * The moving-block bootstrap of the means of a before and an after window, for one or more
 * series at once, in its circular form (Politis and Romano 1992).
 *
 * <p>Each window of w days is resampled on its own: ceil(w / b) blocks of b consecutive days,
 * each starting at a day drawn uniformly from the window's w days and wrapping from the window's
 * last day to its first, are laid end to end and cut to w days. The wrap makes every day equally
 * likely to be drawn, so the replicates are centred on the window's mean; the plain moving-block
 * bootstrap (Kuensch 1989), whose blocks do not wrap, draws the days at a window's ends less
 * often, and its percentile intervals centred off the estimate missed a planted shift in 9 % of
 * the property tests' series instead of 5 %. The two windows are not mixed: the null of "no
 * change" is not imposed, so the replicates describe the sampling variability of each mean around
 * its own value.
 *
 * <p>Centring each resampled block on the window's mean takes variance away: for independent
 * days the bootstrap variance of a window's mean is {@code (1 - b / w)} times the plug-in
 * variance {@code s^2 / w} (s^2 with divisor w), a 14 % shortfall for w = 28 and b = 4 that made
 * 8.5 % of the property tests' no-effect series "significant" at 5 %. Each replicate mean is
 * therefore moved away from the window's mean by the factor {@code sqrt(w / (w - b))}, which
 * removes that shortfall exactly when b divides w and the days are independent, and to first
 * order otherwise. All series share the drawn block starts, which keeps whatever the series have
 * in common on a day (a holiday, an outage of the forge) in every replicate: the controls of a
 * difference in differences are resampled the way the treated series is.
 */
final class BlockBootstrap {
  private BlockBootstrap() {}

  /**
   * The w-day windows of an event: before is {@code [first - w, first - 1]}, after is {@code
   * [last + 1, last + w]}.
   *
   * @throws IllegalArgumentException if a window does not fit in {@code length} days
   */
  static int[] windows(EventDays event, int w, int length) {
    int beforeStart = event.first() - w;
    int afterEnd = event.last() + w;
    if (beforeStart < 0 || afterEnd >= length) {
      throw new IllegalArgumentException(
          "the " + w + "-day windows before and after the event (days " + event.first() + " to "
              + event.last() + ") need days " + beforeStart + " to " + afterEnd
              + " but the series has days 0 to " + (length - 1));
    }
    return new int[] {beforeStart, event.last() + 1};
  }

  /** The mean of {@code y[start .. start + w - 1]}. */
  static double mean(double[] y, int start, int w) {
    double sum = 0;
    for (int i = start; i < start + w; i++) {
      sum += y[i];
    }
    return sum / w;
  }

  /**
   * Replicates of the window means, {@code 1 <= b < w}: {@code result[r][2 s]} is the before mean and {@code result[r][2
   * s + 1]} the after mean of series s in replicate r.
   */
  static double[][] replicateMeans(double[][] series, int[] starts, int w, int b, int replicates, SplittableRandom random) {
    int m = series.length;
    double[][] out = new double[replicates][2 * m];
    double[] sums = new double[m];
    double[][] means = new double[m][2];
    for (int s = 0; s < m; s++) {
      means[s][0] = mean(series[s], starts[0], w);
      means[s][1] = mean(series[s], starts[1], w);
    }
    double inflation = Math.sqrt((double) w / (w - b));
    for (int r = 0; r < replicates; r++) {
      for (int side = 0; side < 2; side++) {
        java.util.Arrays.fill(sums, 0);
        int start = starts[side];
        int taken = 0;
        while (taken < w) {
          int offset = random.nextInt(w);
          int len = Math.min(b, w - taken);
          for (int s = 0; s < m; s++) {
            double[] y = series[s];
            double sum = 0;
            for (int j = offset; j < offset + len; j++) {
              sum += y[start + (j < w ? j : j - w)]; // b <= w: one wrap at most
            }
            sums[s] += sum;
          }
          taken += len;
        }
        for (int s = 0; s < m; s++) {
          double mean = means[s][side];
          out[r][2 * s + side] = mean + inflation * (sums[s] / w - mean);
        }
      }
    }
    return out;
  }
}
