package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Locale;
import java.util.Optional;

/**
 * Which repositories a cohort metric looks at: one repository, or every repository of an
 * organisation (a GitHub owner or a GitLab top-level group, see {@link Repository#owner()}).
 *
 * <p>Owners are compared ignoring case, as GitHub and GitLab treat them; a repository is compared
 * as a value.
 */
public final class Scope {
  private final Forge forge;
  private final String owner;
  private final Optional<Repository> repository;

  private Scope(Forge forge, String owner, Optional<Repository> repository) {
    this.forge = forge;
    this.owner = owner;
    this.repository = repository;
  }

  /** Only {@code repository}. */
  public static Scope repository(Repository repository) {
    Checks.notNull(repository, "repository");
    return new Scope(repository.forge(), repository.owner(), Optional.of(repository));
  }

  /**
   * Every repository on {@code forge} whose {@link Repository#owner()} is {@code owner}.
   *
   * @throws IllegalArgumentException if {@code owner} is blank or contains {@code /}
   */
  public static Scope organisation(Forge forge, String owner) {
    Checks.notNull(forge, "forge");
    Checks.notBlank(owner, "owner");
    if (!(owner.indexOf('/') < 0)) {
      throw new IllegalArgumentException("owner must not contain '/' but was '" + owner + "'");
    }
    return new Scope(forge, owner, Optional.empty());
  }

  /** The forge. */
  public Forge forge() {
    return forge;
  }

  /** The owner: the organisation's, or the repository's. */
  public String owner() {
    return owner;
  }

  /** The one repository, for a repository scope; empty for an organisation. */
  public Optional<Repository> repository() {
    return repository;
  }

  /** Whether {@code r} is inside this scope. */
  public boolean includes(Repository r) {
    Checks.notNull(r, "repository");
    if (repository.isPresent()) {
      return repository.get().equals(r);
    }
    return r.forge().equals(forge) && r.owner().equalsIgnoreCase(owner);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Scope)) {
      return false;
    }
    Scope s = (Scope) o;
    return forge.equals(s.forge)
        && owner.toLowerCase(Locale.ROOT).equals(s.owner.toLowerCase(Locale.ROOT))
        && repository.equals(s.repository);
  }

  @Override
  public int hashCode() {
    return (forge.hashCode() * 31 + owner.toLowerCase(Locale.ROOT).hashCode()) * 31
        + repository.hashCode();
  }

  @Override
  public String toString() {
    return repository.map(r -> "repository " + r).orElse("organisation " + forge + ":" + owner);
  }
}
