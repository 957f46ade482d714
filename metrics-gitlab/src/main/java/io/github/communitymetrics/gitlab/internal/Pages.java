package io.github.communitymetrics.gitlab.internal;

import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.Links;
import java.net.URI;
import java.util.Optional;

/**
 * GitLab pagination: the {@code Link: rel="next"} header (offset and keyset pagination both send
 * it), else a non-empty {@code X-Next-Page} applied to the current URL's {@code page} parameter.
 * GitLab omits {@code Link} and {@code X-Total} for lists over 10,000 items but keeps {@code
 * X-Next-Page}.
 */
public final class Pages {
  private Pages() {}

  /** The next page of a response, or empty on the last page. */
  public static Optional<URI> next(ForgeResponse response) {
    Optional<URI> link = Links.next(response);
    if (link.isPresent()) {
      return link;
    }
    Optional<String> page = response.header("X-Next-Page").map(String::strip);
    if (page.isEmpty() || page.get().isEmpty()) {
      return Optional.empty();
    }
    if (!page.get().matches("[1-9][0-9]{0,9}")) {
      throw new io.github.communitymetrics.forge.MalformedResponseException(
          "X-Next-Page is not a page number: " + page.get(), response.uri(), null);
    }
    URI uri = response.uri();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String rest = query.replaceAll("(^|&)page=[^&]*", "").replaceAll("^&", "");
    String newQuery = (rest.isEmpty() ? "" : rest + "&") + "page=" + page.get();
    return Optional.of(URI.create(uri.toString().replaceFirst("\\?.*$", "") + "?" + newQuery));
  }
}
