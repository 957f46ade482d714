package io.github.communitymetrics.forge;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.nio.file.Path;

/**
 * A checkpoint directory that cannot be used: unreadable, written by an incompatible version, or
 * not matching the output it was saved with (an output file shorter than the checkpoint records,
 * or another file than the interrupted fetch was writing). The message says what to do.
 */
public final class CheckpointException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /** The checkpoint directory, kept as text. */
  private final String directory;

  /**
   * Creates an exception.
   *
   * @param message what is wrong and what to do
   * @param directory the checkpoint directory
   * @param cause the underlying failure, or null
   */
  public CheckpointException(String message, Path directory, Throwable cause) {
    super(message + " (checkpoint " + directory + ")", cause);
    this.directory = directory.toString();
  }

  /**
   * The checkpoint directory.
   *
   * @return its path
   */
  public Path directory() {
    return Path.of(directory);
  }
}
