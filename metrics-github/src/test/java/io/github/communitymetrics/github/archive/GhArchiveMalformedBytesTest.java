package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes that would change who is who, in gzipped GH Archive files. */
class GhArchiveMalformedBytesTest {
  @TempDir Path dir;

  /** A WatchEvent (a star) by {@code login}, as raw bytes, in the Events API shape. */
  static byte[] watch(byte[] login, String type, String createdAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("{\"id\":\"1\",\"type\":\"" + type + "\",\"actor\":{\"id\":7,\"login\":\""));
    out.writeBytes(login);
    out.writeBytes(ascii("\"},\"repo\":{\"id\":9,\"name\":\"acme/widget\"},"
        + "\"payload\":{\"action\":\"started\"},\"public\":true,\"created_at\":\"" + createdAt + "\"}\n"));
    return out.toByteArray();
  }

  static byte[] watch(String login) {
    return watch(ascii(login), "WatchEvent", "2024-03-01T12:00:00Z");
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Path gz(byte[]... lines) throws IOException {
    Path p = Files.createTempFile(dir, "2024-03-01-12", ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      for (byte[] l : lines) {
        out.write(l);
      }
    }
    return p;
  }

  static final class Read {
    final List<Event> events = new ArrayList<>();
    GhArchiveReport report;
  }

  static Read skipping(Path file) {
    Read r = new Read();
    r.report = GhArchiveReader.builder().options(ReadOptions.skipMalformed(10)).build()
        .read(List.of(file), r.events::add);
    return r;
  }

  static GhArchiveException strict(Path file) {
    GhArchiveReader reader = GhArchiveReader.builder().options(ReadOptions.strict()).build();
    return assertThrows(GhArchiveException.class, () -> reader.read(List.of(file), e -> { }));
  }

  @Test
  void invalidUtf8NeverMergesTwoStargazers() throws IOException {
    Path f = gz(
        watch(new byte[] {'a', 'l', (byte) 0xFF, 'c', 'e'}, "WatchEvent", "2024-03-01T12:00:00Z"),
        watch(new byte[] {'a', 'l', (byte) 0xFE, 'c', 'e'}, "WatchEvent", "2024-03-01T12:00:01Z"),
        watch("bob"));
    GhArchiveException e = strict(f);
    assertEquals(1, e.line());
    assertEquals(f + ":1: invalid UTF-8 at byte 58 of the line", e.getMessage());
    Read r = skipping(f);
    // Replacement characters would have given one stargazer "al\uFFFDce" with two stars.
    assertEquals(1, r.events.size());
    assertEquals("bob", ((Star) r.events.get(0)).actor().login().orElseThrow());
    assertEquals(2, r.report.malformedLines());
    assertEquals(2, r.report.malformed().get(1).line());
    assertTrue(r.report.malformed().get(1).reason().startsWith("invalid UTF-8"));
    // Valid multi-byte logins are fine.
    assertEquals(1, skipping(gz(watch("zoë-中-😀"))).events.size());
  }

  @Test
  void rawAndEscapedNulsAreMalformed() throws IOException {
    Path f = gz(watch("bob"), watch(new byte[] {'a', 0, 'b'}, "WatchEvent", "2024-03-01T12:00:00Z"),
        watch("a\\u0000b"));
    GhArchiveException e = strict(f);
    assertEquals(2, e.line());
    assertTrue(e.getMessage().endsWith(":2: raw NUL byte at byte 57 of the line"), e.getMessage());
    Read r = skipping(f);
    assertEquals(1, r.events.size());
    assertEquals(2, r.report.malformedLines());
    assertEquals("NUL character (\\u0000) in the login of an actor", r.report.malformed().get(1).reason());
  }

  @Test
  void aDuplicateKeyIsMalformedNotTheLastOneWins() throws IOException {
    // A WatchEvent with a second "type": the last used to win, and the star became a fork.
    byte[] twoTypes = ascii(new String(watch("bob"), StandardCharsets.UTF_8)
        .replace("\"type\":\"WatchEvent\",", "\"type\":\"WatchEvent\",\"type\":\"ForkEvent\","));
    byte[] twoLogins = ascii(new String(watch("bob"), StandardCharsets.UTF_8)
        .replace("\"login\":\"bob\"", "\"login\":\"bob\",\"login\":\"eve\""));
    byte[] twoActions = ascii(new String(watch("bob"), StandardCharsets.UTF_8)
        .replace("{\"action\":\"started\"}", "{\"action\":\"started\",\"action\":\"deleted\"}"));
    Path f = gz(twoTypes, twoLogins, twoActions, watch("carol"));
    GhArchiveException e = strict(f);
    assertEquals(1, e.line());
    assertTrue(e.getMessage().endsWith(":1: duplicate key \"type\" in a JSON object"), e.getMessage());
    Read r = skipping(f);
    assertEquals(List.of(EventType.STAR), r.events.stream().map(Event::type).toList());
    assertEquals(0, r.report.mapped(EventType.FORK));
    assertEquals(3, r.report.malformedLines());
    assertEquals("duplicate key \"login\" in a JSON object", r.report.malformed().get(1).reason());
    // The payload's members are found raw too (issue 24), with the raw reader's message.
    assertEquals("duplicate key \"action\" in a JSON object", r.report.malformed().get(2).reason());
  }

  @Test
  void instantsOutsideTheSupportedRangeAreMalformed() throws IOException {
    Path f = gz(watch("bob"), watch(ascii("carol"), "WatchEvent", "2300-01-01T00:00:00Z"),
        watch(ascii("dave"), "WatchEvent", "1969-12-31T16:59:59-07:00"));
    GhArchiveException e = strict(f);
    assertEquals(2, e.line());
    assertTrue(e.getMessage().endsWith(":2: \"created_at\" 2300-01-01T00:00:00Z is outside the supported range"
        + " 1970-01-01T00:00:00Z to 2262-04-11T23:47:16.854775807Z (docs/events.md)"), e.getMessage());
    Read r = skipping(f);
    assertEquals(1, r.events.size());
    assertEquals(2, r.report.malformedLines());
  }

  /** 100 MiB of one line in a gzip file of about 100 KB: skipped at the limit, the next line read. */
  @Test
  void aHugeLineIsMalformedAndSkippedWithoutBufferingIt() throws IOException {
    Path p = dir.resolve("huge.json.gz");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(watch("bob"));
      out.write('{');
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write('\n');
      out.write(watch("carol"));
    }
    assertTrue(Files.size(p) < 2_000_000);
    Read r = new Read();
    r.report = GhArchiveReader.builder().options(ReadOptions.skipMalformed(10))
        .maxLineBytes(16 * 1024 * 1024).build().read(List.of(p), r.events::add);
    assertEquals(2, r.events.size());
    assertEquals(3, r.report.lines());
    assertEquals(List.of(new GhArchiveReport.Problem(p.toString(), 2, "line longer than 16777216 bytes")),
        r.report.malformed());
  }
}
