package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.MalformedEventException;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.git.CommitLogReader;
import io.github.communitymetrics.github.archive.GhArchiveException;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed (and a few well-formed) inputs for the three readers of real-world files:
 * canonical JSON Lines, GH Archive hours and git commit logs, each with its expected outcome
 * stated beside it: how many events a strict read gives, or which line a strict read refuses
 * (with a typed exception naming that line), and how many events a read that skips malformed
 * lines keeps (having counted every skip). No input may end in an untyped exception, a hang, or
 * a silently changed event.
 */
class MalformedInputCorpusTest {
  @TempDir Path dir;

  enum Reader {
    JSON_LINES,
    GH_ARCHIVE,
    GIT_LOG
  }

  /**
   * An input and its expected outcome.
   *
   * @param badLine the line a strict read refuses, or 0 when it reads the whole input
   * @param events events a strict read gives (when {@code badLine} is 0), or a skipping read keeps
   * @param skipped lines a skipping read counts as malformed
   * @param unmappable GH Archive events a read counts as unmappable (well-formed JSON that cannot be
   *     a core event: no actor, no repository, a login that is no string)
   */
  record Case(String name, Reader reader, byte[] content, long badLine, int events, int skipped, int unmappable) {
    @Override
    public String toString() {
      return reader + ": " + name;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static final Repository REPO = new Repository(io.github.communitymetrics.core.event.Forge.GITHUB, "acme/widget", OptionalLong.of(9));

  private static String jsonl(Event e) {
    return EventJsonLines.toLine(e) + "\n";
  }

  private static final String STAR = jsonl(new Star(Instant.parse("2024-03-01T12:00:00Z"), REPO, Actor.github("ann")));
  private static final String ISSUE =
      jsonl(new IssueOpened(Instant.parse("2024-03-01T13:00:00Z"), REPO, Actor.github("bob"), 7, Optional.empty()));

  /** A GH Archive WatchEvent line (Events API shape) with {@code login} and {@code createdAt}. */
  private static String watch(String login, String createdAt) {
    return "{\"id\":\"1\",\"type\":\"WatchEvent\",\"actor\":{\"id\":7,\"login\":\"" + login + "\"},"
        + "\"repo\":{\"id\":9,\"name\":\"acme/widget\"},\"payload\":{\"action\":\"started\"},"
        + "\"public\":true,\"created_at\":\"" + createdAt + "\"}\n";
  }

  private static final String WATCH = watch("ann", "2024-03-01T12:00:00Z");
  private static final String FORK =
      "{\"id\":\"2\",\"type\":\"ForkEvent\",\"actor\":{\"id\":8,\"login\":\"bob\"},"
          + "\"repo\":{\"id\":9,\"name\":\"acme/widget\"},\"payload\":{\"forkee\":{\"id\":10,\"full_name\":\"bob/widget\"}},"
          + "\"public\":true,\"created_at\":\"2024-03-01T12:05:00Z\"}\n";

  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);

  private static String header(String sha, String parents, String at, String name, String email) {
    return "commit\t" + sha + "\t" + parents + "\t" + at + "\t" + name + "\t" + email + "\t"
        + at + "\tCommitter\tc@example.org\t\n";
  }

  private static final String COMMIT_B = header(B, A, "1400000200", "Bob", "bob@example.org") + "\nM\tsrc/b.txt\n";
  private static final String COMMIT_A = header(A, "", "1400000100", "Ann", "ann@example.org") + "\nA\tsrc/a.txt\n";

  private static Case ok(Reader r, String name, byte[] content, int events) {
    return new Case(name, r, content, 0, events, 0, 0);
  }

  private static Case unmappable(Reader r, String name, byte[] content, int events) {
    return new Case(name, r, content, 0, events, 0, 1);
  }

  private static Case bad(Reader r, String name, byte[] content, long line, int kept, int skipped) {
    return new Case(name, r, content, line, kept, skipped, 0);
  }

  private static Case bad(Reader r, String name, byte[] content, long line, int kept) {
    return new Case(name, r, content, line, kept, 1, 0);
  }

  static Stream<Case> corpus() {
    List<Case> c = new ArrayList<>();
    Reader j = Reader.JSON_LINES;
    c.add(ok(j, "empty file", new byte[0], 0));
    c.add(ok(j, "one event", utf8(STAR), 1));
    c.add(ok(j, "last line without a line break", utf8(STAR + ISSUE.strip()), 2));
    c.add(ok(j, "CRLF line breaks", utf8(STAR.replace("\n", "\r\n") + ISSUE.replace("\n", "\r\n")), 2));
    c.add(ok(j, "a blank line between events", utf8(STAR + "\n" + ISSUE), 2));
    c.add(ok(j, "non-ASCII login, valid UTF-8", utf8(STAR.replace("\"ann\"", "\"zoë-中-😀\"")), 1));
    c.add(bad(j, "not JSON", utf8(STAR + "hello world\n" + ISSUE), 2, 2));
    c.add(bad(j, "a JSON array", utf8("[1,2]\n" + STAR), 1, 1));
    c.add(bad(j, "a JSON string", utf8("\"star\"\n" + STAR), 1, 1));
    c.add(bad(j, "null", utf8(STAR + "null\n"), 2, 1));
    c.add(bad(j, "cut in the middle (a crash while writing)", utf8(STAR + ISSUE.substring(0, ISSUE.length() / 2)), 2, 1));
    c.add(bad(j, "no type", utf8(STAR.replaceFirst("\"type\":\"[a-z_]+\",", "")), 1, 0));
    c.add(bad(j, "unknown type", utf8(STAR.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":\"teleport\"")), 1, 0));
    c.add(bad(j, "type is a number", utf8(STAR.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":7")), 1, 0));
    c.add(bad(j, "no time", utf8(STAR.replaceFirst("\"at\":\"[^\"]+\",?", "")), 1, 0));
    c.add(bad(j, "month 13", utf8(STAR.replace("2024-03-01T12", "2024-13-01T12")), 1, 0));
    c.add(bad(j, "a time without a zone", utf8(STAR.replace("2024-03-01T12:00:00Z", "2024-03-01T12:00:00")), 1, 0));
    c.add(bad(j, "year 2300 (beyond the store)", utf8(STAR.replace("2024-03-01", "2300-03-01")), 1, 0));
    c.add(bad(j, "year 1969 (before the store)", utf8(STAR.replace("2024-03-01", "1969-03-01")), 1, 0));
    c.add(bad(j, "invalid UTF-8 in a login", concat(utf8(STAR), utf8(STAR.replace("ann", "al@ce").split("@")[0]), new byte[] {(byte) 0xFF}, utf8("ce" + STAR.split("ann")[1])), 2, 1));
    c.add(bad(j, "overlong UTF-8 (a slash as two bytes)", concat(utf8(STAR.split("ann")[0] + "a"), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("n" + STAR.split("ann")[1])), 1, 0));
    c.add(bad(j, "a UTF-8 surrogate", concat(utf8(STAR.split("ann")[0] + "a"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("n" + STAR.split("ann")[1])), 1, 0));
    c.add(bad(j, "a UTF-8 sequence cut by the line end", concat(utf8(STAR.split("ann")[0] + "an"), new byte[] {(byte) 0xE4, (byte) 0xB8}, utf8("\n"), utf8(ISSUE)), 1, 1));
    c.add(bad(j, "a raw NUL", concat(utf8(STAR.split("ann")[0] + "a"), new byte[] {0}, utf8("n" + STAR.split("ann")[1])), 1, 0));
    c.add(bad(j, "an escaped NUL in a login", utf8(STAR.replace("\"ann\"", "\"a\\u0000nn\"")), 1, 0));
    c.add(bad(j, "a duplicate key", utf8(STAR.replaceFirst("\\{", "{\"type\":\"fork\",")), 1, 0));
    c.add(bad(j, "text after the object", utf8(STAR.strip() + " trailing\n"), 1, 0));
    c.add(bad(j, "two objects on one line", utf8(STAR.strip() + STAR), 1, 0));
    c.add(bad(j, "10,000 nested arrays", utf8("[".repeat(10_000) + "\n" + STAR), 1, 1));
    c.add(ok(j, "an unknown field (a 400-digit number): ignored, as a newer writer's fields are", utf8(STAR.replaceFirst("\\{", "{\"x\":" + "9".repeat(400) + ",")), 1));
    c.add(bad(j, "an issue number of 400 digits", utf8(ISSUE.replace("\"number\":7", "\"number\":" + "9".repeat(400))), 1, 0));
    c.add(bad(j, "a string with a raw control character", utf8(STAR.replace("\"ann\"", "\"a\u0001nn\"")), 1, 0));
    c.add(bad(j, "a bad escape", utf8(STAR.replace("\"ann\"", "\"a\\qnn\"")), 1, 0));
    c.add(bad(j, "a comment line", utf8("// exported 2024-03-01\n" + STAR), 1, 1));
    c.add(bad(j, "an unterminated string", utf8(STAR.replace("\"ann\"", "\"ann")), 1, 0));
    c.add(bad(j, "an actor that is a string", utf8(STAR.replaceFirst("\"actor\":\\{[^}]*\\}", "\"actor\":\"ann\"")), 1, 0));
    c.add(bad(j, "an empty object", utf8("{}\n" + STAR), 1, 1));
    c.add(bad(j, "an issue number below 1", utf8(ISSUE.replace("\"number\":7", "\"number\":-7")), 1, 0));
    c.add(bad(j, "an unpaired escaped surrogate", utf8(STAR.replace("\"ann\"", "\"a\\ud800nn\"")), 1, 0));

    Reader g = Reader.GH_ARCHIVE;
    c.add(ok(g, "empty hour", new byte[0], 0));
    c.add(ok(g, "a star and a fork", utf8(WATCH + FORK), 2));
    c.add(ok(g, "non-ASCII login, valid UTF-8", utf8(watch("zoë", "2024-03-01T12:00:00Z")), 1));
    c.add(bad(g, "not JSON", utf8(WATCH + "<html>502 Bad Gateway</html>\n" + FORK), 2, 2));
    c.add(bad(g, "cut in the middle", utf8(WATCH + FORK.substring(0, 40)), 2, 1));
    c.add(bad(g, "no type", utf8(WATCH.replace("\"type\":\"WatchEvent\",", "")), 1, 0));
    c.add(unmappable(g, "no actor", utf8(WATCH.replace("\"actor\":{\"id\":7,\"login\":\"ann\"},", "")), 0));
    c.add(unmappable(g, "an actor without a login", utf8(WATCH.replace("\"login\":\"ann\"", "\"x\":1")), 0));
    c.add(unmappable(g, "a login that is a number", utf8(WATCH.replace("\"login\":\"ann\"", "\"login\":42")), 0));
    c.add(unmappable(g, "no repo", utf8(WATCH.replace("\"repo\":{\"id\":9,\"name\":\"acme/widget\"},", "")), 0));
    c.add(bad(g, "no created_at", utf8(WATCH.replace(",\"created_at\":\"2024-03-01T12:00:00Z\"", "")), 1, 0));
    c.add(bad(g, "created_at is not a time", utf8(watch("ann", "yesterday")), 1, 0));
    c.add(bad(g, "created_at in year 2300", utf8(watch("ann", "2300-03-01T12:00:00Z")), 1, 0));
    c.add(bad(g, "invalid UTF-8", concat(utf8(WATCH), utf8(watch("al", "2024-03-01T12:00:00Z").split("al")[0] + "al"), new byte[] {(byte) 0xFE}, utf8("ce" + watch("al", "2024-03-01T12:00:00Z").split("\"al")[1].substring(2))), 2, 1));
    c.add(bad(g, "a raw NUL", concat(utf8(WATCH.split("ann")[0] + "a"), new byte[] {0}, utf8("n" + WATCH.split("ann")[1])), 1, 0));
    c.add(bad(g, "an escaped NUL in a login", utf8(watch("a\\u0000nn", "2024-03-01T12:00:00Z")), 1, 0));
    c.add(bad(g, "two types (a star read as a fork)", utf8(WATCH.replace("\"type\":\"WatchEvent\",", "\"type\":\"WatchEvent\",\"type\":\"ForkEvent\",")), 1, 0));
    c.add(bad(g, "two logins", utf8(WATCH.replace("\"login\":\"ann\"", "\"login\":\"ann\",\"login\":\"eve\"")), 1, 0));
    c.add(bad(g, "two actions", utf8(WATCH.replace("{\"action\":\"started\"}", "{\"action\":\"started\",\"action\":\"deleted\"}")), 1, 0));
    c.add(bad(g, "a line over the bound", utf8(WATCH.replace("{\"action\":\"started\"}", "{\"action\":\"started\",\"x\":\"" + "y".repeat(9000) + "\"}") + FORK), 1, 1));
    c.add(bad(g, "text after the object", utf8(WATCH.strip() + " x\n"), 1, 0));
    // A star needs nothing of the payload (its action is always "started").
    c.add(ok(g, "a star whose payload is a string", utf8(WATCH.replace("{\"action\":\"started\"}", "\"started\"")), 1));
    c.add(unmappable(g, "an empty repository name", utf8(WATCH.replace("\"name\":\"acme/widget\"", "\"name\":\"\"")), 0));
    c.add(bad(g, "an unterminated string", utf8(WATCH.replace("\"ann\"", "\"ann")), 1, 0));
    c.add(bad(g, "created_at with an offset of +25:00", utf8(watch("ann", "2024-03-01T12:00:00+25:00")), 1, 0));
    c.add(bad(g, "a JSON array", utf8("[]\n" + WATCH), 1, 1));

    Reader l = Reader.GIT_LOG;
    c.add(ok(l, "empty log", new byte[0], 0));
    c.add(ok(l, "two commits", utf8(COMMIT_B + COMMIT_A), 2));
    c.add(ok(l, "a non-ASCII author, valid UTF-8", utf8(COMMIT_B.replace("Bob", "Zoë Ünal") + COMMIT_A), 2));
    c.add(bad(l, "a header with too few fields", utf8("commit\t" + B + "\tbroken\n" + COMMIT_A), 1, 1));
    // A malformed header is skipped with its path lines: 2 lines.
    c.add(bad(l, "a header with too many fields", utf8(header(B, A, "1400000200", "Bob", "b@x").replace("\n", "\textra\n") + COMMIT_A), 1, 1));
    c.add(bad(l, "a committer time that is not a number", utf8(("commit\t" + B + "\t" + A + "\t1400000200\tBob\tb@x\tlater\tC\tc@x\t\n") + COMMIT_A), 1, 1));
    c.add(bad(l, "a sha that is not hex", utf8(COMMIT_B.replace(B + "\t" + A, "z".repeat(40) + "\t" + A) + COMMIT_A), 1, 1, 2));
    c.add(bad(l, "an author time that is not a number", utf8(header(B, A, "soon", "Bob", "b@x") + COMMIT_A), 1, 1));
    c.add(bad(l, "an author time in year 2300", utf8(header(B, A, "10413792000", "Bob", "b@x") + COMMIT_A), 1, 1));
    c.add(bad(l, "a path line before any header", utf8("M\tsrc/a.txt\n" + COMMIT_A), 1, 1));
    c.add(bad(l, "an unknown status letter", utf8(header(B, A, "1400000200", "Bob", "b@x") + "\nX\tsrc/b.txt\n" + COMMIT_A), 3, 2));
    c.add(bad(l, "a rename without its new path", utf8(header(B, A, "1400000200", "Bob", "b@x") + "\nR100\told.txt\n" + COMMIT_A), 3, 2));
    // Git keeps the bytes it was given: legacy histories hold Latin-1 names, read as Windows-1252
    // (one-to-one), never replaced (which would make two people one). Not malformed.
    c.add(ok(l, "a Latin-1 author name (not UTF-8)", concat(utf8("commit\t" + B + "\t" + A + "\t1400000200\tBo"), new byte[] {(byte) 0xE9}, utf8("b\tb@x\t1400000200\tC\tc@x\t\n\nM\tb.txt\n" + COMMIT_A)), 2));
    c.add(bad(l, "a raw NUL in an author name", utf8(header(B, A, "1400000200", "Bo\u0000b", "b@x") + "\nM\tb.txt\n" + COMMIT_A), 1, 1, 2));
    c.add(bad(l, "an author time with a fraction", utf8(header(B, A, "1400000200.5", "Bob", "b@x") + COMMIT_A), 1, 1));
    c.add(bad(l, "a parent that is not a sha", utf8(header(B, "nope", "1400000200", "Bob", "b@x") + COMMIT_A), 1, 1));
    c.add(bad(l, "a quoted path with a bad escape", utf8(header(B, A, "1400000200", "Bob", "b@x") + "\nM\t\"a\\qb\"\n" + COMMIT_A), 3, 2));
    c.add(bad(l, "a quoted path without its closing quote", utf8(header(B, A, "1400000200", "Bob", "b@x") + "\nM\t\"ab\n" + COMMIT_A), 3, 2));
    return c.stream();
  }

  private Path file(Case c, String suffix, boolean gzip) throws IOException {
    Path p = Files.createTempFile(dir, "in", suffix);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(c.content());
    }
    return p;
  }

  /** What a read gave: events, skips, or the typed failure's line. */
  private record Outcome(
      int events, long skipped, long failedLine, String message, long unmappable,
      java.util.Map<io.github.communitymetrics.core.io.MalformedReason, Long> byReason) {
    Outcome(int events, long skipped, long failedLine, String message) {
      this(events, skipped, failedLine, message, 0, java.util.Map.of());
    }
  }

  private Outcome read(Case c, boolean skip) throws IOException {
    ReadOptions options = skip ? ReadOptions.skipMalformed(100) : ReadOptions.strict();
    List<Event> events = new ArrayList<>();
    try {
      switch (c.reader()) {
        case JSON_LINES -> {
          try (EventReader r = EventJsonLines.reader(new ByteArrayInputStream(c.content()), options.withMaxLineLength(8192))) {
            r.forEachRemaining(events::add);
            ReadReport report = r.report();
            return new Outcome(events.size(), report.malformedLinesSkipped(), 0, "", 0, report.malformedByReason());
          }
        }
        case GH_ARCHIVE -> {
          GhArchiveReport report = GhArchiveReader.builder().options(options).maxLineBytes(8192).build()
              .read(List.of(file(c, ".json.gz", true)), events::add);
          return new Outcome(events.size(), report.malformedLines(), 0, "", report.eventsUnmappable(), report.malformedByReason());
        }
        case GIT_LOG -> {
          try (CommitLogReader r = CommitLogReader.open(file(c, ".log", false), options)) {
            r.commits(REPO).forEach(events::add);
            return new Outcome(events.size(), r.report().malformedLinesSkipped(), 0, "");
          }
        }
        default -> throw new AssertionError(c.reader());
      }
    } catch (GhArchiveException e) {
      return new Outcome(events.size(), 0, e.line(), e.getMessage());
    } catch (MalformedEventException e) {
      // CommitLogFormatException (git logs) is one too.
      return new Outcome(events.size(), 0, e.lineNumber(), e.getMessage());
    }
  }

  /** {@link #read}, where any failure but the readers' typed ones fails the case. */
  private Outcome readTyped(Case c, boolean skip) throws IOException {
    try {
      return read(c, skip);
    } catch (RuntimeException | StackOverflowError e) {
      return fail(c + ": an untyped failure " + e, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void strictReadGivesTheEventsOrRefusesTheLine(Case c) throws IOException {
    Outcome o = readTyped(c, false);
    if (c.badLine() == 0) {
      assertEquals(0, o.failedLine(), c + ": refused: " + o.message());
      assertEquals(c.events(), o.events(), c + ": events");
      assertEquals(c.unmappable(), o.unmappable(), c + ": counted as unmappable");
    } else {
      assertEquals(c.badLine(), o.failedLine(), c + ": the line refused (" + o.message() + ")");
      assertTrue(o.message().contains(Long.toString(c.badLine())), c + ": the message names the line: " + o.message());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void skippingReadKeepsTheRestAndCountsEverySkip(Case c) throws IOException {
    Outcome o = readTyped(c, true);
    assertEquals(0, o.failedLine(), c + ": refused while skipping: " + o.message());
    assertEquals(c.events(), o.events(), c + ": events kept");
    assertEquals(c.skipped(), o.skipped(), c + ": lines counted as skipped");
    if (c.reader() != Reader.GIT_LOG) {
      // Every skipped line is counted under one reason.
      assertEquals(o.skipped(), o.byReason().values().stream().mapToLong(Long::longValue).sum(), c + ": " + o.byReason());
      expectedReason(c).ifPresent(r -> assertEquals(1L, o.byReason().getOrDefault(r, 0L), c + ": " + o.byReason()));
    }
  }

  /** The reason a case is skipped for, where its name says it. */
  private static Optional<io.github.communitymetrics.core.io.MalformedReason> expectedReason(Case c) {
    String n = c.name();
    if (n.contains("invalid UTF-8") || n.contains("overlong UTF-8") || n.contains("UTF-8 surrogate")) {
      return Optional.of(io.github.communitymetrics.core.io.MalformedReason.INVALID_UTF8);
    }
    if (n.equals("a raw NUL")) {
      return Optional.of(io.github.communitymetrics.core.io.MalformedReason.NUL_CHARACTER);
    }
    if (n.startsWith("a line over the bound")) {
      return Optional.of(io.github.communitymetrics.core.io.MalformedReason.LINE_TOO_LONG);
    }
    if (n.contains("year 2300") || n.contains("year 1969")) {
      return Optional.of(io.github.communitymetrics.core.io.MalformedReason.INSTANT_OUT_OF_RANGE);
    }
    if (n.equals("not JSON") || n.startsWith("two types") || n.equals("a duplicate key")) {
      return Optional.of(io.github.communitymetrics.core.io.MalformedReason.INVALID_JSON);
    }
    return Optional.empty();
  }

  @org.junit.jupiter.api.Test
  void theCorpusHasAtLeastSixtyKindsOfMalformedInput() {
    long malformed = corpus().filter(c -> c.badLine() > 0).count();
    assertTrue(malformed >= 60, malformed + " malformed inputs");
    assertTrue(Arrays.stream(Reader.values()).allMatch(r -> corpus().anyMatch(c -> c.reader() == r && c.badLine() > 0)));
  }
}
