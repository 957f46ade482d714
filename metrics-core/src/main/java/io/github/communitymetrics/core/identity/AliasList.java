package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explicit statements that several names, logins or e-mail addresses belong to one person, for
 * example curated by hand for a study. {@link IdentityResolver} links every actor whose login,
 * name or any e-mail address equals one of an entry's strings, ignoring case and surrounding
 * spaces ({@link MergeRule#ALIAS}).
 *
 * <p>Immutable and thread-safe.
 */
public final class AliasList {

  private static final AliasList EMPTY = new AliasList(List.of());
  private static final String PAPER_HEADER = "#REPOSITORY;NAME;ALIAS";

  private final List<Entry> entries;

  private AliasList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The list with no entries. */
  public static AliasList empty() {
    return EMPTY;
  }

  /**
   * Entries that apply to every repository, one per group of strings that name one person.
   *
   * @throws IllegalArgumentException if a group is empty or holds a blank string
   */
  public static AliasList of(List<Set<String>> groups) {
    Checks.notNull(groups, "groups");
    List<Entry> entries = new ArrayList<>();
    for (Set<String> g : groups) {
      entries.add(new Entry(Optional.empty(), Checks.notNull(g, "group")));
    }
    return new AliasList(entries);
  }

  /**
   * Reads the alias format of Avelino et al., "A novel approach for estimating truck factors"
   * (ICPC 2016): lines {@code owner/name;Name;Alias}, each saying that two author names seen in
   * that repository are one developer. Lines starting with {@code #} (the header {@code
   * #REPOSITORY;NAME;ALIAS} and entries commented out) and blank lines are skipped; line ends may
   * be {@code \n} or {@code \r\n}. Callers decode the file; the published one is ISO-8859-1.
   *
   * @throws IdentityFormatException naming the line, if a line does not have exactly three
   *     non-blank fields separated by {@code ;}
   */
  public static AliasList parsePaperFormat(String text) {
    Checks.notNull(text, "alias text");
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(";", -1);
      if (fields.length != 3) {
        throw new IdentityFormatException(
            i + 1,
            "expected 3 fields 'repository;name;alias' as in " + PAPER_HEADER + " but found "
                + fields.length + " in: " + line);
      }
      for (String f : fields) {
        if (f.isBlank()) {
          throw new IdentityFormatException(i + 1, "blank field in: " + line);
        }
      }
      Set<String> aliases = new TreeSet<>(List.of(fields[1].strip(), fields[2].strip()));
      entries.add(new Entry(Optional.of(fields[0].strip()), aliases));
    }
    return new AliasList(entries);
  }

  /** The entries, in the order they were given. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entries for one repository, compared ignoring case as GitHub does, together with the
   * entries that name no repository (they apply everywhere).
   */
  public AliasList forRepository(String fullName) {
    Checks.notBlank(fullName, "repository full name");
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (e.repository().isEmpty() || e.repository().get().equalsIgnoreCase(fullName.strip())) {
        kept.add(e);
      }
    }
    return new AliasList(kept);
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Both lists' entries, this one's first. */
  public AliasList plus(AliasList other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(Checks.notNull(other, "other").entries);
    return new AliasList(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AliasList && ((AliasList) o).entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "AliasList" + entries;
  }

  /**
   * One statement that some strings name one person.
   *
   * @param repository the repository ({@code owner/name}) it was made for; empty if it applies
   *     everywhere
   * @param aliases the names, logins or e-mail addresses, as written (at least one)
   */
  public record Entry(Optional<String> repository, Set<String> aliases) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if there is no alias or one is blank
     */
    public Entry {
      Checks.notNull(repository, "repository");
      repository.ifPresent(r -> Checks.notBlank(r, "repository"));
      Checks.notNull(aliases, "aliases");
      Checks.argument(!aliases.isEmpty(), "an alias entry needs at least one string");
      aliases.forEach(a -> Checks.notBlank(a, "alias"));
      aliases = Collections.unmodifiableSet(new TreeSet<>(aliases));
    }

    /** The aliases trimmed and lower-cased, sorted: what actors are compared with. */
    Set<String> keys() {
      Set<String> keys = new TreeSet<>();
      aliases.forEach(a -> keys.add(Normalize.text(a)));
      return keys;
    }
  }
}
