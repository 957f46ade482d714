package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * A conversion rate from one rung to the next, as the two counts behind it.
 *
 * @param from the lower rung ({@link Rung#D0}, {@link Rung#D1} or {@link Rung#D2})
 * @param fromCount the denominator: people counted at {@code from}
 * @param toCount the numerator: people counted at the next rung; for a CHAOSS ratio it may
 *     exceed {@code fromCount}, for a cohort it never does
 */
public record Conversion(Rung from, long fromCount, long toCount) {

  /** Checks the components. */
  public Conversion {
    Checks.notNull(from, "from");
    Checks.argument(from != Rung.D3, "D3 is the top rung: there is no conversion from it");
    if (!(fromCount >= 0 && toCount >= 0)) {
      throw new IllegalArgumentException("counts must not be negative: " + fromCount + ", " + toCount);
    }
  }

  /** The rung converted to: the one above {@link #from()}. */
  public Rung to() {
    return from.next().orElseThrow();
  }

  /** {@code toCount / fromCount}; empty when nobody was counted at {@code from}. */
  public OptionalDouble rate() {
    return fromCount == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) toCount / fromCount);
  }
}
