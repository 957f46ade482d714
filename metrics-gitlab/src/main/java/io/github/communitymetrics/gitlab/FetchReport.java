package io.github.communitymetrics.gitlab;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.RequestCounts;
import java.util.List;
import java.util.Map;

/**
 * What a fetch did.
 *
 * @param target what was fetched
 * @param repositories the projects read, with their full paths and ids
 * @param items events emitted per resource
 * @param duplicatesSkipped items read twice in this fetch with nothing new (pages shifting while
 *     read, served twice) and not handled again; the deliberate re-read of the items at a page's
 *     last {@code updated_at} is not counted
 * @param skipped items read but not turned into events, per reason (such as {@code
 *     system_note} for a system note that is not a state change, or {@code member_without_time})
 * @param beforeSince events read but not emitted because they are before {@link
 *     FetchOptions#since()}
 * @param requests the requests this fetch sent, retries and waits
 */
public record FetchReport(
    GitLabTarget target,
    List<Repository> repositories,
    Map<GitLabResource, Long> items,
    long duplicatesSkipped,
    Map<String, Long> skipped,
    long beforeSince,
    RequestCounts requests) {

  /** Copies the collections. */
  public FetchReport {
    repositories = List.copyOf(repositories);
    items = Map.copyOf(items);
    skipped = Map.copyOf(skipped);
  }
}
