package io.github.communitymetrics.events.internal;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.EventKind;
import io.github.communitymetrics.events.EventFileException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the JSON and CSV formats share: field names, kinds, times, lists and the checks. */
public final class EventFields {
  private EventFields() {}

  /** The fields of an event, in the CSV header's order. */
  public static final List<String> NAMES = List.of("name", "kind", "start", "end", "labels", "attendees");

  /** The fields without which there is no event. */
  public static final List<String> REQUIRED = List.of("name", "start", "end");

  /** A kind by its name, any case; {@code other} when blank. */
  public static EventKind kind(String value, String source, int line) {
    if (value == null || value.isBlank()) {
      return EventKind.OTHER;
    }
    try {
      return EventKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new EventFileException(
          source, line, "kind \"" + value + "\" is not one of " + kindNames(), null);
    }
  }

  /** The kinds as the files write them. */
  public static String kindNames() {
    return Arrays.stream(EventKind.values())
        .map(k -> k.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  /**
   * A start: an ISO-8601 instant with an offset ({@code 2025-10-01T09:00:00Z}, {@code
   * 2025-10-01T09:00:00+02:00}) or a date ({@code 2025-10-01}: the start of that UTC day).
   */
  public static Instant start(String value, String source, int line) {
    return time(value, "start", false, source, line);
  }

  /**
   * An end: an instant as for {@link #start} (exclusive), or a date, which includes that whole
   * UTC day ({@code 2025-10-03} ends at {@code 2025-10-04T00:00:00Z}), as people write "1 to 3
   * October".
   */
  public static Instant end(String value, String source, int line) {
    return time(value, "end", true, source, line);
  }

  private static Instant time(String value, String field, boolean end, String source, int line) {
    if (value == null || value.isBlank()) {
      throw new EventFileException(source, line, "no " + field, null);
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new EventFileException(
          source, line,
          field + " \"" + value + "\" is neither a date (2025-10-01) nor an instant with an offset"
              + " (2025-10-01T09:00:00Z)",
          e);
    }
  }

  /** A list written in one field, its elements separated by semicolons; blanks dropped. */
  public static Set<String> list(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String part : value.split(";")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /** The event, with the core's checks turned into an error naming the line. */
  public static CommunityEvent event(
      String name, EventKind kind, Instant start, Instant end, Set<String> labels,
      Set<String> attendees, String source, int line) {
    if (name == null || name.isBlank()) {
      throw new EventFileException(source, line, "no name", null);
    }
    try {
      return new CommunityEvent(name.trim(), kind, start, end, labels, attendees);
    } catch (IllegalArgumentException e) {
      throw new EventFileException(source, line, e.getMessage(), e);
    }
  }

  /** Refuses a second event of a name: {@code --event NAME} must pick one. */
  public static final class Names {
    private final Map<String, Integer> seen = new HashMap<>();

    /** Records the event's name at the line. */
    public void add(CommunityEvent e, String source, int line) {
      Integer first = seen.putIfAbsent(e.name(), line);
      if (first != null) {
        throw new EventFileException(
            source, line,
            "a second event named \"" + e.name() + "\"" + (first > 0 ? " (the first is at line " + first + ")" : ""),
            null);
      }
    }
  }
}
