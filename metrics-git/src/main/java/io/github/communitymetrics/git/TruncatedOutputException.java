package io.github.communitymetrics.git;

import java.util.List;

/**
 * A signal killed {@code git} while it was writing (exit status above 128): what was read is an
 * incomplete history and must not be analysed as if it were whole.
 */
public final class TruncatedOutputException extends GitCommandException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param arguments the arguments after {@code git}
   * @param exitStatus the exit status, 128 + the signal number
   * @param stderr the end of git's standard error
   */
  public TruncatedOutputException(List<String> arguments, int exitStatus, String stderr) {
    super("git " + String.join(" ", arguments) + " was killed (exit status " + exitStatus
        + ", signal " + (exitStatus - 128) + ") before it finished: its output is truncated",
        arguments, exitStatus, stderr);
  }
}
