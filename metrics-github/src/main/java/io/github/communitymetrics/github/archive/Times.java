package io.github.communitymetrics.github.archive;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses GH Archive's {@code created_at} values without {@link java.time.format.DateTimeFormatter}
 * on the common shapes, which would otherwise cost more than the rest of a line: {@code
 * 2012-04-01T00:00:00Z} (Events API) and {@code 2012-10-13T00:00:17-07:00} (the 2011-2014
 * timeline, local Pacific time with its offset). Any other shape goes to {@link
 * OffsetDateTime#parse}, so the accepted set is ISO-8601 with an offset either way.
 */
final class Times {
  /** Marks "not an instant"; no real GH Archive time is this far in the past. */
  static final long INVALID = Long.MIN_VALUE;

  private static final long SECONDS_PER_DAY = 86_400;

  private Times() {}

  /** Seconds since the epoch, or {@link #INVALID}. */
  static long epochSecond(byte[] c, int off, int len) {
    if (len >= 20
        && c[off + 4] == '-'
        && c[off + 7] == '-'
        && c[off + 10] == 'T'
        && c[off + 13] == ':'
        && c[off + 16] == ':') {
      int year = digits(c, off, 4);
      int month = digits(c, off + 5, 2);
      int day = digits(c, off + 8, 2);
      int hour = digits(c, off + 11, 2);
      int minute = digits(c, off + 14, 2);
      int second = digits(c, off + 17, 2);
      int offsetSeconds = offset(c, off + 19, len - 19);
      if ((year | month | day | hour | minute | second) >= 0
          && hour < 24
          && minute < 60
          && second < 60
          && offsetSeconds != Integer.MIN_VALUE) {
        try {
          long epochDay = LocalDate.of(year, month, day).toEpochDay();
          return epochDay * SECONDS_PER_DAY
              + hour * 3600L
              + minute * 60L
              + second
              - offsetSeconds;
        } catch (DateTimeException e) {
          // Not a real date (February 30): let the general parser decide below.
        }
      }
    }
    try {
      return OffsetDateTime.parse(new String(c, off, len, StandardCharsets.ISO_8859_1)).toEpochSecond();
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  /** The offset {@code Z} or {@code ±hh:mm} in seconds, or MIN_VALUE for another shape. */
  private static int offset(byte[] c, int off, int len) {
    if (len == 1 && c[off] == 'Z') {
      return 0;
    }
    if (len == 6 && (c[off] == '+' || c[off] == '-') && c[off + 3] == ':') {
      int h = digits(c, off + 1, 2);
      int m = digits(c, off + 4, 2);
      if (h < 0 || m < 0 || h > 18 || m > 59) {
        return Integer.MIN_VALUE;
      }
      int s = h * 3600 + m * 60;
      return c[off] == '-' ? -s : s;
    }
    return Integer.MIN_VALUE;
  }

  /** {@code epochSecond} as an ISO-8601 instant, for messages. */
  static String format(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }

  private static int digits(byte[] c, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Reuses the last instant: consecutive events of an hour often share their second. */
  static final class Cache {
    private long last = INVALID;
    private Instant lastInstant;

    Instant of(long epochSecond) {
      if (epochSecond != last) {
        last = epochSecond;
        lastInstant = Instant.ofEpochSecond(epochSecond);
      }
      return lastInstant;
    }
  }
}
