package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DifferenceInDifferencesTest {

  @Test
  void changesByHand() {
    // w = 3 around day 3. Treated: before mean 2, after 6, change 4. Controls: 1 -> 2 (change 1)
    // and 3 -> 5 (change 2), mean change 1.5. Effect 4 - 1.5 = 2.5.
    DailySeries treated = Simulated.series(new double[] {1, 2, 3, 50, 4, 6, 8});
    List<DailySeries> controls =
        List.of(Simulated.series(new double[] {1, 1, 1, 9, 2, 2, 2}), Simulated.series(new double[] {3, 3, 3, 9, 5, 5, 5}));
    DifferenceInDifferences did =
        DifferenceInDifferences.estimate(treated, controls, new EventDays(3, 3), BootstrapParameters.of(3, 11));
    assertEquals(4.0, did.treatedChange(), 1e-15);
    assertEquals(1.5, did.controlChange(), 1e-15);
    assertEquals(2.5, did.effect().estimate(), 1e-15);
    assertEquals(2, did.controls());
    assertTrue(did.effect().contains(2.5), did.toString());
  }

  @Test
  void controlsShareTheTreatedSeriesBlocks() {
    // The control is the treated series plus 7 on every day: in every replicate both take the
    // same days, so every replicate effect is exactly 0, the interval is [0, 0] and p = 1. Blocks
    // drawn apart would spread the replicates out.
    double[] y = Simulated.values(new SplittableRandom(9), 61, 30, 10, 0, true, 5, 3);
    double[] c = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      c[i] = y[i] + 7;
    }
    DifferenceInDifferences did =
        DifferenceInDifferences.estimate(
            Simulated.series(y), List.of(Simulated.series(c)), new EventDays(30, 30), BootstrapParameters.of(30, 3));
    assertEquals(0.0, did.effect().estimate(), 1e-12);
    assertEquals(0.0, did.effect().lower(), 1e-12);
    assertEquals(0.0, did.effect().upper(), 1e-12);
    assertEquals(1.0, did.effect().pValue());
  }

  @Test
  void argumentChecks() {
    DailySeries t = Simulated.series(new double[] {1, 2, 3, 4, 5, 6, 7});
    EventDays e = new EventDays(3, 3);
    BootstrapParameters p = BootstrapParameters.of(3, 0);
    assertThrows(IllegalArgumentException.class, () -> DifferenceInDifferences.estimate(t, List.of(), e, p));
    IllegalArgumentException shifted =
        assertThrows(
            IllegalArgumentException.class,
            () -> DifferenceInDifferences.estimate(t, List.of(new DailySeries(LocalDate.of(2026, 1, 6), t.values())), e, p));
    assertTrue(shifted.getMessage().contains("controls[0]"), shifted.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DifferenceInDifferences.estimate(t, List.of(Simulated.series(new double[] {1, 2, 3, 4, 5, 6})), e, p));
  }

  static final int SERIES = 400;

  /**
   * Four series share a common daily shock (sd 3) and a common rise of 3 after the event (a
   * season); the treated one rises by a further {@code effect}; each has its own noise (sd 2).
   */
  private static DifferenceInDifferences simulate(SplittableRandom r, double effect) {
    int days = 57;
    double[][] y = new double[4][days];
    for (int d = 0; d < days; d++) {
      double common = 3 * r.nextGaussian() + (d > 28 ? 3 : 0);
      for (int s = 0; s < 4; s++) {
        y[s][d] = 20 + 2 * s + common + (s == 0 && d > 28 ? effect : 0) + 2 * r.nextGaussian();
      }
    }
    List<DailySeries> controls = new ArrayList<>();
    for (int s = 1; s < 4; s++) {
      controls.add(Simulated.series(y[s]));
    }
    return DifferenceInDifferences.estimate(
        Simulated.series(y[0]), controls, new EventDays(28, 28), BootstrapParameters.of(28, r.nextLong()));
  }

  /** The effect of 4 is covered in at least 366 of 400 series (95 % less 3 binomial sd). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void plantedEffectIsCovered(long seed) {
    int covered = Simulated.count(seed, SERIES, r -> simulate(r, 4).effect().contains(4));
    Simulated.assertCoverage("DifferenceInDifferencesTest effect covered", seed, covered, SERIES, 0.95);
  }

  /**
   * Without an effect (only the common rise), p < 0.05 in 6 to 34 of 400 series: the season the
   * controls share cancels.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void commonChangeIsNotAnEffect(long seed) {
    int significant = Simulated.count(seed, SERIES, r -> simulate(r, 0).effect().pValue() < 0.05);
    Simulated.assertRate("DifferenceInDifferencesTest p < 0.05", seed, significant, SERIES, 0.05);
  }
}
