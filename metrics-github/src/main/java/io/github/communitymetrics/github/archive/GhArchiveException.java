package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * A GH Archive input could not be read: a malformed line or a corrupt or truncated file under
 * strict reading, or a file that cannot be opened. The message names the file and, where there is
 * one, the 1-based line.
 */
public class GhArchiveException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /**
   * Creates an exception.
   *
   * @param file the input's name (a path, or the name given with a stream)
   * @param line the 1-based line, or 0 when the problem is not on a line
   * @param reason what is wrong
   * @param cause the underlying failure, or null
   */
  public GhArchiveException(String file, long line, String reason, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    this.file = file;
    this.line = line;
  }

  /** The input's name. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem is not on one line (a file that cannot be opened). */
  public long line() {
    return line;
  }
}
