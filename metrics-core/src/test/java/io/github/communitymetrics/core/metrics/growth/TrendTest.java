package io.github.communitymetrics.core.metrics.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Theil-Sen and Mann-Kendall. Expected numbers: the Theil-Sen slope, intercept and interval are
 * {@code scipy.stats.theilslopes(y, np.arange(n), 0.95)} of SciPy 1.17.1 (NumPy 2.4.6); S, Var(S),
 * z and p are the textbook formulas (Kendall 1975, Hirsch and Slack 1984's tie correction, as
 * pymannkendall.original_test computes them) evaluated in NumPy with {@code scipy.stats.norm.sf};
 * the first example is also worked by hand in the comments.
 */
class TrendTest {

  private static final double EPS = 1e-12;

  @Test
  void fiveValuesWorkedByHand() {
    // y = 1 3 2 5 4. The 10 pairwise slopes sorted: -1 -1 1/3 1/2 3/4 1 1 4/3 2 3; median
    // (3/4 + 1)/2 = 0.875. Signs: 8 up, 2 down, S = 6. Var = 5*4*15/18 = 16.667, z = 5/4.082 =
    // 1.2247, p = 0.2207. Interval: C = 1.96 * 4.082 = 8.00, ends rint((10 -/+ 8.00)/2) -> the
    // 1st and 10th slopes, -1 and 3.
    Trend t = Trend.of(new double[] {1, 3, 2, 5, 4}).orElseThrow();
    assertEquals(0.875, t.theilSen().slope(), EPS);
    assertEquals(1.25, t.theilSen().intercept(), EPS);
    assertEquals(-1.0, t.theilSen().low(), EPS);
    assertEquals(3.0, t.theilSen().high(), EPS);
    assertEquals(6, t.mannKendall().s());
    assertEquals(16.666666666666668, t.mannKendall().variance(), EPS);
    assertEquals(1.224744871391589, t.mannKendall().z(), EPS);
    assertEquals(0.22067136191984693, t.mannKendall().p(), 1e-12);
  }

  @Test
  void tiesCorrectTheVariance() {
    // y = 1 2 2 3: one tied pair, Var = (4*3*13 - 2*1*9)/18 = 138/18.
    Trend t = Trend.of(new double[] {1, 2, 2, 3}).orElseThrow();
    assertEquals(5, t.mannKendall().s());
    assertEquals(7.666666666666667, t.mannKendall().variance(), EPS);
    assertEquals(1.4446302370292303, t.mannKendall().z(), EPS);
    assertEquals(0.14856177489186864, t.mannKendall().p(), 1e-12);
    assertEquals(0.5833333333333333, t.theilSen().slope(), EPS);
    assertEquals(1.125, t.theilSen().intercept(), EPS);
    assertEquals(0.0, t.theilSen().low(), EPS);
    assertEquals(1.0, t.theilSen().high(), EPS);
  }

  @Test
  void twelvePeriodsWithTies() {
    Trend t = Trend.of(new double[] {4, 1, 7, 3, 9, 9, 2, 12, 15, 11, 3, 20}).orElseThrow();
    assertEquals(1.1964285714285714, t.theilSen().slope(), EPS);
    assertEquals(1.4196428571428577, t.theilSen().intercept(), 1e-9);
    assertEquals(0.0, t.theilSen().low(), EPS);
    assertEquals(1.9, t.theilSen().high(), EPS);
    assertEquals(30, t.mannKendall().s());
    assertEquals(210.66666666666666, t.mannKendall().variance(), 1e-9);
    assertEquals(1.9980211729596202, t.mannKendall().z(), 1e-12);
    assertEquals(0.045714364714747324, t.mannKendall().p(), 1e-12);
  }

  @Test
  void tooFewPeriodsIsNoDataAndAConstantSeriesHasNoTrend() {
    assertEquals(Optional.empty(), Trend.of(new double[] {1, 2}));
    Trend flat = Trend.of(new double[] {5, 5, 5, 5}).orElseThrow();
    assertEquals(0, flat.mannKendall().s());
    assertEquals(0.0, flat.mannKendall().variance());
    assertEquals(0.0, flat.mannKendall().z());
    assertEquals(1.0, flat.mannKendall().p());
    assertEquals(0.0, flat.theilSen().slope());
    assertThrows(IllegalArgumentException.class, () -> Trend.of(new double[] {1, Double.NaN, 2}));
    assertThrows(IllegalArgumentException.class, () -> Trend.of(new double[] {1, 2, 3}, 1.0));
    double[] fractional = new double[Trend.MAX_PERIODS + 1];
    fractional[7] = 0.5;
    assertThrows(IllegalArgumentException.class, () -> Trend.of(fractional));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  /** Counts with ties (small integers) or without (Gaussian), 3 to 80 periods. */
  static double[] series(long seed) {
    Random r = new Random(seed);
    double[] y = new double[3 + r.nextInt(78)];
    boolean counts = r.nextBoolean();
    double drift = r.nextGaussian();
    for (int i = 0; i < y.length; i++) {
      y[i] = counts ? r.nextInt(6) + Math.max(0, Math.round(drift * i)) : drift * i + r.nextGaussian() * 5;
    }
    return y;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reversingNegatesSAndTheSlopeAndKeepsTheTest(long seed) {
    double[] y = series(seed);
    double[] rev = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      rev[i] = y[y.length - 1 - i];
    }
    Trend a = Trend.of(y).orElseThrow();
    Trend b = Trend.of(rev).orElseThrow();
    String m = "seed " + seed;
    assertEquals(-a.mannKendall().s(), b.mannKendall().s(), m);
    assertEquals(a.mannKendall().variance(), b.mannKendall().variance(), m);
    assertEquals(-a.mannKendall().z(), b.mannKendall().z(), 1e-12, m);
    assertEquals(a.mannKendall().p(), b.mannKendall().p(), 1e-12, m);
    assertEquals(-a.theilSen().slope(), b.theilSen().slope(), 1e-9, m);
    assertEquals(-a.theilSen().high(), b.theilSen().low(), 1e-9, m);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingAConstantMovesOnlyTheIntercept(long seed) {
    double[] y = series(seed);
    double c = new Random(~seed).nextInt(2001) - 1000;
    double[] shifted = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      shifted[i] = y[i] + c;
    }
    Trend a = Trend.of(y).orElseThrow();
    Trend b = Trend.of(shifted).orElseThrow();
    String m = "seed " + seed + " c " + c;
    assertEquals(a.theilSen().slope(), b.theilSen().slope(), 1e-9, m);
    assertEquals(a.theilSen().low(), b.theilSen().low(), 1e-9, m);
    assertEquals(a.theilSen().high(), b.theilSen().high(), 1e-9, m);
    assertEquals(a.theilSen().intercept() + c, b.theilSen().intercept(), 1e-9, m);
    assertEquals(a.mannKendall(), b.mannKendall(), m);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSlopeLiesInItsIntervalAndPIsAProbability(long seed) {
    Trend t = Trend.of(series(seed)).orElseThrow();
    String m = "seed " + seed + " " + t;
    assertTrue(t.theilSen().low() <= t.theilSen().slope() && t.theilSen().slope() <= t.theilSen().high(), m);
    assertTrue(t.mannKendall().p() > 0 && t.mannKendall().p() <= 1, m);
    long n = t.mannKendall().n();
    assertTrue(Math.abs(t.mannKendall().s()) <= n * (n - 1) / 2, m);
  }

  /**
   * Whole-number series, selected without listing the slopes, against the reference sort of all
   * slopes: every field equal, exactly. Short and long series, few distinct values (many tied
   * slopes, as in sparse daily star counts) and large ones, flat stretches and spikes.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void selectingEqualsSortingEverySlope(long seed) {
    Random r = new Random(seed);
    int n = 3 + r.nextInt(r.nextBoolean() ? 40 : 1500);
    int shape = r.nextInt(4);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] =
          switch (shape) {
            case 0 -> r.nextInt(3); // sparse counts: most slopes tie
            case 1 -> r.nextInt(5) + (i * (long) r.nextInt(3)) / 7; // a drift
            case 2 -> r.nextInt(20) == 0 ? r.nextInt(100_000) : r.nextInt(4); // spikes
            default -> r.nextInt(2_000_001) - 1_000_000; // large, negative too
          };
    }
    double confidence = r.nextBoolean() ? 0.95 : 0.5 + r.nextDouble() * 0.49;
    assertEquals(Trend.sorted(y, confidence), Trend.of(y, confidence).orElseThrow(), "seed " + seed + " n " + n);
  }

  @Test
  void aLongWholeNumberSeriesIsSelectedNotRefused() {
    // 100,000 hourly counts (11 years) would be 5e9 slopes to sort. y = 3i + (i mod 7): every
    // slope between points 7 apart is exactly 3, the others are 3 + (a difference in -6..6)/d;
    // by symmetry of the residues the median slope is 3.
    double[] y = new double[100_000];
    for (int i = 0; i < y.length; i++) {
      y[i] = 3.0 * i + i % 7;
    }
    Trend t = Trend.of(y).orElseThrow();
    assertEquals(3.0, t.theilSen().slope(), 0.0);
    assertTrue(t.theilSen().low() <= 3.0 && 3.0 <= t.theilSen().high(), t.toString());
    assertTrue(t.theilSen().high() - t.theilSen().low() < 1e-3, t.toString());
    assertTrue(t.mannKendall().s() > 0, t.toString());
  }
}
