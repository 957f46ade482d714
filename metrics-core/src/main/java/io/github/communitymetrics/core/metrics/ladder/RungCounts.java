package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A number of people per rung; what they are counted for (reaching the rung, passing through it,
 * standing on it) is said where the counts are returned.
 *
 * @param d0 people counted for {@link Rung#D0}, at least 0
 * @param d1 people counted for {@link Rung#D1}, at least 0
 * @param d2 people counted for {@link Rung#D2}, at least 0
 * @param d3 people counted for {@link Rung#D3}, at least 0
 */
public record RungCounts(long d0, long d1, long d2, long d3) {

  /** Checks that no count is negative. */
  public RungCounts {
    if (!(d0 >= 0 && d1 >= 0 && d2 >= 0 && d3 >= 0)) {
      throw new IllegalArgumentException("counts must not be negative: " + d0 + ", " + d1 + ", " + d2 + ", " + d3);
    }
  }

  static RungCounts of(long[] counts) {
    return new RungCounts(counts[0], counts[1], counts[2], counts[3]);
  }

  /** The count for {@code rung}. */
  public long get(Rung rung) {
    Checks.notNull(rung, "rung");
    switch (rung) {
      case D0:
        return d0;
      case D1:
        return d1;
      case D2:
        return d2;
      case D3:
        return d3;
      default:
        throw new AssertionError(rung);
    }
  }

  /** The sum over all rungs. */
  public long total() {
    return d0 + d1 + d2 + d3;
  }
}
