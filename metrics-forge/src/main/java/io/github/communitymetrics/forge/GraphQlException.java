package io.github.communitymetrics.forge;

import java.net.URI;
import java.util.List;

/**
 * A GraphQL endpoint answered HTTP 200 with an {@code errors} array that is neither a missing
 * object ({@link NotFoundException}), a refusal ({@link ForbiddenException}) nor a rate limit
 * ({@link RateLimitedException}): the query was refused as a whole, for example because it is
 * invalid or too expensive.
 */
public class GraphQlException extends ForgeException {
  private static final long serialVersionUID = 1L;

  /** Kept as an array list: the field must be serializable. */
  private final java.util.ArrayList<String> types;

  /**
   * Creates an exception.
   *
   * @param message the errors' messages
   * @param uri the endpoint
   * @param types each error's {@code type}, such as {@code MAX_NODE_LIMIT_EXCEEDED}, or {@code ""}
   *     for an error without one (a query that does not parse or validate)
   */
  public GraphQlException(String message, URI uri, List<String> types) {
    super(message, uri, null);
    this.types = new java.util.ArrayList<>(types);
  }

  /**
   * The errors' types, in the order the endpoint listed them.
   *
   * @return the types, {@code ""} for an error without one
   */
  public List<String> types() {
    return List.copyOf(types);
  }
}
