package io.github.communitymetrics.events;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.events.internal.CsvEventFile;
import io.github.communitymetrics.events.internal.ICalendarEventFile;
import io.github.communitymetrics.events.internal.JsonEventFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads community events from files: JSON, CSV or iCalendar, chosen by the file's extension
 * ({@code .json}, {@code .csv}, {@code .ics}/{@code .ical}/{@code .icalendar}). The formats are
 * documented in {@code docs/impact.md}; in short:
 *
 * <pre>{@code
 * {"events": [{"name": "Hack Week 2025", "kind": "hackathon", "start": "2025-10-06",
 *              "end": "2025-10-10", "labels": ["hackweek"], "attendees": ["alice", "bob@example.org"]}]}
 *
 * name,kind,start,end,labels,attendees
 * Hack Week 2025,hackathon,2025-10-06,2025-10-10,hackweek,alice;bob@example.org
 * }</pre>
 *
 * <p>A date alone starts at 00:00 UTC and, as an end, includes its whole day; an instant needs
 * an offset ({@code 2025-10-06T09:00:00+02:00}). Every event file is read whole and checked
 * whole: a malformed one gives an {@link EventFileException} naming the file and line, never a
 * partial list. Event names are unique within a file.
 */
public final class CommunityEventFiles {
  private CommunityEventFiles() {}

  /**
   * The events of a file, in file order.
   *
   * @throws EventFileException if the file is malformed or its extension is none of the formats'
   * @throws CommunityMetricsIoException if it cannot be read
   */
  public static List<CommunityEvent> read(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String source = file.toString();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (name.endsWith(".json")) {
        return readJson(in, source);
      }
      if (name.endsWith(".csv")) {
        return readCsv(in, source);
      }
      if (name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".icalendar")) {
        return readICalendar(in, source);
      }
      throw new EventFileException(source, 0, "not .json, .csv or .ics: cannot tell the format", null);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read the event file " + source, e);
    }
  }

  /**
   * The events of a JSON text: an array of events or an object with an {@code events} array.
   *
   * @param source the name errors give the input (a file name)
   * @throws EventFileException if the text is malformed
   */
  public static List<CommunityEvent> readJson(Reader in, String source) {
    return JsonEventFile.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
  }

  /**
   * The events of a CSV text with a header row.
   *
   * @param source the name errors give the input (a file name)
   * @throws EventFileException if the text is malformed
   */
  public static List<CommunityEvent> readCsv(Reader in, String source) {
    return CsvEventFile.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
  }

  /**
   * The events ({@code VEVENT}s) of an iCalendar text.
   *
   * @param source the name errors give the input (a file name)
   * @throws EventFileException if the text is malformed, an event recurs or has no name or start
   */
  public static List<CommunityEvent> readICalendar(Reader in, String source) {
    return ICalendarEventFile.read(Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"));
  }
}
