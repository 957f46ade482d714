package io.github.communitymetrics.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @ParameterizedTest(name = "{0} {1} in UTC is {2}")
  @CsvSource({
    "2025-03-07T10:15:00Z, DAY, 2025-03-07",
    "2025-03-07T10:15:00Z, ISO_WEEK, 2025-W10",
    "2025-03-07T10:15:00Z, MONTH, 2025-03",
    "2025-03-07T10:15:00Z, QUARTER, 2025-Q1",
    "2025-03-07T10:15:00Z, YEAR, 2025",
    // 2024-12-30 is the Monday of ISO week 1 of 2025.
    "2024-12-31T23:59:59Z, ISO_WEEK, 2025-W01",
    // 2021-01-03 is a Sunday that belongs to week 53 of 2020.
    "2021-01-03T12:00:00Z, ISO_WEEK, 2020-W53",
    "2025-10-01T00:00:00Z, QUARTER, 2025-Q4",
    "2025-09-30T23:59:59Z, QUARTER, 2025-Q3",
  })
  void labelsInUtc(String instant, PeriodUnit unit, String label) {
    assertEquals(label, Period.containingUtc(Instant.parse(instant), unit).label());
  }

  @Test
  void aMonthInBerlinStartsAtLocalMidnight() {
    // 2025-02-28T23:30Z is already March 1st, 00:30 in Berlin (UTC+1 in winter).
    Period p = Period.containing(Instant.parse("2025-02-28T23:30:00Z"), PeriodUnit.MONTH, BERLIN);
    assertEquals("2025-03", p.label());
    assertEquals(Instant.parse("2025-02-28T23:00:00Z"), p.window().start());
    // March ends in summer time (UTC+2): April 1st local midnight is 22:00Z on March 31st.
    assertEquals(Instant.parse("2025-03-31T22:00:00Z"), p.window().end());
    assertEquals("2025-02", Period.containingUtc(Instant.parse("2025-02-28T23:30:00Z"), PeriodUnit.MONTH).label());
  }

  @Test
  void daysAcrossDaylightSavingChangesLast23And25Hours() {
    Period spring = new Period(PeriodUnit.DAY, LOS_ANGELES, LocalDate.parse("2025-03-09"));
    Period autumn = new Period(PeriodUnit.DAY, LOS_ANGELES, LocalDate.parse("2025-11-02"));
    assertEquals(Duration.ofHours(23), spring.window().duration());
    assertEquals(Duration.ofHours(25), autumn.window().duration());
  }

  @Test
  void consecutivePeriodsTile() {
    Period p = new Period(PeriodUnit.QUARTER, BERLIN, LocalDate.parse("2024-10-01"));
    assertEquals(p.window().end(), p.next().window().start());
    assertEquals(p, p.next().previous());
    assertEquals("2025-Q1", p.next().label());
  }

  @Test
  void coveringListsEveryPeriodThatTouchesTheWindow() {
    Window w =
        Window.of(Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"));
    List<String> labels =
        Period.covering(w, PeriodUnit.MONTH, ZoneOffset.UTC).stream()
            .map(Period::label)
            .collect(Collectors.toList());
    // April starts exactly at the (exclusive) end, so it is not covered.
    assertEquals(List.of("2025-01", "2025-02", "2025-03"), labels);
    assertTrue(Period.covering(Window.of(w.start(), w.start()), PeriodUnit.DAY, BERLIN).isEmpty());
  }

  @Test
  void everyInstantFallsInExactlyTheContainingPeriod() {
    Instant t = Instant.parse("2025-06-30T22:30:00Z"); // 2025-07-01 00:30 in Berlin
    for (PeriodUnit unit : PeriodUnit.values()) {
      Period p = Period.containing(t, unit, BERLIN);
      assertTrue(p.contains(t), unit.toString());
      assertTrue(!p.next().contains(t) && !p.previous().contains(t), unit.toString());
    }
    assertEquals("2025-Q3", Period.containing(t, PeriodUnit.QUARTER, BERLIN).label());
    assertEquals("2025-Q2", Period.containing(t, PeriodUnit.QUARTER, ZoneOffset.UTC).label());
  }

  @Test
  void rejectsAFirstDayThatDoesNotStartAPeriod() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Period(PeriodUnit.ISO_WEEK, ZoneOffset.UTC, LocalDate.parse("2025-03-05")));
    assertTrue(e.getMessage().contains("not the first day"), e.getMessage());
  }
}
