package io.github.communitymetrics.core.impact;

import java.util.OptionalInt;

/**
 * How {@link Lift} and {@link DifferenceInDifferences} compare an event's before and after
 * windows and bootstrap the comparison.
 *
 * @param window w: the days compared on each side, the w days before the event's first day and
 *     the w days after its last; at least 2
 * @param blockLength the moving-block bootstrap's block length b in days, 1 to w - 1 (a block
 *     of the whole window would give every replicate the same mean); empty for the default {@code
 *     ceil(w^(1/3))}, or w - 1 where that is less, the rate that minimises the error of the bootstrap variance
 *     (Hall, Horowitz and Jing 1995). Blocks keep the dependence between neighbouring days that
 *     an ordinary bootstrap would destroy; longer blocks keep more of it, at the cost of fewer
 *     distinct resamples
 * @param replicates the bootstrap replicates R; at least {@code 2 / (1 - level) - 1} so that the
 *     percentile interval has a replicate at each end (999 for 95 %)
 * @param level the confidence level, strictly between 0 and 1 (0.95 for 95 %)
 * @param seed the seed of the {@link java.util.SplittableRandom} that draws the blocks
 */
public record BootstrapParameters(int window, OptionalInt blockLength, int replicates, double level, long seed) {

  /** Checks the components. */
  public BootstrapParameters {
    if (!(window >= 2)) {
      throw new IllegalArgumentException("window must be at least 2 days but was " + window);
    }
    if (blockLength == null) {
      throw new IllegalArgumentException("blockLength must not be null (use OptionalInt.empty() for the default)");
    }
    if (blockLength.isPresent() && !(blockLength.getAsInt() >= 1 && blockLength.getAsInt() < window)) {
      throw new IllegalArgumentException(
          "blockLength must be between 1 and the window less one (" + (window - 1) + ") but was "
              + blockLength.getAsInt());
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    // The percentile bounds are the k-th smallest and largest replicates, k = floor((R + 1) alpha / 2).
    if (!(Math.floor((replicates + 1.0) * (1 - level) / 2) >= 1)) {
      throw new IllegalArgumentException(
          "replicates must be at least " + (int) Math.ceil(2 / (1 - level) - 1) + " for level " + level
              + " but was " + replicates);
    }
  }

  /** w-day windows, the default block length, 999 replicates, 95 % intervals. */
  public static BootstrapParameters of(int window, long seed) {
    return new BootstrapParameters(window, OptionalInt.empty(), 999, 0.95, seed);
  }

  /** With block length {@code b} days. */
  public BootstrapParameters withBlockLength(int b) {
    return new BootstrapParameters(window, OptionalInt.of(b), replicates, level, seed);
  }

  /** With {@code r} replicates. */
  public BootstrapParameters withReplicates(int r) {
    return new BootstrapParameters(window, blockLength, r, level, seed);
  }

  /** With confidence level {@code l}. */
  public BootstrapParameters withLevel(double l) {
    return new BootstrapParameters(window, blockLength, replicates, l, seed);
  }

  /** With seed {@code s}. */
  public BootstrapParameters withSeed(long s) {
    return new BootstrapParameters(window, blockLength, replicates, level, s);
  }

  /** The block length used: the given one or {@code min(ceil(w^(1/3)), w - 1)}. */
  public int effectiveBlockLength() {
    if (blockLength.isPresent()) {
      return blockLength.getAsInt();
    }
    int b = (int) Math.ceil(Math.cbrt(window));
    // cbrt of a cube such as 27 may come out a hair above 3: ceil would then give 4.
    b = (b - 1) * (b - 1) * (b - 1) >= window ? b - 1 : b;
    return Math.min(b, window - 1); // ceil(2^(1/3)) = 2 would be the whole of a 2-day window
  }
}
