package io.github.communitymetrics.git;

import java.util.List;

/**
 * A {@code git} command exited with a non-zero status (a bad revision, a corrupt repository). The
 * message holds the command, the status and the end of what git wrote to its standard error.
 */
public class GitCommandException extends GitException {
  private static final long serialVersionUID = 1L;

  /** The command's arguments after {@code git}, e.g. {@code [log, --no-color, ...]}. */
  private final List<String> arguments;
  private final int exitStatus;
  private final String stderr;

  /**
   * Creates the exception.
   *
   * @param arguments the arguments after {@code git}
   * @param exitStatus the process's exit status
   * @param stderr the end of git's standard error (at most its last 8 KiB)
   */
  public GitCommandException(List<String> arguments, int exitStatus, String stderr) {
    this("git " + String.join(" ", arguments) + " exited with status " + exitStatus
        + (stderr.isBlank() ? "" : ": " + stderr.strip()), arguments, exitStatus, stderr);
  }

  GitCommandException(String message, List<String> arguments, int exitStatus, String stderr) {
    super(message);
    this.arguments = List.copyOf(arguments);
    this.exitStatus = exitStatus;
    this.stderr = stderr;
  }

  /** The arguments after {@code git}. */
  public List<String> arguments() {
    return arguments;
  }

  /** The exit status; above 128 when a signal killed git (128 + the signal number). */
  public int exitStatus() {
    return exitStatus;
  }

  /** The end of git's standard error, at most its last 8 KiB; may be empty. */
  public String stderr() {
    return stderr;
  }
}
