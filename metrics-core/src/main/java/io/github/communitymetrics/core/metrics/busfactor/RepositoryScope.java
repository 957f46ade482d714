package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.EventStore;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which repositories' events count: all of them (whatever a store holds), or a fixed set (a
 * CHAOSS "repository group"). A value: equal scopes select the same events.
 */
public final class RepositoryScope {
  private static final RepositoryScope ALL = new RepositoryScope(Optional.empty());

  private final Optional<Set<Repository>> repositories;

  private RepositoryScope(Optional<Set<Repository>> repositories) {
    this.repositories = repositories;
  }

  /** Every repository of the store the metric runs on. */
  public static RepositoryScope all() {
    return ALL;
  }

  /**
   * Only these repositories; events of others are ignored.
   *
   * @throws IllegalArgumentException if {@code repositories} is empty
   */
  public static RepositoryScope of(Collection<Repository> repositories) {
    Checks.notNull(repositories, "repositories");
    Checks.argument(!repositories.isEmpty(), "a repository scope needs at least one repository");
    Set<Repository> set = new TreeSet<>();
    for (Repository r : repositories) {
      set.add(Checks.notNull(r, "repository"));
    }
    return new RepositoryScope(Optional.of(Collections.unmodifiableSet(set)));
  }

  /** Only these repositories. */
  public static RepositoryScope of(Repository first, Repository... more) {
    Set<Repository> set = new TreeSet<>();
    set.add(Checks.notNull(first, "repository"));
    for (Repository r : Checks.notNull(more, "repositories")) {
      set.add(Checks.notNull(r, "repository"));
    }
    return of(set);
  }

  /** The repositories in scope, sorted; empty for {@link #all()}. */
  public Optional<Set<Repository>> repositories() {
    return repositories;
  }

  /** Whether every repository is in scope. */
  public boolean isAll() {
    return repositories.isEmpty();
  }

  /** Whether events of {@code repository} count. */
  public boolean includes(Repository repository) {
    return repositories.map(s -> s.contains(repository)).orElse(true);
  }

  /** Per interned repository index of {@code store}: whether it is in scope. */
  boolean[] mask(EventStore store) {
    boolean[] mask = new boolean[store.repositories().size()];
    if (repositories.isEmpty()) {
      java.util.Arrays.fill(mask, true);
      return mask;
    }
    for (Repository r : repositories.get()) {
      OptionalInt i = store.indexOf(r);
      if (i.isPresent()) {
        mask[i.getAsInt()] = true;
      }
    }
    return mask;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepositoryScope && ((RepositoryScope) o).repositories.equals(repositories);
  }

  @Override
  public int hashCode() {
    return repositories.hashCode();
  }

  @Override
  public String toString() {
    return repositories.map(s -> "RepositoryScope" + s).orElse("RepositoryScope[all]");
  }
}
