package io.github.communitymetrics.core.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the format's instants. Nearly every instant in real data has the shape
 * {@code 2024-03-01T12:00:00Z}; a hand-written parse of that shape avoids {@link
 * java.time.format.DateTimeFormatter}, which dominates the cost of a line otherwise. Any other
 * shape goes to {@link Instant#parse}, so both paths accept exactly the same strings.
 */
final class Instants {
  private Instants() {}

  private static final int SECONDS_PER_DAY = 86_400;

  /**
   * The instant, or empty when {@code text} is not an ISO-8601 instant ending in an upper-case
   * {@code Z}.
   */
  static Optional<Instant> parseUtc(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(n - 1) != 'Z') {
      return Optional.empty();
    }
    if (n == 20
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if ((year | month | day | hour | minute | second) >= 0
          && hour < 24
          && minute < 60
          && second < 60) {
        try {
          long epochDay = LocalDate.of(year, month, day).toEpochDay();
          return Optional.of(
              Instant.ofEpochSecond(
                  epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second));
        } catch (DateTimeException e) {
          // Not a real date, such as February 30: let the general parser judge and explain.
        }
      }
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
