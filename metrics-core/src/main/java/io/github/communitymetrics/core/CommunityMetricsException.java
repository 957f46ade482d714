package io.github.communitymetrics.core;

/**
 * The root of every exception this library throws on purpose. Unchecked, so that callers catch
 * only what they can handle: a precise subtype such as
 * {@link io.github.communitymetrics.core.io.MalformedEventException}, or this root to handle them all.
 *
 * <p>Argument checks on public methods throw the JDK's {@link IllegalArgumentException} or
 * {@link NullPointerException} instead, because they are programming errors, not bad input.
 *
 * <p>Messages never contain credentials.
 */
public class CommunityMetricsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a person to read
   */
  public CommunityMetricsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the cause.
   *
   * @param message what went wrong, for a person to read
   * @param cause the underlying failure
   */
  public CommunityMetricsException(String message, Throwable cause) {
    super(message, cause);
  }
}
