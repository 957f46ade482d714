package io.github.communitymetrics.github;

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
 * @param repositories the repositories read to their end, with their canonical names and ids
 * @param items events emitted per resource
 * @param duplicatesSkipped items seen twice in this fetch (pages shifting while read, a pull
 *     request updated while the reviews were read) and not emitted again
 * @param mergeClosesFolded closes GitHub recorded with a merge, not emitted as {@code
 *     PullRequestClosed} because the merge is emitted as {@code PullRequestMerged}
 * @param ghostActors events attributed to GitHub's {@code ghost} user (a deleted account; GitHub
 *     sent that user or {@code null})
 * @param beforeSince events read but not emitted because they are before {@link
 *     FetchOptions#since()}
 * @param graphQlPoints GraphQL rate-limit points the fetch's queries cost (the sum of each
 *     response's {@code rateLimit.cost}); 0 when the reviews were read through REST
 * @param skipped what was not read and why (a nested GraphQL error, a list the token may not
 *     see), each counted once; the fetch went on without it
 * @param collaborators the direct collaborators of each repository read, when {@link
 *     FetchOptions#collaborators()} asked for them and the token could see them
 * @param requests the requests this fetch sent, retries and waits
 * @param listing of an owner: the repositories its listing held that {@link
 *     FetchOptions#selection()} kept, and how many it left out; empty for one repository
 * @param failed of an owner: the repositories that failed and were passed over (their events
 *     since the last commit dropped); empty for one repository, whose failure is thrown
 */
public record FetchReport(
    GitHubTarget target,
    List<Repository> repositories,
    Map<GitHubResource, Long> items,
    long duplicatesSkipped,
    long mergeClosesFolded,
    long ghostActors,
    long beforeSince,
    long graphQlPoints,
    List<Skip> skipped,
    List<Collaborator> collaborators,
    RequestCounts requests,
    Optional<RepositoryListing> listing,
    List<RepositoryFailure> failed) {

  /** Copies the collections. */
  public FetchReport {
    repositories = List.copyOf(repositories);
    items = Map.copyOf(items);
    skipped = List.copyOf(skipped);
    collaborators = List.copyOf(collaborators);
    Objects.requireNonNull(listing, "listing");
    failed = List.copyOf(failed);
  }

  /**
   * Something a fetch did not read, and why.
   *
   * @param repository the repository's full name as asked for, such as {@code OWNER/NAME}
   * @param what the list or query, such as {@code reviews} or {@code collaborators}
   * @param reason what GitHub answered, such as {@code HTTP 403} or a GraphQL error's type, path
   *     and message
   */
  public record Skip(String repository, String what, String reason) {
    /** Checks that nothing is null. */
    public Skip {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
