package io.github.communitymetrics.forge;

import java.net.URI;

/** A response arrived but its body or headers are not what the forge documents. */
public class MalformedResponseException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong with the response
   * @param uri the request's URI
   * @param cause the parser's failure, or null
   */
  public MalformedResponseException(String message, URI uri, Throwable cause) {
    super(message, uri, cause);
  }
}
