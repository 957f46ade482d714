package io.github.communitymetrics.forge;

import java.net.URI;

/** HTTP 401: the token is missing, wrong, expired or lacks a scope. */
public class AuthenticationException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   */
  public AuthenticationException(String message, URI uri) {
    super(message, uri, null);
  }
}
