package io.github.communitymetrics.core.internal;

import java.util.Arrays;

/**
 * Dense ids {@code 0, 1, 2, ...} for the distinct keys (person or actor indices, {@code 0 <= key <
 * range}) that one scan meets, in the order it meets them. A metric computed on one repository's
 * slice of a large store then sizes its per-person arrays by the people of the slice, not by every
 * person of the store: computing every repository of a store one by one stays proportional to the
 * store's events instead of repositories times people.
 *
 * <p>An array indexed by key when the range is small against the number of keys the scan may meet
 * (one read per lookup, the whole-store case), an open-addressing hash table otherwise (memory
 * proportional to the keys met).
 *
 * <p>Not thread-safe; one instance per scan.
 */
public final class DenseIds {
  /** id + 1 by key, 0 when not met; null when hashing. */
  private final int[] byKey;
  /** Hash table of key + 1 (0 = empty slot) and the ids beside them; null when dense. */
  private int[] slots;

  private int[] slotIds;
  private int[] keys;
  private int size;

  private DenseIds(int range, boolean dense, int expected) {
    this.byKey = dense ? new int[range] : null;
    // Sized by the keys the scan can meet, not 16 at least: most repositories of a GH Archive
    // day have an event or two, and each metric of each makes one of these (issue 24: 7 % of
    // the bytes allocated while scoring the day).
    keys = new int[Math.max(1, Math.min(expected, 16))];
    if (!dense) {
      int capacity = Integer.highestOneBit(Math.max(1, Math.min(expected, 1 << 20)) * 2 - 1) << 1;
      slots = new int[capacity];
      slotIds = new int[capacity];
    }
  }

  /**
   * Ids for keys in {@code [0, range)}.
   *
   * @param range one past the largest key (for person indices, {@code People.size()})
   * @param atMost how many keys the scan can meet at most (the events it reads): decides between
   *     the array and the hash table
   * @throws IllegalArgumentException if {@code range} or {@code atMost} is negative
   */
  public static DenseIds of(int range, int atMost) {
    Checks.notNegative(range, "range");
    Checks.notNegative(atMost, "atMost");
    // An array costs `range` ints to allocate, clear and skip; a lookup in it is a few times
    // cheaper than hashing. Below a quarter of the range, the scan cannot pay for the array.
    boolean dense = range <= 1024 || range / 4 <= atMost;
    return new DenseIds(range, dense, atMost);
  }

  /** How many distinct keys were met. */
  public int size() {
    return size;
  }

  /** The key of id {@code id}. */
  public int key(int id) {
    return keys[java.util.Objects.checkIndex(id, size)];
  }

  /**
   * The id of {@code key}, or -1 if it was not met.
   *
   * @throws IllegalArgumentException if {@code key} is negative
   */
  public int get(int key) {
    checkKey(key);
    if (byKey != null) {
      return byKey[key] - 1;
    }
    int mask = slots.length - 1;
    for (int s = slot(key, mask); ; s = (s + 1) & mask) {
      int k = slots[s];
      if (k == 0) {
        return -1;
      }
      if (k == key + 1) {
        return slotIds[s];
      }
    }
  }

  /**
   * The id of {@code key}: its existing id, or the next one if it is new.
   *
   * @throws IllegalArgumentException if {@code key} is negative
   */
  public int id(int key) {
    checkKey(key);
    if (byKey != null) {
      int id = byKey[key] - 1;
      if (id < 0) {
        id = add(key);
        byKey[key] = id + 1;
      }
      return id;
    }
    int mask = slots.length - 1;
    for (int s = slot(key, mask); ; s = (s + 1) & mask) {
      int k = slots[s];
      if (k == key + 1) {
        return slotIds[s];
      }
      if (k == 0) {
        int id = add(key);
        slots[s] = key + 1;
        slotIds[s] = id;
        if (2 * size > slots.length) {
          grow();
        }
        return id;
      }
    }
  }

  private static void checkKey(int key) {
    if (key < 0) {
      throw new IllegalArgumentException("key must not be negative but was " + key);
    }
  }

  private int add(int key) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
    }
    keys[size] = key;
    return size++;
  }

  /** Spreads keys over the slots (Murmur3's 32-bit finaliser). */
  private static int slot(int key, int mask) {
    int h = key;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & mask;
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldIds = slotIds;
    slots = new int[oldSlots.length * 2];
    slotIds = new int[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        int s = slot(oldSlots[i] - 1, mask);
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = oldSlots[i];
        slotIds[s] = oldIds[i];
      }
    }
  }
}
