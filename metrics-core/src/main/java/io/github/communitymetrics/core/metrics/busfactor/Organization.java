package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the elephant factor ranks: an organisation, the bucket of unaffiliated contributions, or
 * one unaffiliated person standing for themselves (see {@link UnaffiliatedPolicy}).
 *
 * @param kind which of the three
 * @param name the organisation's name as {@link io.github.communitymetrics.core.identity.Affiliations}
 *     reports it; {@code "unaffiliated"} for the bucket; the person's label for an individual
 * @param person the person's key for an individual; empty otherwise
 */
public record Organization(Kind kind, String name, Optional<Actor> person)
    implements Comparable<Organization> {

  private static final Organization UNAFFILIATED =
      new Organization(Kind.UNAFFILIATED, "unaffiliated", Optional.empty());

  private static final Comparator<Organization> ORDER =
      Comparator.comparing(Organization::kind)
          .thenComparing(Organization::name)
          .thenComparing(o -> o.person.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The kinds of {@link Organization}. */
  public enum Kind {
    /** A named organisation. */
    AFFILIATED,
    /** All unaffiliated people together. */
    UNAFFILIATED,
    /** One unaffiliated person. */
    INDIVIDUAL
  }

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if the name is blank, or {@code person} is present exactly
   *     when the kind is not {@link Kind#INDIVIDUAL}
   */
  public Organization {
    Checks.notNull(kind, "kind");
    Checks.notBlank(name, "name");
    Checks.notNull(person, "person");
    Checks.argument(
        person.isPresent() == (kind == Kind.INDIVIDUAL),
        "an organisation has a person exactly when it is an individual");
  }

  /** The organisation with this name. */
  public static Organization named(String name) {
    return new Organization(Kind.AFFILIATED, name, Optional.empty());
  }

  /** The bucket of all unaffiliated contributions. */
  public static Organization unaffiliated() {
    return UNAFFILIATED;
  }

  /** One unaffiliated person, by key, shown with their label. */
  public static Organization individual(Actor personKey, String label) {
    return new Organization(Kind.INDIVIDUAL, label, Optional.of(Checks.notNull(personKey, "personKey")));
  }

  /** By kind, then name, then person. */
  @Override
  public int compareTo(Organization other) {
    return ORDER.compare(this, other);
  }
}
