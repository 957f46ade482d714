package io.github.communitymetrics.core.impact;

import java.util.SplittableRandom;

/**
 * The moving-block bootstrap (Kuensch 1989) of the means of a before and an after window, for
 * one or more series at once.
 *
 * <p>Each window of w days is resampled on its own: ceil(w / b) blocks of b consecutive days,
 * each starting at a day drawn uniformly from the w - b + 1 possible starts within the window,
 * are laid end to end and cut to w days. The two windows are not mixed: the null of "no change"
 * is not imposed, so the replicates describe the sampling variability of each mean around its
 * own value. All series share the drawn block starts, which keeps whatever the series have in
 * common on a day (a holiday, an outage of the forge) in every replicate: the controls of a
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
   * Replicates of the window means: {@code result[r][2 s]} is the before mean and {@code result[r][2
   * s + 1]} the after mean of series s in replicate r.
   */
  static double[][] replicateMeans(double[][] series, int[] starts, int w, int b, int replicates, SplittableRandom random) {
    int m = series.length;
    double[][] out = new double[replicates][2 * m];
    double[] sums = new double[m];
    for (int r = 0; r < replicates; r++) {
      for (int side = 0; side < 2; side++) {
        java.util.Arrays.fill(sums, 0);
        int start = starts[side];
        int taken = 0;
        while (taken < w) {
          int from = start + random.nextInt(w - b + 1);
          int len = Math.min(b, w - taken);
          for (int s = 0; s < m; s++) {
            double[] y = series[s];
            double sum = 0;
            for (int i = from; i < from + len; i++) {
              sum += y[i];
            }
            sums[s] += sum;
          }
          taken += len;
        }
        for (int s = 0; s < m; s++) {
          out[r][2 * s + side] = sums[s] / w;
        }
      }
    }
    return out;
  }
}
