package io.github.communitymetrics.forge;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.nio.file.Path;

/** An {@link EventFile} that cannot be created, opened, written or forced to disk. */
public final class EventFileException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates an exception.
   *
   * @param message what failed, naming the file
   * @param path the file
   * @param cause the I/O failure, or null
   */
  public EventFileException(String message, Path path, Throwable cause) {
    super(message, cause);
    this.path = path.toString();
  }

  /**
   * The file.
   *
   * @return its path
   */
  public Path path() {
    return Path.of(path);
  }
}
