package io.github.communitymetrics.core.impact;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Seeded daily series with known truth for the property tests. */
final class Simulated {
  private Simulated() {}

  /** A Monday. */
  static final LocalDate ORIGIN = LocalDate.of(2026, 1, 5);

  /** Extra mean per weekday, Monday first: fewer contributions at the weekend. */
  static final double[] WEEKLY = {1.0, 1.5, 1.0, 0.5, 0.0, -2.0, -2.0};

  /**
   * {@code days} values: {@code base + trend * i + (weekly ? WEEKLY : 0) + shift * [i > eventDay] +
   * N(0, sd^2)} (the event's own day gets no shift: the methods leave it out), independent noise.
   */
  static double[] values(
      SplittableRandom r, int days, int eventDay, double base, double trend, boolean weekly, double shift, double sd) {
    double[] y = new double[days];
    for (int i = 0; i < days; i++) {
      y[i] = base + trend * i + (weekly ? WEEKLY[i % 7] : 0) + (i > eventDay ? shift : 0) + sd * r.nextGaussian();
    }
    return y;
  }

  static DailySeries series(double[] y) {
    return new DailySeries(ORIGIN, y);
  }

  /**
   * The fewest successes out of {@code n} trials of probability {@code p} that the test accepts:
   * the mean less three binomial standard deviations, rounded down. A correct method fails it with
   * probability about 0.1 % (normal approximation).
   */
  static int lowerBound(int n, double p) {
    return (int) Math.floor(n * p - 3 * Math.sqrt(n * p * (1 - p)));
  }

  /** The most successes the test accepts: the mean plus three standard deviations, rounded up. */
  static int upperBound(int n, double p) {
    return (int) Math.ceil(n * p + 3 * Math.sqrt(n * p * (1 - p)));
  }
}
