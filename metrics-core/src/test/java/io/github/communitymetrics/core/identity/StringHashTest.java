package io.github.communitymetrics.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash of a prefix extended without building the string is the string's hash. */
class StringHashTest {
  static LongStream seeds() {
    return LongStream.range(0, 50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void extendedHashesAreTheConcatenatedStringsHashes(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String prefix = text(r, r.nextInt(12));
    for (int k = 0; k < 200; k++) {
      String s = text(r, r.nextInt(60));
      assertEquals((prefix + s).hashCode(), Resolution.extendedHash(prefix.hashCode(), s), "seed " + seed + ": " + prefix + " + " + s);
      long v = switch (k % 4) {
        case 0 -> r.nextLong();
        case 1 -> r.nextLong(0, 1000);
        case 2 -> new long[] {0, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, -1}[r.nextInt(8)];
        default -> r.nextLong(0, Long.MAX_VALUE);
      };
      assertEquals((prefix + v).hashCode(), Resolution.extendedHash(prefix.hashCode(), v), "seed " + seed + ": " + prefix + " + " + v);
    }
  }

  /** Letters, digits, punctuation and characters beyond Latin-1. */
  private static String text(SplittableRandom r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(switch (r.nextInt(4)) {
        case 0 -> (char) ('a' + r.nextInt(26));
        case 1 -> (char) ('0' + r.nextInt(10));
        case 2 -> "-_:#.@ ".charAt(r.nextInt(7));
        default -> (char) (0xC0 + r.nextInt(0x3000));
      });
    }
    return b.toString();
  }
}
