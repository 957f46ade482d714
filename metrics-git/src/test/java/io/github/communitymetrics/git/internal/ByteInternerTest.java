package io.github.communitymetrics.git.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteInternerTest {

  /**
   * ASCII strings are compared with the string itself instead of a copy of their bytes: a byte
   * range must still give the same string as decoding it, and the same instance each time, also
   * when ASCII ranges and Latin-1 or UTF-8 ranges of the same length share the table.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 24, 2026})
  void internsLikeDecodingOneToOne(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // Few symbols, so that ranges repeat and differ in one byte: ASCII letters, a Latin-1 e-acute
    // (0xE9, invalid UTF-8 alone) and the two UTF-8 bytes of e-acute.
    byte[] alphabet = {'a', 'b', 'e', '/', (byte) 0xE9, (byte) 0xC3, (byte) 0xA9};
    ByteInterner interner = new ByteInterner();
    Map<String, String> byBytes = new HashMap<>();
    for (int n = 0; n < 20_000; n++) {
      int len = random.nextInt(6);
      byte[] buf = new byte[len + 4];
      int from = random.nextInt(3);
      for (int i = 0; i < len; i++) {
        buf[from + i] = alphabet[random.nextInt(alphabet.length)];
      }
      byte[] range = Arrays.copyOfRange(buf, from, from + len);
      String key = Arrays.toString(range);
      String s = interner.intern(buf, from, from + len);
      assertEquals(ByteInterner.decode(range, 0, len), s, "seed " + seed + ", bytes " + key);
      String earlier = byBytes.putIfAbsent(key, s);
      if (earlier != null) {
        assertSame(earlier, s, "seed " + seed + ", bytes " + key);
      }
    }
  }
}
