package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * A store's interned actors, in canonical order, held as arrays: forge and kind as bytes, login
 * and name as indices into the store's {@link StringPool} (-1 when absent), the e-mail addresses
 * as one index (-1 for none; a list of indices in {@code emailLists} for the few actors with two
 * or more), the id in a {@code long[]} for the actors that have one ({@link RankBits}). 14 bytes
 * per actor, 8 more with an id, plus its strings in the pool (shared with the commit authors'
 * names and addresses): about 19 bytes per actor on GH Archive-shaped hours, against about 120
 * plus the strings for an {@link Actor} record with its {@link Optional}s, {@link OptionalLong},
 * strings and e-mail list.
 *
 * <p>{@link #get} rebuilds the value, equal to the one interned (rebuilding one costs about what
 * the {@link Actor} constructor's checks do), through a small cache ({@link Recent}) rather than
 * keeping every value: a popular account's many events and the first steps of every binary
 * search ask for the same actors again, while loops over all actors (identity resolution,
 * per-person tables) rebuild each once per loop, tens of milliseconds for a few hundred thousand
 * actors. Keeping the values would keep the 120 bytes each that this table exists to save; a
 * caller that needs them all at once (a resolution of people keeps the actors it resolved)
 * holds its own copy.
 */
final class ActorTable {
  private static final ActorKind[] KINDS = ActorKind.values();
  /**
   * No login, name or address. In {@link #emails}, a value {@code v} below it stands for the
   * addresses {@code emailLists[-2 - v]}.
   */
  static final int NONE = -1;

  private final StringPool strings;
  private final ForgeCodes forges;
  private final byte[] kinds;
  private final int[] logins;
  private final int[] names;
  private final int[] emails;
  private final int[][] emailLists;
  private final RankBits idBits;
  private final long[] ids;
  private final Recent<Actor> recent;
  /** The table as a list: one instance, so that comparing a store's list with itself is quick. */
  final List<Actor> list;

  /**
   * The table of {@code table} (in canonical order), its strings added to {@code strings}; each
   * element is read once (the staging's list rebuilds them).
   */
  ActorTable(Source table, StringPool strings) {
    int n = table.size();
    this.strings = strings;
    Forge[] forgeOf = new Forge[n];
    kinds = new byte[n];
    logins = new int[n];
    names = new int[n];
    emails = new int[n];
    long[] words = new long[(n + 63) >>> 6];
    long[] allIds = new long[n];
    int withId = 0;
    List<int[]> lists = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      forgeOf[a] = table.forge(a);
      kinds[a] = (byte) table.kind(a);
      String login = table.login(a);
      logins[a] = login != null ? strings.add(login) : NONE;
      String name = table.name(a);
      names[a] = name != null ? strings.add(name) : NONE;
      emails[a] = table.emails(a, strings, lists);
      if (table.hasId(a)) {
        words[a >>> 6] |= 1L << a;
        allIds[withId++] = table.id(a);
      }
    }
    forges = new ForgeCodes(n, a -> forgeOf[a]);
    emailLists = lists.toArray(new int[0][]);
    idBits = RankBits.ofWords(words);
    ids = Arrays.copyOf(allIds, withId);
    recent = new Recent<>(n, 1024, this::build);
    list = new TableList<>(n, recent::get, o -> o instanceof Actor actor ? binarySearch(actor) : -1);
  }

  /** How many actors. */
  int size() {
    return kinds.length;
  }

  /**
   * The actors of a table to be, field by field in canonical order: read from the staging's
   * arrays, no actor is rebuilt for it (1.5 million actors, each with its optionals and address
   * list, on a GH Archive-shaped day's build).
   */
  interface Source {
    int size();

    Forge forge(int a);

    /** The {@link ActorKind} ordinal. */
    int kind(int a);

    /** The login, or null. */
    String login(int a);

    /** The name, or null. */
    String name(int a);

    /** The addresses' code as {@link #addEmails} gives it, their strings added to {@code into}. */
    int emails(int a, StringPool into, List<int[]> lists);

    boolean hasId(int a);

    long id(int a);
  }

  /**
   * Actor {@code a}, equal to the one interned.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= a < size()}
   */
  Actor get(int a) {
    return recent.get(Objects.checkIndex(a, kinds.length));
  }

  private Actor build(int a) {
    OptionalLong id = idBits.get(a) ? OptionalLong.of(ids[idBits.rank(a)]) : OptionalLong.empty();
    List<String> es = emails(emails[a], strings, l -> emailLists[l]);
    return new Actor(forges.get(a), optional(logins[a]), id, optional(names[a]), es, KINDS[kinds[a]]);
  }

  /**
   * The code of the addresses {@code es}, their strings added to {@code strings}: {@link #NONE}
   * for none, the index of the one address, or {@code -2 - l} for two or more, their indices
   * appended to {@code lists} as list {@code l}. Shared with the staging's {@link StagedActors}.
   */
  static int addEmails(List<String> es, StringPool strings, List<int[]> lists) {
    if (es.isEmpty()) {
      return NONE;
    }
    if (es.size() == 1) {
      return strings.add(es.get(0));
    }
    int[] list = new int[es.size()];
    for (int k = 0; k < list.length; k++) {
      list[k] = strings.add(es.get(k));
    }
    return addList(list, lists);
  }

  /** Appends a list of two or more addresses' indices to {@code lists}; returns its code. */
  static int addList(int[] list, List<int[]> lists) {
    lists.add(list);
    return -2 - (lists.size() - 1);
  }

  /** The addresses of code {@code e} ({@link #addEmails}), list {@code l} being {@code lists.apply(l)}. */
  static List<String> emails(int e, StringPool strings, IntFunction<int[]> lists) {
    if (e == NONE) {
      return List.of();
    }
    if (e >= 0) {
      return List.of(strings.get(e));
    }
    int[] list = lists.apply(-2 - e);
    String[] values = new String[list.length];
    for (int k = 0; k < list.length; k++) {
      values[k] = strings.get(list[k]);
    }
    return List.of(values);
  }

  private Optional<String> optional(int k) {
    return k == NONE ? Optional.empty() : Optional.of(strings.get(k));
  }

  /** The index of {@code actor} by binary search, or a negative number when absent. */
  int binarySearch(Actor actor) {
    return Canonical.binarySearch(kinds.length, a -> compareAt(a, actor));
  }

  /**
   * Actor {@code a} compared with {@code actor} as {@link Actor#compareTo} compares them, field
   * by field from the columns, the strings compared in the pool: no actor is rebuilt (a search
   * among a day's 1.5 million actors rebuilt about twenty, addresses and all, per actor sought).
   */
  private int compareAt(int a, Actor actor) {
    int c = forges.get(a).compareTo(actor.forge());
    if (c != 0) {
      return c;
    }
    c = compare(logins[a], actor.login());
    if (c != 0) {
      return c;
    }
    boolean id = idBits.get(a);
    if (id != actor.id().isPresent()) {
      return id ? 1 : -1;
    }
    if (id) {
      c = Long.compare(ids[idBits.rank(a)], actor.id().getAsLong());
      if (c != 0) {
        return c;
      }
    }
    c = compare(names[a], actor.name());
    if (c != 0) {
      return c;
    }
    List<String> es = emails(emails[a], strings, l -> emailLists[l]);
    List<String> other = actor.emails();
    for (int i = 0, n = Math.min(es.size(), other.size()); i < n; i++) {
      c = es.get(i).compareTo(other.get(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(es.size(), other.size());
    return c != 0 ? c : KINDS[kinds[a]].compareTo(actor.kind());
  }

  /** String {@code k} of the pool ({@link #NONE} for none) against {@code s}, absent first. */
  private int compare(int k, Optional<String> s) {
    if (k == NONE || s.isEmpty()) {
      return Boolean.compare(k != NONE, s.isPresent());
    }
    return Integer.signum(strings.compare(k, s.get()));
  }

  /** The estimated bytes of the table's arrays and cache; the strings are the pool's. */
  long estimatedBytes() {
    long lists = Sizes.array(emailLists.length, Sizes.REFERENCE);
    for (int[] list : emailLists) {
      lists += Sizes.array(list.length, 4);
    }
    return Sizes.object(44) + forges.estimatedBytes() + Sizes.array(kinds.length, 1)
        + 3 * Sizes.array(logins.length, 4) + lists + idBits.estimatedBytes()
        + Sizes.array(ids.length, 8) + recent.estimatedBytes() + Sizes.object(12);
  }
}
