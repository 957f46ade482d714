package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventTimes;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that would change who is who: invalid UTF-8, NUL characters, duplicate keys, huge lines
 * and instants out of range are malformed lines (named by number), never silently read.
 */
class MalformedBytesTest {
  @TempDir Path dir;

  static final String GOOD = "{\"type\":\"star\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"acme/widget\","
      + "\"actor\":{\"login\":\"bob\",\"bot\":false}}";

  /** A star by a login given as raw bytes (so that they can be invalid UTF-8). */
  static byte[] star(byte[] login) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("{\"type\":\"star\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"acme/widget\","
        + "\"actor\":{\"login\":\"").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(login);
    out.writeBytes("\",\"bot\":false}}\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Path file(byte[]... lines) throws IOException {
    Path p = Files.createTempFile(dir, "events", ".jsonl");
    try (OutputStream out = Files.newOutputStream(p)) {
      for (byte[] l : lines) {
        out.write(l);
      }
    }
    return p;
  }

  static List<Event> readAll(Path p, ReadOptions options, List<ReadReport> report) throws IOException {
    List<Event> events = new ArrayList<>();
    try (EventReader r = EventJsonLines.reader(Files.newInputStream(p), options)) {
      r.forEachRemaining(events::add);
      report.add(r.report());
    }
    return events;
  }

  static MalformedEventException strictFailure(Path p) {
    return assertThrows(MalformedEventException.class, () -> {
      try (InputStream in = Files.newInputStream(p)) {
        EventJsonLines.readAll(in);
      }
    });
  }

  /** "al?ce" with two different invalid bytes: with U+FFFD both would be "al\uFFFDce", one person. */
  @Test
  void invalidUtf8IsMalformedAndNeverMergesTwoPeople() throws IOException {
    Path p = file(
        ascii(GOOD + "\n"),
        star(new byte[] {'a', 'l', (byte) 0xFF, 'c', 'e'}),
        star(new byte[] {'a', 'l', (byte) 0xFE, 'c', 'e'}),
        star(ascii("carol")));
    MalformedEventException e = strictFailure(p);
    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().startsWith("line 2: invalid UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains("1 bad byte at byte 85 of the line"), e.getMessage());

    List<ReadReport> report = new ArrayList<>();
    List<Event> events = readAll(p, ReadOptions.skipMalformed(10), report);
    assertEquals(List.of("bob", "carol"), logins(events));
    assertEquals(2, report.get(0).malformedLinesSkipped());
    assertEquals(2, report.get(0).skipped().get(0).lineNumber());
    assertEquals(3, report.get(0).skipped().get(1).lineNumber());
    assertTrue(report.get(0).skipped().get(1).reason().startsWith("invalid UTF-8"));
  }

  @Test
  void anOverlongEncodingAndALoneSurrogateAreInvalidToo() throws IOException {
    // 0xC0 0xAF is an overlong '/'; 0xED 0xA0 0x80 encodes the surrogate U+D800.
    Path p = file(star(new byte[] {'x', (byte) 0xC0, (byte) 0xAF}), star(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    List<ReadReport> report = new ArrayList<>();
    assertEquals(List.of(), readAll(p, ReadOptions.skipMalformed(10), report));
    assertEquals(2, report.get(0).malformedLinesSkipped());
  }

  @Test
  void aRawNulIsMalformed() throws IOException {
    Path p = file(star(new byte[] {'a', 0, 'b'}), ascii(GOOD + "\n"));
    MalformedEventException e = strictFailure(p);
    assertEquals(1, e.lineNumber());
    assertTrue(e.reason().startsWith("raw NUL character (U+0000) at column 84"), e.getMessage());
    // Through a Reader too (the caller decoded the bytes).
    MalformedEventException viaReader = assertThrows(MalformedEventException.class,
        () -> EventJsonLines.readAll(Files.newBufferedReader(p)));
    assertEquals(1, viaReader.lineNumber());
  }

  @Test
  void anEscapedNulInAnIdentityFieldIsMalformed() throws IOException {
    Path p = file(ascii(GOOD + "\n"), star(ascii("a\\u0000b")));
    MalformedEventException e = strictFailure(p);
    assertEquals(2, e.lineNumber());
    assertTrue(e.reason().contains("login must not hold a NUL character"), e.getMessage());
    Path repo = file(ascii(GOOD.replace("acme/widget", "acme/w\\u0000idget") + "\n"));
    assertTrue(strictFailure(repo).reason().contains("fullName must not hold a NUL character"));
  }

  @Test
  void aDuplicateKeyIsMalformed() throws IOException {
    // The last "type" must not win: a star read as a fork would be a different event.
    Path p = file(ascii(GOOD.replace("{\"type\":\"star\",", "{\"type\":\"star\",\"type\":\"fork\",") + "\n"));
    MalformedEventException e = strictFailure(p);
    assertEquals(1, e.lineNumber());
    assertTrue(e.reason().contains("Duplicate") && e.reason().contains("type"), e.getMessage());
    Path login = file(ascii(GOOD + "\n"), ascii(GOOD.replace("\"login\":\"bob\"", "\"login\":\"bob\",\"login\":\"eve\"") + "\n"));
    assertEquals(2, strictFailure(login).lineNumber());
  }

  @Test
  void aLineLongerThanTheMaximumIsMalformedAndTheNextLinesKeepTheirNumbers() throws IOException {
    String big = GOOD.replace("\"bot\":false", "\"bot\":false,\"extra\":\"" + "x".repeat(5000) + "\"");
    Path p = file(ascii(GOOD + "\n"), ascii(big + "\n"), ascii(GOOD + "\n"));
    List<ReadReport> report = new ArrayList<>();
    List<Event> events = readAll(p, ReadOptions.skipMalformed(10).withMaxLineLength(1024), report);
    assertEquals(2, events.size());
    assertEquals(3, report.get(0).linesRead());
    assertEquals(2, report.get(0).skipped().get(0).lineNumber());
    assertTrue(report.get(0).skipped().get(0).reason().startsWith("line longer than 1024 bytes"));
    // The same through a Reader, in characters.
    List<Event> viaReader = new ArrayList<>();
    try (EventReader r = EventJsonLines.reader(Files.newBufferedReader(p),
        ReadOptions.skipMalformed(10).withMaxLineLength(1024))) {
      r.forEachRemaining(viaReader::add);
      assertTrue(r.report().skipped().get(0).reason().startsWith("line longer than 1024 characters"));
    }
    assertEquals(2, viaReader.size());
    // Exactly the maximum is fine.
    assertEquals(1, readAll(file(ascii(GOOD + "\n")), ReadOptions.strict().withMaxLineLength(GOOD.length()), report).size());
    assertThrows(MalformedEventException.class, () -> readAll(file(ascii(GOOD + "\n")),
        ReadOptions.strict().withMaxLineLength(GOOD.length() - 1), report));
  }

  /**
   * A small gzip file that expands to one huge line (here 200 MiB, no '\n'): the reader gives up
   * on it at the default 16 MiB maximum, holding no more than that, instead of growing its buffer
   * until an array size overflows.
   */
  @Test
  void aHugeGzipLineEndsInAMalformedLineNotInOutOfMemory() throws IOException {
    Path gz = dir.resolve("huge.jsonl.gz");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(ascii(GOOD + "\n"));
      for (int i = 0; i < 200; i++) {
        out.write(chunk);
      }
      out.write(ascii("\n" + GOOD + "\n"));
    }
    assertTrue(Files.size(gz) < 2_000_000, "a small file: " + Files.size(gz));
    List<Event> events = new ArrayList<>();
    try (EventReader r = EventJsonLines.reader(new GZIPInputStream(Files.newInputStream(gz)),
        ReadOptions.skipMalformed(10))) {
      r.forEachRemaining(events::add);
      ReadReport report = r.report();
      assertEquals(3, report.linesRead());
      assertEquals(1, report.malformedLinesSkipped());
      assertEquals(new ReadReport.SkippedLine(2, "line longer than 16777216 bytes (the maximum line length;"
          + " the rest of the line was skipped)"), report.skipped().get(0));
    }
    assertEquals(2, events.size());
  }

  @Test
  void instantsOutsideTheSupportedRangeAreMalformed() throws IOException {
    Path p = file(ascii(GOOD + "\n"), ascii(GOOD.replace("2024-03-01T12:00:00Z", "2300-01-01T00:00:00Z") + "\n"),
        ascii(GOOD.replace("2024-03-01T12:00:00Z", "1969-12-31T23:59:59Z") + "\n"));
    MalformedEventException e = strictFailure(p);
    assertEquals(2, e.lineNumber());
    assertEquals("field \"at\" must be between 1970-01-01T00:00:00Z and 2262-04-11T23:47:16.854775807Z"
        + " (the supported range, see docs/events.md) but was \"2300-01-01T00:00:00Z\"", e.reason());
    List<ReadReport> report = new ArrayList<>();
    assertEquals(1, readAll(p, ReadOptions.skipMalformed(10), report).size());
    assertEquals(2, report.get(0).malformedLinesSkipped());
    // The two ends are in.
    for (Instant t : List.of(EventTimes.MIN, EventTimes.MAX)) {
      Star s = new Star(t, Repository.github("acme/widget"), Actor.github("bob"));
      assertEquals(s, EventJsonLines.fromLine(EventJsonLines.toLine(s)));
    }
  }

  @Test
  void theEventModelRejectsInstantsOutsideTheRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Star(Instant.parse("2300-01-01T00:00:00Z"), Repository.github("a/b"), Actor.github("bob")));
    assertEquals("at must be between 1970-01-01T00:00:00Z and 2262-04-11T23:47:16.854775807Z but was"
        + " 2300-01-01T00:00:00Z", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Star(EventTimes.MAX.plusNanos(1), Repository.github("a/b"), Actor.github("bob")));
    assertThrows(IllegalArgumentException.class,
        () -> new Star(EventTimes.MIN.minusNanos(1), Repository.github("a/b"), Actor.github("bob")));
    assertThrows(IllegalArgumentException.class, () -> Actor.github("a\u0000b"));
  }

  private static List<String> logins(List<Event> events) {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      out.add(((Star) e).actor().login().orElseThrow());
    }
    return out;
  }
}
