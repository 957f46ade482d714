package io.github.communitymetrics.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods that metrics report by. Weeks are ISO weeks, starting on Monday. */
public enum PeriodUnit {
  /** A calendar day. */
  DAY,
  /** An ISO-8601 week, Monday to Sunday, labelled by its week-based year ({@code 2025-W01}). */
  ISO_WEEK,
  /** A calendar month. */
  MONTH,
  /** A calendar quarter: January, April, July or October to the end of the third month. */
  QUARTER,
  /** A calendar year. */
  YEAR;

  /** The first day of the period of this unit that contains {@code date}. */
  public LocalDate floor(LocalDate date) {
    switch (this) {
      case DAY:
        return date;
      case ISO_WEEK:
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH:
        return date.withDayOfMonth(1);
      case QUARTER:
        return date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
      case YEAR:
        return date.withDayOfYear(1);
      default:
        throw new AssertionError(this);
    }
  }

  /** The first day of the next period, given the first day of a period. */
  LocalDate next(LocalDate first) {
    switch (this) {
      case DAY:
        return first.plusDays(1);
      case ISO_WEEK:
        return first.plusWeeks(1);
      case MONTH:
        return first.plusMonths(1);
      case QUARTER:
        return first.plusMonths(3);
      case YEAR:
        return first.plusYears(1);
      default:
        throw new AssertionError(this);
    }
  }

  /** The first day of the previous period, given the first day of a period. */
  LocalDate previous(LocalDate first) {
    switch (this) {
      case DAY:
        return first.minusDays(1);
      case ISO_WEEK:
        return first.minusWeeks(1);
      case MONTH:
        return first.minusMonths(1);
      case QUARTER:
        return first.minusMonths(3);
      case YEAR:
        return first.minusYears(1);
      default:
        throw new AssertionError(this);
    }
  }

  /** A label for the period starting on {@code first}: 2025-03-07, 2025-W10, 2025-03, 2025-Q1, 2025. */
  String label(LocalDate first) {
    switch (this) {
      case DAY:
        return first.toString();
      case ISO_WEEK:
        return String.format(
            "%d-W%02d",
            first.get(IsoFields.WEEK_BASED_YEAR), first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format("%d-%02d", first.getYear(), first.getMonthValue());
      case QUARTER:
        return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
      case YEAR:
        return Integer.toString(first.getYear());
      default:
        throw new AssertionError(this);
    }
  }
}
