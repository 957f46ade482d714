package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.RandomAccess;

/**
 * The staging's actors, interned in arrival order and held as arrays over a pool of their strings,
 * as the store's {@link ActorTable} holds them: about 60 bytes per distinct actor where an
 * interned {@link Actor} (its record, {@link Optional}s, {@link OptionalLong}, login string and
 * its array) took about 140. A GH Archive-shaped day has a million and a half distinct actors,
 * all held through the reading and the build (issue 24: the ingestion peak; on 4 GH Archive-shaped
 * hours the live heap at the build went from 98 to 89 MB). {@link #get} rebuilds an actor equal to
 * the one interned; {@link #intern} compares a candidate with the arrays in place.
 */
final class StagedActors extends ArrayInterner<Actor> {
  private static final ActorKind[] KINDS = ActorKind.values();
  /**
   * No login, name or address; in {@link #emails}, {@code v < NONE} is list {@code -2 - v}: the
   * store's codes, which {@link ActorTable#emails} reads.
   */
  private static final int NONE = ActorTable.NONE;

  private final StringPool strings = new StringPool();
  private final List<Forge> forges = new ArrayList<>();
  /** By actor: its forge's index in {@link #forges} and its kind's ordinal (low 8 bits). */
  private int[] forgeAndKind = new int[16];
  private int[] logins = new int[16];
  private int[] names = new int[16];
  private int[] emails = new int[16];
  private final List<int[]> emailLists = new ArrayList<>();
  /** By actor: its id, when {@link #hasId}. */
  private long[] ids = new long[16];
  private long[] hasId = new long[1];
  /** The actors so far, rebuilt when asked for, in arrival order. */
  final List<Actor> values = new View();

  /** Actor {@code a}, rebuilt: equal to the one interned. */
  Actor get(int a) {
    OptionalLong id = hasId(a) ? OptionalLong.of(ids[a]) : OptionalLong.empty();
    List<String> es = ActorTable.emails(emails[a], strings, emailLists::get);
    int fk = forgeAndKind[a];
    return new Actor(
        forges.get(fk >>> 8), optional(logins[a]), id, optional(names[a]), es, KINDS[fk & 0xff]);
  }

  /**
   * The sort keys of the actors ({@link SortKeys#actors}' keys), read from the arrays: a rebuilt
   * actor per key (its optionals and e-mail list) was garbage for a million and a half actors.
   */
  SortKeys.PositionKey sortKeys() {
    Map<Forge, Integer> ranks = SortKeys.forgeRanks(forges);
    int[] rankOf = new int[forges.size()];
    for (int f = 0; f < rankOf.length; f++) {
      rankOf[f] = ranks.get(forges.get(f));
    }
    int forgeBits = SortKeys.bitsFor(ranks.size());
    return (a, bits) -> {
      int login = logins[a];
      boolean id = hasId(a);
      // The name is spelled only for an actor with neither login nor id.
      int name = login == NONE && !id ? names[a] : NONE;
      return SortKeys.actor(new SortKeys.Bits(bits), rankOf[forgeAndKind[a] >>> 8], forgeBits,
          login == NONE ? null : strings.get(login), id, name == NONE ? null : strings.get(name));
    };
  }

  /** The actors in the order {@code byRank} (position {@code r} is actor {@code byRank[r]}). */
  ActorTable.Source source(int[] byRank) {
    return new ActorTable.Source() {
      @Override
      public int size() {
        return byRank.length;
      }

      @Override
      public Forge forge(int r) {
        return forges.get(forgeAndKind[byRank[r]] >>> 8);
      }

      @Override
      public int kind(int r) {
        return forgeAndKind[byRank[r]] & 0xff;
      }

      @Override
      public String login(int r) {
        int k = logins[byRank[r]];
        return k == NONE ? null : strings.get(k);
      }

      @Override
      public String name(int r) {
        int k = names[byRank[r]];
        return k == NONE ? null : strings.get(k);
      }

      @Override
      public int emails(int r, StringPool into, List<int[]> lists) {
        int e = emails[byRank[r]];
        if (e == NONE) {
          return NONE;
        }
        if (e >= 0) {
          return into.add(strings.get(e));
        }
        int[] list = emailLists.get(-2 - e);
        int[] added = new int[list.length];
        for (int k = 0; k < list.length; k++) {
          added[k] = into.add(strings.get(list[k]));
        }
        return ActorTable.addList(added, lists);
      }

      @Override
      public boolean hasId(int r) {
        return StagedActors.this.hasId(byRank[r]);
      }

      @Override
      public long id(int r) {
        return ids[byRank[r]];
      }
    };
  }

  private Optional<String> optional(int k) {
    return k == NONE ? Optional.empty() : Optional.of(strings.get(k));
  }

  private boolean hasId(int a) {
    return (hasId[a >>> 6] & (1L << a)) != 0;
  }

  @Override
  void add(int a, Actor actor) {
    if (a == logins.length) {
      int n = a + (a >> 1);
      forgeAndKind = Arrays.copyOf(forgeAndKind, n);
      logins = Arrays.copyOf(logins, n);
      names = Arrays.copyOf(names, n);
      emails = Arrays.copyOf(emails, n);
      ids = Arrays.copyOf(ids, n);
      hasId = Arrays.copyOf(hasId, (n + 63) >>> 6);
    }
    int forge = forges.indexOf(actor.forge());
    if (forge < 0) {
      forge = forges.size();
      forges.add(actor.forge());
    }
    forgeAndKind[a] = forge << 8 | actor.kind().ordinal();
    logins[a] = actor.login().isPresent() ? strings.append(actor.login().get()) : NONE;
    names[a] = actor.name().isPresent() ? strings.append(actor.name().get()) : NONE;
    emails[a] = ActorTable.addEmails(actor.emails(), strings, emailLists);
    if (actor.id().isPresent()) {
      ids[a] = actor.id().getAsLong();
      hasId[a >>> 6] |= 1L << a;
    }
  }

  /** Whether actor {@code a} equals {@code actor}, compared in place. */
  @Override
  boolean matches(int a, Actor actor) {
    int fk = forgeAndKind[a];
    if ((fk & 0xff) != actor.kind().ordinal() || !forges.get(fk >>> 8).equals(actor.forge())) {
      return false;
    }
    if (actor.id().isPresent() ? !hasId(a) || ids[a] != actor.id().getAsLong() : hasId(a)) {
      return false;
    }
    if (!same(logins[a], actor.login()) || !same(names[a], actor.name())) {
      return false;
    }
    List<String> es = actor.emails();
    int e = emails[a];
    if (e == NONE || e >= 0) {
      return e == NONE ? es.isEmpty() : es.size() == 1 && strings.compare(e, es.get(0)) == 0;
    }
    int[] list = emailLists.get(-2 - e);
    if (list.length != es.size()) {
      return false;
    }
    for (int k = 0; k < list.length; k++) {
      if (strings.compare(list[k], es.get(k)) != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean same(int k, Optional<String> s) {
    return s.isPresent() ? k != NONE && strings.compare(k, s.get()) == 0 : k == NONE;
  }

  /** {@link #values}: the actors in arrival order, each rebuilt when asked for. */
  private final class View extends AbstractList<Actor> implements RandomAccess {
    @Override
    public Actor get(int a) {
      return StagedActors.this.get(java.util.Objects.checkIndex(a, size));
    }

    @Override
    public int size() {
      return size;
    }
  }
}
