package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.confidence.IntervalMethod;
import io.github.communitymetrics.core.metrics.confidence.ProportionInterval;
import java.util.Optional;

/**
 * The difference {@code p1 - p2} of two independent proportions with Newcombe's hybrid score
 * interval (Newcombe 1998, method 10): with Wilson intervals {@code [l1, u1]} and {@code [l2,
 * u2]} of each proportion at the same level, the bounds are {@code d - sqrt((p1 - l1)^2 + (u2 -
 * p2)^2)} and {@code d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}. The Wilson intervals come from {@link
 * ProportionInterval} (Commons Statistics quantiles); Commons Statistics has no difference
 * interval of its own.
 *
 * @param successes1 x1
 * @param trials1 n1, positive
 * @param successes2 x2
 * @param trials2 n2, positive
 * @param level the confidence level, in (0, 1)
 * @param estimate {@code x1 / n1 - x2 / n2}
 * @param lower the lower bound, at least -1
 * @param upper the upper bound, at most 1
 */
public record ProportionDifference(
    long successes1, long trials1, long successes2, long trials2, double level, double estimate, double lower, double upper) {

  /** The method's name, for outputs. */
  public static final String METHOD = "newcombe-wilson";

  /** Checks the components. */
  public ProportionDifference {
    Checks.argument(trials1 > 0 && trials2 > 0, "trials must be positive");
    Checks.argument(successes1 >= 0 && successes1 <= trials1 && successes2 >= 0 && successes2 <= trials2, "successes must be within the trials");
    Checks.argument(-1 <= lower && lower <= estimate && estimate <= upper && upper <= 1, "need -1 <= lower <= estimate <= upper <= 1");
  }

  /** The interval, or empty when either group is empty. */
  public static Optional<ProportionDifference> of(long x1, long n1, long x2, long n2, double level) {
    if (n1 == 0 || n2 == 0) {
      return Optional.empty();
    }
    ProportionInterval a = ProportionInterval.of(IntervalMethod.WILSON, x1, n1, level);
    ProportionInterval b = ProportionInterval.of(IntervalMethod.WILSON, x2, n2, level);
    double p1 = a.estimate();
    double p2 = b.estimate();
    double d = p1 - p2;
    double lo = d - Math.sqrt(sq(p1 - a.lower()) + sq(b.upper() - p2));
    double hi = d + Math.sqrt(sq(a.upper() - p1) + sq(p2 - b.lower()));
    return Optional.of(new ProportionDifference(x1, n1, x2, n2, level, d, Math.max(-1, Math.min(lo, d)), Math.min(1, Math.max(hi, d))));
  }

  private static double sq(double x) {
    return x * x;
  }
}
