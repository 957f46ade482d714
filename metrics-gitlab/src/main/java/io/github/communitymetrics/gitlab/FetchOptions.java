package io.github.communitymetrics.gitlab;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How to fetch.
 *
 * @param resources what to read, not empty
 * @param checkpointDirectory where per-resource cursors are saved so that an interrupted or later
 *     fetch resumes; empty for a fetch that always starts from the beginning
 */
public record FetchOptions(Set<GitLabResource> resources, Optional<Path> checkpointDirectory) {

  /** Checks and copies the arguments. */
  public FetchOptions {
    if (resources == null || checkpointDirectory == null) {
      throw new NullPointerException("resources and checkpointDirectory must not be null");
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources must not be empty");
    }
    resources = Set.copyOf(EnumSet.copyOf(resources));
  }

  /**
   * Every resource, no checkpoint.
   *
   * @return the options
   */
  public static FetchOptions all() {
    return new FetchOptions(EnumSet.allOf(GitLabResource.class), Optional.empty());
  }

  /**
   * These options reading only the given resources.
   *
   * @param value the resources
   * @return new options
   */
  public FetchOptions withResources(Set<GitLabResource> value) {
    return new FetchOptions(value, checkpointDirectory);
  }

  /**
   * These options saving cursors in a directory.
   *
   * @param value the checkpoint directory
   * @return new options
   */
  public FetchOptions withCheckpointDirectory(Path value) {
    return new FetchOptions(resources, Optional.of(value));
  }
}
