package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.internal.Checks;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSON Lines format of events: one event per line, UTF-8, lines separated by
 * {@code '\n'}, keys in a fixed order, described field by field in {@code docs/events.md}.
 *
 * <p>Writing is deterministic: equal events give equal lines, and {@code fromLine(toLine(e))}
 * equals {@code e} for every event. Reading accepts any key order, ignores unknown keys (so
 * that a newer writer's additions do not break this reader), treats JSON {@code null} as an
 * absent field, and rejects lines of a newer {@linkplain #SCHEMA_VERSION schema version}.
 *
 * <p>The methods take {@link Reader}s and {@link Writer}s rather than files, so the caller chooses
 * any compression; the readers of an {@link InputStream} decode UTF-8 themselves, strictly: a line
 * that is not valid UTF-8 is malformed (a replacement character would make two different logins
 * equal, merging two people). Prefer them for files. A {@link Reader} is decoded as its creator
 * chose ({@link java.io.InputStreamReader} replaces bad bytes silently). Either way a line holding
 * a raw NUL character, or longer than {@link ReadOptions#maxLineLength()}, is malformed. Readers and writers obtained here take ownership of their source or target and
 * close it; {@link #readAll(Reader)} and {@link #writeAll(Iterable, Writer)} do not.
 */
public final class EventJsonLines {
  private EventJsonLines() {}

  /**
   * The newest schema version this library reads and writes. A line carries in the optional
   * {@code "v"} key the oldest version that can read it, absent meaning 1: only the label change
   * types of version 2 ({@link io.github.communitymetrics.core.event.EventType#sinceVersion()})
   * write it, so lines of the version 1 types are written exactly as version 1 wrote them.
   */
  public static final int SCHEMA_VERSION = 2;

  /**
   * The line for one event, without a line terminator.
   *
   * @param event the event
   * @return one line of JSON
   */
  public static String toLine(Event event) {
    Checks.notNull(event, "event");
    StringWriter out = new StringWriter(256);
    try (EventWriter w = new EventWriter(out, false)) {
      w.write(event);
    }
    // The writer ends every line with '\n'; a single line is returned without it.
    StringBuffer buffer = out.getBuffer();
    return buffer.substring(0, buffer.length() - 1);
  }

  /**
   * The event on one line. Surrounding white space is ignored.
   *
   * @param line one line of JSON, without a line terminator
   * @return the event
   * @throws MalformedEventException if the line does not hold a valid event; its line number is 1
   */
  public static Event fromLine(String line) {
    Checks.notNull(line, "line");
    return new EventDecoder().decode(line, 1);
  }

  /**
   * A writer of JSON Lines to {@code out}. Closing it closes {@code out}.
   *
   * @param out where the lines go; the event writer buffers, so no {@link java.io.BufferedWriter}
   *     is needed
   * @return a new writer
   */
  public static EventWriter writer(Writer out) {
    return new EventWriter(out, true);
  }

  /**
   * A strict reader of JSON Lines from {@code in}: the first malformed line throws {@link
   * MalformedEventException}. Closing it closes {@code in}.
   *
   * @param in the lines; the reader buffers, so no {@link java.io.BufferedReader} is needed
   * @return a new reader
   */
  public static EventReader reader(Reader in) {
    return reader(in, ReadOptions.strict());
  }

  /**
   * A reader of JSON Lines from {@code in} that treats malformed lines as {@code options} say.
   * Closing it closes {@code in}.
   *
   * @param in the lines; the reader buffers, so no {@link java.io.BufferedReader} is needed
   * @param options strict, or skipping malformed lines
   * @return a new reader
   */
  public static EventReader reader(Reader in, ReadOptions options) {
    return new EventReader(in, options, true);
  }

  /**
   * A strict reader of JSON Lines from the UTF-8 bytes of {@code in}. Closing it closes {@code in}.
   *
   * @param in the bytes (already decompressed); the reader buffers
   * @return a new reader
   */
  public static EventReader reader(InputStream in) {
    return reader(in, ReadOptions.strict());
  }

  /**
   * A reader of JSON Lines from the UTF-8 bytes of {@code in} that treats malformed lines as
   * {@code options} say. A line that is not valid UTF-8 is malformed. Closing it closes {@code in}.
   *
   * @param in the bytes (already decompressed); the reader buffers
   * @param options strict, or skipping malformed lines; the maximum line length is in bytes
   * @return a new reader
   */
  public static EventReader reader(InputStream in, ReadOptions options) {
    return new EventReader(in, options, true);
  }

  /**
   * Every event in the UTF-8 bytes of {@code in}, strictly, in input order. Reads to the end; does
   * not close {@code in}.
   *
   * @param in the bytes
   * @return the events, immutable
   * @throws MalformedEventException at the first malformed line
   * @throws EventIoException if {@code in} fails
   */
  public static List<Event> readAll(InputStream in) {
    EventReader reader = new EventReader(in, ReadOptions.strict(), false);
    List<Event> events = new ArrayList<>();
    while (reader.hasNext()) {
      events.add(reader.next());
    }
    return List.copyOf(events);
  }

  /**
   * Every event in {@code in}, strictly, in input order. Reads to the end; does not close
   * {@code in}. Holds all events in memory: prefer {@link #reader(Reader)} for large inputs.
   *
   * @param in the lines
   * @return the events, immutable
   * @throws MalformedEventException at the first malformed line
   * @throws EventIoException if {@code in} fails
   */
  public static List<Event> readAll(Reader in) {
    EventReader reader = new EventReader(in, ReadOptions.strict(), false);
    List<Event> events = new ArrayList<>();
    while (reader.hasNext()) {
      events.add(reader.next());
    }
    return List.copyOf(events);
  }

  /**
   * Writes every event to {@code out}, one line each, and flushes; does not close {@code out}.
   *
   * @param events the events, in the order to write them
   * @param out where the lines go
   * @throws EventIoException if {@code out} fails
   */
  public static void writeAll(Iterable<? extends Event> events, Writer out) {
    Checks.notNull(events, "events");
    try (EventWriter writer = new EventWriter(out, false)) {
      for (Event e : events) {
        writer.write(e);
      }
    }
  }
}
