package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.ByRepository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.AscendingMap;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.Opener;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.PendingMerge;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.PullRequestRef;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@link Tally#byPerson} with one window for every repository at once: the state each repository
 * {@code r} in the selection's scope would get from {@code Tally.byPerson(store, people,
 * selection.withScope(RepositoryScope.of(r)), List.of(selection.window()), firstEvents)}, in one
 * scan of the window (plus one of the whole store for first events and, when merges count,
 * openers) instead of one call per repository.
 */
final class RepositoryTally {
  private RepositoryTally() {}

  /**
   * The per-repository states.
   *
   * @param firstEvents whether the states keep the repository's first event (the lottery factor)
   * @param everyRepositoryWithEvents {@code true} to return a state for every repository in scope
   *     with any event in the store; {@code false} for those with a contribution (credited or
   *     waiting for its author) in the window only
   */
  static SortedMap<Repository, ContributionCounts<Actor>> byRepository(
      EventStore store,
      People people,
      Selection sel,
      boolean firstEvents,
      boolean everyRepositoryWithEvents) {
    Checks.notNull(store, "slice");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().equals(store.actors()),
        "people were resolved for another store than the slice");
    int repositories = store.repositories().size();
    boolean[] inScope = sel.scope().mask(store);
    ContributionType type = sel.type();
    boolean bots = sel.includeBots();
    boolean[] counted = new boolean[EventType.values().length];
    for (EventType t : EventType.values()) {
      counted[t.ordinal()] = type.includes(t);
    }
    ByRepository credits = new ByRepository(false);
    List<Map<PendingMerge, Long>> pending = new ArrayList<>(Collections.nCopies(repositories, null));
    EventStore s = store.slice(sel.window());
    for (int i = 0, n = s.size(); i < n; i++) {
      EventType t = s.type(i);
      int r = s.repositoryIndex(i);
      if (!counted[t.ordinal()] || !inScope[r]) {
        continue;
      }
      int actor = s.actorIndex(i);
      if (t == EventType.PULL_REQUEST_MERGED) {
        int author = s.secondActorIndex(i);
        if (author < 0) {
          // Rare (sources that do not name the author): allocates, as the one-repository form does.
          Map<PendingMerge, Long> p = pending.get(r);
          if (p == null) {
            p = new HashMap<>();
            pending.set(r, p);
          }
          p.merge(new PendingMerge(s.repository(r), s.number(i), s.instant(i), 0), 1L, Long::sum);
          continue;
        }
        actor = author;
      }
      if (!bots && people.isBot(actor)) {
        continue;
      }
      credits.add(r, people.personOf(actor));
    }
    ByRepository.Groups byRepo = credits.group(repositories);

    // The first event of each repository in scope, and, when merges count, every opener: both are
    // taken over the whole store, as the one-repository form does over its repository's events.
    int[] first = new int[repositories];
    java.util.Arrays.fill(first, -1);
    boolean wantFirst = firstEvents || everyRepositoryWithEvents;
    boolean wantOpeners = type.includes(EventType.PULL_REQUEST_MERGED);
    List<Map<PullRequestRef, Opener>> openers =
        wantOpeners ? new ArrayList<>(Collections.nCopies(repositories, null)) : List.of();
    if (wantFirst || wantOpeners) {
      for (int i = 0, n = store.size(); i < n; i++) {
        int r = store.repositoryIndex(i);
        if (!inScope[r]) {
          continue;
        }
        if (first[r] < 0) {
          first[r] = i;
        }
        if (wantOpeners && store.type(i) == EventType.PULL_REQUEST_OPENED) {
          Map<PullRequestRef, Opener> o = openers.get(r);
          if (o == null) {
            o = new HashMap<>();
            openers.set(r, o);
          }
          Person p = people.person(people.personOf(store.actorIndex(i)));
          o.merge(
              new PullRequestRef(store.repository(r), store.number(i)),
              new Opener(p, store.instant(i)),
              Opener::earlier);
        }
      }
    }

    AscendingMap<Repository, ContributionCounts<Actor>> out = new AscendingMap<>();
    long[] counts = new long[people.size()];
    int[] touched = new int[16];
    for (int r = 0; r < repositories; r++) {
      boolean present =
          !byRepo.isEmpty(r) || pending.get(r) != null || (everyRepositoryWithEvents && first[r] >= 0);
      if (!present) {
        continue;
      }
      Repository repo = store.repository(r);
      Map<Actor, Long> m = new HashMap<>();
      int distinct = 0;
      for (int k = byRepo.from(r); k < byRepo.to(r); k++) {
        int p = byRepo.value(k);
        if (counts[p]++ == 0) {
          if (distinct == touched.length) {
            touched = java.util.Arrays.copyOf(touched, distinct * 2);
          }
          touched[distinct++] = p;
        }
      }
      for (int j = 0; j < distinct; j++) {
        int p = touched[j];
        m.put(people.key(p), counts[p]); // keys of distinct people differ
        counts[p] = 0;
      }
      Map<PendingMerge, Long> p = pending.get(r);
      Map<PullRequestRef, Opener> o = wantOpeners ? openers.get(r) : null;
      Map<Repository, Instant> f =
          firstEvents && first[r] >= 0 ? Map.of(repo, store.instant(first[r])) : Map.of();
      out.put(
          repo,
          new ContributionCounts<>(
              List.of(m), p == null ? Map.of() : p, o == null ? Map.of() : o, f, 0));
    }
    return out.build();
  }
}
