package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.internal.Checks;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence interval for a proportion {@code successes / trials}.
 *
 * <p>Wilson: with {@code p = x / n} and {@code z} the standard normal quantile at {@code 1 - (1 -
 * level) / 2}, the bounds are {@code (p + z^2/(2n) -+ z * sqrt(p(1-p)/n + z^2/(4n^2))) / (1 +
 * z^2/n)}. Clopper-Pearson: the lower bound is the {@code (1 - level) / 2} quantile of Beta(x, n -
 * x + 1) (0 when x = 0), the upper the {@code 1 - (1 - level) / 2} quantile of Beta(x + 1, n - x)
 * (1 when x = n). Quantiles come from Apache Commons Statistics.
 *
 * @param method how it was computed
 * @param level the confidence level, strictly between 0 and 1 (0.95 for 95 %)
 * @param successes x, 0 to n
 * @param trials n, positive
 * @param lower the lower bound, 0 to 1
 * @param upper the upper bound, lower to 1
 */
public record ProportionInterval(
    IntervalMethod method, double level, long successes, long trials, double lower, double upper) {

  /** Checks the components. */
  public ProportionInterval {
    Checks.notNull(method, "method");
    checkLevel(level);
    if (!(trials > 0)) {
      throw new IllegalArgumentException("trials must be positive but was " + trials);
    }
    if (!(successes >= 0 && successes <= trials)) {
      throw new IllegalArgumentException("successes must be between 0 and " + trials + " but was " + successes);
    }
    if (!(0 <= lower && lower <= upper && upper <= 1)) {
      throw new IllegalArgumentException("bounds must satisfy 0 <= lower <= upper <= 1 but were " + lower + ", " + upper);
    }
  }

  /**
   * The interval for {@code successes} out of {@code trials}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= successes <= trials}, {@code trials > 0}
   *     and {@code 0 < level < 1}
   */
  public static ProportionInterval of(
      IntervalMethod method, long successes, long trials, double level) {
    Checks.notNull(method, "method");
    checkLevel(level);
    if (!(trials > 0)) {
      throw new IllegalArgumentException("trials must be positive but was " + trials);
    }
    if (!(successes >= 0 && successes <= trials)) {
      throw new IllegalArgumentException("successes must be between 0 and " + trials + " but was " + successes);
    }
    double alpha = 1 - level;
    double lo;
    double hi;
    if (method == IntervalMethod.WILSON) {
      double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - alpha / 2);
      double n = trials;
      double p = successes / n;
      double z2 = z * z;
      double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
      double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
      // Clamp rounding noise at the ends (x = 0 or n gives a bound of exactly 0 or 1 in theory).
      lo = successes == 0 ? 0 : Math.max(0, centre - half);
      hi = successes == trials ? 1 : Math.min(1, centre + half);
    } else {
      lo =
          successes == 0
              ? 0
              : BetaDistribution.of(successes, trials - successes + 1)
                  .inverseCumulativeProbability(alpha / 2);
      hi =
          successes == trials
              ? 1
              : BetaDistribution.of(successes + 1, trials - successes)
                  .inverseCumulativeProbability(1 - alpha / 2);
    }
    return new ProportionInterval(method, level, successes, trials, lo, hi);
  }

  /** The point estimate {@code successes / trials}. */
  public double estimate() {
    return (double) successes / trials;
  }

  /** Whether {@code lower <= p <= upper}. */
  public boolean contains(double p) {
    return lower <= p && p <= upper;
  }

  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
  }
}
