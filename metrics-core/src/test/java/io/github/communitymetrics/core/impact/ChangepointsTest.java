package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangepointsTest {

  @Test
  void oneStepByHand() {
    // 0 0 0 0 10 10 10 10 with sigma 1: no change costs RSS = 8 * 25 = 200; a change at day 4
    // costs 0 + penalty 2 ln 8 = 4.16. Any other split leaves a segment mixing 0s and 10s.
    DailySeries s = Simulated.series(new double[] {0, 0, 0, 0, 10, 10, 10, 10});
    Changepoints c =
        Changepoints.detect(s, new EventDays(3, 3), ChangepointParameters.defaults().withSigma(1).withMinSegmentLength(2).withTolerance(0));
    assertEquals(List.of(4), c.changepoints());
    assertEquals(List.of(0.0, 10.0), c.segmentMeans());
    assertEquals(2 * Math.log(8), c.penalty(), 1e-15);
    assertEquals(OptionalInt.of(0), c.distanceToEvent()); // day 4 is the day after the event
    assertTrue(c.nearEvent());
  }

  @Test
  void penaltyDecidesBetweenOneAndNoChange() {
    // 0 0 0 1 1 1, sigma 1: no change costs RSS = 6 * 0.25 = 1.5; a change at 3 costs 0 + beta.
    double[] y = {0, 0, 0, 1, 1, 1};
    assertArrayEquals(new int[] {3}, Changepoints.pelt(y, 1.49, 1));
    assertArrayEquals(new int[0], Changepoints.pelt(y, 1.51, 1));
    // Segments of 4 days cannot fit twice into 6 days.
    assertArrayEquals(new int[0], Changepoints.pelt(y, 0, 4));
  }

  @Test
  void distanceAndToleranceAreReported() {
    double[] y = new double[60];
    for (int i = 30; i < 60; i++) {
      y[i] = 10;
    }
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 60; i++) {
      y[i] += r.nextGaussian(); // noise of sd 1 beside a step of 10: the step alone is a change
    }
    DailySeries s = Simulated.series(y);
    // The change is at day 30; the event on days 20-21 ends 8 days before it: 30 - 22 = 8.
    ChangepointParameters p = ChangepointParameters.defaults().withTolerance(7);
    Changepoints c = Changepoints.detect(s, new EventDays(20, 21), p);
    assertEquals(List.of(30), c.changepoints());
    assertEquals(OptionalInt.of(8), c.distanceToEvent());
    assertFalse(c.nearEvent());
    assertTrue(Changepoints.detect(s, new EventDays(20, 21), p.withTolerance(8)).nearEvent());
  }

  @Test
  void constantSeriesHasNoChange() {
    Changepoints c =
        Changepoints.detect(Simulated.series(new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}), new EventDays(5, 5), ChangepointParameters.defaults());
    assertEquals(List.of(), c.changepoints());
    assertEquals(0, c.sigma());
    assertEquals(OptionalInt.empty(), c.distanceToEvent());
    assertFalse(c.nearEvent());
  }

  @Test
  void robustSigmaFallsBackWhenMostDifferencesAreEqual() {
    // Differences 0 0 0 0 5 0 0 0: the MAD is 0; the standard deviation of the differences, 5 /
    // sqrt 8 * sqrt(8 / 7)... by hand: mean 5/8, sum of squares 7 (5/8)^2 + (35/8)^2 = 21.875,
    // variance 21.875 / 7 = 3.125, over 2: 1.5625, root 1.25.
    assertEquals(1.25, Changepoints.robustSigma(new double[] {0, 0, 0, 0, 0, 5, 5, 5, 5}), 1e-12);
    // Differences -1, 1, -1, 1: median 0, MAD 1: 1.4826 / sqrt 2.
    assertEquals(1.482602218505602 / Math.sqrt(2), Changepoints.robustSigma(new double[] {0, -1, 0, -1, 0}), 1e-12);
  }

  @Test
  void argumentChecks() {
    assertThrows(IllegalArgumentException.class, () -> Penalty.manual(-1));
    assertThrows(IllegalArgumentException.class, () -> Penalty.manual(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ChangepointParameters.defaults().withMinSegmentLength(0));
    assertThrows(IllegalArgumentException.class, () -> ChangepointParameters.defaults().withSigma(0));
    assertThrows(IllegalArgumentException.class, () -> ChangepointParameters.defaults().withTolerance(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Changepoints.detect(Simulated.series(new double[] {1}), new EventDays(0, 0), ChangepointParameters.defaults()));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  /** Small piecewise-constant series with noise, random minimum segment length and penalty. */
  static double[] piecewise(SplittableRandom r, int n) {
    double[] y = new double[n];
    double mean = r.nextDouble(-3, 3);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(5) == 0) {
        mean = r.nextDouble(-3, 3);
      }
      y[i] = mean + r.nextGaussian();
    }
    return y;
  }

  /** PELT finds exactly the segmentation that enumerating every segmentation finds (n <= 14). */
  @ParameterizedTest
  @MethodSource("seeds")
  void peltEqualsExhaustiveSearch(long seed) {
    System.out.println("ChangepointsTest.peltEqualsExhaustiveSearch seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(13);
    int m = 1 + r.nextInt(3);
    double beta = r.nextDouble(0, 8);
    double[] y = piecewise(r, n);
    assertArrayEquals(exhaustive(y, beta, m), Changepoints.pelt(y, beta, m), "seed " + seed + " n " + n + " m " + m + " beta " + beta);
  }

  /** PELT equals optimal partitioning (the same recursion without pruning) on longer series. */
  @ParameterizedTest
  @MethodSource("seeds")
  void peltEqualsOptimalPartitioning(long seed) {
    System.out.println("ChangepointsTest.peltEqualsOptimalPartitioning seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    int n = 20 + r.nextInt(180);
    int m = 1 + r.nextInt(8);
    double beta = r.nextDouble(0, 3 * Math.log(n));
    double[] y = piecewise(r, n);
    assertArrayEquals(optimalPartitioning(y, beta, m), Changepoints.pelt(y, beta, m), "seed " + seed + " n " + n + " m " + m + " beta " + beta);
  }

  /** The RSS of {@code y[from .. to - 1]}, computed directly (two passes). */
  static double rss(double[] y, int from, int to) {
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += y[i];
    }
    mean /= to - from;
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (y[i] - mean) * (y[i] - mean);
    }
    return s;
  }

  /** Every set of changepoints with segments of at least m: the cheapest, ties to the fewest. */
  static int[] exhaustive(double[] y, double beta, int m) {
    int n = y.length;
    double best = Double.POSITIVE_INFINITY;
    int[] arg = new int[0];
    for (int mask = 0; mask < 1 << (n - 1); mask++) {
      List<Integer> cps = new ArrayList<>();
      for (int b = 0; b < n - 1; b++) {
        if ((mask & (1 << b)) != 0) {
          cps.add(b + 1);
        }
      }
      int from = 0;
      double cost = 0;
      boolean ok = true;
      for (int c : cps) {
        ok &= c - from >= m;
        cost += rss(y, from, c) + beta;
        from = c;
      }
      ok &= n - from >= m;
      cost += rss(y, from, n);
      if (ok && cost < best - 1e-9) {
        best = cost;
        arg = cps.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return arg;
  }

  /** Optimal partitioning (Jackson et al. 2005): F(t) = min over every tau <= t - m. */
  static int[] optimalPartitioning(double[] y, double beta, int m) {
    int n = y.length;
    if (n < 2 * m) {
      return new int[0];
    }
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -beta;
    for (int t = m; t <= n; t++) {
      for (int tau = 0; tau <= t - m; tau++) {
        if (tau != 0 && tau < m) {
          continue;
        }
        double v = f[tau] + rss(y, tau, t) + beta;
        if (v < f[t] - 1e-9) {
          f[t] = v;
          last[t] = tau;
        }
      }
    }
    List<Integer> cps = new ArrayList<>();
    for (int t = last[n]; t > 0; t = last[t]) {
      cps.add(0, t);
    }
    return cps.stream().mapToInt(Integer::intValue).toArray();
  }
}
