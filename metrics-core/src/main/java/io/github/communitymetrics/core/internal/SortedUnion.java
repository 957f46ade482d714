package io.github.communitymetrics.core.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Where the elements of two sorted lists of distinct elements go in their sorted union (each
 * element once): the interned indices a store of two stores' events would give their actors or
 * repositories, found by a binary search of the first list for each element of the second, so
 * that a small second list costs little whatever the size of the first. Immutable.
 */
public final class SortedUnion {
  private final int firstSize;
  /** The union index of each element of the second list. */
  private final int[] secondToUnion;
  /** The union indices of the second list's elements that the first lacks, ascending. */
  private final int[] added;
  /** Their indices in the second list. */
  private final int[] addedFromSecond;
  /** The union index of each element of the first list; built when first asked for. */
  private volatile int[] firstToUnion;

  private SortedUnion(int firstSize, int[] secondToUnion, int[] added, int[] addedFromSecond) {
    this.firstSize = firstSize;
    this.secondToUnion = secondToUnion;
    this.added = added;
    this.addedFromSecond = addedFromSecond;
  }

  /**
   * The union of a first list of {@code firstSize} elements and a second of {@code secondSize}.
   *
   * @param searchFirst for an index {@code j} of the second list, where its element is in the
   *     first, as {@link Arrays#binarySearch} answers: its index there, or {@code -(insertion
   *     point) - 1}
   */
  public static SortedUnion of(int firstSize, int secondSize, IntUnaryOperator searchFirst) {
    int[] secondToUnion = new int[secondSize];
    int[] union = new int[secondSize];
    int[] from = new int[secondSize];
    int count = 0;
    for (int j = 0; j < secondSize; j++) {
      int s = searchFirst.applyAsInt(j);
      // The second list is sorted: the elements it adds before this one are exactly the smaller
      // ones, which precede it in the union too.
      if (s >= 0) {
        secondToUnion[j] = s + count;
      } else {
        secondToUnion[j] = -s - 1 + count;
        union[count] = secondToUnion[j];
        from[count] = j;
        count++;
      }
    }
    return new SortedUnion(
        firstSize, secondToUnion, Arrays.copyOf(union, count), Arrays.copyOf(from, count));
  }

  /** How many elements the union has. */
  public int size() {
    return firstSize + added.length;
  }

  /** The union index of element {@code j} of the second list. */
  public int ofSecond(int j) {
    return secondToUnion[j];
  }

  /** The union index of element {@code i} of the first list. */
  public int ofFirst(int i) {
    return firstToUnion()[i];
  }

  /**
   * Union element {@code u}: its index in the first list when it is there, else {@code -(its
   * index in the second) - 1}.
   */
  public int locate(int u) {
    int k = Arrays.binarySearch(added, u);
    return k >= 0 ? -addedFromSecond[k] - 1 : u + k + 1;
  }

  /**
   * The union index of each element of the second list: this union's own array, which callers
   * read and must not change (the scans over a store's events read it once per event).
   */
  public int[] secondToUnion() {
    return secondToUnion;
  }

  /** The union index of each element of the first list, built once; read it, do not change it. */
  public int[] firstToUnion() {
    int[] out = firstToUnion;
    if (out == null) {
      out = new int[firstSize];
      for (int i = 0, k = 0; i < firstSize; i++) {
        while (k < added.length && added[k] <= i + k) {
          k++;
        }
        out[i] = i + k;
      }
      firstToUnion = out;
    }
    return out;
  }
}
