package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.OptionalLong;

/**
 * A repository on a forge.
 *
 * @param forge where it lives
 * @param fullName the forge's full name: {@code owner/name} on GitHub, the full group path such as
 *     {@code group/subgroup/project} on GitLab, any non-blank label for a plain git history
 * @param id the forge's numeric id when known; it survives renames, the full name does not
 */
public record Repository(Forge forge, String fullName, OptionalLong id)
    implements Comparable<Repository> {

  /** Checks the components. */
  public Repository {
    Checks.notNull(forge, "forge");
    Checks.noNul(Checks.notBlank(fullName, "fullName"), "fullName");
    Checks.notNull(id, "id");
    if (!(fullName.strip().equals(fullName))) {
      throw new IllegalArgumentException("fullName must not start or end with white space: '" + fullName + "'");
    }
  }

  /** A repository whose numeric id is unknown. */
  public static Repository of(Forge forge, String fullName) {
    return new Repository(forge, fullName, OptionalLong.empty());
  }

  /** A repository on github.com. */
  public static Repository github(String fullName) {
    return of(Forge.GITHUB, fullName);
  }

  /**
   * The owner part of the full name: the GitHub owner or the GitLab top-level group; the whole
   * name when it has no {@code /}.
   */
  public String owner() {
    int slash = fullName.indexOf('/');
    return slash < 0 ? fullName : fullName.substring(0, slash);
  }

  /**
   * Forge, full name, then id (absent first). Consistent with {@code equals}. Written out rather
   * than composed from key extractors: stores and scoring sort and search hundreds of thousands of
   * repositories with it.
   */
  @Override
  public int compareTo(Repository other) {
    if (this == other) {
      return 0;
    }
    int c = forge.compareTo(other.forge);
    if (c == 0) {
      c = fullName.compareTo(other.fullName);
    }
    if (c != 0) {
      return c;
    }
    if (id.isPresent() != other.id.isPresent()) {
      return id.isPresent() ? 1 : -1;
    }
    return id.isPresent() ? Long.compare(id.getAsLong(), other.id.getAsLong()) : 0;
  }

  @Override
  public String toString() {
    return forge + ":" + fullName + (id.isPresent() ? "#" + id.getAsLong() : "");
  }
}
