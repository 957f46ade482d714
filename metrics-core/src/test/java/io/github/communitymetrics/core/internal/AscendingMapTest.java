package io.github.communitymetrics.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class AscendingMapTest {
  @Test
  void buildsTheSortedMapOfAscendingEntries() {
    SortedMap<String, Integer> m = new AscendingMap<String, Integer>().put("a", 1).put("b", 2).put("c", 3).build();
    assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()));
    assertEquals(2, m.get("b"));
    assertEquals(List.of("b", "c"), List.copyOf(m.tailMap("b").keySet()));
    assertEquals("c", m.lastKey());
    assertThrows(UnsupportedOperationException.class, () -> m.put("d", 4));
    assertEquals(0, new AscendingMap<String, Integer>().build().size());
  }

  @Test
  void rejectsKeysOutOfOrderWhenAssertionsAreEnabled() {
    assertTrue(AscendingMap.class.desiredAssertionStatus(), "surefire runs with assertions");
    AscendingMap<String, Integer> m = new AscendingMap<String, Integer>().put("b", 1);
    assertThrows(AssertionError.class, () -> m.put("a", 2));
    assertThrows(AssertionError.class, () -> m.put("b", 2));
  }
}
