package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Tests of {@link Placebo}. */
class PlaceboTest {

  @Test
  void datesKeepClearOfTheEventAndAreDrawnWithoutReplacement() {
    // 30 days, event on day 15, lift with w = 3, margin 2. A placebo on day s reads days s - 3 to
    // s + 3, which must lie in 0..29 and miss 13..17: s in 3..9 or 21..26, 13 dates. Asking
    // for 100 runs gives each of them once.
    double[] y = Simulated.values(new SplittableRandom(1), 30, 15, 10, 0, false, 0, 1);
    Placebo p =
        Placebo.run(Simulated.series(y), new EventDays(15, 15), ImpactPValue.lift(BootstrapParameters.of(3, 0)), new PlaceboParameters(100, 2, 0.05, 5));
    assertEquals(13, p.runs());
    Set<Integer> days = new TreeSet<>();
    for (Placebo.Run run : p.results()) {
      days.add(run.firstDay());
      assertTrue(run.pValue().isPresent());
    }
    assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9, 21, 22, 23, 24, 25, 26), days);
  }

  @Test
  void datesKeepClearOfTheCalendarsOtherEventsToo() {
    // As above, and another event on day 5: a placebo on s reads s - 3 to s + 3, which must also
    // miss days 3..7 (day 5 +/- 2). Every s in 3..9 reads day 6 (s - 3 <= 6 <= s + 3), so only
    // 21..26 remain.
    double[] y = Simulated.values(new SplittableRandom(1), 30, 15, 10, 0, false, 0, 1);
    Placebo p =
        Placebo.run(
            Simulated.series(y), new EventDays(15, 15), java.util.List.of(new EventDays(5, 5)),
            ImpactPValue.lift(BootstrapParameters.of(3, 0)), new PlaceboParameters(100, 2, 0.05, 5));
    Set<Integer> days = new TreeSet<>();
    for (Placebo.Run run : p.results()) {
      days.add(run.firstDay());
    }
    assertEquals(Set.of(21, 22, 23, 24, 25, 26), days);
  }

  @Test
  void sameSeedSameRuns() {
    double[] y = Simulated.values(new SplittableRandom(2), 200, 100, 10, 0, false, 0, 1);
    ImpactPValue test = ImpactPValue.lift(BootstrapParameters.of(14, 0));
    PlaceboParameters parameters = new PlaceboParameters(20, 7, 0.05, 99);
    assertEquals(
        Placebo.run(Simulated.series(y), new EventDays(100, 101), test, parameters),
        Placebo.run(Simulated.series(y), new EventDays(100, 101), test, parameters));
  }

  @Test
  void aTrendMakesTheLiftCallEveryDateSignificant() {
    // A steady rise of 0.2 a day with noise sd 1: 14 days later the mean is 2.8 higher, which the
    // lift calls a change at any date. The placebo rate shows it: the lift cannot tell an event
    // from the trend on this series.
    double[] y = Simulated.values(new SplittableRandom(3), 240, 120, 10, 0.2, false, 0, 1);
    Placebo p =
        Placebo.run(Simulated.series(y), new EventDays(120, 120), ImpactPValue.lift(BootstrapParameters.of(14, 0)), new PlaceboParameters(40, 7, 0.05, 1));
    assertEquals(40, p.runs());
    assertEquals(40, p.rejections());
    assertEquals(1.0, p.falsePositiveRate().orElseThrow().estimate());
    // The interrupted time series models the trend: on the same dates it rejects far less often.
    Placebo its =
        Placebo.run(Simulated.series(y), new EventDays(120, 120), ImpactPValue.levelChange(ItsParameters.of(28, 28)), new PlaceboParameters(40, 7, 0.05, 1));
    assertTrue(its.rejections() <= 8, its.toString()); // 40 runs at 5 %: 2 expected, 8 is 4.3 sd above
  }

  @Test
  void runsWithoutAPValueCountInNoRate() {
    // An exact line: the level change has no standard error, so no run has a p-value.
    double[] y = new double[120];
    for (int i = 0; i < y.length; i++) {
      y[i] = 2 + 0.1 * i;
    }
    Placebo p =
        Placebo.run(Simulated.series(y), new EventDays(60, 60), ImpactPValue.levelChange(ItsParameters.of(14, 14)), new PlaceboParameters(5, 3, 0.05, 1));
    assertEquals(5, p.runs());
    assertEquals(0, p.rejections());
    assertTrue(p.falsePositiveRate().isEmpty());
  }

  @Test
  void argumentChecks() {
    double[] y = new double[20];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Placebo.run(Simulated.series(y), new EventDays(10, 10), ImpactPValue.lift(BootstrapParameters.of(5, 0)), new PlaceboParameters(5, 3, 0.05, 1)));
    assertTrue(e.getMessage().startsWith("no placebo date fits"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PlaceboParameters(0, 3, 0.05, 1));
    assertThrows(IllegalArgumentException.class, () -> new PlaceboParameters(5, -1, 0.05, 1));
    assertThrows(IllegalArgumentException.class, () -> new PlaceboParameters(5, 3, 1, 1));
  }
}
