package io.github.communitymetrics.forge;

import java.net.URI;

/** HTTP 451: the resource is blocked for legal reasons (a DMCA takedown). */
public class UnavailableForLegalReasonsException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   */
  public UnavailableForLegalReasonsException(String message, URI uri) {
    super(message, uri, null);
  }
}
