package io.github.communitymetrics.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoredGroupTest {
  private static final List<Measurement> ONE = List.of(Measurement.of("m", "count", Unit.COUNT, 3.0, 2, "default"));
  private static final List<Measurement> NONE = List.of(Measurement.noData("m", "count", Unit.COUNT, "default"));

  private static Map<String, List<Measurement>> given() {
    Map<String, List<Measurement>> m = new LinkedHashMap<>();
    m.put("zeta", ONE);
    m.put("alpha", NONE);
    m.put("mid", ONE);
    return m;
  }

  @Test
  void keepsTheGivenOrderAndEqualsAMapWithTheSameEntries() {
    ScoredGroup g = new ScoredGroup("o/r", 5, given());
    assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(g.byMetric().keySet()));
    assertEquals(List.of(ONE, NONE, ONE), new ArrayList<>(g.byMetric().values()));
    assertEquals(given(), g.byMetric());
    assertEquals(g.byMetric(), given());
    assertEquals(given().hashCode(), g.byMetric().hashCode());
    assertEquals(NONE, g.byMetric().get("alpha"));
    assertNull(g.byMetric().get("beta"));
    assertTrue(g.byMetric().containsKey("mid"));
    assertFalse(g.byMetric().containsKey("beta"));
    assertEquals(3, g.byMetric().size());
  }

  @Test
  void isACopyThatCannotBeChanged() {
    Map<String, List<Measurement>> m = given();
    List<Measurement> mutable = new ArrayList<>(ONE);
    m.put("list", mutable);
    ScoredGroup g = new ScoredGroup("o/r", 5, m);
    m.put("later", ONE);
    mutable.clear();
    assertFalse(g.byMetric().containsKey("later"));
    assertEquals(ONE, g.byMetric().get("list"));
    assertThrows(UnsupportedOperationException.class, () -> g.byMetric().put("x", ONE));
    assertThrows(UnsupportedOperationException.class, () -> g.byMetric().remove("zeta"));
    assertThrows(
        UnsupportedOperationException.class, () -> g.byMetric().entrySet().iterator().next().setValue(NONE));
    assertThrows(UnsupportedOperationException.class, () -> g.byMetric().get("list").add(ONE.get(0)));
  }

  @Test
  void refusesNullIdsAndNegativeCounts() {
    Map<String, List<Measurement>> m = new LinkedHashMap<>();
    m.put(null, ONE);
    assertThrows(NullPointerException.class, () -> new ScoredGroup("o/r", 1, m));
    assertThrows(IllegalArgumentException.class, () -> new ScoredGroup("o/r", -1, given()));
  }
}
