package io.github.communitymetrics.spark;

import java.util.OptionalDouble;

/**
 * The flat summary of one metric result in a result row: its headline number and the size of the
 * evidence behind it.
 *
 * @param value the metric's headline number (a factor, a share, a duration in days, ...), as its
 *     {@link SparkMetric} documents; empty when the metric has none for this group (no evidence)
 * @param evidence how many items the number rests on (contributions, people, items), as its
 *     {@link SparkMetric} documents; zero or more
 */
public record Headline(OptionalDouble value, long evidence) {
  /** Checks the components. */
  public Headline {
    Args.notNull(value, "value");
    Args.argument(evidence >= 0, "evidence must not be negative but was " + evidence);
  }

  /** A headline with a value. */
  public static Headline of(double value, long evidence) {
    return new Headline(OptionalDouble.of(value), evidence);
  }

  /** A headline without a value. */
  public static Headline none(long evidence) {
    return new Headline(OptionalDouble.empty(), evidence);
  }
}
