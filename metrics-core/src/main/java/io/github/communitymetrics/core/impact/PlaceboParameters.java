package io.github.communitymetrics.core.impact;

/**
 * How {@link Placebo} picks its dates.
 *
 * @param runs R: how many placebo dates to test, at least 1 (fewer when fewer dates qualify)
 * @param margin days around the real event that no placebo run may read, not negative
 * @param alpha the significance level a placebo p-value is compared with, strictly between 0 and 1
 * @param seed the seed of the {@link java.util.SplittableRandom} that draws the dates and the
 *     tests' own seeds
 */
public record PlaceboParameters(int runs, int margin, double alpha, long seed) {

  /** Checks the components. */
  public PlaceboParameters {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1 but was " + runs);
    }
    if (margin < 0) {
      throw new IllegalArgumentException("margin must not be negative but was " + margin);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be strictly between 0 and 1 but was " + alpha);
    }
  }
}
