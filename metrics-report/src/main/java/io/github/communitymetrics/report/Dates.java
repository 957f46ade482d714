package io.github.communitymetrics.report;

import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants and windows as people read them, in UTC: {@code 30 Jun 2025}, {@code 1 Apr 2025 – 30
 * Jun 2025 (UTC, 91 days)}, never raw ISO-8601. The page keeps the exact instant in a {@code
 * <time datetime>} attribute.
 */
final class Dates {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

  private Dates() {}

  /** {@code 30 Jun 2025 14:03:08 UTC}, or {@code 30 Jun 2025 00:00 UTC}: seconds only when not 0. */
  static String instant(Instant at) {
    ZonedDateTime t = at.atZone(ZoneOffset.UTC);
    return (t.getSecond() == 0 && t.getNano() == 0 ? MINUTE : SECOND).format(t) + " UTC";
  }

  /** {@code Jun 2025}: the month holding {@code at} in UTC. */
  static String month(Instant at) {
    return MONTH.format(at.atZone(ZoneOffset.UTC));
  }

  /**
   * The window {@code [start, end)} for people. When both ends are midnights (UTC) it reads as
   * whole days, the last one included: {@code 1 Apr 2025 – 30 Jun 2025 (UTC, 91 days)};
   * otherwise with times: {@code 31 Mar 2025 14:03 – 29 Jun 2025 14:03 (UTC, 90 days)}.
   */
  static String window(Window w) {
    ZonedDateTime start = w.start().atZone(ZoneOffset.UTC);
    ZonedDateTime end = w.end().atZone(ZoneOffset.UTC);
    String text;
    if (midnight(start) && midnight(end)) {
      text = DAY.format(start) + " \u2013 " + DAY.format(end.minusDays(1));
    } else {
      text = instant(w.start()).replace(" UTC", "") + " \u2013 " + instant(w.end()).replace(" UTC", "");
    }
    return text + " (UTC, " + length(Duration.between(w.start(), w.end())) + ")";
  }

  private static boolean midnight(ZonedDateTime t) {
    return t.toLocalTime().equals(LocalTime.MIDNIGHT);
  }

  private static String length(Duration d) {
    long days = d.toDays();
    if (days >= 1) {
      long rest = d.minusDays(days).toHours();
      return days + (days == 1 ? " day" : " days") + (rest > 0 ? " " + rest + " h" : "");
    }
    return d.toHours() + " h";
  }
}
