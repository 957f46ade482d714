package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The repositories of an owner or group that a {@link RepositorySelection} keeps, with how many
 * it left out and why.
 *
 * @param listedAt the first page of the list that was read, such as {@code
 *     https://api.github.com/orgs/acme/repos?type=all&per_page=100} (it tells an organisation from a
 *     user on GitHub)
 * @param selected the repositories to read, in the order the forge listed them, each once
 * @param forksLeftOut forks left out (a fork that is also archived counts here only)
 * @param archivedLeftOut archived repositories left out that are not forks
 * @param namesNotMatching repositories left out by {@link RepositorySelection#namesMatching()}
 *     only
 */
public record RepositoryListing(
    URI listedAt, List<ListedRepository> selected, int forksLeftOut, int archivedLeftOut, int namesNotMatching) {
  /** Copies the list and checks the counts. */
  public RepositoryListing {
    Args.notNull(listedAt, "listedAt");
    selected = List.copyOf(selected);
    if (forksLeftOut < 0 || archivedLeftOut < 0 || namesNotMatching < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /**
   * Applies a selection to what a forge listed. A repository listed twice (pages that shifted while
   * they were read) is kept once, by id.
   *
   * @param listedAt the list's first page
   * @param listed every repository listed, in the forge's order
   * @param selection what to keep
   * @return the listing
   */
  public static RepositoryListing select(URI listedAt, List<ListedRepository> listed, RepositorySelection selection) {
    Args.notNull(listed, "listed");
    Args.notNull(selection, "selection");
    List<ListedRepository> kept = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    int forks = 0;
    int archived = 0;
    int names = 0;
    for (ListedRepository r : listed) {
      if (!seen.add(r.id())) {
        continue;
      }
      if (r.fork() && !selection.forks()) {
        forks++;
      } else if (r.archived() && !selection.archived()) {
        archived++;
      } else if (!selection.matchesName(r.name())) {
        names++;
      } else {
        kept.add(r);
      }
    }
    return new RepositoryListing(listedAt, kept, forks, archived, names);
  }

  /**
   * The full names of the selected repositories.
   *
   * @return in listing order
   */
  public List<String> names() {
    return selected.stream().map(ListedRepository::fullName).toList();
  }
}
