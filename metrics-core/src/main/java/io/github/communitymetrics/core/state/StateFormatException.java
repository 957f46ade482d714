package io.github.communitymetrics.core.state;

import io.github.communitymetrics.core.CommunityMetricsException;

/**
 * Bytes that are not a valid encoding for the {@link StateCodec} asked to decode them: another
 * codec's state, a version this library does not read, truncated or trailing bytes, a negative or
 * impossible length, an unknown enum ordinal, a reference to a table entry that does not exist,
 * or a value its type rejects. The message names the codec, what is wrong and at which byte.
 *
 * <p>Decoding throws only this exception on bad input, never an {@code
 * ArrayIndexOutOfBoundsException} or an {@code OutOfMemoryError}: every length is bounded by the
 * bytes that remain.
 */
public class StateFormatException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, for a person to read
   */
  public StateFormatException(String message) {
    super(message);
  }

  /**
   * Creates an exception with its cause (a value's own check that failed on decoded data).
   *
   * @param message what is wrong, for a person to read
   * @param cause the underlying failure
   */
  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
