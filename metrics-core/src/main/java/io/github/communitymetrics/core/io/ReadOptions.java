package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.internal.Checks;

/**
 * How an {@link EventReader} treats malformed lines.
 *
 * <p>{@link #strict()} (the default) throws {@link MalformedEventException} at the first malformed
 * line. {@link #skipMalformed(int)} skips malformed lines, counts them, and remembers the numbers
 * and reasons of the first few in the {@link ReadReport}. I/O failures are never skipped.
 *
 * @param skipsMalformed whether malformed lines are skipped rather than thrown
 * @param maxReported how many skipped lines, at most, the {@link ReadReport} describes one by one;
 *     zero when {@code skipsMalformed} is false
 */
public record ReadOptions(boolean skipsMalformed, int maxReported) {
  private static final ReadOptions STRICT = new ReadOptions(false, 0);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code maxReported} is negative, or positive while
   *     malformed lines are not skipped
   */
  public ReadOptions {
    Checks.notNegative(maxReported, "maxReported");
    if (!(skipsMalformed || maxReported == 0)) {
      throw new IllegalArgumentException("maxReported must be 0 when malformed lines are not skipped but was " + maxReported);
    }
  }

  /** Throw {@link MalformedEventException} at the first malformed line. */
  public static ReadOptions strict() {
    return STRICT;
  }

  /**
   * Skip malformed lines and keep reading.
   *
   * @param maxReported how many skipped lines, at most, the {@link ReadReport} lists with their
   *     numbers and reasons (all are counted); zero or more
   */
  public static ReadOptions skipMalformed(int maxReported) {
    return new ReadOptions(true, maxReported);
  }
}
