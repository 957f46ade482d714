package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;

/**
 * The owner of repositories on a forge: a GitHub user or organisation, a GitLab top-level group
 * ({@link Repository#owner()}). Owners are compared without regard to case (character by
 * character, as {@link String#equalsIgnoreCase}), as the forges compare them and as {@link
 * RepositoryScope#organization} does; {@link #name()} keeps the spelling given.
 *
 * @param forge the forge
 * @param name the owner's name as spelled, without {@code /}
 */
public record Owner(Forge forge, String name) implements Comparable<Owner> {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code name} is blank or contains {@code /}
   */
  public Owner {
    Checks.notNull(forge, "forge");
    Checks.notBlank(name, "name");
    if (name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("owner must not contain '/' but was '" + name + "'");
    }
  }

  /** The owner of {@code repository}, spelled as in its full name. */
  public static Owner of(Repository repository) {
    Checks.notNull(repository, "repository");
    return new Owner(repository.forge(), repository.owner());
  }

  /** Every repository of this owner: {@link RepositoryScope#organization}. */
  public RepositoryScope scope() {
    return RepositoryScope.organization(forge, name);
  }

  /** By forge, then by name without regard to case. */
  @Override
  public int compareTo(Owner other) {
    int c = forge.compareTo(other.forge);
    // CASE_INSENSITIVE_ORDER folds character by character, as equalsIgnoreCase: consistent with it.
    return c != 0 ? c : String.CASE_INSENSITIVE_ORDER.compare(name, other.name);
  }

  /** Equal when the forges are and the names are without regard to case. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Owner
        && forge.equals(((Owner) o).forge)
        && name.equalsIgnoreCase(((Owner) o).name);
  }

  @Override
  public int hashCode() {
    int h = forge.hashCode();
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + Character.toLowerCase(Character.toUpperCase(name.charAt(i)));
    }
    return h;
  }

  @Override
  public String toString() {
    return forge + ":" + name;
  }
}
