package io.github.communitymetrics.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The primitive map behaves as a {@code HashMap<Long, V>} under random puts and gets. */
class LongMapTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1_000_003, -5})
  void agreesWithHashMap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LongMap<String> map = new LongMap<>();
    Map<Long, String> reference = new HashMap<>();
    // small key ranges force replacements and collisions; 0 and negative keys included
    long range = 1 + random.nextInt(5_000);
    for (int i = 0; i < 20_000; i++) {
      long key = random.nextLong(-range, range) * (random.nextBoolean() ? 1 : 0x9E3779B97F4A7C15L);
      if (random.nextInt(3) == 0) {
        String v = "v" + i;
        map.put(key, v);
        reference.put(key, v);
      } else {
        assertEquals(reference.get(key), map.get(key), "seed " + seed + ", key " + key);
      }
    }
    assertEquals(reference.size(), map.size(), "seed " + seed);
    Map<Long, String> visited = new HashMap<>();
    map.forEach((k, v) -> assertNull(visited.put(k, v), "seed " + seed + ": visited twice " + k));
    assertEquals(reference, visited, "seed " + seed);
  }

  @Test
  void rejectsNullValues() {
    assertThrows(NullPointerException.class, () -> new LongMap<String>().put(3, null));
  }
}
