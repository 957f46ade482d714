package io.github.communitymetrics.core.store;

import java.util.function.IntFunction;

/**
 * The values a table rebuilt last, by index: a small direct-mapped cache (slot {@code index %
 * slots}), so that callers asking for the same actor or repository again and again (the events of
 * one repository, the first steps of every binary search, a popular bot's events) get the value
 * without rebuilding it. Each thread has its own slots.
 */
final class Recent<T> {
  /**
   * One thread's slots: the index and the value of each, side by side. Not an array of (index,
   * value) records: a record per miss was an allocation per value rebuilt, and a pass over every
   * actor (people resolution) misses on each (54 bytes an actor on a GH Archive-shaped day).
   */
  private static final class Slots {
    final int[] indices;
    final Object[] values;

    Slots(int size) {
      indices = new int[size];
      values = new Object[size];
    }
  }

  /**
   * Each thread's own slots: threads scoring repositories side by side wrote every value they
   * rebuilt into one shared array, whose cache lines then went back and forth between the cores
   * (a GH Archive day's score on 2 cores took 152 and 175 s of CPU with one shared array, 139 s
   * with an array per thread; one or two runs each, docs/performance.md).
   */
  private final ThreadLocal<Slots> slots;
  private final int size;
  private final IntFunction<T> build;

  /** A cache of a power of two of slots, at least 1 and at most {@code maxSlots}, for {@code size} values. */
  Recent(int size, int maxSlots, IntFunction<T> build) {
    this.size = Integer.highestOneBit(Math.max(1, Math.min(size, maxSlots)));
    this.slots = ThreadLocal.withInitial(() -> new Slots(this.size));
    this.build = build;
  }

  /** The value of {@code index}, rebuilt unless it is in its slot. */
  @SuppressWarnings("unchecked")
  T get(int index) {
    Slots mine = slots.get();
    int slot = index & (size - 1);
    Object v = mine.values[slot];
    if (v != null && mine.indices[slot] == index) {
      return (T) v;
    }
    T value = build.apply(index);
    mine.indices[slot] = index;
    mine.values[slot] = value;
    return value;
  }

  /**
   * The estimated bytes of one thread's slots, without the values: at most one value per slot is
   * held, rebuilt on demand.
   */
  long estimatedBytes() {
    return Sizes.array(size, 4) + Sizes.array(size, Sizes.REFERENCE) + Sizes.object(2 * Sizes.REFERENCE);
  }
}
