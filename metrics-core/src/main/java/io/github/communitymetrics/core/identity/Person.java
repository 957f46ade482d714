package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.PersonAccess;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One person (or one bot) as {@link IdentityResolver} found it: the actors that are the same
 * individual. A value: two persons are equal when their index, actors and bot flag are.
 *
 * <p>The {@linkplain #index() index} is the person's position in {@link Identities#people()}; it
 * is stable for the same input (in any order, with any duplicates) and the same resolver, not
 * across different inputs.
 */
public final class Person {
  private final int index;
  private final List<Actor> actors;
  private final boolean bot;
  // Derived on first use (issue 24): resolving a million actors should not build two sets and a
  // label for each person that no report ever shows. Volatile, so a value computed by one thread
  // is seen whole by the others; computing it twice in a race is harmless (same value).
  private volatile Set<String> emails;
  private volatile Set<String> logins;
  private volatile String label;

  static {
    // The state codecs rebuild people (a pull request's opener in the bus-factor state).
    PersonAccess.install(Person::new);
  }

  Person(int index, List<Actor> sortedActors, boolean bot) {
    Checks.notNegative(index, "index");
    Checks.argument(!sortedActors.isEmpty(), "a person has at least one actor");
    this.index = index;
    this.actors = List.copyOf(sortedActors);
    this.bot = bot;
  }

  /** The position of this person in {@link Identities#people()}, from 0. */
  public int index() {
    return index;
  }

  /** The actors that are this person, in {@link Actor}'s order; never empty. */
  public List<Actor> actors() {
    return actors;
  }

  /** Whether this is a bot; a person's actors are either all bots or all not. */
  public boolean bot() {
    return bot;
  }

  /** Every e-mail address of the actors, trimmed and lower-cased, sorted. */
  public Set<String> emails() {
    Set<String> e = emails;
    if (e == null) {
      Set<String> sorted = new TreeSet<>();
      for (Actor a : actors) {
        a.emails().forEach(x -> sorted.add(Normalize.email(x)));
      }
      e = Collections.unmodifiableSet(sorted);
      emails = e;
    }
    return e;
  }

  /** Every login of the actors on any forge, as recorded, sorted. */
  public Set<String> logins() {
    Set<String> l = logins;
    if (l == null) {
      Set<String> sorted = new TreeSet<>();
      for (Actor a : actors) {
        a.login().ifPresent(sorted::add);
      }
      l = Collections.unmodifiableSet(sorted);
      logins = l;
    }
    return l;
  }

  /**
   * A name to show: a GitHub login, else a GitLab login, else another forge's login (the
   * alphabetically first one when there are several), else the display name most actors carry
   * (ties: alphabetically first), else the first e-mail address, else {@code #id}.
   */
  public String label() {
    String l = label;
    if (l == null) {
      l = label(actors, emails());
      label = l;
    }
    return l;
  }

  private static String label(List<Actor> actors, Set<String> emails) {
    Optional<String> login =
        loginOn(actors, Forge.GITHUB)
            .or(() -> loginOn(actors, Forge.GITLAB))
            .or(
                () ->
                    actors.stream()
                        .filter(a -> !a.forge().equals(Forge.GIT))
                        .flatMap(a -> a.login().stream())
                        .min(Comparator.naturalOrder()));
    if (login.isPresent()) {
      return login.get();
    }
    Map<String, Integer> names = new TreeMap<>();
    for (Actor a : actors) {
      a.name().ifPresent(n -> names.merge(n.strip(), 1, Integer::sum));
    }
    if (!names.isEmpty()) {
      // TreeMap iteration is alphabetical, and max keeps the first of equal counts.
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> n : names.entrySet()) {
        if (n.getValue() > bestCount) {
          best = n.getKey();
          bestCount = n.getValue();
        }
      }
      return best;
    }
    if (!emails.isEmpty()) {
      return emails.iterator().next();
    }
    return actors.stream()
        .flatMap(a -> a.login().stream())
        .findFirst()
        .orElseGet(() -> actors.get(0).label());
  }

  private static Optional<String> loginOn(List<Actor> actors, Forge forge) {
    return actors.stream()
        .filter(a -> a.forge().equals(forge))
        .flatMap(a -> a.login().stream())
        .min(Comparator.naturalOrder());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Person)) {
      return false;
    }
    Person p = (Person) o;
    return index == p.index && bot == p.bot && actors.equals(p.actors);
  }

  @Override
  public int hashCode() {
    return (31 * index + Boolean.hashCode(bot)) * 31 + actors.hashCode();
  }

  @Override
  public String toString() {
    return "Person#" + index + "(" + label() + (bot ? ", bot" : "") + ", " + actors.size() + " actors)";
  }
}
