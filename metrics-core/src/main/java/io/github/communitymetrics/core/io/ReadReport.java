package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an {@link EventReader} has read so far. Every line counts once in {@link #linesRead()}:
 * as a blank line, an event, a skipped malformed line, or (in strict mode) the malformed line that
 * stopped the reading.
 *
 * @param linesRead lines consumed from the input, blank and malformed ones included
 * @param blankLines lines that were empty or held only spaces, tabs or a carriage return
 * @param eventsRead events decoded
 * @param malformedLinesSkipped malformed lines skipped (always zero in strict mode)
 * @param skipped the first skipped lines, in input order, at most {@link ReadOptions#maxReported()}
 * @param malformedByReason the skipped malformed lines per {@link MalformedReason}, reasons with
 *     none left out; the counts add up to {@code malformedLinesSkipped} for event readers, and may
 *     be empty for readers that do not classify their reasons
 */
public record ReadReport(
    long linesRead,
    long blankLines,
    long eventsRead,
    long malformedLinesSkipped,
    List<SkippedLine> skipped,
    Map<MalformedReason, Long> malformedByReason) {

  /**
   * Checks the components and copies the list and the map (kept in {@link MalformedReason}'s
   * order, only reasons with a positive count).
   *
   * @throws IllegalArgumentException if a count is not positive or the counts add up to more
   *     than {@code malformedLinesSkipped}
   */
  public ReadReport {
    skipped = List.copyOf(Checks.notNull(skipped, "skipped"));
    Map<MalformedReason, Long> byReason = new EnumMap<>(MalformedReason.class);
    long sum = 0;
    for (Map.Entry<MalformedReason, Long> e : Checks.notNull(malformedByReason, "malformedByReason").entrySet()) {
      if (e.getValue() <= 0) {
        throw new IllegalArgumentException("count of " + e.getKey() + " must be positive but was " + e.getValue());
      }
      byReason.put(e.getKey(), e.getValue());
      sum += e.getValue();
    }
    if (sum > malformedLinesSkipped) {
      throw new IllegalArgumentException(
          "malformed lines by reason add up to " + sum + ", more than the " + malformedLinesSkipped + " skipped");
    }
    malformedByReason = Collections.unmodifiableMap(byReason);
  }

  /**
   * A report whose skipped lines are not counted by reason (readers of other formats, which
   * have their own reasons); {@link #malformedByReason()} is empty.
   */
  public ReadReport(
      long linesRead, long blankLines, long eventsRead, long malformedLinesSkipped, List<SkippedLine> skipped) {
    this(linesRead, blankLines, eventsRead, malformedLinesSkipped, skipped, Map.of());
  }

  /**
   * A malformed line that was skipped.
   *
   * @param lineNumber its 1-based number in the input
   * @param reason what is wrong with it, as in {@link MalformedEventException#reason()}
   */
  public record SkippedLine(long lineNumber, String reason) {
    /** Checks the components. */
    public SkippedLine {
      Checks.notNull(reason, "reason");
    }
  }
}
