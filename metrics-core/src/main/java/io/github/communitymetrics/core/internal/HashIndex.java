package io.github.communitymetrics.core.internal;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * A hash index over the entries of a table kept elsewhere (entry {@code e} is the table's {@code
 * e}-th element): open addressing in one {@code int[]}, at most half full, so about 8 to 16 bytes
 * per entry where a {@code HashMap} takes about 50 (a node, a boxed index and a table slot). The
 * staging interns strings, refs and commit authors by the hundred thousand while events are read;
 * their maps were a part of the ingestion peak that the store does not keep; {@code People}
 * numbers logins with one.
 */
public final class HashIndex {
  /** Entry + 1 per slot, 0 for an empty slot; the length is a power of 2. */
  private int[] slots;
  private int size;

  /** An empty index. */
  public HashIndex() {
    slots = new int[16];
  }

  /**
   * An empty index with room for {@code expected} entries before it grows: each growth reads
   * every entry's hash again and places it in a new table, a cache miss per entry at a million
   * entries (the store's string pool on a GH Archive-shaped day spent about as long growing as
   * adding). More entries than expected are fine.
   */
  public HashIndex(int expected) {
    int wanted = (int) Math.min(1 << 30, 2L * Math.max(8, expected));
    slots = new int[Integer.highestOneBit(wanted - 1) << 1];
  }

  /** The entry whose key has hash {@code hash} and {@code matches}, or -1. */
  public int find(int hash, IntPredicate matches) {
    int mask = slots.length - 1;
    for (int s = spread(hash) & mask; slots[s] != 0; s = (s + 1) & mask) {
      if (matches.test(slots[s] - 1)) {
        return slots[s] - 1;
      }
    }
    return -1;
  }

  /**
   * Adds {@code entry}, absent so far, whose key has hash {@code hash}; {@code hashOf} gives the
   * hash of any entry's key, to spread the entries again when the index grows.
   */
  public void add(int entry, int hash, IntUnaryOperator hashOf) {
    if (2 * (size + 1) > slots.length) {
      int[] old = slots;
      slots = new int[2 * old.length];
      for (int e : old) {
        if (e != 0) {
          put(e - 1, hashOf.applyAsInt(e - 1));
        }
      }
    }
    put(entry, hash);
    size++;
  }

  private void put(int entry, int hash) {
    int mask = slots.length - 1;
    int s = spread(hash) & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = entry + 1;
  }

  /** Mixes the high bits into the low ones, which pick the slot (as {@code HashMap} does). */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
