package io.github.communitymetrics.forge;

import java.net.URI;

/** HTTP 403 that is not a rate limit: the token may not read this resource. */
public class ForbiddenException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   */
  public ForbiddenException(String message, URI uri) {
    super(message, uri, null);
  }
}
