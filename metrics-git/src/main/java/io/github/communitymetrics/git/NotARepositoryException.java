package io.github.communitymetrics.git;

/** The directory given as a repository is missing or is not inside a git repository. */
public final class NotARepositoryException extends GitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the directory and what git said about it
   */
  public NotARepositoryException(String message) {
    super(message);
  }
}
