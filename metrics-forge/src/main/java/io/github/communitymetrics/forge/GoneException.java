package io.github.communitymetrics.forge;

import java.net.URI;

/** HTTP 410: the resource was deleted, or the feature is disabled (GitHub issues turned off). */
public class GoneException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   */
  public GoneException(String message, URI uri) {
    super(message, uri, null);
  }
}
