package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * A line of the JSON Lines event format could not be read as an event: it is not JSON, misses a
 * field, has a field of the wrong type or value, or describes an event the model rejects.
 *
 * <p>The message has the form {@code line 17: missing field "at"}. Input quoted in the message is
 * cut to about 80 characters, so that a huge line never ends up whole in a log.
 */
public class MalformedEventException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;
  private final String reason;

  /**
   * Creates an exception for a line.
   *
   * @param lineNumber the 1-based number of the offending line in its input
   * @param reason what is wrong with the line, without the line number
   */
  public MalformedEventException(long lineNumber, String reason) {
    super("line " + lineNumber + ": " + reason);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  /**
   * Creates an exception for a line, with the underlying failure.
   *
   * @param lineNumber the 1-based number of the offending line in its input
   * @param reason what is wrong with the line, without the line number
   * @param cause the parser's or the event model's exception
   */
  public MalformedEventException(long lineNumber, String reason, Throwable cause) {
    super("line " + lineNumber + ": " + reason, cause);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  /**
   * Creates an exception for a line of a named input (a file): the message is {@code
   * events.jsonl: line 17: reason}.
   *
   * @param source the input's name
   * @param lineNumber the 1-based number of the offending line in its input
   * @param reason what is wrong with the line, without the line number
   * @param cause the exception without the input's name, or null
   */
  public MalformedEventException(String source, long lineNumber, String reason, Throwable cause) {
    super(source + ": line " + lineNumber + ": " + reason, cause);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  /** The 1-based number of the offending line; 1 for {@link EventJsonLines#fromLine(String)}. */
  public long lineNumber() {
    return lineNumber;
  }

  /** What is wrong with the line, without the {@code line N: } prefix. */
  public String reason() {
    return reason;
  }
}
