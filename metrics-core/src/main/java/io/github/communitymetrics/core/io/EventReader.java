package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.internal.Checks;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads events from JSON Lines, one at a time: memory use does not grow with the input, only with
 * its longest line.
 *
 * <p>Lines longer than {@link ReadOptions#maxLineLength()}, lines holding a raw NUL character and,
 * when reading bytes, lines that are not valid UTF-8 are malformed like any other (see {@link
 * EventJsonLines#reader(InputStream, ReadOptions)}).
 *
 * <p>Blank lines (empty, or only spaces, tabs and a carriage return) are skipped and counted.
 * Lines may end in {@code "\n"} or {@code "\r\n"}; the last line need not end at all. A malformed
 * line throws {@link MalformedEventException} from {@link #hasNext()} or {@link #next()} under
 * {@link ReadOptions#strict()}; reading may then go on with the next line. Under {@link
 * ReadOptions#skipMalformed(int)} it is skipped and described in {@link #report()}.
 *
 * <p>Obtain one from {@link EventJsonLines#reader(Reader, ReadOptions)}. Not thread-safe.
 */
public final class EventReader implements Iterator<Event>, AutoCloseable {
  private final Closeable source;
  private final boolean closeSource;
  private final ReadOptions options;
  private final LineSource lines;
  private final EventDecoder decoder = new EventDecoder();
  private final List<ReadReport.SkippedLine> skipped = new ArrayList<>();
  private long blankLines;
  private long eventsRead;
  private long malformedLinesSkipped;
  private final long[] malformedByReason = new long[MalformedReason.values().length];
  private Event next;
  private boolean closed;

  EventReader(Reader source, ReadOptions options, boolean closeSource) {
    this.source = Checks.notNull(source, "reader");
    this.options = Checks.notNull(options, "options");
    this.closeSource = closeSource;
    this.lines = LineSource.of(source, options.maxLineLength());
  }

  EventReader(InputStream source, ReadOptions options, boolean closeSource) {
    this.source = Checks.notNull(source, "input");
    this.options = Checks.notNull(options, "options");
    this.closeSource = closeSource;
    this.lines = LineSource.of(source, options.maxLineLength());
  }

  /**
   * Whether another event follows, reading ahead past blank (and, when skipping, malformed) lines.
   *
   * @throws MalformedEventException under strict options, if the next non-blank line is malformed
   * @throws EventIoException if the source fails
   */
  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    try {
      while (lines.next()) {
        if (lines.isBlank()) {
          blankLines++;
          continue;
        }
        try {
          if (lines.problem() != null) {
            throw new MalformedEventException(lines.lineNumber(), lines.problem());
          }
          next =
              decoder.decode(
                  lines.buffer(), lines.lineStart(), lines.lineLength(), lines.lineNumber());
          eventsRead++;
          return true;
        } catch (MalformedEventException e) {
          if (!options.skipsMalformed()) {
            throw e;
          }
          malformedLinesSkipped++;
          malformedByReason[MalformedReason.classify(e.reason()).ordinal()]++;
          if (skipped.size() < options.maxReported()) {
            skipped.add(new ReadReport.SkippedLine(e.lineNumber(), e.reason()));
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new EventIoException("cannot read events after line " + lines.lineNumber(), e);
    }
  }

  /**
   * The next event.
   *
   * @throws NoSuchElementException at the end of the input
   * @throws MalformedEventException under strict options, if the next non-blank line is malformed
   * @throws EventIoException if the source fails
   */
  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more events after line " + lines.lineNumber());
    }
    Event e = next;
    next = null;
    return e;
  }

  /**
   * The remaining events as a sequential, ordered stream; closing the stream closes this reader.
   * Exceptions are those of {@link #next()}.
   */
  public Stream<Event> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * What has been read so far. Lines read ahead by {@link #hasNext()} are counted, including the
   * event it holds for {@link #next()}.
   */
  public ReadReport report() {
    java.util.Map<MalformedReason, Long> byReason = new java.util.EnumMap<>(MalformedReason.class);
    for (MalformedReason r : MalformedReason.values()) {
      if (malformedByReason[r.ordinal()] > 0) {
        byReason.put(r, malformedByReason[r.ordinal()]);
      }
    }
    return new ReadReport(
        lines.lineNumber(), blankLines, eventsRead, malformedLinesSkipped, skipped, byReason);
  }

  /**
   * Closes the source if this reader owns it ({@link EventJsonLines#reader(Reader)} does). Later
   * calls to {@link #hasNext()} return false. Closing twice does nothing.
   *
   * @throws EventIoException if closing the source fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    next = null;
    if (closeSource) {
      try {
        source.close();
      } catch (IOException e) {
        throw new EventIoException("cannot close the event input", e);
      }
    }
  }
}
