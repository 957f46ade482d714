package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.internal.HashIndex;
import java.util.Arrays;

/**
 * Interns values held as arrays by a subclass ({@link StagedActors}, {@link StagedRepositories}):
 * indices in order of first appearance, found through a {@link HashIndex} of the values' hash
 * codes and compared with the arrays in place; no object is kept per value. Consecutive events
 * often share an instance, which skips the lookup.
 *
 * @param <T> the values
 */
abstract class ArrayInterner<T> {
  /** By value: its hash code, to spread {@link #index} again when it grows. */
  private int[] hashes = new int[16];
  /** The values by hash code; null after {@link #dropIndex} until the next value comes. */
  private HashIndex index = new HashIndex();
  /** How many values. */
  protected int size;
  private T last;
  private int lastIndex;

  /** The index of {@code value}, added if new, in order of first appearance. */
  final int intern(T value) {
    if (value == last) {
      return lastIndex;
    }
    if (index == null) {
      index = new HashIndex(size);
      for (int k = 0; k < size; k++) {
        index.add(k, hashes[k], e -> hashes[e]);
      }
    }
    int hash = value.hashCode();
    int k = index.find(hash, e -> matches(e, value));
    if (k < 0) {
      k = size;
      if (k == hashes.length) {
        hashes = Arrays.copyOf(hashes, k + (k >> 1));
      }
      hashes[k] = hash;
      add(k, value);
      size++;
      index.add(k, hash, e -> hashes[e]);
    }
    last = value;
    lastIndex = k;
    return k;
  }

  /** Drops the index (kept as hash codes): rebuilt if more values come. */
  final void dropIndex() {
    index = null;
    last = null;
  }

  /** How many values. */
  final int size() {
    return size;
  }

  /** Stores {@code value} as value {@code k} (= {@link #size}, which grows after the call). */
  abstract void add(int k, T value);

  /** Whether value {@code k} equals {@code value}, compared in place. */
  abstract boolean matches(int k, T value);
}
