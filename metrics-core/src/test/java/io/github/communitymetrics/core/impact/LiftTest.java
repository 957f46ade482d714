package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiftTest {

  @Test
  void meansDifferenceAndRatioByHand() {
    // Days 0-2 before, event on day 3, days 4-6 after; w = 3.
    // Before: (1 + 2 + 3) / 3 = 2; after: (4 + 6 + 8) / 3 = 6; difference 4, ratio 3.
    DailySeries s = Simulated.series(new double[] {1, 2, 3, 100, 4, 6, 8});
    Lift lift = Lift.estimate(s, new EventDays(3, 3), BootstrapParameters.of(3, 1));
    assertEquals(2.0, lift.meanBefore(), 1e-15);
    assertEquals(6.0, lift.meanAfter(), 1e-15);
    assertEquals(4.0, lift.difference().estimate(), 1e-15);
    assertEquals(3.0, lift.ratio().orElseThrow().estimate(), 1e-15);
    assertEquals(2, lift.blockLength()); // min(ceil(3^(1/3)), 3 - 1)
  }

  @Test
  void constantWindowsGiveADegenerateIntervalAndTheSmallestPValue() {
    // Every replicate of a constant window is the window: the interval collapses to the
    // estimate; every replicate difference is above 0, so p is its smallest possible value,
    // 2 (1 + 0) / (R + 1) = 2 / 1000; the ratio's replicates are all above 1 likewise.
    DailySeries s = Simulated.series(new double[] {2, 2, 2, 100, 6, 6, 6});
    Lift lift = Lift.estimate(s, new EventDays(3, 3), BootstrapParameters.of(3, 1));
    assertEquals(4.0, lift.difference().lower(), 1e-12);
    assertEquals(4.0, lift.difference().upper(), 1e-12);
    assertEquals(2.0 / 1000, lift.difference().pValue(), 1e-15);
    assertEquals(3.0, lift.ratio().orElseThrow().lower(), 1e-12);
    assertEquals(2.0 / 1000, lift.ratio().orElseThrow().pValue(), 1e-15);
  }

  @Test
  void blocksStayInsideTheirWindow() {
    // Block length 1 (an ordinary bootstrap), w = 2: a replicate's window mean is a mean of 2
    // values drawn from the window, {1, 2, 3} before and {10, 20, 30} after, moved from the
    // window mean by sqrt(w / (w - b)) = sqrt 2: before in {2 - sqrt 2, 2, 2 + sqrt 2}, after in
    // {20 - 10 sqrt 2, 20, 20 + 10 sqrt 2}. So differences lie in [18 - 11 sqrt 2, 18 + 11 sqrt
    // 2], and the event's day (1000) never enters a replicate.
    DailySeries s = Simulated.series(new double[] {1, 3, 1000, 10, 30});
    Lift lift = Lift.estimate(s, new EventDays(2, 2), BootstrapParameters.of(2, 7).withBlockLength(1));
    assertEquals(18.0, lift.difference().estimate(), 1e-12); // 20 - 2
    double reach = 11 * Math.sqrt(2) + 1e-9;
    assertTrue(lift.difference().lower() >= 18 - reach && lift.difference().upper() <= 18 + reach, lift.toString());
    // With 999 replicates of 9 equally likely combinations both extremes occur.
    assertEquals(18 - 11 * Math.sqrt(2), lift.difference().lower(), 1e-9);
    assertEquals(18 + 11 * Math.sqrt(2), lift.difference().upper(), 1e-9);
  }

  @Test
  void ratioIsEmptyWhenTheBeforeMeanIsZero() {
    DailySeries s = Simulated.series(new double[] {0, 0, 0, 5, 1, 2, 3});
    Lift lift = Lift.estimate(s, new EventDays(3, 3), BootstrapParameters.of(3, 1));
    assertTrue(lift.ratio().isEmpty());
    assertEquals(2.0, lift.difference().estimate(), 1e-15);
  }

  @Test
  void sameSeedSameResult() {
    double[] y = Simulated.values(new SplittableRandom(3), 61, 30, 10, 0, false, 2, 3);
    BootstrapParameters p = BootstrapParameters.of(30, 42);
    assertEquals(Lift.estimate(Simulated.series(y), new EventDays(30, 30), p),
        Lift.estimate(Simulated.series(y), new EventDays(30, 30), p));
  }

  @Test
  void defaultBlockLengthIsTheCeilingOfTheCubeRoot() {
    assertEquals(3, BootstrapParameters.of(27, 0).effectiveBlockLength()); // exactly 3^3
    assertEquals(4, BootstrapParameters.of(28, 0).effectiveBlockLength());
    assertEquals(1, BootstrapParameters.of(2, 0).effectiveBlockLength()); // not the whole window
    assertEquals(2, BootstrapParameters.of(3, 0).effectiveBlockLength());
    assertEquals(2, BootstrapParameters.of(8, 0).effectiveBlockLength());
    assertEquals(3, BootstrapParameters.of(9, 0).effectiveBlockLength());
  }

  @Test
  void argumentChecks() {
    DailySeries s = Simulated.series(new double[] {1, 2, 3, 4, 5});
    // Windows of 3 days around day 2 would need days -1 to 5.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lift.estimate(s, new EventDays(2, 2), BootstrapParameters.of(3, 0)));
    assertTrue(e.getMessage().contains("-1 to 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BootstrapParameters.of(1, 0));
    assertThrows(IllegalArgumentException.class, () -> BootstrapParameters.of(5, 0).withBlockLength(5));
    assertThrows(IllegalArgumentException.class, () -> BootstrapParameters.of(5, 0).withBlockLength(0));
    // 38 replicates cannot give a 95 % percentile interval: floor(39 * 0.025) = 0.
    assertThrows(IllegalArgumentException.class, () -> BootstrapParameters.of(5, 0).withReplicates(38));
    BootstrapParameters.of(5, 0).withReplicates(39);
    assertThrows(IllegalArgumentException.class, () -> BootstrapParameters.of(5, 0).withLevel(1));
    assertThrows(IllegalArgumentException.class, () -> new DailySeries(Simulated.ORIGIN, new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new DailySeries(Simulated.ORIGIN, new double[0]));
  }

  static final int SERIES = 400;

  /**
   * A planted shift of 4 (noise sd 3, w = 28 days each side, 999 replicates) lies within the 95 %
   * interval of at least {@link Simulated#lowerBound}(400, 0.95) = 366 of 400 series: the nominal
   * 380 less three binomial standard deviations (4.36 each), no further slack. A method whose
   * true coverage is 95 % fails this with probability about 0.1 %; one at 91 % (the plain
   * moving-block bootstrap without the variance correction covered 362 to 367) fails it.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void plantedShiftIsCoveredAtAboutTheNominalRate(long seed) {
    int covered = Simulated.count(seed, SERIES, r -> lift(r, 4).difference().contains(4));
    Simulated.assertCoverage("LiftTest shift covered", seed, covered, SERIES, 0.95);
  }

  private static Lift lift(SplittableRandom r, double shift) {
    double[] y = Simulated.values(r, 57, 28, 20, 0, false, shift, 3);
    return Lift.estimate(Simulated.series(y), new EventDays(28, 28), BootstrapParameters.of(28, r.nextLong()));
  }

  /**
   * Without an effect, p < 0.05 in at most {@link Simulated#upperBound}(400, 0.05) = 34 of 400
   * series and at least {@link Simulated#lowerBound}(400, 0.05) = 6: the nominal 20 plus or
   * minus three binomial standard deviations (4.36 each). Neither far too eager (the plain
   * moving-block bootstrap gave 35 to 37) nor blind.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void noEffectIsSignificantAtAboutFivePercent(long seed) {
    int significant = Simulated.count(seed, SERIES, r -> lift(r, 0).difference().pValue() < 0.05);
    Simulated.assertRate("LiftTest p < 0.05", seed, significant, SERIES, 0.05);
  }
}
