package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
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

  /** First and last event of one repository value. */
  private static final class Span {
    Instant first;
    Instant last;

    void add(Instant at) {
      if (first == null || at.isBefore(first)) {
        first = at;
      }
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
  }

  /** An id that carried a name, from when. */
  private record Holder(Instant from, Repository canonical) {}

  /**
   * The repository each event belongs to, by the rules above; null when every distinct value is
   * its own repository (the common case, which costs one pass and no copy).
   */
  static Repository[] canonical(List<? extends Event> events) {
    Map<Repository, Span> spans = new HashMap<>();
    Repository last = null;
    Span lastSpan = null;
    for (Event e : events) {
      Repository r = Checks.notNull(e, "event").repo();
      if (r != last) {
        lastSpan = spans.computeIfAbsent(r, k -> new Span());
        last = r;
      }
      lastSpan.add(e.at());
    }
    Map<NameKey, Integer> names = new HashMap<>();
    Map<IdKey, Integer> ids = new HashMap<>();
    boolean conflict = false;
    for (Repository r : spans.keySet()) {
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
    spans.forEach(
        (r, span) -> {
          if (r.id().isEmpty()) {
            return;
          }
          IdKey k = new IdKey(r.forge(), r.id().getAsLong());
          Instant at = latestAt.get(k);
          int c = at == null ? 1 : span.last.compareTo(at);
          if (c > 0 || (c == 0 && r.fullName().compareTo(latest.get(k).fullName()) > 0)) {
            latest.put(k, r);
            latestAt.put(k, span.last);
          }
        });
    Map<IdKey, Repository> byId = new HashMap<>();
    latest.forEach(
        (k, r) -> byId.put(k, new Repository(k.forge(), r.fullName(), OptionalLong.of(k.id()))));
    // Every id that carried each name, in the order they first did.
    Map<NameKey, List<Holder>> holders = new HashMap<>();
    spans.forEach(
        (r, span) -> {
          if (r.id().isPresent()) {
            holders
                .computeIfAbsent(new NameKey(r.forge(), r.fullName()), k -> new ArrayList<>())
                .add(
                    new Holder(
                        span.first, byId.get(new IdKey(r.forge(), r.id().getAsLong()))));
          }
        });
    for (List<Holder> h : holders.values()) {
      h.sort(
          (a, b) -> {
            int c = a.from().compareTo(b.from());
            return c != 0 ? c : Canonical.REPOSITORY.compare(a.canonical(), b.canonical());
          });
    }
    Repository[] out = new Repository[events.size()];
    for (int i = 0; i < out.length; i++) {
      Event e = events.get(i);
      Repository r = e.repo();
      if (r.id().isPresent()) {
        out[i] = byId.get(new IdKey(r.forge(), r.id().getAsLong()));
        continue;
      }
      List<Holder> h = holders.get(new NameKey(r.forge(), r.fullName()));
      if (h == null) {
        out[i] = r;
      } else if (h.size() == 1) {
        out[i] = h.get(0).canonical();
      } else {
        Holder chosen = h.get(0);
        for (Holder x : h) {
          if (!x.from().isAfter(e.at())) {
            chosen = x;
          }
        }
        out[i] = chosen.canonical();
      }
    }
    return out;
  }
}
