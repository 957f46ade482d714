package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.time.Duration;

/**
 * What a fetch cost.
 *
 * @param requests requests sent, retries included
 * @param notModified responses 304 Not Modified (which cost GitHub no rate limit)
 * @param retries requests repeated after a transient failure
 * @param rateLimitWaits waits for a rate limit
 * @param waited total time waited (retries and rate limits)
 */
public record RequestCounts(
    long requests, long notModified, long retries, long rateLimitWaits, Duration waited) {

  /** Checks the arguments. */
  public RequestCounts {
    if (requests < 0 || notModified < 0 || retries < 0 || rateLimitWaits < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    Args.notNegative(waited, "waited");
  }
}
