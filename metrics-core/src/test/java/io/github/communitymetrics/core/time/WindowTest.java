package io.github.communitymetrics.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2025-01-02T00:00:00Z");

  @Test
  void containsStartButNotEnd() {
    Window w = Window.of(T0, T1);
    assertTrue(w.contains(T0));
    assertTrue(w.contains(T1.minusNanos(1)));
    assertFalse(w.contains(T1));
    assertFalse(w.contains(T0.minusNanos(1)));
    assertEquals(Duration.ofDays(1), w.duration());
  }

  @Test
  void emptyWindowContainsNothing() {
    Window w = Window.of(T0, T0);
    assertTrue(w.isEmpty());
    assertFalse(w.contains(T0));
  }

  @Test
  void rejectsEndBeforeStart() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Window.of(T1, T0));
    assertTrue(e.getMessage().contains("before its start"), e.getMessage());
  }

  @Test
  void rejectsNonPositiveLengths() {
    assertThrows(IllegalArgumentException.class, () -> Window.endingAt(T1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Window.startingAt(T1, Duration.ofDays(-1)));
    assertThrows(NullPointerException.class, () -> Window.startingAt(null, Duration.ofDays(1)));
  }

  @Test
  void trailingUsesTheInjectedClock() {
    Clock clock = Clock.fixed(T1, ZoneOffset.UTC);
    assertEquals(Window.of(T0, T1), Window.trailing(clock, Duration.ofDays(1)));
  }

  @Test
  void consecutiveWindowsTileWithoutOverlap() {
    Window a = Window.of(T0, T1);
    Window b = Window.startingAt(T1, Duration.ofDays(1));
    assertFalse(a.overlaps(b));
    assertEquals(a, b.previous());
    assertEquals(Optional.empty(), a.intersection(b));
  }

  @Test
  void intersection() {
    Window a = Window.of(T0, T0.plus(Duration.ofHours(10)));
    Window b = Window.of(T0.plus(Duration.ofHours(5)), T1);
    assertEquals(
        Optional.of(Window.of(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(10)))),
        a.intersection(b));
  }

  @Test
  void rollingWindowsEndAtTheGivenInstantOldestFirst() {
    List<Window> w = Window.rolling(T1, Duration.ofDays(30), Duration.ofDays(7), 3);
    assertEquals(3, w.size());
    assertEquals(T1, w.get(2).end());
    assertEquals(T1.minus(Duration.ofDays(7)), w.get(1).end());
    assertEquals(T1.minus(Duration.ofDays(14)).minus(Duration.ofDays(30)), w.get(0).start());
    for (Window x : w) {
      assertEquals(Duration.ofDays(30), x.duration());
    }
  }

  @Test
  void halfOpenNotation() {
    assertEquals("[2025-01-01T00:00:00Z, 2025-01-02T00:00:00Z)", Window.of(T0, T1).toString());
  }
}
