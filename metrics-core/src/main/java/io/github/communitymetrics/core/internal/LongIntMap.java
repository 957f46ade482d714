package io.github.communitymetrics.core.internal;

import java.util.Arrays;

/**
 * A hash map from {@code long} keys to non-negative {@code int}s without boxing: open addressing
 * with linear probing, for scans that number the distinct keys they meet (the responsiveness
 * metric's items by repository and number) and keep per-key values in primitive arrays.
 *
 * <p>Not thread-safe.
 */
public final class LongIntMap {
  private long[] keys = new long[16];
  private int[] values = new int[16];
  private int size;

  /** A map with room for 16 entries before it grows. */
  public LongIntMap() {
    Arrays.fill(values, -1);
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** The value of {@code key}, or -1 when absent. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      int v = values[slot];
      if (v < 0 || keys[slot] == key) {
        return v;
      }
    }
  }

  /**
   * Maps {@code key} to {@code value}, replacing any value it had.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public void put(long key, int value) {
    Checks.notNegative(value, "value");
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
      if (values[slot] < 0) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
    }
  }

  /** Murmur3's 64-bit finaliser: spreads keys that differ in any bit over the slots. */
  private static int slot(long key, int mask) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    Arrays.fill(values, -1);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        int slot = slot(oldKeys[i], mask);
        while (values[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
