package io.github.communitymetrics.git;

/**
 * No usable {@code git}: not on the {@code PATH}, the given executable cannot run, or its version
 * is below {@link GitExecutable#MINIMUM_VERSION}.
 */
public final class GitNotFoundException extends GitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which executable was tried and why it is not usable
   * @param cause the underlying failure, or {@code null} when there is none
   */
  public GitNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
