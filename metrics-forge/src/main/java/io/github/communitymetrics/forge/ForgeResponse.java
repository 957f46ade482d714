package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response.
 *
 * @param status the HTTP status code
 * @param uri the URI that answered (after any redirect)
 * @param headers header names (compared without case) to their values in order
 * @param body the body decoded as UTF-8, empty when there was none
 */
public record ForgeResponse(int status, URI uri, Map<String, List<String>> headers, String body) {

  /** Checks the arguments and copies the headers into an immutable case-insensitive map. */
  public ForgeResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be in [100, 599] but was " + status);
    }
    Args.notNull(uri, "uri");
    Args.notNull(headers, "headers");
    Args.notNull(body, "body");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> concat(a, b)));
    headers = Collections.unmodifiableSortedMap(copy);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return its first value, or empty when absent
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * A header read as a whole number.
   *
   * @param name the header name, any case
   * @return its value, or empty when absent or not a number
   */
  public Optional<Long> longHeader(String name) {
    Optional<String> value = header(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the status is in [200, 300).
   *
   * @return true for a success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
