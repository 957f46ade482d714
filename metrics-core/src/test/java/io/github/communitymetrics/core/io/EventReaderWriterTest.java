package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Star;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventReaderWriterTest {
  static final Event STAR = new Star(EventJsonLinesTest.AT, EventJsonLinesTest.REPO, EventJsonLinesTest.ALICE);
  static final Event CLOSED =
      new IssueClosed(EventJsonLinesTest.AT, EventJsonLinesTest.REPO, EventJsonLinesTest.ALICE, 12);
  static final String STAR_LINE = EventJsonLines.toLine(STAR);
  static final String CLOSED_LINE = EventJsonLines.toLine(CLOSED);

  @Test
  void readAllReadsEveryLineInOrder() {
    String text = STAR_LINE + "\n" + CLOSED_LINE + "\n" + STAR_LINE + "\n";
    assertEquals(List.of(STAR, CLOSED, STAR), EventJsonLines.readAll(new StringReader(text)));
  }

  @Test
  void acceptsCrlfBlankLinesByteOrderMarkAndNoFinalNewline() {
    String text =
        "\uFEFF" + STAR_LINE + "\r\n\r\n  \t\n" + CLOSED_LINE + "\r\n\n" + STAR_LINE;
    try (EventReader reader = EventJsonLines.reader(new StringReader(text))) {
      List<Event> events = new ArrayList<>();
      reader.forEachRemaining(events::add);
      assertEquals(List.of(STAR, CLOSED, STAR), events);
      assertEquals(new ReadReport(6, 3, 3, 0, List.of()), reader.report());
    }
  }

  @Test
  void emptyInputHasNoEvents() {
    try (EventReader reader = EventJsonLines.reader(new StringReader(""))) {
      assertFalse(reader.hasNext());
      assertThrows(NoSuchElementException.class, reader::next);
      assertEquals(new ReadReport(0, 0, 0, 0, List.of()), reader.report());
    }
  }

  @Test
  void skipModeCountsReportsAndContinues() {
    String text =
        String.join(
            "\n",
            STAR_LINE, // 1
            "not json", // 2
            "", // 3
            CLOSED_LINE, // 4
            "[]", // 5
            STAR_LINE.replace("\"star\"", "\"nope\""), // 6
            STAR_LINE); // 7
    try (EventReader reader =
        EventJsonLines.reader(new StringReader(text), ReadOptions.skipMalformed(2))) {
      assertEquals(List.of(STAR, CLOSED, STAR), reader.stream().collect(Collectors.toList()));
      ReadReport report = reader.report();
      assertEquals(7, report.linesRead());
      assertEquals(1, report.blankLines());
      assertEquals(3, report.eventsRead());
      assertEquals(3, report.malformedLinesSkipped());
      assertEquals(2, report.skipped().size());
      assertEquals(2, report.skipped().get(0).lineNumber());
      assertTrue(report.skipped().get(0).reason().startsWith("invalid JSON: "), report.toString());
      assertEquals(
          new ReadReport.SkippedLine(5, "expected a JSON object but found an array"),
          report.skipped().get(1));
    }
  }

  @Test
  void skipModeWithNothingReportedStillCounts() {
    String text = "x\ny\n" + STAR_LINE;
    try (EventReader reader =
        EventJsonLines.reader(new StringReader(text), ReadOptions.skipMalformed(0))) {
      assertEquals(1, reader.stream().count());
      // Counted per reason as well: "x" and "y" are not JSON.
      assertEquals(
          new ReadReport(3, 0, 1, 2, List.of(), java.util.Map.of(MalformedReason.INVALID_JSON, 2L)),
          reader.report());
    }
  }

  @Test
  void strictReaderCanGoOnAfterAMalformedLine() {
    String text = STAR_LINE + "\nbroken\n" + CLOSED_LINE + "\n";
    try (EventReader reader = EventJsonLines.reader(new StringReader(text))) {
      assertEquals(STAR, reader.next());
      MalformedEventException e = assertThrows(MalformedEventException.class, reader::hasNext);
      assertEquals(2, e.lineNumber());
      assertEquals(CLOSED, reader.next());
      assertFalse(reader.hasNext());
      assertEquals(new ReadReport(3, 0, 2, 0, List.of()), reader.report());
    }
  }

  /**
   * Lines longer than the initial buffer, and a reader that hands out a few characters at a time
   * so that line ends, CRLF pairs and multi-character sequences fall on every possible boundary.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void readsAcrossBufferBoundaries(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RandomEvents generator = new RandomEvents(seed);
    List<Event> events = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      Event e =
          random.nextInt(50) == 0
              ? new Release(
                  EventJsonLinesTest.AT, EventJsonLinesTest.REPO, EventJsonLinesTest.ALICE, "v1",
                  Optional.of("é".repeat(random.nextInt(10_000, 70_000))), false)
              : generator.event(
                  io.github.communitymetrics.core.event.EventType.values()[random.nextInt(16)]);
      events.add(e);
      text.append(EventJsonLines.toLine(e)).append(random.nextBoolean() ? "\n" : "\r\n");
    }
    Reader chunky = new ChunkyReader(text.toString(), new SplittableRandom(seed + 1000));
    try (EventReader reader = EventJsonLines.reader(chunky)) {
      assertEquals(events, reader.stream().collect(Collectors.toList()), "seed " + seed);
      assertEquals(new ReadReport(400, 0, 400, 0, List.of()), reader.report(), "seed " + seed);
    }
  }

  @Test
  void writerWritesOneLinePerEventAndCounts() {
    StringWriter out = new StringWriter();
    try (EventWriter writer = EventJsonLines.writer(out)) {
      writer.write(STAR);
      writer.write(CLOSED);
      assertEquals(2, writer.eventsWritten());
      writer.flush();
      assertEquals(STAR_LINE + "\n" + CLOSED_LINE + "\n", out.toString());
    }
  }

  @Test
  void writeAllFlushesWithoutClosing() {
    TrackingWriter out = new TrackingWriter();
    EventJsonLines.writeAll(List.of(STAR, CLOSED), out);
    assertEquals(STAR_LINE + "\n" + CLOSED_LINE + "\n", out.toString());
    assertFalse(out.closed);
  }

  @Test
  void writerClosesItsTargetAndRefusesFurtherWrites() {
    TrackingWriter out = new TrackingWriter();
    EventWriter writer = EventJsonLines.writer(out);
    writer.write(STAR);
    writer.close();
    assertTrue(out.closed);
    assertEquals(STAR_LINE + "\n", out.toString());
    assertThrows(IllegalStateException.class, () -> writer.write(STAR));
    writer.close();
  }

  @Test
  void readerClosesItsSourceButReadAllDoesNot() {
    TrackingReader source = new TrackingReader(STAR_LINE);
    assertEquals(List.of(STAR), EventJsonLines.readAll(source));
    assertFalse(source.closed);
    TrackingReader owned = new TrackingReader(STAR_LINE);
    try (Stream<Event> events = EventJsonLines.reader(owned).stream()) {
      assertEquals(1, events.count());
    }
    assertTrue(owned.closed);
  }

  @Test
  void readFailureIsWrappedWithItsCause() {
    IOException boom = new IOException("disk gone");
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw boom;
          }

          @Override
          public void close() {}
        };
    EventIoException e =
        assertThrows(EventIoException.class, () -> EventJsonLines.readAll(failing));
    assertSame(boom, e.getCause());
  }

  @Test
  void writeFailureIsWrappedWithItsCauseAndStopsTheWriter() {
    IOException boom = new IOException("disk full");
    Writer failing = new FailingWriter(boom);
    EventWriter writer = EventJsonLines.writer(failing);
    // Larger than any generator buffer, so the failure surfaces in write() rather than flush().
    Event big =
        new Release(
            EventJsonLinesTest.AT, EventJsonLinesTest.REPO, EventJsonLinesTest.ALICE, "v1",
            Optional.of("n".repeat(100_000)), false);
    EventIoException e = assertThrows(EventIoException.class, () -> writer.write(big));
    assertSame(boom, e.getCause());
    assertThrows(IllegalStateException.class, () -> writer.write(STAR));
    assertEquals(0, writer.eventsWritten());
  }

  @Test
  void flushFailureIsWrapped() {
    IOException boom = new IOException("pipe closed");
    Writer failing = new FailingWriter(boom);
    EventWriter writer = EventJsonLines.writer(failing);
    writer.write(STAR); // small enough to stay in the buffer
    assertEquals(1, writer.eventsWritten());
    EventIoException e = assertThrows(EventIoException.class, writer::flush);
    assertSame(boom, e.getCause());
  }

  @Test
  void readOptionsRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.skipMalformed(-1));
    assertThrows(IllegalArgumentException.class, () -> new ReadOptions(false, 3));
    assertEquals(new ReadOptions(false, 0), ReadOptions.strict());
  }

  /** Returns at most a random few characters per read. */
  private static final class ChunkyReader extends Reader {
    private final String text;
    private final SplittableRandom random;
    private int pos;

    ChunkyReader(String text, SplittableRandom random) {
      this.text = text;
      this.random = random;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (pos == text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(len, text.length() - pos), 1 + random.nextInt(7_000));
      text.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }

  /** Fails every write with the same exception; flushing and closing succeed. */
  private static final class FailingWriter extends Writer {
    private final IOException failure;

    FailingWriter(IOException failure) {
      this.failure = failure;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      throw failure;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static final class TrackingReader extends StringReader {
    boolean closed;

    TrackingReader(String s) {
      super(s);
    }

    @Override
    public void close() {
      closed = true;
      super.close();
    }
  }

  private static final class TrackingWriter extends StringWriter {
    boolean closed;

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}
