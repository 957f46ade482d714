package io.github.communitymetrics.core.store;

/**
 * An immutable bit set over event positions with constant-time rank: which events own a slot in a
 * sparse side column, and which slot. Costs 1 bit plus 4/64 bytes per event (0.19 bytes), against
 * 4 bytes per event for a dense column of slot numbers, so kinds that rarely need a side value do
 * not pay for those that do.
 */
final class RankBits {
  private final long[] words;
  /** ranks[w]: how many bits are set in words[0..w). */
  private final int[] ranks;
  private final int count;

  private RankBits(long[] words) {
    this.words = words;
    this.ranks = new int[words.length];
    int r = 0;
    for (int w = 0; w < words.length; w++) {
      ranks[w] = r;
      r += Long.bitCount(words[w]);
    }
    this.count = r;
  }

  /** The positions {@code i < size} for which {@code set[i]} is true. */
  static RankBits of(boolean[] set, int size) {
    long[] words = new long[(size + 63) >>> 6];
    for (int i = 0; i < size; i++) {
      if (set[i]) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return new RankBits(words);
  }

  /** The positions whose bit is set in {@code words} (bit {@code i % 64} of word {@code i / 64}). */
  static RankBits ofWords(long[] words) {
    return new RankBits(words);
  }

  /** How many bits are set: the side column's length. */
  int count() {
    return count;
  }

  boolean get(int i) {
    return (words[i >>> 6] & (1L << i)) != 0;
  }

  /** The slot of position {@code i}: how many bits are set before it. */
  int rank(int i) {
    int w = i >>> 6;
    return ranks[w] + Long.bitCount(words[w] & ((1L << i) - 1));
  }

  long estimatedBytes() {
    return Sizes.array(words.length, 8) + Sizes.array(ranks.length, 4) + 16;
  }
}
