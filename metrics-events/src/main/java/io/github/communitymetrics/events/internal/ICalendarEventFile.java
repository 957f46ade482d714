package io.github.communitymetrics.events.internal;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.EventKind;
import io.github.communitymetrics.events.EventFileException;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The iCalendar format (RFC 5545), read with ical4j: each {@code VEVENT} is an event.
 *
 * <ul>
 *   <li>name: {@code SUMMARY} (required);
 *   <li>start and end: {@code DTSTART}, and {@code DTEND} or {@code DURATION} (RFC 5545: the end is
 *       exclusive; a date-only {@code DTSTART} without either lasts that one day). Times with a
 *       {@code TZID} are converted with ical4j's time-zone data; UTC and offset times as written;
 *       floating times (no zone) are taken as UTC, because the file gives no other;
 *   <li>kind: the {@code X-COMMUNITY-KIND} property, else the first {@code CATEGORIES} value that
 *       names a kind ({@code hackathon}), else {@code other};
 *   <li>labels: the other {@code CATEGORIES} values and {@code X-COMMUNITY-LABELS} (semicolons);
 *   <li>attendees: each {@code ATTENDEE}'s address without {@code mailto:}.
 * </ul>
 *
 * <p>A recurring event ({@code RRULE} or {@code RDATE}) is refused: a series of community calls
 * is not one event, and expanding it silently would make many events of one name; list the
 * occurrences to measure as events of their own.
 */
public final class ICalendarEventFile {
  private ICalendarEventFile() {}

  /** Reads every event. */
  public static List<CommunityEvent> read(Reader in, String source) {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(in);
    } catch (ParserException e) {
      throw new EventFileException(source, Math.max(0, e.getLineNo()), "not valid iCalendar: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EventFileException(source, 0, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // ical4j throws unchecked exceptions for values it cannot parse (a bad date in DTSTART).
      throw new EventFileException(source, 0, "not valid iCalendar: " + e.getMessage(), e);
    }
    List<CommunityEvent> out = new ArrayList<>();
    EventFields.Names names = new EventFields.Names();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    for (int i = 0; i < events.size(); i++) {
      VEvent v = events.get(i);
      String where = "VEVENT " + (i + 1) + text(v, Property.UID).map(u -> " (UID " + u + ")").orElse("");
      String name =
          text(v, Property.SUMMARY)
              .filter(s -> !s.isBlank())
              .orElseThrow(() -> new EventFileException(source, 0, where + " has no SUMMARY", null));
      String named = where + " \"" + name + "\"";
      if (v.getProperty(Property.RRULE).isPresent() || v.getProperty(Property.RDATE).isPresent()) {
        throw new EventFileException(
            source, 0, named + " recurs (RRULE/RDATE): list the occurrences to measure as events of their own", null);
      }
      Instant start;
      Instant end;
      try {
        Optional<DtStart<Temporal>> dtStart = v.getProperty(Property.DTSTART);
        Temporal s = dtStart.orElseThrow(() -> new EventFileException(source, 0, named + " has no DTSTART", null)).getDate();
        start = instant(s);
        // DTEND, else DURATION added to the start as written (a day of DURATION is a calendar day
        // in the start's zone, RFC 5545 3.3.6), else a date's one day. ical4j's own derivation is
        // not used: it gives a start time without either a default length the file never stated.
        Optional<DtEnd<Temporal>> dtEnd = v.getProperty(Property.DTEND);
        Optional<net.fortuna.ical4j.model.property.Duration> duration = v.getProperty(Property.DURATION);
        if (dtEnd.isPresent()) {
          end = instant(dtEnd.get().getDate());
        } else if (duration.isPresent()) {
          end = instant(s.plus(duration.get().getDuration()));
        } else if (s instanceof LocalDate d) {
          end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else {
          throw new EventFileException(
              source, 0, named + " has a start time but neither DTEND nor DURATION: it would last no time", null);
        }
      } catch (EventFileException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new EventFileException(source, 0, named + ": " + e.getMessage(), e);
      }
      EventKind kind = EventKind.OTHER;
      Set<String> labels = new LinkedHashSet<>();
      Optional<String> declared = text(v, "X-COMMUNITY-KIND");
      if (declared.isPresent()) {
        kind = EventFields.kind(declared.get(), source, 0);
      }
      boolean kindFromCategory = declared.isEmpty();
      for (Property c : v.getProperties(Property.CATEGORIES)) {
        for (String value : c.getValue().split(",")) {
          String t = value.trim();
          if (t.isEmpty()) {
            continue;
          }
          Optional<EventKind> k = kindOf(t);
          if (kindFromCategory && k.isPresent()) {
            kind = k.get();
            kindFromCategory = false;
          } else {
            labels.add(t);
          }
        }
      }
      labels.addAll(EventFields.list(text(v, "X-COMMUNITY-LABELS").orElse(null)));
      Set<String> attendees = new LinkedHashSet<>();
      for (Property a : v.getProperties(Property.ATTENDEE)) {
        String address = a.getValue().trim();
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
          address = address.substring(7);
        }
        if (!address.isBlank()) {
          attendees.add(address);
        }
      }
      CommunityEvent e = EventFields.event(name, kind, start, end, labels, attendees, source, 0);
      names.add(e, source, 0);
      out.add(e);
    }
    return List.copyOf(out);
  }

  private static Optional<String> text(VEvent v, String property) {
    Optional<Property> p = v.getProperty(property);
    return p.map(Property::getValue);
  }

  private static Optional<EventKind> kindOf(String word) {
    try {
      return Optional.of(EventKind.valueOf(word.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(Temporal t) {
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC); // floating time: the file gives no zone
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    throw new IllegalArgumentException("a time ical4j gave as " + t.getClass().getSimpleName());
  }
}
