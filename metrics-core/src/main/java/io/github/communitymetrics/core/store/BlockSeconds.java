package io.github.communitymetrics.core.store;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The epoch seconds of a store's events, read in constant time: per block of {@link #BLOCK}
 * positions the block's least second, and per position its distance from that in one byte when
 * the block spans less than 256 seconds. In canonical order (time first) seconds never decrease,
 * so a block of 128 GH Archive events, about a second of the hour, takes 128 bytes plus 12 for the
 * block: about 1.1 bytes per event against 4 for an int offset. A block that spans more keeps its
 * distances in a side array of chars, ints or longs (this last for spans of 2^32 seconds, 136
 * years, or more), so any seconds of instants, in any order, are held exactly.
 */
final class BlockSeconds {
  static final int SHIFT = 7;
  static final int BLOCK = 1 << SHIFT;

  private static final int CHARS = 1;
  private static final int INTS = 2;
  private static final int LONGS = 3;

  final int size;
  /** The least second of each block. */
  private final long[] bases;
  /** The distance of each position from its block's base, unsigned, in blocks of the byte form. */
  private final byte[] bytes;
  /**
   * Each block's form: 0 for bytes; otherwise {@code k << 2 | kind}, the block's distances being
   * those at {@code [k * BLOCK, (k + 1) * BLOCK)} of the side array of that kind.
   */
  private final int[] forms;

  private final char[] chars;
  private final int[] ints;
  private final long[] longs;

  /**
   * The seconds of positions {@code 0 <= p < size} that {@code source} gives when called with a
   * sink: it is called twice and must give each position exactly once each time, in any order,
   * the same second both times.
   */
  static BlockSeconds of(int size, Consumer<Staging.PositionedLong> source) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
    return new BlockSeconds(size, source);
  }

  /** The seconds {@code seconds[p]}. */
  static BlockSeconds of(long[] seconds) {
    return of(
        seconds.length,
        sink -> {
          for (int p = 0; p < seconds.length; p++) {
            sink.accept(p, seconds[p]);
          }
        });
  }

  private BlockSeconds(int size, Consumer<Staging.PositionedLong> source) {
    this.size = size;
    int blocks = (size + BLOCK - 1) >>> SHIFT;
    long[] min = new long[blocks];
    long[] max = new long[blocks];
    Arrays.fill(min, Long.MAX_VALUE);
    Arrays.fill(max, Long.MIN_VALUE);
    source.accept(
        (p, second) -> {
          int b = p >>> SHIFT;
          min[b] = Math.min(min[b], second);
          max[b] = Math.max(max[b], second);
        });
    forms = new int[blocks];
    int[] counts = new int[LONGS + 1];
    for (int b = 0; b < blocks; b++) {
      // max - min cannot overflow: epoch seconds of instants are within +-3.2e16.
      int kind = kind(max[b] - min[b]);
      if (kind != 0) {
        forms[b] = counts[kind]++ << 2 | kind;
      }
    }
    bases = min;
    bytes = new byte[size];
    chars = new char[counts[CHARS] * BLOCK];
    ints = new int[counts[INTS] * BLOCK];
    longs = new long[counts[LONGS] * BLOCK];
    source.accept(
        (p, second) -> {
          int b = p >>> SHIFT;
          long d = second - bases[b];
          int f = forms[b];
          int k = (f >>> 2 << SHIFT) + (p & (BLOCK - 1));
          switch (f & 3) {
            case 0 -> bytes[p] = (byte) d;
            case CHARS -> chars[k] = (char) d;
            case INTS -> ints[k] = (int) d;
            default -> longs[k] = d;
          }
        });
  }

  /** The narrowest form for distances up to {@code span}: 0 (bytes), chars, ints or longs. */
  private static int kind(long span) {
    if (span <= 0xff) {
      return 0;
    }
    if (span <= 0xffff) {
      return CHARS;
    }
    return span <= 0xffffffffL ? INTS : LONGS;
  }

  /** The second of position {@code p}, {@code 0 <= p < size}. */
  long get(int p) {
    int b = p >>> SHIFT;
    int f = forms[b];
    if (f == 0) {
      return bases[b] + (bytes[p] & 0xff);
    }
    return bases[b] + wide(f, p);
  }

  private long wide(int f, int p) {
    int k = (f >>> 2 << SHIFT) + (p & (BLOCK - 1));
    switch (f & 3) {
      case CHARS:
        return chars[k];
      case INTS:
        return ints[k] & 0xffffffffL;
      default:
        return longs[k];
    }
  }

  long estimatedBytes() {
    return Sizes.object(4 + 6 * Sizes.REFERENCE)
        + Sizes.array(bases.length, 8)
        + Sizes.array(bytes.length, 1)
        + Sizes.array(forms.length, 4)
        + Sizes.array(chars.length, 2)
        + Sizes.array(ints.length, 4)
        + Sizes.array(longs.length, 8);
  }
}
