package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.event.Repository;

/** What the metrics are computed for: each repository, or each owner (organisation or user). */
public enum Grouping {
  /** One group per repository, named by its full name {@code owner/name}. */
  REPOSITORY,
  /**
   * One group per owner, named by the part of the repository's full name before the first
   * {@code /} (on GitLab, the top-level group), holding all of its repositories.
   */
  OWNER;

  /** The group of a repository. */
  public String groupOf(Repository repository) {
    String name = Args.notNull(repository, "repository").fullName();
    if (this == REPOSITORY) {
      return name;
    }
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }
}
