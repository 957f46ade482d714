package io.github.communitymetrics.github.archive;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which repositories a {@link GhArchiveReader} keeps. Decided on the raw repository name while
 * parsing, before any event is built, so that reading one project out of a full archive hour
 * costs little more than skipping the rest. GitHub names are case-insensitive, and so is the
 * match.
 *
 * <p>Events dropped by a filter are counted in {@link GhArchiveReport#filteredOut()}.
 * Instances are immutable.
 */
public final class GhArchiveFilter {
  private static final GhArchiveFilter ALL = new GhArchiveFilter(Set.of(), Set.of(), false);

  /** Lower-cased {@code owner/name}s. */
  private final Set<String> repositories;
  /** Lower-cased owners (users or organisations). */
  private final Set<String> owners;
  /** Whether pull request events of every repository are kept too. */
  private final boolean pullRequestsEverywhere;

  private GhArchiveFilter(Set<String> repositories, Set<String> owners, boolean pullRequestsEverywhere) {
    this.repositories = repositories;
    this.owners = owners;
    this.pullRequestsEverywhere = pullRequestsEverywhere;
  }

  /** Keeps every event. */
  public static GhArchiveFilter all() {
    return ALL;
  }

  /**
   * Keeps the events of these repositories.
   *
   * @param fullNames {@code owner/name}s, in any case; at least one
   * @throws IllegalArgumentException if empty, or a name is not {@code owner/name}
   */
  public static GhArchiveFilter repositories(Collection<String> fullNames) {
    Args.notNull(fullNames, "fullNames");
    Args.argument(!fullNames.isEmpty(), "at least one repository is needed");
    Set<String> names = new TreeSet<>();
    for (String n : fullNames) {
      Args.notBlank(n, "repository");
      int slash = n.indexOf('/');
      Args.argument(
          slash > 0 && slash == n.lastIndexOf('/') && slash < n.length() - 1,
          "a repository must be OWNER/NAME but was '" + n + "'");
      names.add(n.toLowerCase(Locale.ROOT));
    }
    return new GhArchiveFilter(Set.copyOf(names), Set.of(), false);
  }

  /**
   * Keeps the events of every repository these users or organisations own.
   *
   * @param ownerLogins owner logins, in any case; at least one
   * @throws IllegalArgumentException if empty, or a login is blank or holds a {@code /}
   */
  public static GhArchiveFilter owners(Collection<String> ownerLogins) {
    Args.notNull(ownerLogins, "ownerLogins");
    Args.argument(!ownerLogins.isEmpty(), "at least one owner is needed");
    Set<String> names = new TreeSet<>();
    for (String n : ownerLogins) {
      Args.notBlank(n, "owner");
      Args.argument(n.indexOf('/') < 0, "an owner must not hold '/' but was '" + n + "'");
      names.add(n.toLowerCase(Locale.ROOT));
    }
    return new GhArchiveFilter(Set.of(), Set.copyOf(names), false);
  }

  /**
   * This filter, also keeping the {@code PullRequestEvent}s of every other repository. Contributor
   * confidence (OpenSauced) of a repository counts the pull requests its stargazers and forkers
   * opened anywhere, so a filter that keeps only the repository's own events changes its answer;
   * keep these, then drop those of people who did not star or fork it (as the {@code metrics}
   * command does) once the stargazers are known.
   */
  public GhArchiveFilter withPullRequestsOfAnyRepository() {
    return keepsAll() ? this : new GhArchiveFilter(repositories, owners, true);
  }

  /** Whether {@code PullRequestEvent}s of any repository are kept. */
  public boolean keepsPullRequestsOfAnyRepository() {
    return keepsAll() || pullRequestsEverywhere;
  }

  /** Whether this filter keeps everything. */
  public boolean keepsAll() {
    return repositories.isEmpty() && owners.isEmpty();
  }

  /**
   * Whether events of the repository {@code fullName} ({@code owner/name}) are kept.
   *
   * @throws NullPointerException if {@code fullName} is null
   */
  public boolean keeps(String fullName) {
    Args.notNull(fullName, "fullName");
    if (keepsAll()) {
      return true;
    }
    String lower = fullName.toLowerCase(Locale.ROOT);
    if (repositories.contains(lower)) {
      return true;
    }
    int slash = lower.indexOf('/');
    return slash > 0 && owners.contains(lower.substring(0, slash));
  }

  @Override
  public String toString() {
    if (keepsAll()) {
      return "GhArchiveFilter[all]";
    }
    return "GhArchiveFilter[repositories=" + new TreeSet<>(repositories) + ", owners="
        + new TreeSet<>(owners) + (pullRequestsEverywhere ? ", pull requests everywhere" : "") + "]";
  }
}
