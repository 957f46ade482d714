package io.github.communitymetrics.gitlab;

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
 * @param checkpointDirectory where per-resource cursors and ledgers are saved so that an
 *     interrupted or later fetch resumes and emits nothing twice; empty for a fetch that always
 *     starts from the beginning
 * @param since when present, events before this instant are not emitted (counted in {@link
 *     FetchReport#beforeSince()}); merge requests and issues not updated since then are not even
 *     read ({@code updated_after}), nor are older commits ({@code since}); the other lists are
 *     read whole
 * @param selection for a group, which of its projects to read (by default neither forks nor
 *     archived projects); unused for one project
 * @param stopAtFailedRepository for a group, whether a project that fails stops the fetch (its
 *     exception is thrown) instead of being passed over and reported in {@link
 *     FetchReport#failed()}; a single project's failure always stops the fetch
 */
public record FetchOptions(
    Set<GitLabResource> resources,
    Optional<Path> checkpointDirectory,
    Optional<Instant> since,
    RepositorySelection selection,
    boolean stopAtFailedRepository) {

  /** Checks and copies the arguments. */
  public FetchOptions {
    if (resources == null || checkpointDirectory == null || since == null || selection == null) {
      throw new NullPointerException("resources, checkpointDirectory, since and selection must not be null");
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources must not be empty");
    }
    resources = Set.copyOf(EnumSet.copyOf(resources));
  }

  /**
   * Every resource, no checkpoint, no lower time bound; of a group, the projects of {@link
   * RepositorySelection#defaults()}, passing over those that fail.
   *
   * @return the options
   */
  public static FetchOptions all() {
    return new FetchOptions(
        EnumSet.allOf(GitLabResource.class), Optional.empty(), Optional.empty(), RepositorySelection.defaults(), false);
  }

  /**
   * These options reading only the given resources.
   *
   * @param value the resources
   * @return new options
   */
  public FetchOptions withResources(Set<GitLabResource> value) {
    return new FetchOptions(value, checkpointDirectory, since, selection, stopAtFailedRepository);
  }

  /**
   * These options saving cursors in a directory.
   *
   * @param value the checkpoint directory
   * @return new options
   */
  public FetchOptions withCheckpointDirectory(Path value) {
    return new FetchOptions(resources, Optional.of(value), since, selection, stopAtFailedRepository);
  }

  /**
   * These options emitting only events at or after an instant.
   *
   * @param value the earliest instant emitted
   * @return new options
   */
  public FetchOptions withSince(Instant value) {
    return new FetchOptions(resources, checkpointDirectory, Optional.of(value), selection, stopAtFailedRepository);
  }

  /**
   * These options reading the projects of a group that a selection keeps.
   *
   * @param value which projects
   * @return new options
   */
  public FetchOptions withSelection(RepositorySelection value) {
    return new FetchOptions(resources, checkpointDirectory, since, value, stopAtFailedRepository);
  }

  /**
   * These options stopping a group's fetch at the first project that fails.
   *
   * @return new options
   */
  public FetchOptions stoppingAtFailedRepository() {
    return new FetchOptions(resources, checkpointDirectory, since, selection, true);
  }
}
