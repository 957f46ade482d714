package io.github.communitymetrics.testkit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the compatibility kit's loopback forge received, as a {@link ForgeRenderer} sees it.
 *
 * @param baseUrl the loopback server's root, such as {@code http://127.0.0.1:PORT}, for URLs the
 *     renderer writes into bodies
 * @param method such as {@code GET}
 * @param path the decoded path, such as {@code /repos/scripted/alpha/issues}
 * @param query the query parameters other than the kit's {@code page}, last value wins
 * @param headers the request headers, names in lower case
 * @param body the request body as UTF-8 text, empty for a GET (a GraphQL query is a POST whose
 *     body names the query and its variables)
 */
public record WireRequest(
    URI baseUrl,
    String method,
    String path,
    Map<String, String> query,
    Map<String, List<String>> headers,
    String body) {

  /** Copies the maps. */
  public WireRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    java.util.Objects.requireNonNull(body, "body");
  }

  /**
   * A request without a body.
   *
   * @param baseUrl the loopback server's root
   * @param method such as {@code GET}
   * @param path the decoded path
   * @param query the query parameters other than {@code page}
   * @param headers the request headers, names in lower case
   */
  public WireRequest(
      URI baseUrl, String method, String path, Map<String, String> query, Map<String, List<String>> headers) {
    this(baseUrl, method, path, query, headers, "");
  }

  /**
   * The first value of a header.
   *
   * @param name any case
   * @return the value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
