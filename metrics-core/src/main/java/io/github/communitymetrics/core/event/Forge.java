package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.regex.Pattern;

/**
 * Where an identity or a repository lives: a forge such as GitHub or GitLab, or a plain git
 * history with no forge at all.
 *
 * <p>Logins and numeric ids are only comparable within one forge. A self-managed instance is its
 * own forge, named for instance {@code gitlab:gitlab.example.org}.
 *
 * @param name lower-case identifier: letters, digits, {@code . : _ -}
 */
public record Forge(String name) implements Comparable<Forge> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.:_-]*");

  /** github.com. */
  public static final Forge GITHUB = new Forge("github");

  /** gitlab.com. */
  public static final Forge GITLAB = new Forge("gitlab");

  /** A git history read without a forge: identities are names and e-mail addresses only. */
  public static final Forge GIT = new Forge("git");

  /**
   * Creates a forge.
   *
   * @throws IllegalArgumentException if the name is not a lower-case identifier
   */
  public Forge {
    Checks.notNull(name, "forge name");
    if (!(NAME.matcher(name).matches())) {
      throw new IllegalArgumentException("forge name must match " + NAME.pattern() + " but was '" + name + "'");
    }
  }

  /** Returns the forge with this name, reusing the constants for the well-known ones. */
  public static Forge of(String name) {
    switch (name) {
      case "github":
        return GITHUB;
      case "gitlab":
        return GITLAB;
      case "git":
        return GIT;
      default:
        return new Forge(name);
    }
  }

  @Override
  public int compareTo(Forge other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
