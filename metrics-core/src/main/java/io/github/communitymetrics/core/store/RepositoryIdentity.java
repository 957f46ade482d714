package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which events are of the same repository. A {@link Repository} value is what one line of input
 * said; the same repository may be written with and without its id (GH Archive lines without
 * {@code repo.id}, an export that dropped it) and under several names (renames). The store keeps
 * one repository per identity:
 *
 * <ul>
 *   <li>values with the same forge and id are one repository, whatever their names (a rename
 *       keeps the id); it is reported under the name of its latest event (ties: the greatest
 *       name);
 *   <li>a value without id joins the repository with an id that carried the same forge and full
 *       name; if no repository with an id ever carried that name, values without id and the same
 *       forge and name are one repository;
 *   <li>if several ids carried the name (a repository deleted and another created under its
 *       name, or a name freed by a rename and taken again), they stay different repositories, and
 *       an event without id goes, by its time, to the one that held the name then: the one whose
 *       first event under that name is the latest at or before the event, or the earliest one
 *       for an event before all of them.
 * </ul>
 *
 * <p>Names are compared exactly (case included), as {@link Repository#equals} does.
 */
final class RepositoryIdentity {
  private RepositoryIdentity() {}

  private record NameKey(Forge forge, String fullName) {}

  private record IdKey(Forge forge, long id) {}

  /** An id that carried a name, from when. */
  record Holder(Instant from, Repository canonical) {}

  /**
   * The repository of each distinct repository value, by the rules above, given the first and
   * last instant of its events; null when every distinct value is its own repository (the common
   * case). An entry may be time-dependent: see {@link Resolution#of}.
   */
  static Resolution resolve(List<Repository> values, List<Instant> firsts, List<Instant> lasts) {
    Map<NameKey, Integer> names = new HashMap<>();
    Map<IdKey, Integer> ids = new HashMap<>();
    boolean conflict = false;
    for (Repository r : values) {
      conflict |= names.merge(new NameKey(r.forge(), r.fullName()), 1, Integer::sum) > 1;
      if (r.id().isPresent()) {
        conflict |= ids.merge(new IdKey(r.forge(), r.id().getAsLong()), 1, Integer::sum) > 1;
      }
    }
    if (!conflict) {
      return null;
    }
    // The latest name of each id.
    Map<IdKey, Repository> latest = new HashMap<>();
    Map<IdKey, Instant> latestAt = new HashMap<>();
    for (int v = 0; v < values.size(); v++) {
      Repository r = values.get(v);
      if (r.id().isEmpty()) {
        continue;
      }
      IdKey k = new IdKey(r.forge(), r.id().getAsLong());
      Instant at = latestAt.get(k);
      int c = at == null ? 1 : lasts.get(v).compareTo(at);
      if (c > 0 || (c == 0 && r.fullName().compareTo(latest.get(k).fullName()) > 0)) {
        latest.put(k, r);
        latestAt.put(k, lasts.get(v));
      }
    }
    Map<IdKey, Repository> byId = new HashMap<>();
    latest.forEach(
        (k, r) -> byId.put(k, new Repository(k.forge(), r.fullName(), OptionalLong.of(k.id()))));
    // Every id that carried each name, in the order they first did.
    Map<NameKey, List<Holder>> holders = new HashMap<>();
    for (int v = 0; v < values.size(); v++) {
      Repository r = values.get(v);
      if (r.id().isPresent()) {
        holders
            .computeIfAbsent(new NameKey(r.forge(), r.fullName()), k -> new ArrayList<>())
            .add(new Holder(firsts.get(v), byId.get(new IdKey(r.forge(), r.id().getAsLong()))));
      }
    }
    for (List<Holder> h : holders.values()) {
      h.sort(
          (a, b) -> {
            int c = a.from().compareTo(b.from());
            return c != 0 ? c : Canonical.REPOSITORY.compare(a.canonical(), b.canonical());
          });
    }
    Repository[] fixed = new Repository[values.size()];
    List<List<Holder>> byTime = new ArrayList<>(java.util.Collections.nCopies(values.size(), null));
    boolean anyByTime = false;
    for (int v = 0; v < fixed.length; v++) {
      Repository r = values.get(v);
      if (r.id().isPresent()) {
        fixed[v] = byId.get(new IdKey(r.forge(), r.id().getAsLong()));
        continue;
      }
      List<Holder> h = holders.get(new NameKey(r.forge(), r.fullName()));
      if (h == null) {
        fixed[v] = r;
      } else if (h.size() == 1) {
        fixed[v] = h.get(0).canonical();
      } else {
        byTime.set(v, h);
        anyByTime = true;
      }
    }
    return new Resolution(fixed, anyByTime ? byTime : null);
  }

  /**
   * The repository of each distinct value: {@code fixed[v]}, or for a value without id whose
   * name several ids carried, the holder of the name at the event's time ({@code byTime[v]}).
   */
  record Resolution(Repository[] fixed, List<List<Holder>> byTime) {
    /** Whether some value's repository depends on its event's time. */
    boolean timeDependent() {
      return byTime != null;
    }

    /** Whether value {@code v}'s repository depends on its event's time. */
    boolean timeDependent(int v) {
      return fixed[v] == null;
    }

    /** The repository of value {@code v} for an event at {@code at}. */
    Repository of(int v, Instant at) {
      Repository r = fixed[v];
      if (r != null) {
        return r;
      }
      List<Holder> h = byTime.get(v);
      Holder chosen = h.get(0);
      for (Holder x : h) {
        if (!x.from().isAfter(at)) {
          chosen = x;
        }
      }
      return chosen.canonical();
    }
  }
}
