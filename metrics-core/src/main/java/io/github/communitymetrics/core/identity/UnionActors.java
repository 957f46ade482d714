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

  UnionActors(EventStore first, EventStore second) {
    this.first = first.actors();
    this.second = second.actors();
    List<Actor> of = this.second;
    this.union = SortedUnion.of(this.first.size(), of.size(), j -> first.binarySearch(of.get(j)));
  }

  @Override
  public Actor get(int u) {
    java.util.Objects.checkIndex(u, union.size());
    int at = union.locate(u);
    return at >= 0 ? first.get(at) : second.get(-at - 1);
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
