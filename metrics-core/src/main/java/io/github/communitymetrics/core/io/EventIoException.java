package io.github.communitymetrics.core.io;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import java.io.IOException;

/**
 * Reading from the {@link java.io.Reader} or writing to the {@link java.io.Writer} behind an
 * {@link EventReader} or {@link EventWriter} failed. The {@link #getCause() cause} is the
 * {@link IOException}; as every I/O failure, a {@link CommunityMetricsIoException}.
 */
public class EventIoException extends CommunityMetricsIoException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception that wraps an I/O failure.
   *
   * @param message what was being done, for a person to read
   * @param cause the I/O failure
   */
  public EventIoException(String message, IOException cause) {
    super(message, cause);
  }
}
