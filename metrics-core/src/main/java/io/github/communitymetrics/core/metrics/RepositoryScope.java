package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.EventStore;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which repositories' events count: all of them, a set of repositories, or an organisation (every
 * repository of one forge whose {@link Repository#owner()} is the given owner). Immutable.
 */
public final class RepositoryScope {
  private static final RepositoryScope ALL = new RepositoryScope(null, null, null);

  /** Null unless a set of repositories. */
  private final Set<Repository> repositories;
  /** Null unless an organisation. */
  private final Forge forge;

  private final String owner;

  private RepositoryScope(Set<Repository> repositories, Forge forge, String owner) {
    this.repositories = repositories;
    this.forge = forge;
    this.owner = owner;
  }

  /** Every repository. */
  public static RepositoryScope all() {
    return ALL;
  }

  /** These repositories. */
  public static RepositoryScope of(Repository first, Repository... more) {
    Checks.notNull(first, "repository");
    if (Checks.notNull(more, "repositories").length == 0) {
      // The common case (one scope per repository, thousands of them): no sorted copy needed.
      return new RepositoryScope(Set.of(first), null, null);
    }
    Set<Repository> set = new TreeSet<>();
    set.add(first);
    for (Repository r : Checks.notNull(more, "repositories")) {
      set.add(Checks.notNull(r, "repository"));
    }
    return new RepositoryScope(Set.copyOf(set), null, null);
  }

  /**
   * These repositories.
   *
   * @throws IllegalArgumentException if {@code repositories} is empty
   */
  public static RepositoryScope of(Collection<Repository> repositories) {
    Checks.notNull(repositories, "repositories");
    Checks.argument(!repositories.isEmpty(), "repositories must not be empty");
    Set<Repository> copy = new TreeSet<>();
    for (Repository r : repositories) {
      copy.add(Checks.notNull(r, "repository"));
    }
    return new RepositoryScope(Set.copyOf(copy), null, null);
  }

  /**
   * Every repository on {@code forge} whose owner (GitHub owner, GitLab top-level group) is
   * {@code owner}, compared exactly.
   */
  public static RepositoryScope organization(Forge forge, String owner) {
    Checks.notNull(forge, "forge");
    Checks.notBlank(owner, "owner");
    if (owner.indexOf('/') >= 0) {
      throw new IllegalArgumentException("owner must not contain '/' but was '" + owner + "'");
    }
    return new RepositoryScope(null, forge, owner);
  }

  /** Whether events of {@code repository} count. */
  public boolean includes(Repository repository) {
    Checks.notNull(repository, "repository");
    if (repositories != null) {
      return repositories.contains(repository);
    }
    if (owner != null) {
      // Owners are case-insensitive on GitHub and GitLab.
      return repository.forge().equals(forge) && repository.owner().equalsIgnoreCase(owner);
    }
    return true;
  }

  /** The repositories of a set scope; empty for the whole scope and for an organisation. */
  public Set<Repository> repositories() {
    return repositories == null ? Set.of() : repositories;
  }

  /** The owner of an organisation scope; empty otherwise. */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /** Whether the scope is every repository. */
  public boolean isAll() {
    return repositories == null && owner == null;
  }

  /**
   * The events of {@code store} in scope, exactly: the store itself for every repository, otherwise
   * a slice by repository, so that a metric of one repository reads that repository's events
   * rather than the whole store, and needs no test of each event's repository. Slices share the
   * store's columns and interned values. For a set of repositories this takes time proportional
   * to the set (the store's per-repository index is built once, on first use); for an
   * organisation, to its repositories, once the owners of the store's repositories are known (one
   * pass over them, kept for the last store).
   */
  public EventStore restrict(EventStore store) {
    Checks.notNull(store, "store");
    if (isAll()) {
      return store;
    }
    if (repositories != null) {
      // By the store's per-repository index: proportional to the scope's repositories, not to the
      // store's, so that computing a metric for each repository of a large store in turn (as
      // EachRepository does) is not quadratic in repositories.
      return repositories.size() == 1
          ? store.slice(repositories.iterator().next())
          : store.slice(repositories);
    }
    List<Repository> inScope = OwnerIndex.of(store.repositories()).repositories(forge, owner);
    return inScope.size() == store.repositories().size() ? store : store.slice(inScope);
  }

  /**
   * The repositories of each owner in one store's interned list, which every slice of the store
   * shares: built in one pass over the list and kept for the last list seen, so that restricting
   * to each owner of a store in turn (as {@link EachRepository#computeEachOwner} does) is not
   * owners times repositories. A cache of a pure function of an immutable list: it holds the list
   * weakly, and racing threads build equal indices.
   */
  private static final class OwnerIndex {
    private static volatile OwnerIndex last;

    private final java.lang.ref.WeakReference<List<Repository>> list;
    private final java.util.Map<String, List<Repository>> byOwner = new java.util.HashMap<>();

    private OwnerIndex(List<Repository> repositories) {
      this.list = new java.lang.ref.WeakReference<>(repositories);
      for (Repository r : repositories) {
        byOwner.computeIfAbsent(key(r.forge(), r.owner()), k -> new java.util.ArrayList<>()).add(r);
      }
    }

    static OwnerIndex of(List<Repository> repositories) {
      OwnerIndex index = last;
      if (index == null || index.list.get() != repositories) {
        index = new OwnerIndex(repositories);
        last = index;
      }
      return index;
    }

    /** The repositories of {@code owner} on {@code forge} (compared without case), ascending. */
    List<Repository> repositories(Forge forge, String owner) {
      return byOwner.getOrDefault(key(forge, owner), List.of());
    }

    private static String key(Forge forge, String owner) {
      return forge.name() + '\u0000' + foldCase(owner);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RepositoryScope)) {
      return false;
    }
    RepositoryScope s = (RepositoryScope) o;
    return Objects.equals(repositories, s.repositories)
        && Objects.equals(forge, s.forge)
        && Objects.equals(fold(owner), fold(s.owner));
  }

  @Override
  public int hashCode() {
    // Folded as includes compares owners, so scopes that include the same repositories are equal.
    return Objects.hash(repositories, forge, fold(owner));
  }

  /**
   * {@code s} with each character folded as {@link String#equalsIgnoreCase} compares it: two
   * owners are equal ignoring case exactly when their folds are equal (lower-casing the whole
   * string, as {@link String#toLowerCase} does, differs for a few characters such as U+0130).
   */
  static String foldCase(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(Character.toUpperCase(c[i]));
    }
    return new String(c);
  }

  private static String fold(String s) {
    return s == null ? null : foldCase(s);
  }

  @Override
  public String toString() {
    if (repositories != null) {
      return "repositories" + new TreeSet<>(repositories);
    }
    return owner != null ? "organisation " + forge + ":" + owner : "all repositories";
  }
}
