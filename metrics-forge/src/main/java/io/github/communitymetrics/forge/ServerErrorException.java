package io.github.communitymetrics.forge;

import java.net.URI;

/**
 * The forge kept failing (5xx, connection resets, timeouts) through every attempt of the retry
 * policy, or answered with a status the client cannot handle.
 */
public class ServerErrorException extends ForgeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int attempts;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   * @param status the last HTTP status, or 0 when the last attempt failed in the transport
   * @param attempts the attempts made
   * @param cause the last transport failure, or null
   */
  public ServerErrorException(
      String message, URI uri, int status, int attempts, Throwable cause) {
    super(message, uri, cause);
    this.status = status;
    this.attempts = attempts;
  }

  /**
   * The last HTTP status.
   *
   * @return the status, or 0 when the last attempt failed in the transport
   */
  public int status() {
    return status;
  }

  /**
   * The attempts made.
   *
   * @return the number of requests sent for this call
   */
  public int attempts() {
    return attempts;
  }
}
