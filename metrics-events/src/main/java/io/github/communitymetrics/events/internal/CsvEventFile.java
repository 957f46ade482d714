package io.github.communitymetrics.events.internal;

import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.events.EventFileException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV format (RFC 4180, as Apache Commons CSV reads it): a header row naming the columns
 * (any order; {@code name}, {@code start} and {@code end} required; {@code kind}, {@code labels}
 * and {@code attendees} optional), then an event a row. Labels and attendees are lists separated
 * by semicolons within their cell. An unknown column is an error, as in the JSON format.
 */
public final class CsvEventFile {
  private CsvEventFile() {}

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  /** Reads every event. */
  public static List<CommunityEvent> read(Reader in, String source) {
    // Event files are small: read whole, so that a row's line comes from its character position.
    String text;
    try {
      StringWriter all = new StringWriter();
      in.transferTo(all);
      text = all.toString();
    } catch (IOException e) {
      throw new EventFileException(source, 0, "cannot read: " + e.getMessage(), e);
    }
    try (CSVParser csv = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
      Map<String, Integer> header = csv.getHeaderMap();
      for (String column : header.keySet()) {
        if (!EventFields.NAMES.contains(column)) {
          throw new EventFileException(
              source, 1,
              "unknown column \"" + column + "\" (the columns are " + String.join(", ", EventFields.NAMES) + ")",
              null);
        }
      }
      for (String r : EventFields.REQUIRED) {
        if (!header.containsKey(r)) {
          throw new EventFileException(source, 1, "no \"" + r + "\" column", null);
        }
      }
      List<CommunityEvent> out = new ArrayList<>();
      EventFields.Names names = new EventFields.Names();
      for (CSVRecord row : csv) {
        int line = lineOf(text, row);
        if (!row.isConsistent()) {
          throw new EventFileException(
              source, line, row.size() + " cells where the header has " + header.size(), null);
        }
        CommunityEvent e =
            EventFields.event(
                cell(row, "name"),
                EventFields.kind(cell(row, "kind"), source, line),
                EventFields.start(cell(row, "start"), source, line),
                EventFields.end(cell(row, "end"), source, line),
                EventFields.list(cell(row, "labels")),
                EventFields.list(cell(row, "attendees")),
                source, line);
        names.add(e, source, line);
        out.add(e);
      }
      return List.copyOf(out);
    } catch (IOException | UncheckedIOException e) {
      // Commons CSV reports malformed quoting as an IOException (UncheckedIOException while
      // iterating) whose message gives the line.
      throw new EventFileException(source, 0, "not valid CSV: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new EventFileException(source, 1, "bad header: " + e.getMessage(), e);
    }
  }

  /** The 1-based line on which a row starts (a quoted cell may span lines). */
  private static int lineOf(String text, CSVRecord row) {
    int line = 1;
    for (long i = 0; i < row.getCharacterPosition() && i < text.length(); i++) {
      if (text.charAt((int) i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String cell(CSVRecord row, String column) {
    return row.isMapped(column) ? row.get(column) : null;
  }
}
