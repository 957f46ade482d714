package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.internal.Checks;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A git {@code .mailmap}: rewrites the author names and e-mail addresses a history recorded into
 * canonical ones, the way {@code git log --use-mailmap} and {@code git shortlog} do.
 *
 * <p>{@link #parse(String)} reads the four forms git documents, one per line:
 *
 * <pre>
 * Proper Name &lt;commit@email&gt;                              replaces the name
 * &lt;proper@email&gt; &lt;commit@email&gt;                            replaces the e-mail
 * Proper Name &lt;proper@email&gt; &lt;commit@email&gt;                replaces both
 * Proper Name &lt;proper@email&gt; Commit Name &lt;commit@email&gt;    replaces both, only for that name
 * </pre>
 *
 * <p>As in git: e-mail addresses and commit names match ignoring case; {@code #} starts a comment
 * on its own line or after the last e-mail address; blank lines are ignored; a later line for the
 * same commit identity updates the fields it gives and keeps the others. Unlike git, which
 * silently skips lines it cannot read, a malformed line is an error.
 *
 * <p>Immutable and thread-safe.
 */
public final class Mailmap {

  private static final Mailmap EMPTY = new Mailmap(Map.of());

  /**
   * Canonical replacement for one commit identity; a field that is empty is kept as recorded.
   */
  private record Replacement(Optional<String> name, Optional<String> email) {
    Replacement merge(Replacement later) {
      return new Replacement(
          later.name.isPresent() ? later.name : name,
          later.email.isPresent() ? later.email : email);
    }
  }

  /** Key: normalised commit e-mail, then "" or the normalised commit name. */
  private final Map<String, Map<String, Replacement>> entries;

  private Mailmap(Map<String, Map<String, Replacement>> entries) {
    this.entries = entries;
  }

  /** A mailmap that maps every identity to itself. */
  public static Mailmap empty() {
    return EMPTY;
  }

  /**
   * Parses the text of a {@code .mailmap} file. Line ends may be {@code \n} or {@code \r\n}.
   *
   * @throws IdentityFormatException naming the line, if a line is neither blank, a comment nor one
   *     of the four forms (an unclosed {@code <}, no e-mail address, three addresses, text after
   *     the last address other than a comment, or a commit name without a commit e-mail)
   */
  public static Mailmap parse(String text) {
    Checks.notNull(text, "mailmap text");
    Map<String, Map<String, Replacement>> entries = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      parseLine(lines[i], i + 1, entries);
    }
    Map<String, Map<String, Replacement>> frozen = new HashMap<>();
    entries.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    return new Mailmap(Map.copyOf(frozen));
  }

  private static void parseLine(String line, int number, Map<String, Map<String, Replacement>> out) {
    String rest = line.strip();
    if (rest.isEmpty() || rest.startsWith("#")) {
      return;
    }
    String[] names = new String[2];
    String[] emails = new String[2];
    int count = 0;
    String trailingName = "";
    while (!rest.isEmpty() && !rest.startsWith("#")) {
      int open = rest.indexOf('<');
      if (open < 0 && count == 1) {
        // "Proper Name <proper@email> Commit Name": git accepts it and keys the entry by the
        // text after '>' as a commit name for the same address (git.git's own .mailmap has
        // such lines). We compare that name like every other, ignoring case and outer spaces.
        int hash = rest.indexOf('#');
        trailingName = (hash < 0 ? rest : rest.substring(0, hash)).strip();
        break;
      }
      if (open < 0) {
        throw new IdentityFormatException(
            number, "expected '<e-mail>' after '" + rest + "' in: " + line);
      }
      int close = rest.indexOf('>', open);
      if (close < 0) {
        throw new IdentityFormatException(number, "'<' without a closing '>' in: " + line);
      }
      if (count == 2) {
        throw new IdentityFormatException(number, "more than two e-mail addresses in: " + line);
      }
      String name = rest.substring(0, open).strip();
      if (name.indexOf('>') >= 0) {
        throw new IdentityFormatException(number, "'>' without an opening '<' in: " + line);
      }
      names[count] = name;
      emails[count] = rest.substring(open + 1, close).strip();
      count++;
      rest = rest.substring(close + 1).strip();
    }
    if (count == 0) {
      throw new IdentityFormatException(number, "no e-mail address in: " + line);
    }
    String commitEmail;
    String commitName;
    Replacement replacement;
    if (count == 1) {
      // "Proper Name <commit@email>": the only address is the one to match; only the name changes.
      commitEmail = emails[0];
      commitName = trailingName;
      replacement = new Replacement(nonEmpty(names[0]), Optional.empty());
    } else {
      commitEmail = emails[1];
      commitName = names[1];
      replacement = new Replacement(nonEmpty(names[0]), nonEmpty(emails[0]));
    }
    if (commitEmail.isEmpty() && commitName.isEmpty() && count == 1) {
      throw new IdentityFormatException(number, "empty e-mail address in: " + line);
    }
    out.computeIfAbsent(Normalize.email(commitEmail), k -> new HashMap<>())
        .merge(Normalize.text(commitName), replacement, Replacement::merge);
  }

  private static Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Whether the mailmap has no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The canonical identity for a recorded one, as {@code git log --use-mailmap} would print it:
   * an entry for this name and e-mail (ignoring case) wins over an entry for the e-mail alone; the
   * fields the entry does not give, and both fields when no entry matches, are returned as given.
   *
   * @param name the recorded name; may be empty, as git allows
   * @param email the recorded e-mail address; may be empty
   */
  public Canonical map(String name, String email) {
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    return lookup(name, email)
        .map(r -> new Canonical(r.name.orElse(name), r.email.orElse(email)))
        .orElseGet(() -> new Canonical(name, email));
  }

  /** Whether an entry applies to this identity (even one that maps it to itself). */
  boolean matches(String name, String email) {
    return lookup(name, email).isPresent();
  }

  private Optional<Replacement> lookup(String name, String email) {
    Map<String, Replacement> byName = entries.get(Normalize.email(email));
    if (byName == null) {
      return Optional.empty();
    }
    // An entry for this commit name wins over the e-mail-only entry (key ""), as in git.
    Replacement specific = byName.get(Normalize.text(name));
    return Optional.ofNullable(specific != null ? specific : byName.get(""));
  }

  @Override
  public String toString() {
    return "Mailmap{" + entries.size() + " e-mail addresses}";
  }

  /**
   * A name and e-mail address after mapping.
   *
   * @param name the canonical name (possibly empty, if the recorded one was)
   * @param email the canonical e-mail address, in the case the mailmap or the caller wrote it
   */
  public record Canonical(String name, String email) {
    /** Checks the components are not null. */
    public Canonical {
      Checks.notNull(name, "name");
      Checks.notNull(email, "email");
    }
  }
}
