package io.github.communitymetrics.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GranularityTest {

  @Test
  void wholePeriodsInsideAWindowOnly() {
    Window w = new Window(Instant.parse("2024-01-31T10:30:00Z"), Instant.parse("2024-03-04T01:00:00Z"));
    // Days: Feb 1 .. Mar 3 (Jan 31 and Mar 4 are cut): 29 + 3 = 32.
    assertEquals(32, Granularity.DAY.periodsInside(w).size());
    // ISO weeks: Mondays Feb 5, 12, 19, 26 (the week of Jan 29 and of Mar 4 are cut).
    assertEquals(
        List.of("2024-02-05T00:00:00Z", "2024-02-12T00:00:00Z", "2024-02-19T00:00:00Z", "2024-02-26T00:00:00Z"),
        Granularity.WEEK.periodsInside(w).stream().map(p -> p.start().toString()).toList());
    assertEquals(List.of(new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"))),
        Granularity.MONTH.periodsInside(w));
    List<Window> hours = Granularity.HOUR.periodsInside(w);
    assertEquals(Instant.parse("2024-01-31T11:00:00Z"), hours.get(0).start());
    assertEquals(Instant.parse("2024-03-04T01:00:00Z"), hours.get(hours.size() - 1).end());
    assertEquals(13 + 24 * 32 + 1, hours.size());
    assertEquals(Granularity.WEEK, Granularity.of("week"));
    assertThrows(IllegalArgumentException.class, () -> Granularity.of("P1D"));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countInsideIsTheNumberOfPeriodsInside(long seed) {
    Random r = new Random(seed);
    long base = Instant.parse("2023-06-01T00:00:00Z").getEpochSecond();
    // Starts on whole hours and days too, and with nanoseconds just past them.
    long s = base + (r.nextBoolean() ? r.nextInt(400) * 3600L : r.nextInt(400 * 3600));
    Instant start = Instant.ofEpochSecond(s, r.nextInt(3) == 0 ? 1 + r.nextInt(999_999_999) : 0);
    Instant end = start.plusSeconds(1 + (r.nextBoolean() ? r.nextInt(200) * 86_400L : r.nextInt(200 * 86_400)));
    Window w = new Window(start, end);
    for (Granularity g : Granularity.values()) {
      assertEquals(g.periodsInside(w).size(), g.countInside(w), "seed " + seed + " " + g + " " + w);
    }
    // Days, weeks and months against the calendar periods of Period (UTC), whole ones only.
    PeriodUnit[] units = {PeriodUnit.DAY, PeriodUnit.ISO_WEEK, PeriodUnit.MONTH};
    Granularity[] same = {Granularity.DAY, Granularity.WEEK, Granularity.MONTH};
    for (int i = 0; i < units.length; i++) {
      List<Window> calendar =
          Period.covering(w, units[i], java.time.ZoneOffset.UTC).stream()
              .map(Period::window)
              .filter(p -> !p.start().isBefore(w.start()) && !p.end().isAfter(w.end()))
              .toList();
      assertEquals(calendar, same[i].periodsInside(w), "seed " + seed + " " + same[i] + " " + w);
    }
  }
}
