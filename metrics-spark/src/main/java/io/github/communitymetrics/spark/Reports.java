package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sums of per-task ingestion reports. */
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
    Map<io.github.communitymetrics.core.io.MalformedReason, Long> out =
        new EnumMap<>(io.github.communitymetrics.core.io.MalformedReason.class);
    out.putAll(a.malformedByReason());
    b.malformedByReason().forEach((k, v) -> out.merge(k, v, Long::sum));
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
        skipped.subList(0, Math.min(MAX_REPORTED, skipped.size())));
  }
}
