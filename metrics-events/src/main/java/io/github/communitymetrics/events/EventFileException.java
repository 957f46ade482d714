package io.github.communitymetrics.events;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.util.OptionalInt;

/**
 * An event file that cannot be used: malformed JSON, CSV or iCalendar, a missing or unknown
 * field, a time that does not parse, an end not after its start, two events of one name. The
 * message names the file and, where the format gives one, the line.
 */
public final class EventFileException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the file (or the name the caller gave the input)
   * @param line the 1-based line, or 0 when the format gives none
   * @param problem what is wrong, for a person to read
   * @param cause the parser's failure, or null
   */
  public EventFileException(String source, int line, String problem, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    this.source = source;
    this.line = line;
  }

  /** The file, or the name the caller gave the input. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, when the format gives one. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }
}
