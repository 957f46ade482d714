package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.io.MalformedReason;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of per-task ingestion reports, and their binary form for the accumulator (the reports are
 * records, not serializable): fields in declaration order, enums by name.
 */
final class Reports {
  /** Problems kept in a summed report, the first by place, as the single-machine readers do. */
  static final int MAX_REPORTED = 20;

  private Reports() {}

  static GhArchiveReport emptyGhArchive() {
    return new GhArchiveReport(0, 0, 0, 0, Map.of(), Map.of(), Map.of(), 0, 0, List.of(), List.of(),
        GhArchiveReport.Commits.NONE, Map.of());
  }

  /**
   * The report of both inputs: counts added; the malformed lines the first {@link #MAX_REPORTED}
   * by file and line (so the sum does not depend on the order tasks finish); every corrupt input.
   */
  static GhArchiveReport sum(GhArchiveReport a, GhArchiveReport b) {
    Map<EventType, Long> mapped = new EnumMap<>(EventType.class);
    mapped.putAll(a.mapped());
    b.mapped().forEach((k, v) -> mapped.merge(k, v, Long::sum));
    Map<String, Long> notMapped = new TreeMap<>(a.notMapped());
    b.notMapped().forEach((k, v) -> notMapped.merge(k, v, Long::sum));
    Map<String, Long> unmappable = new TreeMap<>(a.unmappable());
    b.unmappable().forEach((k, v) -> unmappable.merge(k, v, Long::sum));
    Comparator<GhArchiveReport.Problem> byPlace =
        Comparator.comparing(GhArchiveReport.Problem::file)
            .thenComparingLong(GhArchiveReport.Problem::line)
            .thenComparing(GhArchiveReport.Problem::reason);
    List<GhArchiveReport.Problem> malformed = new ArrayList<>(a.malformed());
    malformed.addAll(b.malformed());
    malformed.sort(byPlace);
    List<GhArchiveReport.Problem> corrupt = new ArrayList<>(a.corruptInputs());
    corrupt.addAll(b.corruptInputs());
    corrupt.sort(byPlace);
    return new GhArchiveReport(
        a.files() + b.files(),
        a.lines() + b.lines(),
        a.blankLines() + b.blankLines(),
        a.uncompressedBytes() + b.uncompressedBytes(),
        mapped,
        notMapped,
        unmappable,
        a.filteredOut() + b.filteredOut(),
        a.malformedLines() + b.malformedLines(),
        malformed.subList(0, Math.min(MAX_REPORTED, malformed.size())),
        corrupt,
        a.commits().plus(b.commits()),
        byReason(a, b));
  }

  private static Map<io.github.communitymetrics.core.io.MalformedReason, Long> byReason(GhArchiveReport a, GhArchiveReport b) {
    return sum(a.malformedByReason(), b.malformedByReason());
  }

  /** Skipped lines per reason of both reports (every reader's report carries them). */
  private static Map<io.github.communitymetrics.core.io.MalformedReason, Long> sum(
      Map<io.github.communitymetrics.core.io.MalformedReason, Long> a,
      Map<io.github.communitymetrics.core.io.MalformedReason, Long> b) {
    Map<io.github.communitymetrics.core.io.MalformedReason, Long> out =
        new EnumMap<>(io.github.communitymetrics.core.io.MalformedReason.class);
    out.putAll(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  static ReadReport emptyRead() {
    return new ReadReport(0, 0, 0, 0, List.of());
  }

  /**
   * The report of both inputs: counts added, the skipped lines the first {@link #MAX_REPORTED}
   * by line number (numbers are within a Spark partition: the lines of a split file lose their
   * global numbers).
   */
  static ReadReport sum(ReadReport a, ReadReport b) {
    List<ReadReport.SkippedLine> skipped = new ArrayList<>(a.skipped());
    skipped.addAll(b.skipped());
    skipped.sort(
        Comparator.comparingLong(ReadReport.SkippedLine::lineNumber)
            .thenComparing(ReadReport.SkippedLine::reason));
    return new ReadReport(
        a.linesRead() + b.linesRead(),
        a.blankLines() + b.blankLines(),
        a.eventsRead() + b.eventsRead(),
        a.malformedLinesSkipped() + b.malformedLinesSkipped(),
        skipped.subList(0, Math.min(MAX_REPORTED, skipped.size())),
        sum(a.malformedByReason(), b.malformedByReason()));
  }

  static void write(GhArchiveReport r, DataOutputStream out) throws IOException {
    out.writeLong(r.files());
    out.writeLong(r.lines());
    out.writeLong(r.blankLines());
    out.writeLong(r.uncompressedBytes());
    writeCounts(out, r.mapped());
    writeCounts(out, r.notMapped());
    writeCounts(out, r.unmappable());
    out.writeLong(r.filteredOut());
    out.writeLong(r.malformedLines());
    writeProblems(out, r.malformed());
    writeProblems(out, r.corruptInputs());
    GhArchiveReport.Commits c = r.commits();
    out.writeLong(c.pushesWithoutList());
    out.writeLong(c.pushesTruncated());
    out.writeLong(c.commitsNotListed());
    out.writeLong(c.notDistinct());
    out.writeLong(c.unmappable());
    writeCounts(out, r.malformedByReason());
  }

  static GhArchiveReport readGhArchive(DataInputStream in) throws IOException {
    long files = in.readLong();
    long lines = in.readLong();
    long blank = in.readLong();
    long bytes = in.readLong();
    Map<EventType, Long> mapped = readCounts(in, new EnumMap<>(EventType.class), EventType::valueOf);
    Map<String, Long> notMapped = readCounts(in, new TreeMap<>(), s -> s);
    Map<String, Long> unmappable = readCounts(in, new TreeMap<>(), s -> s);
    long filteredOut = in.readLong();
    long malformedLines = in.readLong();
    List<GhArchiveReport.Problem> malformed = readProblems(in);
    List<GhArchiveReport.Problem> corrupt = readProblems(in);
    GhArchiveReport.Commits commits =
        new GhArchiveReport.Commits(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    Map<MalformedReason, Long> byReason =
        readCounts(in, new EnumMap<>(MalformedReason.class), MalformedReason::valueOf);
    return new GhArchiveReport(files, lines, blank, bytes, mapped, notMapped, unmappable, filteredOut,
        malformedLines, malformed, corrupt, commits, byReason);
  }

  static void write(ReadReport r, DataOutputStream out) throws IOException {
    out.writeLong(r.linesRead());
    out.writeLong(r.blankLines());
    out.writeLong(r.eventsRead());
    out.writeLong(r.malformedLinesSkipped());
    out.writeInt(r.skipped().size());
    for (ReadReport.SkippedLine s : r.skipped()) {
      out.writeLong(s.lineNumber());
      writeString(out, s.reason());
    }
    writeCounts(out, r.malformedByReason());
  }

  static ReadReport readRead(DataInputStream in) throws IOException {
    long lines = in.readLong();
    long blank = in.readLong();
    long events = in.readLong();
    long malformed = in.readLong();
    int n = in.readInt();
    List<ReadReport.SkippedLine> skipped = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      skipped.add(new ReadReport.SkippedLine(in.readLong(), readString(in)));
    }
    Map<MalformedReason, Long> byReason =
        readCounts(in, new EnumMap<>(MalformedReason.class), MalformedReason::valueOf);
    return new ReadReport(lines, blank, events, malformed, skipped, byReason);
  }

  private static void writeCounts(DataOutputStream out, Map<?, Long> counts) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<?, Long> e : counts.entrySet()) {
      Object k = e.getKey();
      writeString(out, k instanceof Enum ? ((Enum<?>) k).name() : (String) k);
      out.writeLong(e.getValue());
    }
  }

  private static <K, M extends Map<K, Long>> M readCounts(
      DataInputStream in, M into, java.util.function.Function<String, K> key) throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      into.put(key.apply(readString(in)), in.readLong());
    }
    return into;
  }

  private static void writeProblems(DataOutputStream out, List<GhArchiveReport.Problem> problems)
      throws IOException {
    out.writeInt(problems.size());
    for (GhArchiveReport.Problem p : problems) {
      writeString(out, p.file());
      out.writeLong(p.line());
      writeString(out, p.reason());
    }
  }

  private static List<GhArchiveReport.Problem> readProblems(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<GhArchiveReport.Problem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new GhArchiveReport.Problem(readString(in), in.readLong(), readString(in)));
    }
    return out;
  }

  /** UTF-8 with an int length: a reason may quote a long line, past writeUTF's 64 KiB. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
