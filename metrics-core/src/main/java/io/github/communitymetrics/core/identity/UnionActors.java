package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.SortedUnion;
import io.github.communitymetrics.core.store.EventStore;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The actors of two stores together, distinct and in their order ({@link Normalize#ACTOR_ORDER},
 * the stores' own): the actor list a store of both stores' events would have, without building
 * that store. An actor is rebuilt by the store it comes from when asked for.
 */
final class UnionActors extends AbstractList<Actor> implements RandomAccess {
  private final List<Actor> first;
  private final List<Actor> second;
  private final SortedUnion union;
  /** The first store's actors once rebuilt, by index, shared across unions; null when not kept. */
  private final Actor[] firstRebuilt;

  UnionActors(EventStore first, EventStore second) {
    this(first, second, null);
  }

  /**
   * With {@code firstRebuilt}, the first store's actors kept as they are rebuilt (a slot per
   * actor of the first store, empty until asked for), so that unions of the same first store
   * with later ones rebuild each of its actors once. Threads may fill it at once: two may
   * rebuild the same actor, and either equal copy is seen whole (an actor's fields are final).
   */
  UnionActors(EventStore first, EventStore second, Actor[] firstRebuilt) {
    this.firstRebuilt = firstRebuilt;
    this.first = first.actors();
    this.second = second.actors();
    List<Actor> of = this.second;
    this.union = SortedUnion.of(this.first.size(), of.size(), j -> first.binarySearch(of.get(j)));
  }

  @Override
  public Actor get(int u) {
    java.util.Objects.checkIndex(u, union.size());
    int at = union.locate(u);
    if (at < 0) {
      return second.get(-at - 1);
    }
    if (firstRebuilt == null) {
      return first.get(at);
    }
    Actor a = firstRebuilt[at];
    if (a == null) {
      a = first.get(at);
      firstRebuilt[at] = a;
    }
    return a;
  }

  @Override
  public int size() {
    return union.size();
  }

  /** The union index of each actor of the first store, to read only. */
  int[] firstToUnion() {
    return union.firstToUnion();
  }

  /** The union index of each actor of the second store, to read only. */
  int[] secondToUnion() {
    return union.secondToUnion();
  }

  /**
   * The union index of each actor of {@code list} when it is one of the two stores' actor lists
   * (the same instance); null otherwise. A fresh array the caller may change.
   */
  int[] toUnion(List<Actor> list) {
    if (list == second) {
      return union.secondToUnion().clone();
    }
    return list == first ? union.firstToUnion().clone() : null;
  }
}
