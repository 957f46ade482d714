package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterruptedTimeSeriesTest {

  /**
   * 42 days from Monday 2026-01-05: {@code 10 + 0.1 i + ((37 i) mod 11 - 5) 0.7 - 3 [weekend] + (5
   * + 0.05 (i - 22)) [i >= 22]}; the event is on days 20 and 21.
   */
  static final double[] Y = {
    6.5, 9.4, 12.299999999999999, 7.500000000000001, 10.4, 10.3, 5.5, 11.399999999999999, 14.3, 9.5,
    12.4, 7.6, 7.5, 10.4, 8.600000000000001, 11.5, 14.399999999999999, 9.6, 12.5, 12.4, 7.6, 13.5,
    13.7, 16.650000000000002, 19.6, 14.85, 14.8, 17.75, 16.0, 18.95, 21.9, 17.150000000000002,
    20.099999999999998, 12.350000000000001, 15.299999999999999, 21.25, 16.5, 19.45, 22.400000000000002,
    17.65, 17.599999999999998, 20.55
  };

  /**
   * Expected values from statsmodels 0.15, numpy and scipy (the script is summarised below): OLS
   * by statsmodels; the Newey-West covariance by a numpy transcription of the formula with day
   * distances, which with row distances agrees with statsmodels' {@code cov_type="HAC",
   * maxlags=3, use_correction=True} to 5e-14; the bias factor f and Satterthwaite's degrees of
   * freedom by numpy from their definitions (with an explicit n x n x n product for G); Student t
   * from scipy.
   *
   * <pre>
   * days = [d for d in range(6, 36) if not 20 <= d <= 21]; t0 = 16
   * X rows: [1, t, D, (t - t0) D, Tue..Sun indicators], t = d - 6, D = t >= t0
   * res = sm.OLS(Y[days], X).fit(); u = res.resid; B = inv(X'X); A = B X'; M = I - X B X'
   * W[i, l] = 1 - |d_i - d_l| / 4 if |d_i - d_l| <= 3 else 0
   * Newey-West: V = n / (n - k) B X' (W o u u') X B
   * coefficient j, a = A[j]: f = a'a / a'(W o M)a; v = f a'(W o u u')a
   * G = M (W o a a') M; nu = tr(G)^2 / sum(G * G); p = 2 t.sf(|b / sqrt v|, nu)
   * </pre>
   */
  @Test
  void matchesStatsmodelsAndNumpy() {
    InterruptedTimeSeries its =
        InterruptedTimeSeries.fit(Simulated.series(Y), new EventDays(20, 21), ItsParameters.of(14, 14).withLag(3));
    assertEquals(28, its.observations());
    assertEquals(3, its.lag());
    double[] params = {
      9.157203389830498, 0.2525423728813544, 2.259322033898296, 0.05000000000000075, 1.0813559322033992,
      1.803813559322039, 0.601271186440679, -0.6012711864406786, -2.878813559322035, -1.7974576271186429
    };
    double[] neweyWest = {
      1.6560352610675788, 0.1411080551363376, 1.761817189814164, 0.21719176163790027, 1.5324404606639976,
      1.9205501683557973, 1.8237066282100183, 1.4697544035957817, 2.104027123097449, 2.2630125943286648
    };
    for (int j = 0; j < params.length; j++) {
      assertEquals(params[j], its.coefficients().get(j), 1e-9, "coefficient " + j);
      assertEquals(neweyWest[j], its.neweyWestStandardErrors().get(j), 1e-9, "Newey-West SE " + j);
    }
    assertEquals(2.588326684993335, its.residualStandardDeviation(), 1e-9);
    Coefficient level = its.levelChange().orElseThrow();
    assertEquals(2.259322033898296, level.estimate(), 1e-9);
    assertEquals(2.2483108453983247, level.standardError(), 1e-9); // f = 2.5332
    assertEquals(1.0048975383108203, level.t(), 1e-8);
    assertEquals(6.317407077369637, level.degreesOfFreedom(), 1e-8);
    assertEquals(0.3518725519501056, level.pValue(), 1e-8);
    assertEquals(-3.1757837060901792, level.lower(), 1e-8);
    assertEquals(7.694427773886771, level.upper(), 1e-8);
    Coefficient slope = its.slopeChange().orElseThrow();
    assertEquals(0.05000000000000075, slope.estimate(), 1e-9);
    assertEquals(0.27265391948171136, slope.standardError(), 1e-9); // f = 2.4514
    assertEquals(0.1833826562810683, slope.t(), 1e-8);
    assertEquals(7.969448845229771, slope.degreesOfFreedom(), 1e-8);
    assertEquals(0.8590774681619333, slope.pValue(), 1e-8);
    assertEquals(-0.5791608581194905, slope.lower(), 1e-8);
    assertEquals(0.6791608581194919, slope.upper(), 1e-8);
  }

  @Test
  void exactLinesAreRecoveredAndHaveNoStandardError() {
    // y = 3 + 0.5 t before, a jump of 7 and a slope of 0.5 + 0.25 after: the fit is exact, the
    // residuals are 0 and there is nothing to measure uncertainty against.
    double[] y = new double[40];
    int t0 = 21; // event on day 20
    for (int d = 0; d < 40; d++) {
      y[d] = 3 + 0.5 * d + (d >= t0 ? 7 + 0.25 * (d - t0) : 0);
    }
    InterruptedTimeSeries its =
        InterruptedTimeSeries.fit(Simulated.series(y), new EventDays(20, 20), ItsParameters.of(20, 19));
    assertEquals(7, its.coefficients().get(2), 1e-9);
    assertEquals(0.25, its.coefficients().get(3), 1e-9);
    assertTrue(its.levelChange().isEmpty() && its.slopeChange().isEmpty(), its.toString());
  }

  @Test
  void defaultLagFollowsNeweyWest() {
    assertEquals(4, ItsParameters.of(50, 50).effectiveLag(100)); // 4 (100/100)^(2/9)
    assertEquals(3, ItsParameters.of(28, 28).effectiveLag(56)); // 4 * 0.879 = 3.52
    assertEquals(5, ItsParameters.of(28, 28).effectiveLag(365)); // 4 * 1.334 = 5.33
  }

  @Test
  void argumentChecks() {
    assertThrows(IllegalArgumentException.class, () -> ItsParameters.of(6, 14));
    assertThrows(IllegalArgumentException.class, () -> ItsParameters.of(14, 14).withLag(-1));
    assertThrows(IllegalArgumentException.class, () -> ItsParameters.of(14, 14).withLevel(0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InterruptedTimeSeries.fit(Simulated.series(Y), new EventDays(10, 10), ItsParameters.of(14, 14)));
    assertTrue(e.getMessage().contains("-4 to 24"), e.getMessage());
  }

  static final int SERIES = 400;

  /**
   * A planted level shift of 4 on a trend (0.05 a day) with a weekly rhythm and noise sd 3, 28
   * days fitted on each side: the 95 % interval of the level change covers 4 in at least {@link
   * Simulated#lowerBound}(400, 0.95) = 366 of 400 series (the nominal 380 less three binomial
   * standard deviations).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void plantedLevelShiftIsCovered(long seed) {
    int covered = Simulated.count(seed, SERIES, r -> fit(r, 4).levelChange().orElseThrow().contains(4));
    Simulated.assertCoverage("InterruptedTimeSeriesTest level shift covered", seed, covered, SERIES, 0.95);
  }

  private static InterruptedTimeSeries fit(SplittableRandom r, double shift) {
    double[] y = Simulated.values(r, 57, 28, 20, 0.05, true, shift, 3);
    return InterruptedTimeSeries.fit(Simulated.series(y), new EventDays(28, 28), ItsParameters.of(28, 28));
  }

  /**
   * Without a shift, p < 0.05 for the level change in 6 to 34 of 400 series (20 plus or minus 3
   * binomial sd). Plain Newey-West with t(n - k) gave 41 and 42 (see the class comment of {@link
   * InterruptedTimeSeries}).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void noShiftIsSignificantAtAboutFivePercent(long seed) {
    int significant = Simulated.count(seed, SERIES, r -> fit(r, 0).levelChange().orElseThrow().pValue() < 0.05);
    Simulated.assertRate("InterruptedTimeSeriesTest p < 0.05", seed, significant, SERIES, 0.05);
  }
}
