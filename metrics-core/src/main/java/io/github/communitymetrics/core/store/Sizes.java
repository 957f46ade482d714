package io.github.communitymetrics.core.store;

/**
 * Rough heap sizes for {@link EventStore#estimatedBytes()}, assuming a 64-bit JVM with compressed
 * class pointers and references (12-byte object headers, 4-byte references, 8-byte alignment),
 * the default below 32 GiB of heap.
 */
final class Sizes {
  private Sizes() {}

  static final int REFERENCE = 4;

  /** An object with the given header-less field bytes, aligned. */
  static long object(int fieldBytes) {
    return align(12 + fieldBytes);
  }

  /** An array of {@code length} elements of {@code elementBytes} each. */
  static long array(int length, int elementBytes) {
    return align(16 + (long) length * elementBytes);
  }

  /** A Latin-1 string and its byte array (strings outside Latin-1 take twice as much). */
  static long string(String s) {
    return object(12) + array(s.length(), 1);
  }

  static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
