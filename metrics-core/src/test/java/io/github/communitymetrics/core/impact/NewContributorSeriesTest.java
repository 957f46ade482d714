package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewContributorSeriesTest {
  static PersonContributions person(String name, String... at) {
    return new PersonContributions(name, java.util.Arrays.stream(at).map(Instant::parse).toList());
  }

  @Test
  void countsFirstContributionsPerUtcDay() {
    List<PersonContributions> people = List.of(
        person("before", "2025-02-28T23:59:59Z", "2025-03-01T10:00:00Z"), // first before the span: in no day
        person("a", "2025-03-01T00:00:00Z", "2025-03-03T00:00:00Z"),     // counted once, on its first day
        person("b", "2025-03-01T23:59:59Z"),
        person("c", "2025-03-03T12:00:00+00:00"),
        person("after", "2025-03-04T00:00:00Z"));                          // the end is exclusive
    DailySeries s = NewContributorSeries.of(people, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-04"));
    assertEquals(LocalDate.parse("2025-03-01"), s.origin());
    assertArrayEquals(new double[] {2, 0, 1}, s.values());
  }

  @Test
  void refusesAnEmptySpan() {
    LocalDate d = LocalDate.parse("2025-03-01");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NewContributorSeries.of(List.of(), d, d));
    assertEquals("to (2025-03-01) must be after from (2025-03-01)", e.getMessage());
  }
}
