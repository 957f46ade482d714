package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The log-rank (Mantel-Cox) test of two survival curves: do two groups leave at the same rate?
 *
 * <p>At each distinct event time t, with n at risk (n1 of group 1) and d events (d1 of group 1),
 * group 1 is expected to have {@code E = d n1 / n} events, with hypergeometric variance {@code V =
 * d (n1 / n) (1 - n1 / n) (n - d) / (n - 1)} (0 when n = 1). Summed over times, {@code chi^2 = (O1
 * - E1)^2 / V}, compared with the chi-squared distribution with 1 degree of freedom (Apache
 * Commons Statistics). Someone censored at t is still at risk at t, as in Kaplan-Meier.
 *
 * @param chiSquare the statistic, not negative
 * @param degreesOfFreedom 1
 * @param pValue {@code P(chi^2_1 > chiSquare)}
 * @param observed O1: the events of group 1
 * @param expected E1: the events group 1 would have had if both groups shared one hazard
 * @param variance V
 */
public record LogRank(
    double chiSquare, int degreesOfFreedom, double pValue, int observed, double expected, double variance) {

  /** Checks the components. */
  public LogRank {
    if (!(chiSquare >= 0 && degreesOfFreedom == 1 && pValue >= 0 && pValue <= 1 && variance > 0)) {
      throw new IllegalArgumentException(
          "need chiSquare >= 0, 1 degree of freedom, p in [0, 1] and positive variance but were "
              + chiSquare + ", " + degreesOfFreedom + ", " + pValue + ", " + variance);
    }
    Checks.notNegative(observed, "observed");
  }

  /**
   * The test of group 1 ({@code times1}, {@code event1}) against group 2, durations in any one
   * unit, {@code event[i]} false for a censored subject.
   *
   * @return empty when the variance is 0 (no event at a time where both groups were at risk):
   *     nothing to compare
   * @throws IllegalArgumentException if paired arrays differ in length or a time is negative
   */
  public static Optional<LogRank> test(long[] times1, boolean[] event1, long[] times2, boolean[] event2) {
    check(times1, event1, "1");
    check(times2, event2, "2");
    double[] sums = new double[3];
    add(times1, event1, times2, event2, sums);
    return of(sums);
  }

  /**
   * The stratified log-rank test: group 1 against group 2 within each stratum ({@code
   * stratum1[i]}, {@code stratum2[i]}: any int labels, e.g. the month a subject arrived), the
   * observed and expected events and the variances summed over strata (Mantel-Haenszel), so that
   * subjects are compared only with those of their own stratum. One stratum is {@link #test}.
   *
   * @return empty when the summed variance is 0
   * @throws IllegalArgumentException if paired arrays differ in length or a time is negative
   */
  public static Optional<LogRank> stratified(
      long[] times1, boolean[] event1, int[] stratum1, long[] times2, boolean[] event2, int[] stratum2) {
    check(times1, event1, "1");
    check(times2, event2, "2");
    Checks.notNull(stratum1, "stratum1");
    Checks.notNull(stratum2, "stratum2");
    if (stratum1.length != times1.length || stratum2.length != times2.length) {
      throw new IllegalArgumentException("each subject needs one stratum: " + stratum1.length + " for "
          + times1.length + ", " + stratum2.length + " for " + times2.length);
    }
    TreeSet<Integer> strata = new TreeSet<>();
    for (int x : stratum1) {
      strata.add(x);
    }
    double[] sums = new double[3];
    for (int k : strata) {
      add(select(times1, stratum1, k), select(event1, stratum1, k),
          select(times2, stratum2, k), select(event2, stratum2, k), sums);
    }
    return of(sums);
  }

  private static long[] select(long[] values, int[] stratum, int k) {
    return IntStream.range(0, values.length).filter(i -> stratum[i] == k).mapToLong(i -> values[i]).toArray();
  }

  private static boolean[] select(boolean[] values, int[] stratum, int k) {
    int n = 0;
    for (int x : stratum) {
      n += x == k ? 1 : 0;
    }
    boolean[] out = new boolean[n];
    for (int i = 0, j = 0; i < values.length; i++) {
      if (stratum[i] == k) {
        out[j++] = values[i];
      }
    }
    return out;
  }

  private static Optional<LogRank> of(double[] sums) {
    int observed = (int) sums[0];
    double expected = sums[1];
    double variance = sums[2];
    if (!(variance > 0)) {
      return Optional.empty();
    }
    double chi = (observed - expected) * (observed - expected) / variance;
    double p = ChiSquaredDistribution.of(1).survivalProbability(chi);
    return Optional.of(new LogRank(chi, 1, p, observed, expected, variance));
  }

  /** Adds one comparison's O1, E1 and V to {@code sums}. */
  private static void add(long[] times1, boolean[] event1, long[] times2, boolean[] event2, double[] sums) {
    int n1 = times1.length;
    int n = n1 + times2.length;
    long[] times = new long[n];
    boolean[] event = new boolean[n];
    boolean[] first = new boolean[n];
    System.arraycopy(times1, 0, times, 0, n1);
    System.arraycopy(times2, 0, times, n1, times2.length);
    System.arraycopy(event1, 0, event, 0, n1);
    System.arraycopy(event2, 0, event, n1, times2.length);
    Arrays.fill(first, 0, n1, true);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
    int atRisk = n;
    int atRisk1 = n1;
    int observed = 0;
    double expected = 0;
    double variance = 0;
    int i = 0;
    while (i < n) {
      long t = times[order[i]];
      int d = 0;
      int d1 = 0;
      int leaving = 0;
      int leaving1 = 0;
      for (; i < n && times[order[i]] == t; i++) {
        int s = order[i];
        leaving++;
        if (first[s]) {
          leaving1++;
        }
        if (event[s]) {
          d++;
          if (first[s]) {
            d1++;
          }
        }
      }
      if (d > 0) {
        double share = (double) atRisk1 / atRisk;
        observed += d1;
        expected += d * share;
        if (atRisk > 1) {
          variance += d * share * (1 - share) * (atRisk - d) / (atRisk - 1.0);
        }
      }
      atRisk -= leaving;
      atRisk1 -= leaving1;
    }
    sums[0] += observed;
    sums[1] += expected;
    sums[2] += variance;
  }

  private static void check(long[] times, boolean[] event, String group) {
    Checks.notNull(times, "times" + group);
    Checks.notNull(event, "event" + group);
    if (times.length != event.length) {
      throw new IllegalArgumentException(
          "times" + group + " and event" + group + " differ in length: " + times.length + " and " + event.length);
    }
    for (int i = 0; i < times.length; i++) {
      if (times[i] < 0) {
        throw new IllegalArgumentException("times" + group + "[" + i + "] must not be negative but was " + times[i]);
      }
    }
  }
}
