package io.github.communitymetrics.core.store;

import java.util.function.IntFunction;

/**
 * The values a table rebuilt last, by index: a small direct-mapped cache (slot {@code index %
 * slots}), so that callers asking for the same actor or repository again and again (the events of
 * one repository, the first steps of every binary search, a popular bot's events) get the value
 * without rebuilding it. Each thread has its own slots.
 */
final class Recent<T> {
  private record Entry<T>(int index, T value) {}

  /**
   * Each thread's own slots: threads scoring repositories side by side wrote every value they
   * rebuilt into one shared array, whose cache lines then went back and forth between the cores
   * (a GH Archive day's score on 2 cores took 152 and 175 s of CPU with one shared array, 139 s
   * with an array per thread; one or two runs each, docs/performance.md).
   */
  private final ThreadLocal<Entry<T>[]> slots;
  private final int size;
  private final IntFunction<T> build;

  /** A cache of a power of two of slots, at least 1 and at most {@code maxSlots}, for {@code size} values. */
  @SuppressWarnings("unchecked")
  Recent(int size, int maxSlots, IntFunction<T> build) {
    this.size = Integer.highestOneBit(Math.max(1, Math.min(size, maxSlots)));
    this.slots = ThreadLocal.withInitial(() -> (Entry<T>[]) new Entry<?>[this.size]);
    this.build = build;
  }

  /** The value of {@code index}, rebuilt unless it is in its slot. */
  T get(int index) {
    Entry<T>[] mine = slots.get();
    int slot = index & (size - 1);
    Entry<T> e = mine[slot];
    if (e != null && e.index == index) {
      return e.value;
    }
    T value = build.apply(index);
    mine[slot] = new Entry<>(index, value);
    return value;
  }

  /**
   * The estimated bytes of one thread's slot array and its entries, without the values: at most
   * one value per slot is held, rebuilt on demand.
   */
  long estimatedBytes() {
    return Sizes.array(size, Sizes.REFERENCE) + size * Sizes.object(8);
  }
}
