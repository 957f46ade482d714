package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * A pattern, exclusion or alias list that cannot be read: the message names the source and the
 * line.
 */
public final class FileSelectionException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where (source and line)
   */
  public FileSelectionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong and where
   * @param cause the underlying failure
   */
  public FileSelectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
