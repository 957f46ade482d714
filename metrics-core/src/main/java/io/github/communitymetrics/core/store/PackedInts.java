package io.github.communitymetrics.core.store;

/**
 * A dense column of non-negative ints below {@code 2^width}, each in {@code width} bits of a
 * {@code long[]}, read in constant time without a branch: a column of indices into a table of
 * {@code t} entries takes {@link #width(int) width(t)} bits per event instead of 32 (17 bits for
 * the 91,000 repositories of a GH Archive hour). Filled once, by {@link #set} at each position in
 * any order, while its owner is built; read only afterwards.
 */
final class PackedInts {
  final int size;
  final int width;
  private final long mask;
  /** Value {@code i} in bits {@code [i * width, (i + 1) * width)}; one more word, always 0. */
  private final long[] words;

  /**
   * A column of {@code size} zeros, each {@code width} bits wide.
   *
   * @throws IllegalArgumentException unless {@code size >= 0} and {@code 1 <= width <= 32}
   */
  PackedInts(int size, int width) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    if (width < 1 || width > 32) {
      throw new IllegalArgumentException("width must be within [1, 32], was " + width);
    }
    this.size = size;
    this.width = width;
    this.mask = (1L << width) - 1;
    // The extra word lets get read two words whether or not the value straddles them.
    this.words = new long[(int) (((long) size * width + 63) >>> 6) + 1];
  }

  /**
   * The bits needed for every index into a table of {@code entries} entries: at least 1, at most
   * 31 (at most 32 for table sizes above {@code Integer.MAX_VALUE}, not reachable with an int).
   */
  static int width(int entries) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, entries - 1)));
  }

  /**
   * Sets position {@code i}, which must still be 0, to {@code value}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= value < 2^width} (unsigned for width 32)
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < size}
   */
  void set(int i, int value) {
    java.util.Objects.checkIndex(i, size);
    long v = value & 0xffffffffL;
    if ((v & ~mask) != 0) {
      throw new IllegalArgumentException(value + " does not fit " + width + " bits");
    }
    long bit = (long) i * width;
    int w = (int) (bit >>> 6);
    int s = (int) bit & 63;
    words[w] |= v << s;
    if (s + width > 64) {
      words[w + 1] |= v >>> (64 - s);
    }
  }

  /** The value at position {@code i}, {@code 0 <= i < size} (unchecked beyond the array's bounds). */
  int get(int i) {
    long bit = (long) i * width;
    int w = (int) (bit >>> 6);
    int s = (int) bit & 63;
    // (x << 1) << (63 - s) is x << (64 - s) for s > 0 and 0 for s = 0, where a single shift by
    // 64 would shift by 0 in Java.
    return (int) (((words[w] >>> s) | ((words[w + 1] << 1) << (63 - s))) & mask);
  }

  long estimatedBytes() {
    return Sizes.object(20) + Sizes.array(words.length, 8);
  }
}
