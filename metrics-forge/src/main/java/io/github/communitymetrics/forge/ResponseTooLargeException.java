package io.github.communitymetrics.forge;

import java.net.URI;

/**
 * A response body was larger than the limit ({@link ForgeSourceBuilder#maxBodySize(long)}). The
 * body was not read past the limit, and the request is not retried: the same page would be as
 * large again.
 */
public class ResponseTooLargeException extends ForgeException {
  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  /**
   * Creates an exception.
   *
   * @param message what was too large
   * @param uri the request's URI
   * @param limitBytes the limit in bytes
   */
  public ResponseTooLargeException(String message, URI uri, long limitBytes) {
    super(message, uri, null);
    this.limitBytes = limitBytes;
  }

  /**
   * The limit that was exceeded.
   *
   * @return the most bytes a body may have
   */
  public long limitBytes() {
    return limitBytes;
  }
}
