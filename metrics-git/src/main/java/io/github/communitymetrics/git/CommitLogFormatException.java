package io.github.communitymetrics.git;

import io.github.communitymetrics.core.io.MalformedEventException;

/**
 * A commit log is malformed or truncated. {@link #lineNumber()} is the 1-based line where the
 * problem was found; {@link #source()} names the input.
 */
public class CommitLogFormatException extends MalformedEventException {
  private static final long serialVersionUID = 1L;

  /** The input's name, such as a file path. */
  private final String source;

  /**
   * Creates the exception.
   *
   * @param source the input's name
   * @param lineNumber the 1-based line number
   * @param reason what is wrong, for a person to read
   */
  public CommitLogFormatException(String source, long lineNumber, String reason) {
    super(lineNumber, source + ": " + reason);
    this.source = source;
  }

  /** The input's name, such as a file path. */
  public String source() {
    return source;
  }
}
