package io.github.communitymetrics.core.internal;

import java.util.Arrays;

/**
 * A growable array of {@code long}s (durations in nanoseconds, for the responsiveness metric's
 * summaries): no boxing. Small at first, since one is made per summary of every repository when
 * every repository of a store is scored.
 *
 * <p>Not thread-safe.
 */
public final class LongList {
  private long[] values = new long[8];
  private int size;

  /** How many values were added. */
  public int size() {
    return size;
  }

  /** Appends {@code value}. */
  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** A copy of the values, in their current order. */
  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** A new list of these values followed by {@code other}'s. */
  public LongList concat(LongList other) {
    LongList out = new LongList();
    out.values = Arrays.copyOf(values, Math.max(8, size + other.size));
    System.arraycopy(other.values, 0, out.values, size, other.size);
    out.size = size + other.size;
    return out;
  }
}
