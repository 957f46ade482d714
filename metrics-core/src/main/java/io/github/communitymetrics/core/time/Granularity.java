package io.github.communitymetrics.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The periods of a count series, UTC: an hour, a calendar day, an ISO week (Monday to Sunday) or
 * a calendar month. Hours are what spike detection needs (a bought campaign lands within hours);
 * months are what a multi-year trend reads well at.
 */
public enum Granularity {
  /** A clock hour, UTC. */
  HOUR,
  /** A calendar day, UTC. */
  DAY,
  /** An ISO-8601 week, Monday 00:00 UTC to the next Monday. */
  WEEK,
  /** A calendar month, UTC. */
  MONTH;

  /** Its name as parameters write it: {@code hour}, {@code day}, {@code week}, {@code month}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The granularity a word names.
   *
   * @throws IllegalArgumentException if it names none
   */
  public static Granularity of(String word) {
    for (Granularity g : values()) {
      if (g.word().equals(word)) {
        return g;
      }
    }
    throw new IllegalArgumentException("not hour, day, week or month: " + word);
  }

  /**
   * The periods that lie entirely inside {@code window}, in order: a partial period at either
   * edge would read as a drop in a trend or hide a burst, so it is left out.
   */
  public List<Window> periodsInside(Window window) {
    if (this == HOUR) {
      List<Window> out = new ArrayList<>();
      Instant start = window.start().truncatedTo(ChronoUnit.HOURS);
      if (start.isBefore(window.start())) {
        start = start.plus(Duration.ofHours(1));
      }
      for (Instant s = start; !s.plus(Duration.ofHours(1)).isAfter(window.end()); s = s.plus(Duration.ofHours(1))) {
        out.add(new Window(s, s.plus(Duration.ofHours(1))));
      }
      return List.copyOf(out);
    }
    PeriodUnit unit = this == DAY ? PeriodUnit.DAY : this == WEEK ? PeriodUnit.ISO_WEEK : PeriodUnit.MONTH;
    return Period.covering(window, unit, ZoneOffset.UTC).stream()
        .map(Period::window)
        .filter(w -> !w.start().isBefore(window.start()) && !w.end().isAfter(window.end()))
        .toList();
  }

  /** The number of periods {@link #periodsInside} gives, without building them for hours and days. */
  public int countInside(Window window) {
    if (this == HOUR || this == DAY) {
      long unit = this == HOUR ? 3600 : 86_400;
      long first = Math.floorDiv(window.start().getEpochSecond() + unit - 1, unit);
      long end = Math.floorDiv(window.end().getEpochSecond(), unit);
      // A start with nanoseconds past a whole unit moves the first whole period on by one.
      if (window.start().getNano() > 0 && Math.floorMod(window.start().getEpochSecond(), unit) == 0) {
        first++;
      }
      return (int) Math.max(0, end - first);
    }
    return periodsInside(window).size();
  }
}
