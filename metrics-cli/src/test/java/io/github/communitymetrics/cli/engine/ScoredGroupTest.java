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
  void rowsWithTheSameIdsKeepTheirOwnValuesAndRowsWithOtherIdsTheirOwnOrder() {
    Map<String, List<Measurement>> ab = new LinkedHashMap<>();
    ab.put("a", ONE);
    ab.put("b", NONE);
    Map<String, List<Measurement>> abOther = new LinkedHashMap<>();
    abOther.put("a", NONE);
    abOther.put("b", ONE);
    Map<String, List<Measurement>> ba = new LinkedHashMap<>();
    ba.put("b", ONE);
    ba.put("a", NONE);
    ScoredGroup first = new ScoredGroup("o/1", 1, ab);
    ScoredGroup second = new ScoredGroup("o/2", 1, abOther);
    ScoredGroup third = new ScoredGroup("o/3", 1, ba);
    ScoredGroup fourth = new ScoredGroup("o/4", 1, ab);
    assertEquals(ab, first.byMetric());
    assertEquals(abOther, second.byMetric());
    assertEquals(List.of("b", "a"), new ArrayList<>(third.byMetric().keySet()));
    assertEquals(List.of(ONE, NONE), new ArrayList<>(third.byMetric().values()));
    assertEquals(List.of("a", "b"), new ArrayList<>(first.byMetric().keySet()));
    assertEquals(List.of("a", "b"), new ArrayList<>(fourth.byMetric().keySet()));
    assertEquals(ONE, fourth.byMetric().get("a"));
  }

  @Test
  void refusesNullIdsAndNegativeCounts() {
    Map<String, List<Measurement>> m = new LinkedHashMap<>();
    m.put(null, ONE);
    assertThrows(NullPointerException.class, () -> new ScoredGroup("o/r", 1, m));
    assertThrows(IllegalArgumentException.class, () -> new ScoredGroup("o/r", -1, given()));
  }
}
