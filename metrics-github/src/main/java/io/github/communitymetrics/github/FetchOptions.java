package io.github.communitymetrics.github;

import io.github.communitymetrics.forge.RepositorySelection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How to fetch.
 *
 * @param resources what to read, not empty
 * @param checkpointDirectory where per-resource cursors are saved so that an interrupted or later
 *     fetch resumes; empty for a fetch that always starts from the beginning
 * @param cacheDirectory where responses are kept with their {@code ETag} so that a later request
 *     for the same page is conditional (a 304 costs no rate limit); empty for no cache
 * @param since when present, events before this instant are not emitted (they are counted in
 *     {@link FetchReport#beforeSince()}); GitHub filters commits by it, the other lists are still
 *     read whole
 * @param collaborators whether to read the repositories' direct collaborators into {@link
 *     FetchReport#collaborators()} (a snapshot, not events; needs a token with push access, and a
 *     refusal is a {@link FetchReport#skipped() skip}, not a failure)
 * @param selection for an owner, which of its repositories to read (by default neither forks nor
 *     archived repositories); unused for one repository
 * @param stopAtFailedRepository for an owner, whether a repository that fails stops the fetch
 *     (its exception is thrown) instead of being passed over and reported in {@link
 *     FetchReport#failed()}; a single repository's failure always stops the fetch
 */
public record FetchOptions(
    Set<GitHubResource> resources,
    Optional<Path> checkpointDirectory,
    Optional<Path> cacheDirectory,
    Optional<Instant> since,
    boolean collaborators,
    RepositorySelection selection,
    boolean stopAtFailedRepository) {

  /** Checks and copies the arguments. */
  public FetchOptions {
    if (resources == null || checkpointDirectory == null || cacheDirectory == null || since == null
        || selection == null) {
      throw new NullPointerException(
          "resources, checkpointDirectory, cacheDirectory, since and selection must not be null");
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources must not be empty");
    }
    resources = Set.copyOf(EnumSet.copyOf(resources));
  }

  /**
   * Every resource, no checkpoint, no cache, no collaborators; of an owner, the repositories of
   * {@link RepositorySelection#defaults()}, passing over those that fail.
   *
   * @return the options
   */
  public static FetchOptions all() {
    return new FetchOptions(
        EnumSet.allOf(GitHubResource.class), Optional.empty(), Optional.empty(), Optional.empty(), false,
        RepositorySelection.defaults(), false);
  }

  /**
   * These options reading only the given resources.
   *
   * @param value the resources
   * @return new options
   */
  public FetchOptions withResources(Set<GitHubResource> value) {
    return new FetchOptions(value, checkpointDirectory, cacheDirectory, since, collaborators, selection, stopAtFailedRepository);
  }

  /**
   * These options saving cursors in a directory.
   *
   * @param value the checkpoint directory
   * @return new options
   */
  public FetchOptions withCheckpointDirectory(Path value) {
    return new FetchOptions(resources, Optional.of(value), cacheDirectory, since, collaborators, selection, stopAtFailedRepository);
  }

  /**
   * These options keeping responses with their {@code ETag} in a directory for conditional
   * requests.
   *
   * @param value the cache directory, created when missing
   * @return new options
   */
  public FetchOptions withCacheDirectory(Path value) {
    return new FetchOptions(resources, checkpointDirectory, Optional.of(value), since, collaborators, selection, stopAtFailedRepository);
  }

  /**
   * These options emitting only events at or after an instant.
   *
   * @param value the earliest instant emitted
   * @return new options
   */
  public FetchOptions withSince(Instant value) {
    return new FetchOptions(resources, checkpointDirectory, cacheDirectory, Optional.of(value), collaborators, selection, stopAtFailedRepository);
  }

  /**
   * These options also reading each repository's direct collaborators (one request per 100) into
   * {@link FetchReport#collaborators()}.
   *
   * @return new options
   */
  public FetchOptions withCollaborators() {
    return new FetchOptions(resources, checkpointDirectory, cacheDirectory, since, true, selection, stopAtFailedRepository);
  }

  /**
   * These options reading the repositories of an owner that a selection keeps.
   *
   * @param value which repositories
   * @return new options
   */
  public FetchOptions withSelection(RepositorySelection value) {
    return new FetchOptions(resources, checkpointDirectory, cacheDirectory, since, collaborators, value, stopAtFailedRepository);
  }

  /**
   * These options stopping an owner's fetch at the first repository that fails.
   *
   * @return new options
   */
  public FetchOptions stoppingAtFailedRepository() {
    return new FetchOptions(resources, checkpointDirectory, cacheDirectory, since, collaborators, selection, true);
  }
}
