package io.github.communitymetrics.core.metrics.busfactor;

import java.util.OptionalInt;

/** Score bins over a factor, as LFX Insights publishes them. */
final class Bins {
  /** Contributor dependency: 1 -> 0, 2 -> 1, 3-4 -> 2, 5-6 -> 3, 7-9 -> 4, >= 10 -> 5. */
  static final int[] CONTRIBUTOR = {1, 2, 3, 5, 7, 10};
  /** Organisation dependency: 1 -> 0, 2 -> 1, 3 -> 2, 4-5 -> 3, 6-7 -> 4, >= 8 -> 5. */
  static final int[] ORGANIZATION = {1, 2, 3, 4, 6, 8};

  private Bins() {}

  /**
   * The points of a factor: the index of the last bin whose lower bound it reaches; empty for a
   * factor of 0 (no contributions), which no bin covers.
   */
  static OptionalInt points(int factor, int[] lowerBounds) {
    int points = -1;
    for (int i = 0; i < lowerBounds.length && factor >= lowerBounds[i]; i++) {
      points = i;
    }
    return points < 0 ? OptionalInt.empty() : OptionalInt.of(points);
  }
}
