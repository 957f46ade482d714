package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.RequestCounts;
import java.util.List;
import java.util.Map;

/**
 * What a fetch did.
 *
 * @param target what was fetched
 * @param repositories the repositories read, with their canonical names and ids
 * @param items events emitted per resource
 * @param duplicatesSkipped items seen twice in this fetch (pages shifting while read) and not
 *     emitted again
 * @param mergeClosesFolded closes GitHub recorded with a merge, not emitted as {@code
 *     PullRequestClosed} because the merge is emitted as {@code PullRequestMerged}
 * @param ghostActors events attributed to GitHub's {@code ghost} user (a deleted account; GitHub
 *     sent that user or {@code null})
 * @param beforeSince events read but not emitted because they are before {@link
 *     FetchOptions#since()}
 * @param requests the requests this fetch sent, retries and waits
 */
public record FetchReport(
    GitHubTarget target,
    List<Repository> repositories,
    Map<GitHubResource, Long> items,
    long duplicatesSkipped,
    long mergeClosesFolded,
    long ghostActors,
    long beforeSince,
    RequestCounts requests) {

  /** Copies the collections. */
  public FetchReport {
    repositories = List.copyOf(repositories);
    items = Map.copyOf(items);
  }
}
