package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a whole input that a fork scan scoped to some repositories reads, so that the scan
 * of one upstream reads its own events and its forks' rather than every event of a GH Archive day.
 *
 * <p>What the scan ({@link ForkState}) uses of the input, for a scope: the {@code fork} events and
 * pull requests of the scope's repositories (which name the forks: by a fork event's fork name, or
 * by the head repository of a pull request from another repository), and the activity (pushes,
 * commits, releases, people's code work) that the two metrics then look up, which is the
 * activity of the scope's repositories (an upstream's people, for the hard-fork signals) and of
 * each fork so named. Activity is keyed by forge and full name without numeric id, so every
 * repository of the store with that name is kept, with or without id. Forks of forks, the forks'
 * own fork events and pull requests, and people's activity in other repositories are not read.
 * The slice therefore gives the scan the same state for the results, for every repository of the
 * scope (only {@link ForkState#repositoriesWithActivity()} is smaller), when {@code whole} is all of
 * the input: a fork is found only from the scope's own events, so per-time slices of the input
 * cannot be cut this way and merged (their merge needs every repository's activity).
 */
public final class ForkInput {
  private ForkInput() {}

  /**
   * The events of {@code whole} that a fork scan scoped to {@code scope} reads: the store itself
   * for every repository, otherwise a slice of the scope's repositories and of their forks. Takes
   * time proportional to the scope's events and its forks' (plus, once per store, a pass over its
   * repositories; an organisation scope reads every repository name once).
   *
   * @param whole every event of the input (the scan's results equal those over {@code whole})
   * @param scope the scan's scope
   */
  public static EventStore of(EventStore whole, RepositoryScope scope) {
    Checks.notNull(whole, "whole");
    Checks.notNull(scope, "scope");
    if (scope.isAll()) {
      return whole;
    }
    NameIndex names = NameIndex.of(whole.repositories());
    Set<Repository> keys = new LinkedHashSet<>();
    if (scope.owner().isPresent()) {
      for (Repository r : whole.repositories()) {
        if (scope.includes(r) || scope.includes(ForkState.named(r))) {
          keys.add(ForkState.named(r));
        }
      }
    } else {
      scope.repositories().forEach(r -> keys.add(ForkState.named(r)));
    }
    // The forks: named by the fork events and pull requests of the scope's repositories (a
    // superset when a same-named repository lies outside the scope: extra activity, never read).
    EventStore own = whole.slice(names.repositories(keys));
    Set<Repository> forks = new LinkedHashSet<>();
    for (int i = 0; i < own.size(); i++) {
      EventType type = own.type(i);
      if (type == EventType.FORK) {
        Fork f = (Fork) own.event(i);
        Repository upstream = own.repository(own.repositoryIndex(i));
        f.forkFullName().ifPresent(n -> forks.add(Repository.of(upstream.forge(), n)));
      } else if (type == EventType.PULL_REQUEST_OPENED) {
        PullRequestOpened o = (PullRequestOpened) own.event(i);
        Repository upstream = own.repository(own.repositoryIndex(i));
        if (o.fromOtherRepository()) {
          o.headRepository().ifPresent(h -> forks.add(Repository.of(upstream.forge(), h)));
        }
      }
    }
    forks.removeAll(keys);
    if (forks.isEmpty()) {
      return own;
    }
    keys.addAll(forks);
    return whole.slice(names.repositories(keys));
  }

  /**
   * The store's repositories by forge and full name without id, for one interned list (which every
   * slice of a store shares): built in one pass and kept for the last list seen, so that the scans
   * of each shown repository of a report in turn do not each pass over every repository. A cache
   * of a pure function of an immutable list, holding the list weakly.
   */
  private static final class NameIndex {
    private static volatile NameIndex last;

    private final WeakReference<List<Repository>> list;
    private final Map<Repository, Object> byName = new HashMap<>();

    private NameIndex(List<Repository> repositories) {
      this.list = new WeakReference<>(repositories);
      for (Repository r : repositories) {
        // Most names have one repository: stored alone, a list only for the few that have more.
        byName.merge(ForkState.named(r), r, (a, b) -> {
          List<Repository> more = a instanceof Repository one ? new ArrayList<>(List.of(one)) : cast(a);
          more.add((Repository) b);
          return more;
        });
      }
    }

    @SuppressWarnings("unchecked") // only lists of repositories are stored beside repositories
    private static List<Repository> cast(Object o) {
      return (List<Repository>) o;
    }

    static NameIndex of(List<Repository> repositories) {
      NameIndex index = last;
      if (index == null || index.list.get() != repositories) {
        index = new NameIndex(repositories);
        last = index;
      }
      return index;
    }

    /** The store's repositories with these names (with or without id). */
    List<Repository> repositories(Set<Repository> names) {
      List<Repository> out = new ArrayList<>();
      for (Repository n : names) {
        Object found = byName.get(n);
        if (found instanceof Repository one) {
          out.add(one);
        } else if (found != null) {
          out.addAll(cast(found));
        }
      }
      return out;
    }
  }
}
