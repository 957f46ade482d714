package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Redaction;
import io.github.communitymetrics.forge.internal.Args;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to a forge. Header names are compared without case. {@link #toString()} shows
 * the headers with {@link Redaction#redactHeaders(Map)} applied, so a logged request never shows a
 * credential.
 *
 * @param method the HTTP method, such as {@code GET} or {@code POST}
 * @param uri the absolute URI
 * @param headers header names to values (one value per name), without the credential: the client
 *     adds {@code Authorization} itself
 * @param body the request body (UTF-8), empty for a GET
 */
public record ForgeRequest(
    String method, URI uri, Map<String, String> headers, Optional<String> body) {

  /** Checks the arguments and copies the headers into an immutable case-insensitive map. */
  public ForgeRequest {
    Args.notBlank(method, "method");
    Args.notNull(uri, "uri");
    Args.notNull(headers, "headers");
    Args.notNull(body, "body");
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException("uri must be absolute but was " + uri);
    }
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (k, v) -> copy.put(Args.notNull(k, "header name"), Args.notNull(v, "header " + k)));
    headers = java.util.Collections.unmodifiableSortedMap(copy);
    method = method.toUpperCase(Locale.ROOT);
  }

  /**
   * A GET request without extra headers.
   *
   * @param uri the absolute URI
   * @return the request
   */
  public static ForgeRequest get(URI uri) {
    return new ForgeRequest("GET", uri, Map.of(), Optional.empty());
  }

  /**
   * This request with one header added or replaced.
   *
   * @param name the header name
   * @param value the header value
   * @return a new request
   */
  public ForgeRequest withHeader(String name, String value) {
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(headers);
    copy.put(Args.notBlank(name, "name"), Args.notNull(value, "value"));
    return new ForgeRequest(method, uri, copy, body);
  }

  /**
   * This request sent to another URI (a redirect or the next page), with the same headers.
   *
   * @param newUri the absolute URI
   * @return a new request
   */
  public ForgeRequest withUri(URI newUri) {
    return new ForgeRequest(method, newUri, headers, body);
  }

  @Override
  public String toString() {
    return method + " " + uri + " " + Redaction.redactHeaders(headers);
  }
}
