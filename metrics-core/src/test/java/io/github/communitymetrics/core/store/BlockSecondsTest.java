package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The block-encoded seconds give back every second: non-decreasing (as in canonical order) or
 * not, given in any order, at sizes on and around block boundaries, with blocks spanning just
 * below, at and just above the limit of each form (a byte, a char, an unsigned int) and up to the
 * whole range of instants. Seeded: the seed is in each case's name and message.
 */
class BlockSecondsTest {
  private static final long MIN = Instant.MIN.getEpochSecond();
  private static final long MAX = Instant.MAX.getEpochSecond();
  private static final int B = BlockSeconds.BLOCK;

  /** Block spans around each form's limit, and 0. */
  private static final long[] SPANS = {
    0, 1, 254, 255, 256, 257, 65534, 65535, 65536, 65537, (1L << 31) - 1, 1L << 31,
    (1L << 32) - 2, (1L << 32) - 1, 1L << 32, (1L << 32) + 1, 1L << 40
  };

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private static int[] sizes(Random random) {
    return new int[] {0, 1, 2, B - 1, B, B + 1, 2 * B - 1, 2 * B, 2 * B + 1, 7 * B + 3,
        random.nextInt(20 * B)};
  }

  /**
   * Non-decreasing seconds from {@code start}, each block with a span from {@link #SPANS} (its
   * least and greatest seconds set exactly apart), blocks apart by 0, 1 or a random gap.
   */
  private static long[] nonDecreasing(Random random, int size, long start) {
    long[] s = new long[size];
    long t = start;
    for (int b = 0; b * B < size; b++) {
      int from = b * B;
      int to = Math.min(size, from + B);
      long span = to - from > 1 ? SPANS[random.nextInt(SPANS.length)] : 0;
      for (int p = from; p < to; p++) {
        s[p] = t + (long) (random.nextDouble() * span);
      }
      s[from] = t;
      if (to - from > 1) {
        s[from + 1 + random.nextInt(to - from - 1)] = t + span;
      }
      java.util.Arrays.sort(s, from, to);
      t += span + switch (random.nextInt(3)) {
        case 0 -> 0;
        case 1 -> 1;
        default -> random.nextInt(1000);
      };
    }
    return s;
  }

  /** The seconds {@code seconds}, given to the encoding in a random order of positions. */
  private static BlockSeconds shuffledOf(Random random, long[] seconds) {
    int[] order = IntStream.range(0, seconds.length).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return BlockSeconds.of(
        seconds.length,
        sink -> {
          for (int p : order) {
            sink.accept(p, seconds[p]);
          }
        });
  }

  private static void assertGivesBack(long[] seconds, BlockSeconds encoded, String where) {
    assertEquals(seconds.length, encoded.size, where);
    for (int p = 0; p < seconds.length; p++) {
      assertEquals(seconds[p], encoded.get(p), where + ", position " + p);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void givesBackNonDecreasingSecondsWhateverTheBlocksSpan(long seed) {
    Random random = new Random(seed);
    for (int size : sizes(random)) {
      long start = random.nextBoolean() ? 1_700_000_000L : MIN + random.nextInt(1000);
      long[] seconds = nonDecreasing(random, size, start);
      String where = "seed " + seed + ", size " + size;
      assertGivesBack(seconds, BlockSeconds.of(seconds), where);
      assertGivesBack(seconds, shuffledOf(random, seconds), where + ", shuffled");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void givesBackSecondsInAnyOrderAcrossTheRangeOfInstants(long seed) {
    Random random = new Random(seed);
    for (int size : sizes(random)) {
      long[] seconds = new long[size];
      for (int p = 0; p < size; p++) {
        seconds[p] =
            switch (random.nextInt(4)) {
              case 0 -> MIN;
              case 1 -> MAX;
              case 2 -> random.nextInt(1 << 20);
              default -> MIN + (long) (random.nextDouble() * (MAX - MIN));
            };
      }
      assertGivesBack(seconds, shuffledOf(random, seconds), "seed " + seed + ", size " + size);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anHourOfEventsTakesAboutOneByteAndATenthEach(long seed) {
    Random random = new Random(seed);
    int size = 100_000 + random.nextInt(100_000);
    long[] seconds = new long[size];
    for (int p = 0; p < size; p++) {
      seconds[p] = 1_700_000_000L + random.nextInt(3600);
    }
    java.util.Arrays.sort(seconds);
    BlockSeconds encoded = BlockSeconds.of(seconds);
    assertGivesBack(seconds, encoded, "seed " + seed);
    double perEvent = (double) encoded.estimatedBytes() / size;
    assertTrue(perEvent < 1.1, "seed " + seed + ": " + perEvent + " bytes per event");
  }

  @Test
  void emptyHoldsNothing() {
    BlockSeconds empty = BlockSeconds.of(new long[0]);
    assertEquals(0, empty.size);
    // The object and six empty arrays.
    assertEquals(Sizes.object(28) + 6 * Sizes.array(0, 1), empty.estimatedBytes());
  }
}
