package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * An exact count ratio, kept as its two counts.
 *
 * @param numerator how many qualified, at least 0
 * @param denominator out of how many, at least 0 (the numerator need not be a subset: a closure
 *     ratio can exceed 1)
 */
public record Ratio(long numerator, long denominator) {

  /** Checks the counts. */
  public Ratio {
    if (!(numerator >= 0)) {
      throw new IllegalArgumentException("numerator must be at least 0, was " + numerator);
    }
    if (!(denominator >= 0)) {
      throw new IllegalArgumentException("denominator must be at least 0, was " + denominator);
    }
  }

  /** {@code numerator / denominator}, empty when the denominator is 0. */
  public OptionalDouble value() {
    return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
  }
}
