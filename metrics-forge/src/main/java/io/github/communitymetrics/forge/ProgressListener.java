package io.github.communitymetrics.forge;

import java.net.URI;
import java.time.Duration;

/**
 * Hears what a fetch is doing, for a progress bar or log lines. Every method has an empty default;
 * methods are called on the fetching thread and must return quickly.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A request got a response.
   *
   * @param uri the URI (never carries a credential)
   * @param status the HTTP status, or 0 when the transport failed
   */
  default void onRequest(URI uri, int status) {}

  /**
   * A page of a resource was read.
   *
   * @param resource the resource, such as {@code stargazers}
   * @param page the 1-based page number within this fetch
   * @param items the items on the page
   */
  default void onPage(String resource, int page, int items) {}

  /**
   * Items were emitted.
   *
   * @param resource the resource
   * @param count the items emitted now
   */
  default void onItems(String resource, long count) {}

  /**
   * The client is about to wait.
   *
   * @param duration how long
   * @param reason why: a retry after a failure, or a rate limit
   */
  default void onWait(Duration duration, String reason) {}
}
