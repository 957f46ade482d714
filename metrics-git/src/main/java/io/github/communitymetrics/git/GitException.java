package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * Reading a repository through the {@code git} command failed. The subtypes say how: {@link
 * GitNotFoundException}, {@link NotARepositoryException}, {@link GitCommandException} and its
 * subtype {@link TruncatedOutputException}.
 */
public class GitException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person to read
   */
  public GitException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying failure
   */
  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
