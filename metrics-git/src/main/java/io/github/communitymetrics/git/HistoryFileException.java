package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.util.Objects;

/**
 * A saved history ({@link HistoryFile}) cannot be read: it is not one, it is of another format
 * version, or it is truncated or damaged. {@link #source()} names the file.
 */
public class HistoryFileException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Reason {
    /** It does not start with the history format's magic bytes. */
    NOT_A_HISTORY,
    /** It is a history of another format version. */
    OTHER_VERSION,
    /** Its checksum or structure is wrong: truncated, damaged or written by a bug. */
    CORRUPT
  }

  private final String source;
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param source the file's name
   * @param reason the kind of problem
   * @param detail what is wrong, for a person to read
   */
  public HistoryFileException(String source, Reason reason, String detail) {
    super(source + ": " + detail);
    this.source = Objects.requireNonNull(source, "source");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The file's name. */
  public String source() {
    return source;
  }

  /** The kind of problem. */
  public Reason reason() {
    return reason;
  }
}
