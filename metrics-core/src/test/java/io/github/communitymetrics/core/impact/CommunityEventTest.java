package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommunityEventTest {

  static final Instant START = Instant.parse("2026-01-10T09:00:00Z");
  static final Instant END = Instant.parse("2026-01-12T00:00:00Z");

  @Test
  void componentsAreCheckedAndCopied() {
    Set<String> attendees = new HashSet<>(Set.of("ana", "bo@example.org"));
    CommunityEvent e = new CommunityEvent("FOSDEM", EventKind.CONFERENCE, START, END, Set.of("2026"), attendees);
    attendees.add("cy");
    assertEquals(Set.of("ana", "bo@example.org"), e.attendees());
    assertThrows(UnsupportedOperationException.class, () -> e.labels().add("x"));
    IllegalArgumentException same =
        assertThrows(IllegalArgumentException.class, () -> new CommunityEvent("x", EventKind.RELEASE, START, START, Set.of(), Set.of()));
    assertTrue(same.getMessage().contains("must be after start"), same.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CommunityEvent(" ", EventKind.OTHER, START, END, Set.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new CommunityEvent("x", EventKind.OTHER, START, END, Set.of(""), Set.of()));
    assertThrows(NullPointerException.class, () -> new CommunityEvent("x", null, START, END, Set.of(), Set.of()));
  }

  @Test
  void daysOfAnEventAreItsUtcDaysWithAnExclusiveEnd() {
    DailySeries s = new DailySeries(LocalDate.of(2026, 1, 1), new double[31]);
    CommunityEvent e = new CommunityEvent("hack", EventKind.HACKATHON, START, END, Set.of(), Set.of());
    // 10 January 09:00 to 12 January 00:00 (exclusive): days 9 and 10 of a series from 1 January.
    assertEquals(new EventDays(9, 10), s.daysOf(e));
    CommunityEvent release =
        new CommunityEvent("1.0", EventKind.RELEASE, START, START.plusSeconds(1), Set.of(), Set.of());
    assertEquals(new EventDays(9, 9), s.daysOf(release));
    CommunityEvent late =
        new CommunityEvent("late", EventKind.OTHER, Instant.parse("2026-01-31T23:00:00Z"), Instant.parse("2026-02-01T01:00:00Z"), Set.of(), Set.of());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> s.daysOf(late));
    assertTrue(outside.getMessage().contains("does not lie within the series"), outside.getMessage());
  }

  @Test
  void distanceToAnEvent() {
    EventDays e = new EventDays(10, 12);
    assertEquals(3, e.length());
    assertEquals(2, e.distanceTo(8));
    assertEquals(0, e.distanceTo(10));
    assertEquals(0, e.distanceTo(13)); // the day after: where a new level starts
    assertEquals(1, e.distanceTo(14));
    assertThrows(IllegalArgumentException.class, () -> new EventDays(5, 4));
    assertThrows(IllegalArgumentException.class, () -> new EventDays(-1, 4));
  }

  @Test
  void seriesIsImmutable() {
    double[] v = {1, 2, 3};
    DailySeries s = new DailySeries(LocalDate.of(2026, 1, 1), v);
    v[0] = 9;
    s.values()[1] = 9;
    assertEquals(1, s.value(0));
    assertEquals(2, s.value(1));
    assertEquals(new DailySeries(LocalDate.of(2026, 1, 1), new double[] {1, 2, 3}), s);
  }
}
