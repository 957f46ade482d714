package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.internal.Checks;
import java.math.BigInteger;

/**
 * When the top contributors "hold" a community: their cumulative share of contributions passes a
 * threshold. The tools disagree on both the number and the comparison (CHAOSS: more than 50%;
 * OpenSauced: at least 50%; LFX: at least 51%), so both are explicit. The threshold is a fraction
 * {@code numerator / denominator}, compared exactly in integer arithmetic: no rounding decides a
 * factor.
 *
 * @param numerator the threshold's numerator, at least 0
 * @param denominator the threshold's denominator, positive, at least the numerator
 * @param inclusive whether reaching the threshold exactly is enough ({@code >=}) rather than
 *     having to pass it ({@code >})
 */
public record ShareRule(long numerator, long denominator, boolean inclusive) {

  /** CHAOSS contributor absence factor and Apache pony factor: strictly more than half. */
  public static final ShareRule MORE_THAN_HALF = new ShareRule(1, 2, false);

  /** OpenSauced lottery factor: half or more (their loop runs while the sum is below half). */
  public static final ShareRule AT_LEAST_HALF = new ShareRule(1, 2, true);

  /** LFX Insights contributor and organisation dependency: 51% or more. */
  public static final ShareRule AT_LEAST_51_PERCENT = new ShareRule(51, 100, true);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException unless {@code 0 <= numerator <= denominator} and {@code
   *     denominator > 0}
   */
  public ShareRule {
    if (!(denominator > 0)) {
      throw new IllegalArgumentException("denominator must be positive but was " + denominator);
    }
    if (!(numerator >= 0 && numerator <= denominator)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1 but was " + numerator + "/" + denominator);
    }
  }

  /** Whether {@code part} out of {@code total} satisfies the rule. Exact for any long counts. */
  public boolean isMetBy(long part, long total) {
    // part/total ? numerator/denominator  <=>  part*denominator ? total*numerator (total > 0)
    int c;
    try {
      c = Long.compare(Math.multiplyExact(part, denominator), Math.multiplyExact(total, numerator));
    } catch (ArithmeticException overflow) {
      c =
          BigInteger.valueOf(part)
              .multiply(BigInteger.valueOf(denominator))
              .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(numerator)));
    }
    return inclusive ? c >= 0 : c > 0;
  }

  /** The threshold as a fraction between 0 and 1, for display. */
  public double threshold() {
    return (double) numerator / denominator;
  }

  @Override
  public String toString() {
    return (inclusive ? ">= " : "> ") + numerator + "/" + denominator;
  }
}
