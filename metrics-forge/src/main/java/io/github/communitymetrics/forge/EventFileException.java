package io.github.communitymetrics.forge;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An {@link EventFile} that cannot be created, opened, written or forced to disk. The {@link
 * #getCause() cause} is the {@link IOException}; as every I/O failure, a {@link
 * CommunityMetricsIoException}.
 */
public final class EventFileException extends CommunityMetricsIoException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates an exception.
   *
   * @param message what failed, naming the file
   * @param path the file
   * @param cause the I/O failure
   */
  public EventFileException(String message, Path path, IOException cause) {
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
