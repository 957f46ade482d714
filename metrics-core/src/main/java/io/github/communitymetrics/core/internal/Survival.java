package io.github.communitymetrics.core.internal;

import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.SurvivalCurve;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nearest-rank quantiles and Kaplan-Meier quantiles of durations (shared by the contributor
 * ladder and responsiveness; not exported). A quantile is a fraction {@code num/den}, so that
 * ranks are exact integers.
 */
public final class Survival {
  private Survival() {}

  /** The smallest value that at least {@code num/den} of {@code sorted} do not exceed. */
  public static Optional<Duration> quantile(List<Duration> sorted, int num, int den) {
    int n = sorted.size();
    if (n == 0) {
      return Optional.empty();
    }
    long rank = ((long) num * n + den - 1) / den; // ceil(n * q), at least 1 for q > 0
    return Optional.of(sorted.get((int) Math.max(1, rank) - 1));
  }

  /**
   * The Kaplan-Meier q-quantile: the smallest event time t at which the estimated survival S(t)
   * is at most {@code 1 - num/den}. Censored observations at t are at risk at t (events first).
   *
   * <p>S is a product of fractions {@code (n - d) / n}; it is tracked in doubles and, when it
   * comes within 1e-9 of the threshold, the product so far is recomputed exactly with big
   * integers, so rounding never decides the answer.
   *
   * @param durations each person's time on the rung (to climbing, or to censoring)
   * @param climbed whether each person climbed (an event) rather than being censored
   */
  public static Optional<Duration> kaplanMeier(List<Duration> durations, boolean[] climbed, int num, int den) {
    int n = durations.size();
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      nanos[i] = durations.get(i).toNanos(); // rung times are far below the 292-year limit
    }
    // The bands are not used here; any level will do.
    SurvivalCurve curve = SurvivalCurve.kaplanMeier(nanos, climbed, 0.95, BandScale.PLAIN);
    double threshold = 1.0 - (double) num / den;
    List<long[]> factors = new ArrayList<>();
    for (SurvivalStep step : curve.steps()) {
      factors.add(new long[] {step.atRisk() - step.events(), step.atRisk()});
      // Far below the threshold the double is decisive (its relative error is about n * 2^-53);
      // the big-integer product, linear in the steps so far, is only for near-ties.
      if (step.survival() < threshold - 1e-9
          || (step.survival() <= threshold + 1e-9 && exactlyAtMost(factors, den - num, den))) {
        return Optional.of(Duration.ofNanos(step.time()));
      }
    }
    return Optional.empty();
  }

  /** Whether the product of the factors is at most {@code a/b}. */
  private static boolean exactlyAtMost(List<long[]> factors, long a, long b) {
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (long[] f : factors) {
      numerator = numerator.multiply(BigInteger.valueOf(f[0]));
      denominator = denominator.multiply(BigInteger.valueOf(f[1]));
    }
    return numerator.multiply(BigInteger.valueOf(b)).compareTo(denominator.multiply(BigInteger.valueOf(a))) <= 0;
  }
}
