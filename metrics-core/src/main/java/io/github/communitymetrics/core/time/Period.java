package io.github.communitymetrics.core.time;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One calendar period (a day, ISO week, month, quarter or year) in a time zone. Its {@link
 * #window()} runs from local midnight of its first day to local midnight after its last day, so a
 * month in {@code Europe/Berlin} is not the same span of instants as the month in UTC, and a day
 * across a daylight-saving change lasts 23 or 25 hours.
 *
 * @param unit the kind of period
 * @param zone the time zone whose calendar defines it
 * @param firstDay its first day in that zone
 */
public record Period(PeriodUnit unit, ZoneId zone, LocalDate firstDay) implements Comparable<Period> {

  private static final Comparator<Period> ORDER =
      Comparator.comparing((Period p) -> p.window().start()).thenComparing(Period::unit);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code firstDay} does not start a period of the unit
   */
  public Period {
    Checks.notNull(unit, "unit");
    Checks.notNull(zone, "zone");
    Checks.notNull(firstDay, "firstDay");
    if (!(unit.floor(firstDay).equals(firstDay))) {
      throw new IllegalArgumentException(firstDay + " is not the first day of a " + unit + " period");
    }
  }

  /** The period of {@code unit} in {@code zone} that contains {@code instant}. */
  public static Period containing(Instant instant, PeriodUnit unit, ZoneId zone) {
    Checks.notNull(instant, "instant");
    Checks.notNull(unit, "unit");
    Checks.notNull(zone, "zone");
    return new Period(unit, zone, unit.floor(LocalDate.ofInstant(instant, zone)));
  }

  /** The period of {@code unit} in UTC that contains {@code instant}. */
  public static Period containingUtc(Instant instant, PeriodUnit unit) {
    return containing(instant, unit, ZoneOffset.UTC);
  }

  /**
   * The consecutive periods that together cover {@code window}: the first contains its start,
   * the last contains the instant just before its end. Empty for an empty window.
   */
  public static List<Period> covering(Window window, PeriodUnit unit, ZoneId zone) {
    Checks.notNull(window, "window");
    List<Period> periods = new ArrayList<>();
    if (window.isEmpty()) {
      return List.of();
    }
    Period p = containing(window.start(), unit, zone);
    while (p.window().start().isBefore(window.end())) {
      periods.add(p);
      p = p.next();
    }
    return List.copyOf(periods);
  }

  /** The instants of this period: {@code [local midnight of firstDay, local midnight after it)}. */
  public Window window() {
    return new Window(
        firstDay.atStartOfDay(zone).toInstant(), unit.next(firstDay).atStartOfDay(zone).toInstant());
  }

  /** The period right after this one. */
  public Period next() {
    return new Period(unit, zone, unit.next(firstDay));
  }

  /** The period right before this one. */
  public Period previous() {
    return new Period(unit, zone, unit.previous(firstDay));
  }

  /** Whether the instant falls in this period. */
  public boolean contains(Instant instant) {
    return window().contains(instant);
  }

  /**
   * A short label that sorts in time order: {@code 2025-03-07}, {@code 2025-W10}, {@code 2025-03},
   * {@code 2025-Q1} or {@code 2025}. The zone is not part of the label.
   */
  public String label() {
    return unit.label(firstDay);
  }

  @Override
  public int compareTo(Period other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return label() + " (" + zone + ")";
  }
}
