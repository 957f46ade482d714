package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of {@link IdentityResolver#resolve(java.util.Collection)}: the people, why each one's
 * actors were merged, and the merges that were refused. Immutable.
 */
public final class Identities {
  private final List<Person> people;
  private final Map<Actor, Person> byActor;
  private final List<List<MergeEvidence>> evidence;
  private final List<RefusedMerge> refused;

  private Identities(
      List<Person> people,
      Map<Actor, Person> byActor,
      List<List<MergeEvidence>> evidence,
      List<RefusedMerge> refused) {
    this.people = people;
    this.byActor = byActor;
    this.evidence = evidence;
    this.refused = refused;
  }

  /** Builds the result from sorted distinct actors and the union-find over the applied evidence. */
  static Identities of(
      List<Actor> actors,
      boolean[] bot,
      UnionFind uf,
      List<MergeEvidence> applied,
      List<RefusedMerge> refused) {
    // Components keyed by their smallest actor index, which orders people by their first actor.
    Map<Integer, List<Integer>> components = new TreeMap<>();
    Map<Integer, Integer> rootToFirst = new HashMap<>();
    for (int i = 0; i < actors.size(); i++) {
      int index = i;
      // Indices ascend, so the first index seen for a root is the component's smallest.
      int first = rootToFirst.computeIfAbsent(uf.find(i), r -> index);
      components.computeIfAbsent(first, k -> new ArrayList<>()).add(i);
    }
    List<Person> people = new ArrayList<>();
    Map<Actor, Person> byActor = new HashMap<>();
    for (List<Integer> members : components.values()) {
      List<Actor> own = new ArrayList<>();
      members.forEach(i -> own.add(actors.get(i)));
      Person p = new Person(people.size(), own, bot[members.get(0)]);
      people.add(p);
      own.forEach(a -> byActor.put(a, p));
    }
    List<List<MergeEvidence>> evidence = new ArrayList<>();
    people.forEach(p -> evidence.add(new ArrayList<>()));
    List<MergeEvidence> sorted = new ArrayList<>(applied);
    sorted.sort(Comparator.naturalOrder());
    for (MergeEvidence e : sorted) {
      evidence.get(byActor.get(e.first()).index()).add(e);
    }
    List<List<MergeEvidence>> frozen = new ArrayList<>();
    evidence.forEach(l -> frozen.add(List.copyOf(l)));
    List<RefusedMerge> refusedSorted = new ArrayList<>(refused);
    refusedSorted.sort(Comparator.comparing(RefusedMerge::evidence));
    return new Identities(
        List.copyOf(people),
        Collections.unmodifiableMap(byActor),
        List.copyOf(frozen),
        List.copyOf(refusedSorted));
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
    return Optional.ofNullable(byActor.get(Checks.notNull(actor, "actor")));
  }

  /**
   * Whether both actors were resolved and belong to the same person. False when either was not
   * among those resolved, even for an actor compared with itself.
   */
  public boolean samePerson(Actor a, Actor b) {
    Person pa = byActor.get(Checks.notNull(a, "a"));
    return pa != null && pa == byActor.get(Checks.notNull(b, "b"));
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
