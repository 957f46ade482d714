package io.github.communitymetrics.core.impact;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

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

  /** How many of {@code trials} runs of {@code trial} on one generator seeded {@code seed} succeed. */
  static int count(long seed, int trials, Predicate<SplittableRandom> trial) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 0;
    for (int i = 0; i < trials; i++) {
      if (trial.test(r)) {
        n++;
      }
    }
    return n;
  }

  /** Prints and checks {@code lower <= count <= upper}, naming the property and the seed. */
  static void assertWithin(String property, long seed, int count, int trials, int lower, int upper) {
    System.out.println(property + " seed " + seed + ": " + count + " of " + trials + " (bounds " + lower + " to " + upper + ")");
    Assertions.assertTrue(
        lower <= count && count <= upper,
        property + " seed " + seed + ": " + count + " of " + trials + " outside " + lower + " to " + upper);
  }

  /** Checks that {@code count} of {@code trials} is within three binomial sd of {@code p trials}. */
  static void assertRate(String property, long seed, int count, int trials, double p) {
    assertWithin(property, seed, count, trials, lowerBound(trials, p), upperBound(trials, p));
  }

  /** Checks that at least {@link #lowerBound}(trials, level) of {@code trials} intervals covered. */
  static void assertCoverage(String property, long seed, int covered, int trials, double level) {
    assertWithin(property, seed, covered, trials, lowerBound(trials, level), trials);
  }
}
