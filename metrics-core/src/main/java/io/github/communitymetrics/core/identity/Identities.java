package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link IdentityResolver#resolve(java.util.Collection)}: the people, why each one's
 * actors were merged, and the merges that were refused. Immutable.
 */
public final class Identities {
  private final List<Person> people;
  /** The person of each actor, built on first use: resolving a store needs only the arrays. */
  private volatile Map<Actor, Person> byActor;
  private final List<List<MergeEvidence>> evidence;
  private final List<RefusedMerge> refused;
  /** The resolved actors, distinct, in {@link Normalize#ACTOR_ORDER}. */
  private final List<Actor> actors;
  /** The person index of each of {@link #actors}. */
  private final int[] personOfActor;
  /** For each position of the resolved input, the index of its actor in {@link #actors}. */
  private final int[] sortedIndexOfInput;

  private Identities(
      List<Person> people,
      List<List<MergeEvidence>> evidence,
      List<RefusedMerge> refused,
      List<Actor> actors,
      int[] personOfActor,
      int[] sortedIndexOfInput) {
    this.people = people;
    this.evidence = evidence;
    this.refused = refused;
    this.actors = actors;
    this.personOfActor = personOfActor;
    this.sortedIndexOfInput = sortedIndexOfInput;
  }

  /** Builds the result from sorted distinct actors and the union-find over the applied evidence. */
  static Identities of(
      List<Actor> actors,
      int[] sortedIndexOfInput,
      boolean[] bot,
      UnionFind uf,
      List<MergeEvidence> applied,
      List<RefusedMerge> refused) {
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
    Person[] people = new Person[count];
    for (int p = 0; p < count; p++) {
      int from = start[p];
      int size = start[p + 1] - from;
      List<Actor> own;
      if (size == 1) {
        own = List.of(actors.get(byPerson[from]));
      } else {
        Actor[] members = new Actor[size];
        for (int k = 0; k < size; k++) {
          members[k] = actors.get(byPerson[from + k]);
        }
        own = List.of(members);
      }
      people[p] = new Person(p, own, bot[byPerson[from]]);
    }
    // Evidence per person, in evidence order; most people have none.
    List<MergeEvidence> sorted = new ArrayList<>(applied);
    sorted.sort(Comparator.naturalOrder());
    Map<Integer, List<MergeEvidence>> evidenceOf = new HashMap<>();
    for (MergeEvidence e : sorted) {
      int first = Collections.binarySearch(actors, e.first(), Normalize.ACTOR_ORDER);
      evidenceOf.computeIfAbsent(personOfActor[first], k -> new ArrayList<>()).add(e);
    }
    List<MergeEvidence>[] frozen = newLists(count);
    Arrays.fill(frozen, List.of());
    evidenceOf.forEach((p, l) -> frozen[p] = List.copyOf(l));
    List<RefusedMerge> refusedSorted = new ArrayList<>(refused);
    refusedSorted.sort(Comparator.comparing(RefusedMerge::evidence));
    return new Identities(
        List.of(people),
        List.of(frozen),
        List.copyOf(refusedSorted),
        actors,
        personOfActor,
        sortedIndexOfInput);
  }

  @SuppressWarnings("unchecked")
  private static List<MergeEvidence>[] newLists(int count) {
    return (List<MergeEvidence>[]) new List<?>[count];
  }

  private Map<Actor, Person> byActor() {
    Map<Actor, Person> map = byActor;
    if (map == null) {
      synchronized (this) {
        map = byActor;
        if (map == null) {
          Map<Actor, Person> m = new HashMap<>(Math.max(16, (int) (actors.size() / 0.75f) + 1));
          for (int i = 0; i < actors.size(); i++) {
            m.put(actors.get(i), people.get(personOfActor[i]));
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
    return people.size();
  }

  /** The person an actor belongs to; empty if the actor was not among those resolved. */
  public Optional<Person> personOf(Actor actor) {
    return Optional.ofNullable(byActor().get(Checks.notNull(actor, "actor")));
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
    int[] out = new int[list.size()];
    for (int k = 0; k < out.length; k++) {
      Actor a = Checks.notNull(list.get(k), "actor");
      // An equal actor at the same position as in the resolved input: its index is known. By
      // equality, not identity: building the hash table of every actor costs far more.
      if (k < sortedIndexOfInput.length && sameActor(actors.get(sortedIndexOfInput[k]), a)) {
        out[k] = personOfActor[sortedIndexOfInput[k]];
      } else {
        Person p = byActor().get(a);
        out[k] = p == null ? -1 : p.index();
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
    Map<Actor, Person> map = byActor();
    Person pa = map.get(Checks.notNull(a, "a"));
    return pa != null && pa == map.get(Checks.notNull(b, "b"));
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
    return evidence.get(person.index());
  }

  /** Evidence that would have joined a bot and a non-bot and was not applied, in evidence order. */
  public List<RefusedMerge> refused() {
    return refused;
  }

  @Override
  public String toString() {
    return "Identities{" + people.size() + " people, " + refused.size() + " refused merges}";
  }
}
