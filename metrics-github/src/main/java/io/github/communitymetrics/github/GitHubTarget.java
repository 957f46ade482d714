package io.github.communitymetrics.github;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to fetch: one repository ({@code OWNER/NAME}) or every repository of an organisation or
 * user ({@code OWNER}).
 *
 * @param owner the owner's login
 * @param name the repository name, or empty for all repositories of the owner
 */
public record GitHubTarget(String owner, Optional<String> name) {
  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** Checks that owner and name are valid GitHub names. */
  public GitHubTarget {
    if (owner == null || !OWNER.matcher(owner).matches()) {
      throw new IllegalArgumentException("owner is not a GitHub login: " + owner);
    }
    if (name == null) {
      throw new NullPointerException("name must not be null");
    }
    if (name.isPresent() && (!NAME.matcher(name.get()).matches() || name.get().matches("\\.+"))) {
      throw new IllegalArgumentException("name is not a GitHub repository name: " + name.get());
    }
  }

  /**
   * Reads {@code OWNER/NAME} or {@code OWNER}.
   *
   * @param text the target as written on a command line
   * @return the target
   */
  public static GitHubTarget parse(String text) {
    if (text == null) {
      throw new NullPointerException("text must not be null");
    }
    int slash = text.indexOf('/');
    return slash < 0
        ? new GitHubTarget(text, Optional.empty())
        : new GitHubTarget(text.substring(0, slash), Optional.of(text.substring(slash + 1)));
  }

  /**
   * Whether this names all repositories of an owner.
   *
   * @return true for {@code OWNER} without a name
   */
  public boolean isOwner() {
    return name.isEmpty();
  }

  /** {@code OWNER/NAME} or {@code OWNER}. */
  @Override
  public String toString() {
    return name.map(n -> owner + "/" + n).orElse(owner);
  }
}
