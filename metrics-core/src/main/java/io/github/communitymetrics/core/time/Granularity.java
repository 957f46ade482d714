package io.github.communitymetrics.core.time;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
   *
   * <p>Computed with arithmetic on epoch seconds (months with {@link YearMonth}), not through
   * {@link Period}'s zone conversions: a portfolio's ten-year daily series are millions of periods.
   */
  public List<Window> periodsInside(Window window) {
    if (this == MONTH) {
      List<Window> out = new ArrayList<>();
      YearMonth m = YearMonth.from(window.start().atOffset(ZoneOffset.UTC));
      for (; ; m = m.plusMonths(1)) {
        Instant start = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (end.isAfter(window.end())) {
          break;
        }
        if (!start.isBefore(window.start())) {
          out.add(new Window(start, end));
        }
      }
      return List.copyOf(out);
    }
    long u = seconds();
    long o = origin();
    long first = firstIndex(window, u, o);
    long last = Math.floorDiv(window.end().getEpochSecond() - o, u);
    List<Window> out = new ArrayList<>((int) Math.max(0, last - first));
    for (long k = first; k < last; k++) {
      out.add(new Window(Instant.ofEpochSecond(o + k * u), Instant.ofEpochSecond(o + (k + 1) * u)));
    }
    return List.copyOf(out);
  }

  /** The number of periods {@link #periodsInside} gives, without building them (but months). */
  public int countInside(Window window) {
    if (this == MONTH) {
      return periodsInside(window).size();
    }
    long u = seconds();
    long o = origin();
    return (int) Math.max(0, Math.floorDiv(window.end().getEpochSecond() - o, u) - firstIndex(window, u, o));
  }

  /** The length of an hour, day or week, in seconds. */
  private long seconds() {
    return this == HOUR ? 3_600 : this == DAY ? 86_400 : 7 * 86_400;
  }

  /** Where periods start: the epoch, or for weeks Monday 1970-01-05 (the epoch was a Thursday). */
  private long origin() {
    return this == WEEK ? 4 * 86_400 : 0;
  }

  /** The index of the first period starting at or after the window's start. */
  private static long firstIndex(Window window, long u, long o) {
    long s = window.start().getEpochSecond() - o;
    boolean onBoundary = Math.floorMod(s, u) == 0 && window.start().getNano() == 0;
    return onBoundary ? Math.floorDiv(s, u) : Math.floorDiv(s, u) + 1;
  }
}
