package io.github.communitymetrics.gitlab;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RequestCounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fetch did.
 *
 * @param target what was fetched
 * @param repositories the projects read to their end, with their full paths and ids
 * @param items events emitted per resource
 * @param duplicatesSkipped items read twice in this fetch with nothing new (pages shifting while
 *     read, served twice) and not handled again; the deliberate re-read of the items at a page's
 *     last {@code updated_at} is not counted
 * @param skipped items read but not turned into events, per reason (such as {@code
 *     system_note} for a system note that is not a state change, or {@code member_without_time})
 * @param beforeSince events read but not emitted because they are before {@link
 *     FetchOptions#since()}
 * @param requests the requests this fetch sent, retries and waits
 * @param listing of a group: the projects its listing held that {@link FetchOptions#selection()}
 *     kept, and how many it left out; empty for one project
 * @param failed of a group: the projects that failed and were passed over (their events since
 *     the last commit dropped); empty for one project, whose failure is thrown
 */
public record FetchReport(
    GitLabTarget target,
    List<Repository> repositories,
    Map<GitLabResource, Long> items,
    long duplicatesSkipped,
    Map<String, Long> skipped,
    long beforeSince,
    RequestCounts requests,
    Optional<RepositoryListing> listing,
    List<RepositoryFailure> failed) {

  /** Copies the collections. */
  public FetchReport {
    repositories = List.copyOf(repositories);
    items = Map.copyOf(items);
    skipped = Map.copyOf(skipped);
    Objects.requireNonNull(listing, "listing");
    failed = List.copyOf(failed);
  }
}
