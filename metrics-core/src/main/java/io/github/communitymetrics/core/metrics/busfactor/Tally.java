package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.DenseIds;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.Opener;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.PendingMerge;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts.PullRequestRef;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one counting pass behind every bus-factor metric: scans the columns of the selected events
 * and credits each contribution to a key, in consecutive time buckets.
 */
final class Tally {
  private Tally() {}

  /** Who a person's contribution at an instant is credited to; empty to leave it out. */
  interface Resolver<K> {
    Optional<K> keyOf(Person person, Instant at);
  }

  /** Credit to the person, by their key (their smallest actor). */
  static final Resolver<Actor> PERSON = (person, at) -> Optional.of(person.actors().get(0));

  /** Counts after the merged pull requests without an author were credited through openers. */
  record Resolved<K>(List<Map<K, Long>> buckets, long[] skippedPerBucket, long leftOut) {
    /** Merges credited to nobody, in buckets {@code [from, to)}. */
    long skipped(int from, int to) {
      long n = 0;
      for (int b = from; b < to; b++) {
        n += skippedPerBucket[b];
      }
      return n;
    }

    /** Merges credited to nobody, in all buckets. */
    long skippedMerges() {
      return skipped(0, skippedPerBucket.length);
    }

    /** The counts summed over buckets {@code [from, to)}. */
    Map<K, Long> sum(int from, int to) {
      Map<K, Long> m = new HashMap<>();
      for (int b = from; b < to; b++) {
        buckets.get(b).forEach((k, n) -> m.merge(k, n, Long::sum));
      }
      return m;
    }
  }

  /** Counts per person key, in one bucket per window of {@code buckets}. */
  static ContributionCounts<Actor> byPerson(
      EventStore store, People people, Selection sel, List<Window> buckets, boolean firstEvents) {
    return scan(store, people, sel, buckets, new PersonCounter(people, buckets.size()), firstEvents);
  }

  /** Counts per key of {@code resolver}, evaluated at each contribution's instant. */
  static <K> ContributionCounts<K> byKey(
      EventStore store, People people, Selection sel, List<Window> buckets, Resolver<K> resolver) {
    return scan(store, people, sel, buckets, new KeyCounter<>(people, resolver, buckets.size()), false);
  }

  private static <K> ContributionCounts<K> scan(
      EventStore store,
      People people,
      Selection sel,
      List<Window> buckets,
      Counter<K> counter,
      boolean trackFirstEvents) {
    Checks.notNull(store, "slice");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().equals(store.actors()),
        "people were resolved for another store than the slice");
    // Exactly the events in scope, read through the store's per-repository index.
    EventStore scoped = sel.scope().restrict(store);
    ContributionType type = sel.type();
    boolean bots = sel.includeBots();
    counter.start(people, scoped.size());
    Map<PendingMerge, Long> pending = new HashMap<>();
    for (int b = 0; b < buckets.size(); b++) {
      EventStore s = scoped.slice(buckets.get(b));
      for (int i = 0, n = s.size(); i < n; i++) {
        EventType t = s.type(i);
        if (!type.includes(t)) {
          continue;
        }
        int actor = s.actorIndex(i);
        if (t == EventType.PULL_REQUEST_MERGED) {
          // Credit the pull request's author, not whoever merged it.
          int author = s.secondActorIndex(i);
          if (author < 0) {
            PendingMerge pm =
                new PendingMerge(s.repository(s.repositoryIndex(i)), s.number(i), s.instant(i), b);
            pending.merge(pm, 1L, Long::sum);
            continue;
          }
          actor = author;
        }
        if (!bots && people.isBot(actor)) {
          continue;
        }
        counter.add(people.personOf(actor), s, i, b);
      }
    }
    Map<PullRequestRef, Opener> openers =
        type.includes(EventType.PULL_REQUEST_MERGED) ? openers(scoped, people) : Map.of();
    Map<Repository, Instant> first = trackFirstEvents ? firstEvents(scoped, sel.scope()) : Map.of();
    return new ContributionCounts<>(counter.maps(), pending, openers, first, counter.leftOut);
  }

  /** Who opened each pull request of the (scoped) store, at any time in it. */
  private static Map<PullRequestRef, Opener> openers(EventStore store, People people) {
    Map<PullRequestRef, Opener> openers = new HashMap<>();
    for (int i = 0, n = store.size(); i < n; i++) {
      if (store.type(i) == EventType.PULL_REQUEST_OPENED) {
        Person p = people.person(people.personOf(store.actorIndex(i)));
        PullRequestRef ref =
            new PullRequestRef(store.repository(store.repositoryIndex(i)), store.number(i));
        openers.merge(ref, new Opener(p, store.instant(i)), Opener::earlier);
      }
    }
    return openers;
  }

  /** The first event of each repository of the (scoped) store, which is in time order. */
  private static Map<Repository, Instant> firstEvents(EventStore store, RepositoryScope scope) {
    Map<Repository, Instant> first = new HashMap<>();
    if (scope.repositories().size() == 1) {
      // The store is already that repository's events: its first is the first.
      if (!store.isEmpty()) {
        first.put(store.repository(store.repositoryIndex(0)), store.instant(0));
      }
      return first;
    }
    if (!scope.repositories().isEmpty()) {
      // A few repositories: each one's first event is the first of its slice, so the history of
      // a repository is not read to find where it starts.
      for (Repository named : scope.repositories()) {
        EventStore own = store.slice(named);
        if (!own.isEmpty()) {
          first.put(own.repository(own.repositoryIndex(0)), own.instant(0));
        }
      }
      return first;
    }
    // Repositories seen, numbered densely: no array as long as the store's repositories per call.
    DenseIds seen = DenseIds.of(store.repositories().size(), store.size());
    for (int i = 0, n = store.size(); i < n; i++) {
      int r = store.repositoryIndex(i);
      if (seen.get(r) < 0) {
        seen.id(r);
        first.put(store.repository(r), store.instant(i));
      }
    }
    return first;
  }

  /**
   * Credits the merges that waited for their opener: to the opener's key at the merge's instant;
   * skipped when no opener is known; not at all when the opener is a bot and bots are excluded.
   */
  static <K> Resolved<K> resolve(ContributionCounts<K> st, Resolver<K> resolver, boolean bots) {
    List<Map<K, Long>> buckets = new ArrayList<>(st.bucketCount());
    for (int b = 0; b < st.bucketCount(); b++) {
      buckets.add(new HashMap<>(st.counts(b)));
    }
    long[] skipped = new long[st.bucketCount()];
    long leftOut = st.leftOut();
    for (Map.Entry<PendingMerge, Long> e : st.pending().entrySet()) {
      PendingMerge pm = e.getKey();
      long n = e.getValue();
      Opener op = st.openers().get(new PullRequestRef(pm.repo(), pm.number()));
      if (op == null) {
        skipped[pm.bucket()] += n;
      } else if (bots || !op.person().bot()) {
        Optional<K> key = resolver.keyOf(op.person(), pm.at());
        if (key.isPresent()) {
          buckets.get(pm.bucket()).merge(key.get(), n, Long::sum);
        } else {
          leftOut += n;
        }
      }
    }
    return new Resolved<>(buckets, skipped, leftOut);
  }

  /** Checks that windows are non-empty, in order and disjoint, as buckets must be. */
  static List<Window> checkBuckets(List<Window> buckets) {
    for (int b = 1; b < buckets.size(); b++) {
      if (!(!buckets.get(b).start().isBefore(buckets.get(b - 1).end()))) {
        throw new IllegalArgumentException("buckets overlap or are out of order: " + buckets.get(b - 1) + ", " + buckets.get(b));
      }
    }
    return List.copyOf(buckets);
  }

  private abstract static class Counter<K> {
    long leftOut;

    /** Called once before the scan, which reads at most {@code events} events. */
    void start(People people, int events) {}

    abstract void add(int person, EventStore slice, int position, int bucket);

    abstract List<Map<K, Long>> maps();
  }

  /**
   * Counts in arrays indexed by the people the scan meets (dense ids): no allocation per event,
   * and none per person of the store when the scan reads one repository of a large store.
   */
  private static final class PersonCounter extends Counter<Actor> {
    private final People people;
    private final long[][] counts;
    private DenseIds ids;

    PersonCounter(People people, int buckets) {
      this.people = people;
      this.counts = new long[buckets][];
    }

    @Override
    void start(People people, int events) {
      ids = DenseIds.of(people.size(), events);
    }

    @Override
    void add(int person, EventStore slice, int position, int bucket) {
      int id = ids.id(person);
      long[] c = counts[bucket];
      if (c == null) {
        c = counts[bucket] = new long[Math.max(16, id + 1)];
      } else if (id >= c.length) {
        c = counts[bucket] = Arrays.copyOf(c, Math.max(2 * c.length, id + 1));
      }
      c[id]++;
    }

    @Override
    List<Map<Actor, Long>> maps() {
      List<Map<Actor, Long>> maps = new ArrayList<>(counts.length);
      for (long[] c : counts) {
        Map<Actor, Long> m = new HashMap<>();
        for (int id = 0; c != null && id < c.length; id++) {
          if (c[id] > 0) {
            m.put(people.key(ids.key(id)), c[id]);
          }
        }
        maps.add(m);
      }
      return maps;
    }
  }

  /** Counts per key that depends on the instant (an organisation). */
  private static final class KeyCounter<K> extends Counter<K> {
    private final People people;
    private final Resolver<K> resolver;
    private final List<Map<K, long[]>> counts = new ArrayList<>();

    KeyCounter(People people, Resolver<K> resolver, int buckets) {
      this.people = people;
      this.resolver = resolver;
      for (int b = 0; b < buckets; b++) {
        counts.add(new HashMap<>());
      }
    }

    @Override
    void add(int person, EventStore slice, int position, int bucket) {
      Optional<K> key = resolver.keyOf(people.person(person), slice.instant(position));
      if (key.isPresent()) {
        counts.get(bucket).computeIfAbsent(key.get(), k -> new long[1])[0]++;
      } else {
        leftOut++;
      }
    }

    @Override
    List<Map<K, Long>> maps() {
      List<Map<K, Long>> maps = new ArrayList<>(counts.size());
      for (Map<K, long[]> c : counts) {
        Map<K, Long> m = new HashMap<>();
        c.forEach((k, n) -> m.put(k, n[0]));
        maps.add(m);
      }
      return maps;
    }
  }
}
