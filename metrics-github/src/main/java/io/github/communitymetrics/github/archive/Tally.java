package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.event.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mutable counters behind a {@link GhArchiveReport}; one per file, merged in file order. */
final class Tally {
  private static final int MAX_REASON = 200;
  private static final EventType[] TYPES = EventType.values();

  private final int maxReported;
  long files;
  long lines;
  long blankLines;
  long uncompressedBytes;
  final long[] mapped = new long[TYPES.length];
  final Map<String, Long> notMapped = new HashMap<>();
  final Map<String, Long> unmappable = new HashMap<>();
  long filteredOut;
  long malformedLines;
  long pushesWithoutCommitList;
  long pushesTruncated;
  long commitsNotListed;
  long commitsNotDistinct;
  long commitsUnmappable;
  final List<GhArchiveReport.Problem> malformed = new ArrayList<>();
  final List<GhArchiveReport.Problem> corrupt = new ArrayList<>();

  Tally(int maxReported) {
    this.maxReported = maxReported;
  }

  void mapped(EventType type) {
    mapped[type.ordinal()]++;
  }

  void notMapped(String key) {
    notMapped.merge(key, 1L, Long::sum);
  }

  void unmappable(String ghType) {
    unmappable.merge(ghType, 1L, Long::sum);
  }

  /** Malformed lines per kind (the kinds the core readers count). */
  final java.util.Map<io.github.communitymetrics.core.io.MalformedReason, Long> byReason =
      new java.util.EnumMap<>(io.github.communitymetrics.core.io.MalformedReason.class);

  /**
   * The kind of a reason this package writes: its opening words say it (the tests of the
   * malformed-input corpus pin the wording).
   */
  static io.github.communitymetrics.core.io.MalformedReason kind(String reason) {
    if (reason.startsWith("invalid UTF-8")) {
      return io.github.communitymetrics.core.io.MalformedReason.INVALID_UTF8;
    }
    if (reason.startsWith("raw NUL") || reason.startsWith("NUL character")) {
      return io.github.communitymetrics.core.io.MalformedReason.NUL_CHARACTER;
    }
    if (reason.startsWith("line longer than")) {
      return io.github.communitymetrics.core.io.MalformedReason.LINE_TOO_LONG;
    }
    if (reason.contains("is outside the supported range")) {
      return io.github.communitymetrics.core.io.MalformedReason.INSTANT_OUT_OF_RANGE;
    }
    if (reason.startsWith("not JSON") || reason.startsWith("more than one JSON value")
        || reason.startsWith("duplicate key")) {
      return io.github.communitymetrics.core.io.MalformedReason.INVALID_JSON;
    }
    return io.github.communitymetrics.core.io.MalformedReason.INVALID_EVENT;
  }

  void malformed(String file, long line, String reason) {
    malformedLines++;
    byReason.merge(kind(reason), 1L, Long::sum);
    if (malformed.size() < maxReported) {
      malformed.add(new GhArchiveReport.Problem(file, line, cut(reason)));
    }
  }

  void corrupt(String file, long line, String reason) {
    corrupt.add(new GhArchiveReport.Problem(file, line, cut(reason)));
  }

  static String cut(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }

  /** Adds a later input's counts; problem lists keep input order and the first maxReported. */
  void add(Tally other) {
    files += other.files;
    lines += other.lines;
    blankLines += other.blankLines;
    uncompressedBytes += other.uncompressedBytes;
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] += other.mapped[i];
    }
    other.notMapped.forEach((k, v) -> notMapped.merge(k, v, Long::sum));
    other.unmappable.forEach((k, v) -> unmappable.merge(k, v, Long::sum));
    filteredOut += other.filteredOut;
    malformedLines += other.malformedLines;
    other.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
    pushesWithoutCommitList += other.pushesWithoutCommitList;
    pushesTruncated += other.pushesTruncated;
    commitsNotListed += other.commitsNotListed;
    commitsNotDistinct += other.commitsNotDistinct;
    commitsUnmappable += other.commitsUnmappable;
    for (GhArchiveReport.Problem p : other.malformed) {
      if (malformed.size() < maxReported) {
        malformed.add(p);
      }
    }
    corrupt.addAll(other.corrupt);
  }

  GhArchiveReport report() {
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    for (EventType t : TYPES) {
      if (mapped[t.ordinal()] > 0) {
        byType.put(t, mapped[t.ordinal()]);
      }
    }
    return new GhArchiveReport(
        files,
        lines,
        blankLines,
        uncompressedBytes,
        byType,
        notMapped,
        unmappable,
        filteredOut,
        malformedLines,
        malformed,
        corrupt,
        new GhArchiveReport.Commits(
            pushesWithoutCommitList,
            pushesTruncated,
            commitsNotListed,
            commitsNotDistinct,
            commitsUnmappable),
        byReason);
  }
}
