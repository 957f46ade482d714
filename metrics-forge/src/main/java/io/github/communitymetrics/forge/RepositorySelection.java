package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Which repositories of an owner (GitHub) or group (GitLab) a fetch reads. By default ({@link
 * #defaults()}) forks and archived repositories are left out: a fork mostly repeats its upstream's
 * history, and an archived repository can no longer change, so neither says much about the health
 * of the community that owns them. Both can be asked for, and a name pattern narrows the rest.
 *
 * @param forks whether forks are read
 * @param archived whether archived (read-only) repositories are read
 * @param namesMatching a glob the repository's name ({@link ListedRepository#name()}, the last
 *     segment of its path) must match, case-insensitively, in the syntax of {@link
 *     java.nio.file.FileSystem#getPathMatcher(String)}: {@code *} any run of characters, {@code ?}
 *     one, {@code [abc]} one of a set, {@code {a,b}} one of several; empty to read every name
 */
public record RepositorySelection(boolean forks, boolean archived, Optional<String> namesMatching) {
  /** Checks the glob. */
  public RepositorySelection {
    Objects.requireNonNull(namesMatching, "namesMatching must not be null");
    namesMatching.ifPresent(glob -> {
      Args.notBlank(glob, "namesMatching");
      if (glob.indexOf('/') >= 0) {
        throw new IllegalArgumentException(
            "namesMatching is matched against a name without owner or group, so it has no '/': " + glob);
      }
      try {
        matcher(glob);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("namesMatching is not a glob: " + e.getMessage(), e);
      }
    });
  }

  /**
   * No forks, no archived repositories, every name.
   *
   * @return the default selection
   */
  public static RepositorySelection defaults() {
    return new RepositorySelection(false, false, Optional.empty());
  }

  /**
   * This selection with forks read too.
   *
   * @return a new selection
   */
  public RepositorySelection withForks() {
    return new RepositorySelection(true, archived, namesMatching);
  }

  /**
   * This selection with archived repositories read too.
   *
   * @return a new selection
   */
  public RepositorySelection withArchived() {
    return new RepositorySelection(forks, true, namesMatching);
  }

  /**
   * This selection reading only names that match a glob.
   *
   * @param glob such as {@code metrics-*} or {@code {api,web}-*}
   * @return a new selection
   */
  public RepositorySelection withNamesMatching(String glob) {
    return new RepositorySelection(forks, archived, Optional.of(glob));
  }

  /**
   * Whether a name matches {@link #namesMatching()} (always, without a glob).
   *
   * @param name a repository's name, without owner or group
   * @return true when it is to be read as far as its name goes
   */
  public boolean matchesName(String name) {
    Objects.requireNonNull(name, "name");
    return namesMatching
        .map(glob -> matcher(glob).matches(Path.of(name.toLowerCase(Locale.ROOT))))
        .orElse(true);
  }

  /**
   * The JDK's glob matcher ({@link java.nio.file.FileSystem#getPathMatcher(String)}) over lower
   * case: forge names are case-insensitive, and a name has no separator for the file system's
   * rules to differ on.
   */
  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
  }
}
