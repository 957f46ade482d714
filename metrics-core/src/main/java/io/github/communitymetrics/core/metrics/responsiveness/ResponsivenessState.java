package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The mergeable state of {@link Responsiveness}: what the slices saw of every issue and pull
 * request (keyed by repository and number, so an item's events may fall into different slices),
 * the earliest maintainer grant of each person per repository, and the review counts of the
 * review concentration. Immutable once built; {@link Responsiveness#merge} makes a new one.
 */
public final class ResponsivenessState {
  final Map<ItemKey, Item> items;
  final Map<GrantKey, Long> grants;
  final ContributionCounts<Actor> reviews;

  /** An issue or pull request: GitHub numbers both from one sequence per repository. */
  record ItemKey(Repository repository, int number) {}

  /** A person's grants in one repository. */
  record GrantKey(Repository repository, Actor person) {}

  ResponsivenessState(Map<ItemKey, Item> items, Map<GrantKey, Long> grants, ContributionCounts<Actor> reviews) {
    this.items = Collections.unmodifiableMap(items);
    this.grants = Collections.unmodifiableMap(grants);
    this.reviews = reviews;
  }

  /** How many issues and pull requests the state knows something about. */
  public int itemCount() {
    return items.size();
  }

  static ResponsivenessState merge(ResponsivenessState a, ResponsivenessState b) {
    Map<ItemKey, Item> items = new HashMap<>(a.items);
    b.items.forEach((k, v) -> items.merge(k, v, Item::merge));
    Map<GrantKey, Long> grants = new HashMap<>(a.grants);
    b.grants.forEach((k, v) -> grants.merge(k, v, Math::min));
    return new ResponsivenessState(items, grants, a.reviews.merge(b.reviews));
  }

  @Override
  public String toString() {
    return "ResponsivenessState[" + items.size() + " items, " + grants.size() + " grants]";
  }
}
