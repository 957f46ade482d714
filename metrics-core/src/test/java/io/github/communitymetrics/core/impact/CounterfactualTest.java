package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CounterfactualTest {
  /** 2025-03-03 is a Monday. */
  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Test
  void anExactLineWithAWeeklyRhythmIsExtendedExactly() {
    // y = 2 + 0.5 t + 3 on Saturdays, over 28 days before a one-day event and 14 after; the days
    // after carry a jump of 10, which the counterfactual must not see.
    double[] y = new double[43];
    for (int t = 0; t < y.length; t++) {
      y[t] = 2 + 0.5 * t + (MONDAY.plusDays(t).getDayOfWeek().getValue() == 6 ? 3 : 0) + (t > 28 ? 10 : 0);
    }
    DailySeries s = new DailySeries(MONDAY, y);
    Counterfactual c = Counterfactual.of(s, new EventDays(28, 28), 28, 14, 0.95).orElseThrow();
    assertEquals(0, c.firstDay());
    assertEquals(28, c.fittedDays());
    assertEquals(43, c.fit().size());
    for (int t = 0; t < 43; t++) {
      double expected = 2 + 0.5 * t + (MONDAY.plusDays(t).getDayOfWeek().getValue() == 6 ? 3 : 0);
      assertEquals(expected, c.fit().get(t), 1e-9, "day " + t);
      assertEquals(expected, c.lower().get(t), 1e-6, "no residual: no width, day " + t);
    }
  }

  @Test
  void theBandIsTheOlsPredictionIntervalAndWidensAwayFromTheData() {
    // Without trend or rhythm, on noise of sd 1: the interval at a day is yhat +- q s sqrt(1 + h),
    // so it is at least q s wide on each side and wider 14 days out than 1 day out.
    SplittableRandom r = new SplittableRandom(7);
    double[] y = new double[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = 5 + r.nextGaussian();
    }
    Counterfactual c = Counterfactual.of(new DailySeries(MONDAY, y), new EventDays(42, 42), 42, 14, 0.95).orElseThrow();
    int last = c.fit().size() - 1;
    double near = c.upper().get(43) - c.fit().get(43);
    double far = c.upper().get(last) - c.fit().get(last);
    assertTrue(far > near, far + " > " + near);
    // 95 % of 42 noisy days inside their own band, give or take: at least 36.
    int inside = 0;
    for (int t = 0; t < 42; t++) {
      inside += c.lower().get(t) <= y[t] && y[t] <= c.upper().get(t) ? 1 : 0;
    }
    assertTrue(inside >= 36, inside + " of 42");
  }

  @Test
  void tooFewDaysOrDaysBeforeTheSeriesGiveNothing() {
    DailySeries s = new DailySeries(MONDAY, new double[40]);
    assertTrue(Counterfactual.of(s, new EventDays(20, 20), 9, 7, 0.95).isEmpty(), "9 days for 8 coefficients");
    assertTrue(Counterfactual.of(s, new EventDays(5, 5), 10, 7, 0.95).isEmpty(), "before the series");
  }
}
