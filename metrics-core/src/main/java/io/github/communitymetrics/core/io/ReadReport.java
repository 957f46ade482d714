package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;

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
 */
public record ReadReport(
    long linesRead,
    long blankLines,
    long eventsRead,
    long malformedLinesSkipped,
    List<SkippedLine> skipped) {

  /** Checks the components and copies the list. */
  public ReadReport {
    skipped = List.copyOf(Checks.notNull(skipped, "skipped"));
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
