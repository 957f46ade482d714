package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.internal.Checks;

/**
 * How an {@link EventReader} treats malformed lines, and how long a line may be.
 *
 * <p>{@link #strict()} (the default) throws {@link MalformedEventException} at the first malformed
 * line. {@link #skipMalformed(int)} skips malformed lines, counts them, and remembers the numbers
 * and reasons of the first few in the {@link ReadReport}. I/O failures are never skipped.
 *
 * @param skipsMalformed whether malformed lines are skipped rather than thrown
 * @param maxReported how many skipped lines, at most, the {@link ReadReport} describes one by one;
 *     zero when {@code skipsMalformed} is false
 * @param maxLineLength the longest line accepted, in bytes when reading bytes ({@link
 *     EventJsonLines#reader(java.io.InputStream, ReadOptions)}) or UTF-16 characters when reading
 *     characters, without its {@code '\n'} (a {@code '\r'} before it counts); a longer line is
 *     malformed, detected while reading and skipped without being held in memory. Default {@value
 *     #DEFAULT_MAX_LINE_LENGTH} (16 MiB): far more than any event needs.
 */
public record ReadOptions(boolean skipsMalformed, int maxReported, int maxLineLength) {
  /** The default maximum line length, 16 MiB. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;

  private static final ReadOptions STRICT = new ReadOptions(false, 0);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code maxReported} is negative, or positive while
   *     malformed lines are not skipped, or {@code maxLineLength} is not between 1 and {@code
   *     Integer.MAX_VALUE - 16}
   */
  public ReadOptions {
    Checks.notNegative(maxReported, "maxReported");
    if (!(skipsMalformed || maxReported == 0)) {
      throw new IllegalArgumentException("maxReported must be 0 when malformed lines are not skipped but was " + maxReported);
    }
    if (!(maxLineLength >= 1 && maxLineLength <= LineSource.LARGEST_MAXIMUM)) {
      throw new IllegalArgumentException(
          "maxLineLength must be between 1 and " + LineSource.LARGEST_MAXIMUM + " but was " + maxLineLength);
    }
  }

  /** With the default maximum line length. */
  public ReadOptions(boolean skipsMalformed, int maxReported) {
    this(skipsMalformed, maxReported, DEFAULT_MAX_LINE_LENGTH);
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

  /** These options with another maximum line length (see {@link #maxLineLength()}). */
  public ReadOptions withMaxLineLength(int max) {
    return new ReadOptions(skipsMalformed, maxReported, max);
  }
}
