package io.github.communitymetrics.forge;

import java.net.URI;

/** HTTP 404: the resource does not exist or the token may not see it. */
public class NotFoundException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   */
  public NotFoundException(String message, URI uri) {
    super(message, uri, null);
  }
}
