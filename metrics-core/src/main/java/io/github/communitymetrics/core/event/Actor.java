package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
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

  /**
   * Forge, login, id, name, e-mail addresses (element by element, then the shorter list first),
   * kind; an absent value sorts before a present one. Consistent with {@code equals}. Written out
   * rather than composed from key extractors: stores, identity resolution and scoring sort and
   * search hundreds of thousands of actors with it.
   */
  @Override
  public int compareTo(Actor other) {
    if (this == other) {
      return 0;
    }
    int c = forge.compareTo(other.forge);
    if (c != 0) {
      return c;
    }
    c = compare(login, other.login);
    if (c != 0) {
      return c;
    }
    if (id.isPresent() != other.id.isPresent()) {
      return id.isPresent() ? 1 : -1;
    }
    if (id.isPresent()) {
      c = Long.compare(id.getAsLong(), other.id.getAsLong());
      if (c != 0) {
        return c;
      }
    }
    c = compare(name, other.name);
    if (c != 0) {
      return c;
    }
    int n = Math.min(emails.size(), other.emails.size());
    for (int i = 0; i < n; i++) {
      c = emails.get(i).compareTo(other.emails.get(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(emails.size(), other.emails.size());
    return c != 0 ? c : kind.compareTo(other.kind);
  }

  private static int compare(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    return a.get().compareTo(b.get());
  }
}
