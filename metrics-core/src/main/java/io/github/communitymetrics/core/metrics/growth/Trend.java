package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A robust trend of a series of equally spaced periods (x = 0, 1, ..., n - 1): the Theil-Sen
 * slope with its distribution-free confidence interval (Sen 1968) and the Mann-Kendall test of a
 * monotonic trend (Mann 1945, Kendall 1975), both as {@code scipy.stats.theilslopes} and
 * {@code pymannkendall.original_test} compute them.
 *
 * <p>The Theil-Sen slope is the median of all n(n - 1)/2 pairwise slopes. For a series of
 * whole numbers (counts: the usual case) it and the interval's ends are selected without listing
 * the slopes, exactly and in O(n log n) time and O(n) memory ({@link PairwiseSlopes}), and the
 * Mann-Kendall S is counted the same way, so hourly counts over years are fine. A series with
 * fractional values falls back to sorting every slope, O(n^2) time and memory, and is limited to
 * {@link #MAX_PERIODS} values rather than exhausting memory.
 *
 * @param theilSen the slope, in units of the series per period
 * @param mannKendall the test of a monotonic trend
 */
public record Trend(TheilSen theilSen, MannKendall mannKendall) {

  /**
   * The longest series with fractional values accepted: 5,000 periods are 12.5 million pairwise
   * slopes (100 MB). Whole-number series may have up to 2^26 values of magnitude below 2^31.
   */
  public static final int MAX_PERIODS = 5_000;

  /** The fewest periods with a trend: with fewer than 3 there is no test worth the name. */
  public static final int MIN_PERIODS = 3;

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  /** Checks the fields. */
  public Trend {
    Checks.notNull(theilSen, "theilSen");
    Checks.notNull(mannKendall, "mannKendall");
  }

  /**
   * The Theil-Sen estimate.
   *
   * @param slope the median of the pairwise slopes, per period
   * @param intercept median(y) - slope * median(x), as scipy computes it
   * @param low the lower end of the confidence interval of the slope
   * @param high the upper end of the confidence interval of the slope
   * @param confidence the confidence level of the interval, in (0, 1)
   */
  public record TheilSen(double slope, double intercept, double low, double high, double confidence) {}

  /**
   * The Mann-Kendall test, two-sided, with the normal approximation and the correction for ties.
   *
   * @param n the number of periods
   * @param s the sum over pairs i &lt; j of sign(y[j] - y[i]): positive for a rising series
   * @param variance Var(S) = [n(n-1)(2n+5) - sum over tied groups of t(t-1)(2t+5)] / 18
   * @param z (S - sign(S)) / sqrt(Var(S)) (continuity correction); 0 when S is 0
   * @param p the two-sided p-value 2 (1 - Phi(|z|)); it underflows to 0 for |z| above about 37
   *     (a long series with a strong trend), which reads as "below 1e-300"
   */
  public record MannKendall(int n, long s, double variance, double z, double p) {}

  /**
   * The trend of {@code y} at 95% confidence.
   *
   * @return empty with fewer than {@link #MIN_PERIODS} values (no data)
   */
  public static Optional<Trend> of(double[] y) {
    return of(y, 0.95);
  }

  /**
   * The trend of {@code y}, a value per period in period order.
   *
   * @param confidence the confidence level of the slope's interval, in (0, 1)
   * @return empty with fewer than {@link #MIN_PERIODS} values (no data)
   * @throws IllegalArgumentException if a value is not finite, the confidence is not in (0, 1),
   *     or there are more than {@link #MAX_PERIODS} values not all whole numbers of magnitude
   *     below 2^31, or more than 2^26 values
   */
  public static Optional<Trend> of(double[] y, double confidence) {
    Checks.notNull(y, "y");
    Checks.argument(confidence > 0 && confidence < 1, "confidence must be in (0, 1): " + confidence);
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] is not finite: " + y[i]);
      }
    }
    int n = y.length;
    if (n < MIN_PERIODS) {
      return Optional.empty();
    }
    long[] whole = whole(y);
    if (whole != null) {
      return Optional.of(selected(y, whole, confidence));
    }
    Checks.argument(
        n <= MAX_PERIODS,
        "at most " + MAX_PERIODS + " periods with fractional values: " + n);
    return Optional.of(sorted(y, confidence));
  }

  /** The values as longs when all are whole numbers of magnitude below 2^31 (and few enough). */
  private static long[] whole(double[] y) {
    if (y.length > PairwiseSlopes.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "at most " + PairwiseSlopes.MAX_LENGTH + " periods: " + y.length);
    }
    long[] out = new long[y.length];
    for (int i = 0; i < y.length; i++) {
      if (y[i] != Math.rint(y[i]) || Math.abs(y[i]) > PairwiseSlopes.MAX_VALUE) {
        return null;
      }
      out[i] = (long) y[i];
    }
    return out;
  }

  /** The trend by selecting order statistics of the slopes (whole-number series). */
  private static Trend selected(double[] y, long[] whole, double confidence) {
    int n = y.length;
    PairwiseSlopes slopes = new PairwiseSlopes(whole);
    long nt = slopes.pairs();
    // S = #(y[j] > y[i]) - #(y[j] < y[i]) over i < j: the slopes above 0 less those below.
    long atMostZero = slopes.countAtMostZero(true);
    long belowZero = slopes.countAtMostZero(false);
    long s = (nt - atMostZero) - belowZero;
    double variance = variance(y);
    double slope =
        nt % 2 == 1
            ? slopes.select(nt / 2)
            : (slopes.select(nt / 2 - 1) + slopes.select(nt / 2)) / 2;
    double c = intervalHalfWidth(confidence, variance);
    return finish(y, s, variance, slope, slopes.select(lower(nt, c)), slopes.select(upper(nt, c)), confidence);
  }

  /**
   * The trend by sorting all n(n - 1)/2 slopes: the reference method, kept for series with
   * fractional values (and by the tests as the oracle of {@link #selected}).
   */
  static Trend sorted(double[] y, double confidence) {
    int n = y.length;
    double[] slopes = new double[n * (n - 1) / 2];
    long s = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        slopes[k++] = (y[j] - y[i]) / (j - i);
        s += y[j] > y[i] ? 1 : y[j] < y[i] ? -1 : 0;
      }
    }
    Arrays.sort(slopes);
    double variance = variance(y);
    double slope = median(slopes);
    double c = intervalHalfWidth(confidence, variance);
    int nt = slopes.length;
    return finish(
        y, s, variance, slope, slopes[(int) lower(nt, c)], slopes[(int) upper(nt, c)], confidence);
  }

  // Sen (1968): the interval's ends are the order statistics (N -/+ C)/2 of the N slopes, where
  // C = z_{(1+confidence)/2} sqrt(Var(S)); scipy rounds half to even (np.round) and clamps.
  private static double intervalHalfWidth(double confidence, double variance) {
    return NORMAL.inverseCumulativeProbability((1 + confidence) / 2) * Math.sqrt(variance);
  }

  private static long upper(long nt, double c) {
    return Math.min((long) Math.rint((nt + c) / 2), nt - 1);
  }

  private static long lower(long nt, double c) {
    return Math.max((long) Math.rint((nt - c) / 2) - 1, 0);
  }

  private static Trend finish(
      double[] y, long s, double variance, double slope, double low, double high, double confidence) {
    int n = y.length;
    double z = s == 0 ? 0 : (s - Long.signum(s)) / Math.sqrt(variance);
    double p = s == 0 ? 1 : 2 * NORMAL.survivalProbability(Math.abs(z));
    double[] sortedY = y.clone();
    Arrays.sort(sortedY);
    double intercept = median(sortedY) - slope * (n - 1) / 2.0;
    return new Trend(
        new TheilSen(slope, intercept, low, high, confidence), new MannKendall(n, s, variance, z, p));
  }

  /** Var(S) with the correction for groups of tied values (x has no ties: one value a period). */
  private static double variance(double[] y) {
    Map<Double, Integer> groups = new TreeMap<>();
    for (double v : y) {
      groups.merge(v == 0 ? 0.0 : v, 1, Integer::sum); // -0.0 ties with 0.0
    }
    double n = y.length;
    double ties = 0;
    for (int t : groups.values()) {
      ties += (double) t * (t - 1) * (2 * t + 5);
    }
    return (n * (n - 1) * (2 * n + 5) - ties) / 18;
  }

  private static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
