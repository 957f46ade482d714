package io.github.communitymetrics.git;

import java.io.IOException;
import java.io.InputStream;

/**
 * Consumes the text of {@code git log} while git writes it, so that a history of any length is
 * read in memory bounded by one commit (the handler's own state aside).
 *
 * @param <T> what the handler makes of the log
 */
@FunctionalInterface
public interface LogHandler<T> {
  /**
   * Reads the log. The handler may stop early; the rest of git's output is then discarded and git
   * stopped.
   *
   * @param log the log's bytes in the commit-log format (see {@link
   *     GitRepository#logArguments(String)}), UTF-8 text; hand it to {@link
   *     CommitLogReader#of(InputStream, String, io.github.communitymetrics.core.io.ReadOptions)}
   *     to parse it
   * @return the handler's result
   * @throws IOException if reading fails
   */
  T read(InputStream log) throws IOException;
}
