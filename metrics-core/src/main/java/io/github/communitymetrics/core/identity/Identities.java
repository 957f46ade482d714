package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The result of {@link IdentityResolver#resolve(java.util.Collection)}: the people, why each one's
 * actors were merged, and the merges that were refused. Immutable.
 */
public final class Identities {
  // Issue 24: at a million actors, a Person object (and its list) per person, a list of evidence
  // per person and a copy of every actor were most of this result's memory. The result is held
  // as arrays over the actors' indices; a Person is built when asked for, once.
  /** The resolved actors, distinct, in {@link Normalize#ACTOR_ORDER}: a store's own list, or a copy. */
  private final List<Actor> actors;
  /** The person index of each of {@link #actors}. */
  private final int[] personOfActor;
  /** Whether each of {@link #actors} is a bot (a person's actors are all bots or all not). */
  private final boolean[] botOfActor;
  /** The actors of person p are {@code byPerson[start[p]] .. byPerson[start[p + 1] - 1]}. */
  private final int[] start;
  /** Indices of {@link #actors}, grouped by person, ascending within each person. */
  private final int[] byPerson;
  /** The applied evidence, grouped by person. */
  private final AppliedEvidence evidence;
  private final List<RefusedMerge> refused;
  /**
   * For each position of the resolved input, the index of its actor in {@link #actors}; null when
   * the input was the distinct sorted actors themselves (each position is its own index).
   */
  private final int[] sortedIndexOfInput;
  /** Whether {@link #actors} is a store's list, which rebuilds each actor it is asked for. */
  private final boolean fromStore;
  /** The people built so far, by index; allocated on first use. */
  private volatile Person[] built;
  /** The person of each actor, built on first use: resolving a store needs only the arrays. */
  private volatile Map<Actor, Integer> byActor;
  private final List<Person> people = new PeopleList();

  private static final VarHandle BUILT = MethodHandles.arrayElementVarHandle(Person[].class);

  private Identities(
      List<Actor> actors,
      int[] personOfActor,
      boolean[] botOfActor,
      int[] start,
      int[] byPerson,
      AppliedEvidence evidence,
      List<RefusedMerge> refused,
      int[] sortedIndexOfInput,
      boolean fromStore) {
    this.actors = actors;
    this.personOfActor = personOfActor;
    this.botOfActor = botOfActor;
    this.start = start;
    this.byPerson = byPerson;
    this.evidence = evidence;
    this.refused = refused;
    this.sortedIndexOfInput = sortedIndexOfInput;
    this.fromStore = fromStore;
  }

  /**
   * Builds the result from sorted distinct actors and the union-find over the applied evidence.
   *
   * @param actors the distinct actors in {@link Normalize#ACTOR_ORDER}, kept (not copied): an
   *     immutable list
   * @param sortedIndexOfInput the index in {@code actors} of each input position, or null when
   *     the input was {@code actors}
   * @param bot whether each actor is a bot; kept
   * @param applied the applied evidence, over indices of {@code actors}; grouped by person here and kept
   * @param fromStore whether {@code actors} is a store's list (looked up by binary search, not
   *     by a table of every actor)
   */
  static Identities of(
      List<Actor> actors,
      int[] sortedIndexOfInput,
      boolean[] bot,
      UnionFind uf,
      AppliedEvidence applied,
      List<RefusedMerge> refused,
      boolean fromStore) {
    // People numbered by their smallest actor index, as the indices ascend (issue 24: arrays,
    // not a TreeMap of component lists). A person's actors are in index order, i.e. sorted.
    int n = actors.size();
    int[] personOfActor = new int[n];
    int[] personOfRoot = new int[n];
    Arrays.fill(personOfRoot, -1);
    int count = 0;
    for (int i = 0; i < n; i++) {
      int root = uf.find(i);
      if (personOfRoot[root] < 0) {
        personOfRoot[root] = count++;
      }
      personOfActor[i] = personOfRoot[root];
    }
    // Members of person p at start[p] .. start[p + 1] - 1 of byPerson.
    int[] start = new int[count + 1];
    for (int i = 0; i < n; i++) {
      start[personOfActor[i] + 1]++;
    }
    for (int p = 0; p < count; p++) {
      start[p + 1] += start[p];
    }
    int[] byPerson = new int[n];
    int[] next = Arrays.copyOf(start, count);
    for (int i = 0; i < n; i++) {
      byPerson[next[personOfActor[i]]++] = i;
    }
    // Evidence per person, in MergeEvidence's order; most people have none.
    applied.groupBy(personOfActor, count);
    List<RefusedMerge> refusedSorted = new ArrayList<>(refused);
    refusedSorted.sort(Comparator.comparing(RefusedMerge::evidence));
    return new Identities(
        actors,
        personOfActor,
        bot,
        start,
        byPerson,
        applied,
        List.copyOf(refusedSorted),
        sortedIndexOfInput,
        fromStore);
  }

  /** The people as a list, each built on first use and then kept. */
  private final class PeopleList extends AbstractList<Person> implements RandomAccess {
    @Override
    public Person get(int index) {
      Objects.checkIndex(index, start.length - 1);
      Person[] b = built;
      if (b == null) {
        synchronized (Identities.this) {
          b = built;
          if (b == null) {
            b = new Person[start.length - 1];
            built = b;
          }
        }
      }
      Person p = (Person) BUILT.getAcquire(b, index);
      if (p == null) {
        Person made = new Person(index, actorsOf(index), isBot(index));
        // One instance per index even when threads race: the first one stored wins.
        p = (Person) BUILT.compareAndExchangeRelease(b, index, null, made);
        if (p == null) {
          p = made;
        }
      }
      return p;
    }

    @Override
    public int size() {
      return start.length - 1;
    }
  }

  private List<Actor> actorsOf(int person) {
    int from = start[person];
    int size = start[person + 1] - from;
    if (size == 1) {
      return List.of(actors.get(byPerson[from]));
    }
    Actor[] members = new Actor[size];
    for (int k = 0; k < size; k++) {
      members[k] = actors.get(byPerson[from + k]);
    }
    return List.of(members);
  }

  private Map<Actor, Integer> byActor() {
    Map<Actor, Integer> map = byActor;
    if (map == null) {
      synchronized (this) {
        map = byActor;
        if (map == null) {
          Map<Actor, Integer> m = new HashMap<>(Math.max(16, (int) (actors.size() / 0.75f) + 1));
          for (int i = 0; i < actors.size(); i++) {
            m.put(actors.get(i), personOfActor[i]);
          }
          map = Collections.unmodifiableMap(m);
          byActor = map;
        }
      }
    }
    return map;
  }

  /**
   * The people, ordered by their first actor in {@link Actor}'s order; a person's index is its
   * position.
   */
  public List<Person> people() {
    return people;
  }

  /** The number of people. */
  public int size() {
    return start.length - 1;
  }

  /**
   * Whether the person with this {@linkplain Person#index() index} is a bot: {@code
   * people().get(personIndex).bot()} in constant time, without building the {@link Person}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= personIndex < size()}
   */
  public boolean isBot(int personIndex) {
    return botOfActor[byPerson[start[Objects.checkIndex(personIndex, size())]]];
  }

  /**
   * The smallest actor of the person with this {@linkplain Person#index() index}: {@code
   * people().get(personIndex).actors().get(0)}, without building the {@link Person}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= personIndex < size()}
   */
  public Actor firstActor(int personIndex) {
    return actors.get(byPerson[start[Objects.checkIndex(personIndex, size())]]);
  }

  /** The person an actor belongs to; empty if the actor was not among those resolved. */
  public Optional<Person> personOf(Actor actor) {
    int p = personIndexOf(Checks.notNull(actor, "actor"));
    return p < 0 ? Optional.empty() : Optional.of(people.get(p));
  }

  /** The person index of the actor, or -1 if it was not resolved. */
  private int personIndexOf(Actor actor) {
    if (fromStore) {
      // A binary search of the store's actors (which the store rebuilds as they are compared):
      // a table of every actor would keep a copy of each, the memory resolving a store saves.
      int i = Collections.binarySearch(actors, actor, Normalize.ACTOR_ORDER);
      return i < 0 ? -1 : personOfActor[i];
    }
    Integer p = byActor().get(actor);
    return p == null ? -1 : p;
  }

  /**
   * The {@linkplain Person#index() index} of the person of each actor of the list, in the list's
   * order, or -1 for an actor that was not among those resolved: {@link #personOf} for a whole
   * list at once. Without hashing when the list holds actors equal to those resolved at the same
   * positions (the list given to {@link IdentityResolver#resolve}, such as a store's actors, which
   * the store rebuilds on each pass: equal, not the same instances); otherwise one hash lookup
   * per actor.
   */
  public int[] personIndices(List<Actor> list) {
    Checks.notNull(list, "actors");
    if (list == actors) {
      // The resolved list itself (a store's actors, resolved with IdentityResolver#resolve of
      // the store): no actor to rebuild or compare.
      return personOfActor.clone();
    }
    if (actors instanceof UnionActors union) {
      int[] at = union.toUnion(list);
      if (at != null) {
        // One of the two stores resolved together: its actors' places in the union are known.
        for (int k = 0; k < at.length; k++) {
          at[k] = personOfActor[at[k]];
        }
        return at;
      }
    }
    int[] out = new int[list.size()];
    int inputs = sortedIndexOfInput == null ? actors.size() : sortedIndexOfInput.length;
    for (int k = 0; k < out.length; k++) {
      Actor a = Checks.notNull(list.get(k), "actor");
      // An equal actor at the same position as in the resolved input: its index is known. By
      // equality, not identity: building the hash table of every actor costs far more.
      int sorted = k < inputs ? (sortedIndexOfInput == null ? k : sortedIndexOfInput[k]) : -1;
      if (sorted >= 0 && sameActor(actors.get(sorted), a)) {
        out[k] = personOfActor[sorted];
      } else {
        out[k] = personIndexOf(a);
      }
    }
    return out;
  }

  private static boolean sameActor(Actor resolved, Actor a) {
    return resolved == a || resolved.equals(a);
  }

  /**
   * Whether both actors were resolved and belong to the same person. False when either was not
   * among those resolved, even for an actor compared with itself.
   */
  public boolean samePerson(Actor a, Actor b) {
    int pa = personIndexOf(Checks.notNull(a, "a"));
    return pa >= 0 && pa == personIndexOf(Checks.notNull(b, "b"));
  }

  /**
   * Every applied piece of evidence between two actors of this person, ordered by rule, key and
   * actors. It includes evidence that was redundant (the actors were already joined by another),
   * so every reason shows; empty for a person with one actor.
   *
   * @throws IllegalArgumentException if the person is not one of {@link #people()}
   */
  public List<MergeEvidence> evidence(Person person) {
    Checks.notNull(person, "person");
    if (!(person.index() < people.size() && people.get(person.index()).equals(person))) {
      throw new IllegalArgumentException("the person is not part of this result: " + person);
    }
    return evidence.of(person.index(), actors);
  }

  /** Evidence that would have joined a bot and a non-bot and was not applied, in evidence order. */
  public List<RefusedMerge> refused() {
    return refused;
  }

  @Override
  public String toString() {
    return "Identities{" + size() + " people, " + refused.size() + " refused merges}";
  }
}
