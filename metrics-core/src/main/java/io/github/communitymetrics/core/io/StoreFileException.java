package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * A saved event store ({@link EventStoreFile}) that cannot be read: another format or version, a
 * truncated header, or a segment whose checksum or contents are wrong. The message names the
 * source and the byte offset where the problem is.
 */
public class StoreFileException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;
  private final String reason;

  /**
   * A problem at a place in a store file.
   *
   * @param source how the file is named to the user (its path)
   * @param offset the byte offset, from the start of the file, of the header or segment (or the
   *     part of it) that is wrong
   * @param reason what is wrong
   */
  public StoreFileException(String source, long offset, String reason) {
    super(source + ": byte " + offset + ": " + reason);
    this.source = source;
    this.offset = offset;
    this.reason = reason;
  }

  /** How the file is named. */
  public String source() {
    return source;
  }

  /** The byte offset of the problem, from the start of the file. */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the source and offset. */
  public String reason() {
    return reason;
  }
}
