package io.github.communitymetrics.core.store;

import java.util.function.IntFunction;

/**
 * The values a table rebuilt last, by index: a small direct-mapped cache (slot {@code index %
 * slots}), so that callers asking for the same actor or repository again and again (the events of
 * one repository, the first steps of every binary search, a popular bot's events) get the value
 * without rebuilding it. Read and written without locks from any thread: a slot holds an immutable
 * entry, so a race only loses an entry, and a value is always the one of its index.
 */
final class Recent<T> {
  private record Entry<T>(int index, T value) {}

  private final Entry<T>[] slots;
  private final int mask;
  private final IntFunction<T> build;

  /** A cache of a power of two of slots, at least 1 and at most {@code maxSlots}, for {@code size} values. */
  @SuppressWarnings("unchecked")
  Recent(int size, int maxSlots, IntFunction<T> build) {
    int n = Integer.highestOneBit(Math.max(1, Math.min(size, maxSlots)));
    this.slots = (Entry<T>[]) new Entry<?>[n];
    this.mask = n - 1;
    this.build = build;
  }

  /** The value of {@code index}, rebuilt unless it is in its slot. */
  T get(int index) {
    Entry<T> e = slots[index & mask];
    if (e != null && e.index == index) {
      return e.value;
    }
    T value = build.apply(index);
    slots[index & mask] = new Entry<>(index, value);
    return value;
  }

  /**
   * The estimated bytes of the slot array and its entries, without the values: at most one value
   * per slot is held, rebuilt on demand.
   */
  long estimatedBytes() {
    return Sizes.array(slots.length, Sizes.REFERENCE) + slots.length * Sizes.object(8);
  }
}
