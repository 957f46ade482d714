package io.github.communitymetrics.core.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A dense column of non-negative ints below {@code 2^width}, each in {@code width} bits of a
 * byte array, read in constant time with one 8-byte load: a column of indices into a table of
 * {@code t} entries takes {@link #width(int) width(t)} bits per event instead of 32 (17 bits for
 * the 91,000 repositories of a GH Archive hour). Filled once, by {@link #set} at each position in
 * any order, while its owner is built; read only afterwards.
 */
final class PackedInts {
  /** Reads and writes 8 bytes at any byte offset of a byte array, least significant first. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The most values' bits a column holds: its bytes, with 7 of padding, must fit an array (over
   * 500 million values of 32 bits, over a billion of 17).
   */
  static final long MAX_BITS = (Integer.MAX_VALUE - 16L - Long.BYTES) * 8;

  final int size;
  final int width;
  private final long mask;
  /**
   * Value {@code i} in bits {@code [i * width, (i + 1) * width)}, bit {@code k} being bit {@code k
   * % 8} of byte {@code k / 8}; then 7 bytes of 0, so that any value is within the 8 bytes that
   * start at its first bit's byte (7 + 32 bits at most) and is read in one load.
   */
  private final byte[] bytes;

  /**
   * A column of {@code size} zeros, each {@code width} bits wide.
   *
   * @throws IllegalArgumentException unless {@code size >= 0}, {@code 1 <= width <= 32} and
   *     {@code size * width <= MAX_BITS}
   */
  PackedInts(int size, int width) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    if (width < 1 || width > 32) {
      throw new IllegalArgumentException("width must be within [1, 32], was " + width);
    }
    long bits = (long) size * width;
    if (bits > MAX_BITS) {
      throw new IllegalArgumentException(size + " values of " + width + " bits are too many");
    }
    this.size = size;
    this.width = width;
    this.mask = (1L << width) - 1;
    this.bytes = new byte[(int) ((bits + 7) >>> 3) + Long.BYTES - 1];
  }

  /**
   * The bits needed for every index into a table of {@code entries} entries: at least 1, at most
   * 31.
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
    Objects.checkIndex(i, size);
    long v = value & 0xffffffffL;
    if ((v & ~mask) != 0) {
      throw new IllegalArgumentException(value + " does not fit " + width + " bits");
    }
    long bit = (long) i * width;
    int at = (int) (bit >>> 3);
    LONGS.set(bytes, at, (long) LONGS.get(bytes, at) | v << (bit & 7));
  }

  /** The value at position {@code i}, {@code 0 <= i < size} (unchecked beyond the array's bounds). */
  int get(int i) {
    long bit = (long) i * width;
    return (int) (((long) LONGS.get(bytes, (int) (bit >>> 3)) >>> (bit & 7)) & mask);
  }

  long estimatedBytes() {
    return Sizes.object(20) + Sizes.array(bytes.length, 1);
  }
}
