package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.identity.BotDetector;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.HashIndex;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who is who in one {@link EventStore}: maps the store's actor indices to resolved people, for
 * metrics that scan columns. Built once per store from an {@link Identities} that covers (at
 * least) the store's actors.
 *
 * <p>Metrics key their mergeable states by {@linkplain #key(int) a person's key}, the person's
 * smallest {@link Actor}: it is the same in every slice resolved with the same {@link
 * Identities}, so partial results of separately built stores merge exactly.
 */
public final class People {
  private final EventStore store;
  private final Identities identities;
  private final int[] personOfActor;
  private final boolean[] botActor;
  /**
   * The {@link Person#index()} of each person of this store, by its number here; null when the
   * numbers are the same (the resolution is of this store's actors, as {@link #resolve} makes).
   */
  private final int[] indexOfPerson;
  /** Per person, its key once asked for: one instance, shared by every metric's state. */
  private volatile Actor[] keys;
  private volatile LoginTable loginTable;

  private People(EventStore store, Identities identities) {
    this.store = store;
    this.identities = identities;
    List<Actor> actors = store.actors();
    // One pass over the store's actors, which are sorted, instead of one hash lookup each; a copy
    // of an array when identities resolved this store's list.
    int[] personIndex = identities.personIndices(actors);
    int n = personIndex.length;
    this.botActor = new boolean[n];
    // Numbered densely over the people of this store only, not of the whole resolution: a
    // metric's per-person arrays then grow with the store (a repository's slice, a Spark
    // partition), not with every person ever resolved, which made scoring many small stores
    // against one large resolution quadratic.
    // By Person#index(): an array when the store has a good share of the resolution's actors,
    // else a map, so that building this stays proportional to the store.
    boolean dense = identities.size() <= 4L * n + 16;
    int[] localByIndex = dense ? new int[identities.size()] : null;
    Map<Integer, Integer> localByIndexMap = dense ? null : new HashMap<>();
    int[] order = new int[Math.min(n, identities.size())];
    int count = 0;
    // Whether each person's number here is its index so far: then no table is kept.
    boolean same = true;
    for (int a = 0; a < n; a++) {
      int global = personIndex[a];
      if (global < 0) {
        throw new IllegalArgumentException("identities do not cover actor " + actors.get(a));
      }
      int index;
      if (dense) {
        index = localByIndex[global] - 1; // stored plus one, so that 0 means "not yet"
        if (index < 0) {
          index = count++;
          localByIndex[global] = index + 1;
          order[index] = global;
        }
      } else {
        Integer known = localByIndexMap.get(global);
        if (known == null) {
          known = count++;
          localByIndexMap.put(global, known);
          order[known] = global;
        }
        index = known;
      }
      same &= index == global;
      personIndex[a] = index;
      botActor[a] = identities.isBot(global);
    }
    this.personOfActor = personIndex;
    this.indexOfPerson = same && count == identities.size() ? null : Arrays.copyOf(order, count);
  }

  /**
   * People of {@code store} as {@code identities} resolved them.
   *
   * @throws IllegalArgumentException if an actor of the store is not in {@code identities}
   */
  public static People of(EventStore store, Identities identities) {
    Checks.notNull(store, "store");
    Checks.notNull(identities, "identities");
    return new People(store, identities);
  }

  /**
   * Resolves the store's actors with the default rules ({@link IdentityResolver#defaults()},
   * bots by {@link BotDetector#defaults()}).
   */
  public static People resolve(EventStore store) {
    return resolve(store, 1);
  }

  /**
   * As {@link #resolve(EventStore)}, the actors read on {@code threads} threads ({@link
   * IdentityResolver#resolve(EventStore, int)}): the same people, whatever the number.
   *
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public static People resolve(EventStore store, int threads) {
    Checks.notNull(store, "store");
    return new People(store, IdentityResolver.defaults().resolve(store, threads));
  }

  /** The store these indices belong to. */
  public EventStore store() {
    return store;
  }

  /** The identity resolution behind this mapping. */
  public Identities identities() {
    return identities;
  }

  /**
   * The person of the store's actor index, as a dense number from 0 to {@link #size()} - 1 over
   * the people of this store (not {@link Person#index()}, which numbers the whole resolution).
   */
  public int personOf(int actorIndex) {
    return personOfActor[actorIndex];
  }

  /** Whether the store's actor index belongs to a bot. Constant time, for column scans. */
  public boolean isBot(int actorIndex) {
    return botActor[actorIndex];
  }

  /** The person with this number ({@link #personOf}). */
  public Person person(int personIndex) {
    return identities.people().get(indexOf(personIndex));
  }

  /** The {@link Person#index()} of the person with this number. */
  private int indexOf(int personIndex) {
    Objects.checkIndex(personIndex, size());
    return indexOfPerson == null ? personIndex : indexOfPerson[personIndex];
  }

  /**
   * The stable key of the person with this number ({@link #personOf}): their smallest actor, the
   * same in every store resolved with the same {@link Identities}.
   */
  public Actor key(int personIndex) {
    Actor[] k = keys;
    if (k == null) {
      synchronized (this) {
        k = keys;
        if (k == null) {
          k = new Actor[size()];
          keys = k;
        }
      }
    }
    Actor key = k[personIndex];
    if (key == null) {
      // Without the Person: resolving a store builds none. Two threads may both build the key;
      // the values are equal, and an Actor's fields are final, so either is seen whole.
      key = identities.firstActor(indexOf(personIndex));
      k[personIndex] = key;
    }
    return key;
  }

  /**
   * A dense number of the actor's login on its forge, lower-cased ({@link Locale#ROOT}): actors of
   * one forge whose logins differ only in case share it, so it identifies an account the way
   * OpenSauced's tables do. Numbered over this store's actors, from 0 to {@link #logins()} - 1;
   * computed once per {@code People}, on first use, so column scans pay no string work.
   *
   * @return the number, or -1 when the actor has no login (a bare git identity)
   */
  public int loginId(int actorIndex) {
    return loginTable().idOfActor[actorIndex];
  }

  /** How many distinct {@linkplain #loginId logins} this store's actors have. */
  public int logins() {
    return loginTable().size();
  }

  /**
   * The lower-cased login with this {@linkplain #loginId number}: lower-cased on each call from
   * the first actor with it (the table keeps no strings), so callers that need it often keep it.
   */
  public String login(int loginId) {
    return loginTable().login(loginId);
  }

  /** The forge of the login with this {@linkplain #loginId number}. */
  public Forge loginForge(int loginId) {
    return loginTable().forges[loginId];
  }

  private LoginTable loginTable() {
    LoginTable t = loginTable;
    if (t == null) {
      synchronized (this) {
        t = loginTable;
        if (t == null) {
          t = new LoginTable(store.actors());
          loginTable = t;
        }
      }
    }
    return t;
  }

  /**
   * Logins numbered per (forge, lower-cased login), without keeping the logins: each number
   * points to the first actor with that login, lower-cased again when asked for (issue 24: a GH
   * Archive-shaped day has 1.27 million logins; as lower-cased {@code String}s in a table built
   * through a hash map they were the largest part of the heap while scoring, about 70 MB kept
   * and more while building). Numbers follow the actors' order, as before.
   */
  private static final class LoginTable {
    final int[] idOfActor;
    /** The first actor of each login. */
    private final int[] actorOfLogin;
    final Forge[] forges;
    private final List<Actor> actors;
    /** While numbering: each login's first actor, hash and forge, as far as numbered. */
    private int[] first;
    private int[] hashes;
    private Forge[] forgeOf;

    LoginTable(List<Actor> actors) {
      this.actors = actors;
      int n = actors.size();
      idOfActor = new int[n];
      // Growing while numbering; the index reads them through the fields.
      first = new int[Math.min(n, 1024)];
      hashes = new int[first.length];
      forgeOf = new Forge[first.length];
      HashIndex index = new HashIndex(n);
      int count = 0;
      for (int a = 0; a < n; a++) {
        Actor actor = actors.get(a);
        if (actor.login().isEmpty()) {
          idOfActor[a] = -1;
          continue;
        }
        String login = actor.login().get().toLowerCase(Locale.ROOT);
        Forge forge = actor.forge();
        int h = 31 * forge.hashCode() + login.hashCode();
        int id = index.find(h, k -> hashes[k] == h && forgeOf[k].equals(forge)
            && lowerLogin(actors.get(first[k])).equals(login));
        if (id < 0) {
          id = count++;
          if (id == first.length) {
            int length = (int) Math.min(n, 2L * first.length);
            first = Arrays.copyOf(first, length);
            hashes = Arrays.copyOf(hashes, length);
            forgeOf = Arrays.copyOf(forgeOf, length);
          }
          first[id] = a;
          hashes[id] = h;
          forgeOf[id] = forge;
          index.add(id, h, k -> hashes[k]);
        }
        idOfActor[a] = id;
      }
      actorOfLogin = Arrays.copyOf(first, count);
      forges = Arrays.copyOf(forgeOf, count);
      first = null;
      hashes = null;
      forgeOf = null;
    }

    int size() {
      return actorOfLogin.length;
    }

    String login(int id) {
      return lowerLogin(actors.get(actorOfLogin[id]));
    }

    private static String lowerLogin(Actor actor) {
      return actor.login().orElseThrow().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The number of people with an actor in this store (bots included): per-person arrays of a
   * metric have this length. Fewer than {@code identities().size()} when the resolution covers
   * more actors than the store has.
   */
  public int size() {
    return indexOfPerson == null ? identities.size() : indexOfPerson.length;
  }
}
