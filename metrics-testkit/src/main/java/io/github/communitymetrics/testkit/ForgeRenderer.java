package io.github.communitymetrics.testkit;

import java.util.List;
import java.util.Optional;

/**
 * Serves a {@link ScriptedCommunity} in one forge's wire format, for the {@link
 * ForgeCompatibilityKit}'s loopback server.
 *
 * <p>The kit owns pagination and faults: for a list it asks {@link #list} for all items, cuts them
 * into pages of the kit's size, selects a page by the query parameter {@code page} (1-based,
 * default 1) and answers with a JSON array of that page's items and a {@code Link: <URL>;
 * rel="next"} header while more pages follow (the style of GitHub, GitLab and Gitea). Whatever
 * neither method answers is a 404.
 */
public interface ForgeRenderer {

  /**
   * A single JSON object for a request that is not a list, such as a repository's metadata, or the
   * answer to a query sent in the body (a GraphQL {@code POST}; {@link WireRequest#body()}), which
   * the kit does not page: such a renderer pages by the query's own cursors.
   *
   * @param request the request
   * @return the JSON text, or empty when the request is not such an object
   */
  Optional<String> object(WireRequest request);

  /**
   * All items of a list, in the order the forge lists them (ignoring the {@code page} parameter).
   *
   * @param request the request
   * @return one JSON text per item, or empty when the request is not a list
   */
  Optional<List<String>> list(WireRequest request);
}
