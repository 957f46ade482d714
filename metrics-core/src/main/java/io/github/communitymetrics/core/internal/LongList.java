package io.github.communitymetrics.core.internal;

import java.util.Arrays;

/**
 * A growable array of {@code long}s, for the numbers-only all-repositories forms of the metrics:
 * they pack {@code (repository, person[, period])} into one {@code long} per counted event during
 * a column scan, then sort the keys so that equal keys and equal repositories form runs. Packing
 * with {@link #pack} keeps the order of the parts.
 *
 * <p>Not thread-safe; one instance per scan.
 */
public final class LongList {
  private long[] values = new long[64];
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

  /** Adds one to the value at {@code k}. */
  public void increment(int k) {
    values[k]++;
  }

  /** The value at {@code k}. */
  public long get(int k) {
    return values[k];
  }

  /** A copy of the values, in their current order. */
  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** A new list of these values followed by {@code other}'s. */
  public LongList concat(LongList other) {
    LongList r = new LongList();
    r.values = Arrays.copyOf(values, Math.max(16, size + other.size));
    System.arraycopy(other.values, 0, r.values, size, other.size);
    r.size = size + other.size;
    return r;
  }

  /** Sets the value at {@code k} (below {@link #size()}). */
  public void set(int k, long value) {
    values[k] = value;
  }

  /** The values, each cast to {@code int} (callers store ints only). */
  public int[] toIntArray() {
    int[] a = new int[size];
    for (int k = 0; k < size; k++) {
      a[k] = (int) values[k];
    }
    return a;
  }

  /** Sorts the values ascending. */
  public void sort() {
    Arrays.sort(values, 0, size);
  }

  /** Sorts the values ascending and keeps one of each. */
  public void sortDistinct() {
    sort();
    int out = 0;
    for (int k = 0; k < size; k++) {
      if (out == 0 || values[out - 1] != values[k]) {
        values[out++] = values[k];
      }
    }
    size = out;
  }

  /** Whether {@code value} is present; the values must be sorted. */
  public boolean containsSorted(long value) {
    return Arrays.binarySearch(values, 0, size, value) >= 0;
  }

  /**
   * {@code high * lowCount + low}: ordered by {@code high}, then {@code low}.
   *
   * @param lowCount how many values {@code low} can take; callers check with {@link #fits} that
   *     {@code highCount * lowCount} does not overflow
   */
  public static long pack(long high, long low, long lowCount) {
    return high * lowCount + low;
  }

  /** Whether keys packed from counts {@code a * b * c} fit in a {@code long}. */
  public static boolean fits(long a, long b, long c) {
    try {
      return Math.multiplyExact(Math.multiplyExact(Math.max(a, 1), Math.max(b, 1)), Math.max(c, 1)) > 0;
    } catch (ArithmeticException e) {
      return false;
    }
  }
}
