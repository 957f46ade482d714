package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An account or a git identity as a source recorded it. One person may appear as several actors
 * (a login and two e-mail addresses, say); {@link io.github.communitymetrics.core.identity.IdentityResolver}
 * joins them, with the reasons.
 *
 * @param forge the forge the login and id belong to ({@link Forge#GIT} for bare git identities)
 * @param login the forge login, when known
 * @param id the forge's numeric account id, when known; it survives renames, the login does not
 * @param name the display name (or the git author name), when known
 * @param emails e-mail addresses, in the order the source gave them, without duplicates
 * @param kind user, bot or organisation, as the source declared it
 */
public record Actor(
    Forge forge,
    Optional<String> login,
    OptionalLong id,
    Optional<String> name,
    List<String> emails,
    ActorKind kind)
    implements Comparable<Actor> {

  // Consistent with equals: absent values sort before present ones, lists compare element-wise.
  private static final Comparator<Optional<String>> OPT_STRING =
      Comparator.comparing((Optional<String> o) -> o.isPresent())
          .thenComparing(o -> o.orElse(""));
  private static final Comparator<OptionalLong> OPT_LONG =
      Comparator.comparing((OptionalLong o) -> o.isPresent())
          .thenComparingLong(o -> o.orElse(0L));
  private static final Comparator<List<String>> STRINGS =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };
  private static final Comparator<Actor> ORDER =
      Comparator.comparing(Actor::forge)
          .thenComparing(Actor::login, OPT_STRING)
          .thenComparing(Actor::id, OPT_LONG)
          .thenComparing(Actor::name, OPT_STRING)
          .thenComparing(Actor::emails, STRINGS)
          .thenComparing(Actor::kind);

  /**
   * Checks the components and copies the e-mail list.
   *
   * @throws IllegalArgumentException if nothing identifies the actor (no login, id, name or
   *     e-mail), or a string is blank or holds a NUL character (U+0000)
   */
  public Actor {
    Checks.notNull(forge, "forge");
    Checks.notNull(login, "login");
    Checks.notNull(id, "id");
    Checks.notNull(name, "name");
    Checks.notNull(kind, "kind");
    emails = List.copyOf(Checks.notNull(emails, "emails"));
    login.ifPresent(l -> Checks.noNul(Checks.notBlank(l, "login"), "login"));
    name.ifPresent(n -> Checks.noNul(Checks.notBlank(n, "name"), "name"));
    for (String e : emails) {
      Checks.noNul(Checks.notBlank(e, "email"), "email");
    }
    if (emails.size() > 1 && new java.util.HashSet<>(emails).size() != emails.size()) {
      throw new IllegalArgumentException("emails must not repeat: " + emails);
    }
    Checks.argument(
        login.isPresent() || id.isPresent() || name.isPresent() || !emails.isEmpty(),
        "an actor needs at least a login, an id, a name or an e-mail address");
  }

  /** A user known by login on a forge. */
  public static Actor user(Forge forge, String login) {
    return new Actor(
        forge, Optional.of(login), OptionalLong.empty(), Optional.empty(), List.of(), ActorKind.USER);
  }

  /** A user known by login on github.com. */
  public static Actor github(String login) {
    return user(Forge.GITHUB, login);
  }

  /**
   * A bare git identity: a name and an e-mail address, no forge account. A blank name or e-mail
   * address (git allows both) is left out.
   */
  public static Actor git(String name, String email) {
    return new Actor(
        Forge.GIT,
        Optional.empty(),
        OptionalLong.empty(),
        name.isBlank() ? Optional.empty() : Optional.of(name),
        email.isBlank() ? List.of() : List.of(email),
        ActorKind.USER);
  }

  /** This actor with another kind. */
  public Actor withKind(ActorKind newKind) {
    return new Actor(forge, login, id, name, emails, newKind);
  }

  /** Whether the source declared this actor a bot. */
  public boolean isBot() {
    return kind == ActorKind.BOT;
  }

  /**
   * A short human label: the login, else the name, else the first e-mail address, else the id.
   */
  public String label() {
    if (login.isPresent()) {
      return login.get();
    }
    if (name.isPresent()) {
      return name.get();
    }
    if (!emails.isEmpty()) {
      return emails.get(0);
    }
    return "#" + id.getAsLong();
  }

  @Override
  public int compareTo(Actor other) {
    return ORDER.compare(this, other);
  }
}
