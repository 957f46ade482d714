package io.github.communitymetrics.forge;

import io.github.communitymetrics.core.CommunityMetricsException;
import java.net.URI;

/**
 * A request to a forge failed for good. Subtypes say why; {@link #uri()} says where. Messages never
 * contain credentials.
 */
public class ForgeException extends CommunityMetricsException {
  private static final long serialVersionUID = 1L;

  /** The URI is kept as text: {@link URI} is serializable but a text is simpler to show. */
  private final String uri;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param uri the request's URI
   * @param cause the underlying failure, or null
   */
  public ForgeException(String message, URI uri, Throwable cause) {
    super(message + " (" + uri + ")", cause);
    this.uri = uri.toString();
  }

  /**
   * The URI of the failed request.
   *
   * @return the URI
   */
  public URI uri() {
    return URI.create(uri);
  }
}
