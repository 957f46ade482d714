package io.github.communitymetrics.core.metrics;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.AscendingMap;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Any {@link SliceMetric} for every repository, or every owner, of a store: the one way the
 * library scores many repositories at once. The value for a repository is by definition the
 * metric of that repository computed on the store, so there is no second definition to keep equal
 * to the first; a numbers-only table is a projection of these values ({@link
 * RepositoryTable#project}).
 *
 * <p><b>Which metric.</b> The caller says how to narrow its metric to one repository: for the
 * metrics with a {@link RepositoryScope}, {@code r -> metric.withScope(RepositoryScope.of(r))};
 * for OpenSauced's confidence, whose parameter is a repository, {@code metric::withRepository};
 * for a registered metric, {@code r ->
 * descriptor.metric(evaluation.withScope(RepositoryScope.of(r)))}.
 * For owners, how to narrow it to a scope: {@code metric::withScope}, given {@link
 * Owner#scope()}. The function must give the same metric for the same repository each time.
 *
 * <p><b>Which input.</b> Each repository's metric is given the store passed in, not the
 * repository's slice of it, because some metrics of one repository read other repositories'
 * events (OpenSauced's
 * confidence credits a stargazer's pull requests in any repository). A metric narrowed to a
 * repository reads that repository's events only ({@link RepositoryScope#restrict}), through the
 * store's per-repository index: one pass over the store groups its event positions by repository
 * the first time a repository is sliced, and every later slice is a range of that index. So the
 * cost of scoring every repository is the cost of their events, not repositories times events.
 * OpenSauced's confidence computes the pull request footprints of its window once per store and
 * shares them with the metrics that differ from it by their repository only.
 *
 * <p><b>Which repositories.</b> Every repository with at least one event in {@code store} (any
 * type, any time), in {@link Repository} order; a repository without events has no entry, and an
 * empty store gives an empty map. The store's identity rule applies first: a renamed repository
 * (one forge id, several names) is one repository under its latest name ({@link EventStore}).
 * Owners likewise: every owner of a repository with events, compared without regard to case. To
 * score a part of the repositories, pass a slice of the store; mind that a metric reading other
 * repositories then reads only those of the slice.
 *
 * <p>States ({@link #accumulate}) of the same repository from disjoint slices merge with the
 * metric's {@link SliceMetric#merge} into the state of their union, as for any slices; every
 * repository of the store gets a state from every slice (see there why).
 *
 * <p>Results and states must not be null. The maps returned are unmodifiable.
 *
 * <p><b>Threads.</b> The forms without a {@code threads} argument compute each repository in
 * turn on the calling thread. With {@code threads > 1} the repositories (or owners) are shared
 * out among the calling thread and {@code threads - 1} others, each taking the next one in order
 * when it is done with one; the results are the same, in the same order, whatever the number of
 * threads (metrics are functions of the store, the people and their parameters; what they cache
 * per store is published safely). {@code progress} then hears {@code (k, n)} with k increasing, from
 * whichever thread finished a repository, one call at a time. If metrics fail, the failure thrown
 * is the one of the first failing repository (or owner) in order, as on one thread.
 */
public final class EachRepository {
  private EachRepository() {}

  /**
   * The metric of every repository of {@code store}: for each repository {@code r} with events,
   * {@code metricOf.apply(r).compute(store, people)}.
   *
   * @param store the events (a store, or a slice of one by time)
   * @param people the store's people
   * @param metricOf the metric of one repository
   * @param <R> the result
   * @return the results by repository, in {@link Repository} order; unmodifiable
   * @throws IllegalArgumentException if {@code people} were resolved for another store
   * @throws NullPointerException if an argument, a metric or a result is null
   */
  public static <R> SortedMap<Repository, R> compute(
      EventStore store,
      People people,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf) {
    return compute(store, people, metricOf, ProgressListener.NONE);
  }

  /**
   * As {@link #compute(EventStore, People, Function)}, reporting to {@code progress} how many
   * repositories are done: {@code (0, n)} first, then {@code (k, n)} after the k-th of the n
   * repositories with events.
   *
   * @param progress hears the repositories done; {@link ProgressListener#NONE} for none
   * @throws NullPointerException if an argument, a metric or a result is null
   */
  public static <R> SortedMap<Repository, R> compute(
      EventStore store,
      People people,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      ProgressListener progress) {
    return compute(store, people, metricOf, progress, 1);
  }

  /**
   * As {@link #compute(EventStore, People, Function, ProgressListener)}, on {@code threads}
   * threads (see "Threads" above): the same results.
   *
   * @param threads how many threads compute, the calling thread included; at least 1
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public static <R> SortedMap<Repository, R> compute(
      EventStore store,
      People people,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      ProgressListener progress,
      int threads) {
    Checks.notNull(metricOf, "metricOf");
    Checks.notNull(progress, "progress");
    Checks.positive(threads, "threads");
    return computeEach(repositories(store, people), metricOf, store, people, progress, threads);
  }

  /**
   * As {@link #compute(EventStore, People, Function, ProgressListener, int)}, each result handed
   * with its repository to {@code finish} on the thread that computed it, and only what {@code
   * finish} gives kept. For callers that need a small part of each result (its measurements, a
   * row): a store's worth of full results is never held at once, and the finishing runs on every
   * thread too.
   *
   * @param finish what to keep of a repository's result
   * @param <T> what is kept
   * @throws NullPointerException if an argument, a metric, a result or what {@code finish} gives is
   *     null
   */
  public static <R, T> SortedMap<Repository, T> compute(
      EventStore store,
      People people,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      BiFunction<? super Repository, ? super R, ? extends T> finish,
      ProgressListener progress,
      int threads) {
    Checks.notNull(metricOf, "metricOf");
    Checks.notNull(finish, "finish");
    Checks.notNull(progress, "progress");
    Checks.positive(threads, "threads");
    return each(repositories(store, people), finishing(store, people, metricOf, finish), progress, threads);
  }

  /**
   * As {@link #compute(EventStore, People, Function, BiFunction, ProgressListener, int)} for the
   * given repositories only: each one's metric is computed on the whole {@code store}, as for
   * every repository, so the result of a repository is the same whichever others are asked for.
   * For callers that know which repositories' results can have changed since an earlier run
   * ({@link io.github.communitymetrics.core.registry.IncrementalScores}).
   *
   * @param repositories the repositories to compute, each with at least one event in {@code
   *     store}; duplicates count once
   * @return by repository, in {@link Repository} order; unmodifiable
   * @throws IllegalArgumentException if a repository has no event in {@code store}, or {@code
   *     people} were resolved for another store
   */
  public static <R, T> SortedMap<Repository, T> compute(
      EventStore store,
      People people,
      Collection<Repository> repositories,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      BiFunction<? super Repository, ? super R, ? extends T> finish,
      ProgressListener progress,
      int threads) {
    Checks.notNull(repositories, "repositories");
    Checks.notNull(metricOf, "metricOf");
    Checks.notNull(finish, "finish");
    Checks.notNull(progress, "progress");
    Checks.positive(threads, "threads");
    checkPeople(store, people);
    List<Repository> keys = new ArrayList<>(new java.util.TreeSet<>(repositories));
    for (Repository r : keys) {
      // A repository without events has no result when every repository is computed; asking for
      // one is a caller's mistake, not an empty result.
      if (store.slice(r).size() == 0) {
        // The message only when it is thrown: an update asks for tens of thousands of repositories.
        throw new IllegalArgumentException("no event of " + r + " in the store");
      }
    }
    return each(keys, finishing(store, people, metricOf, finish), progress, threads);
  }

  /**
   * The result of each given repository over the union of disjoint stores, without building a
   * store of all their events: for each repository {@code r}, {@code finish.apply(r,
   * m.finish(s))} where {@code m = metricOf.apply(r)} and {@code s} merges ({@link
   * SliceMetric#merge}) {@code m.accumulate(part, people)} of every part in turn. By {@link
   * SliceMetric}'s contract that is the result {@link #compute(EventStore, People, Collection,
   * Function, BiFunction, ProgressListener, int) compute} gives on one store of all the parts'
   * events, when those events are each in one part only, the union's repositories are the parts'
   * under the same names (no rename across parts) and the people are of one resolution of all
   * the parts' actors ({@link io.github.communitymetrics.core.identity.IdentityResolver#resolve(
   * EventStore, EventStore)}). For a large store and a small one of the events that came after
   * it ({@link io.github.communitymetrics.core.registry.IncrementalScores}). Each part is
   * accumulated for each repository, so a metric that reads other repositories' events in every
   * part (OpenSauced's confidence) costs as much per repository as per part.
   *
   * @param parts the stores, disjoint
   * @param people the people of each part, in the same order, all of one resolution
   * @param repositories the repositories to compute, each with at least one event in a part;
   *     duplicates count once
   * @return by repository, in {@link Repository} order; unmodifiable
   * @throws IllegalArgumentException if there are no parts, the people are not one per part, of
   *     their part and of one resolution, or a repository has no event in any part
   */
  public static <R, T> SortedMap<Repository, T> computeOverParts(
      List<EventStore> parts,
      List<People> people,
      Collection<Repository> repositories,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      BiFunction<? super Repository, ? super R, ? extends T> finish,
      ProgressListener progress,
      int threads) {
    List<EventStore> stores = List.copyOf(Checks.notNull(parts, "parts"));
    List<People> resolved = List.copyOf(Checks.notNull(people, "people"));
    Checks.argument(!stores.isEmpty(), "no part");
    Checks.argument(
        resolved.size() == stores.size(),
        "one people per part: " + resolved.size() + " people for " + stores.size() + " parts");
    for (int k = 0; k < stores.size(); k++) {
      checkPeople(stores.get(k), resolved.get(k));
      Checks.argument(
          resolved.get(k).identities() == resolved.get(0).identities(),
          "the parts' people must be of one resolution");
    }
    Checks.notNull(repositories, "repositories");
    Checks.notNull(metricOf, "metricOf");
    Checks.notNull(finish, "finish");
    Checks.notNull(progress, "progress");
    Checks.positive(threads, "threads");
    List<Repository> keys = new ArrayList<>(new java.util.TreeSet<>(repositories));
    for (Repository r : keys) {
      boolean any = false;
      for (EventStore part : stores) {
        any |= part.slice(r).size() > 0;
      }
      if (!any) {
        throw new IllegalArgumentException("no event of " + r + " in any part");
      }
    }
    return each(
        keys,
        r -> {
          R result = overParts(notNull(metricOf.apply(r), "metric", r), stores, resolved, r);
          return notNull(finish.apply(r, notNull(result, "result", r)), "what finish gives", r);
        },
        progress,
        threads);
  }

  /** {@code metric}'s result over the parts: its states of each part, merged, finished. */
  private static <S, R> R overParts(
      SliceMetric<S, R> metric, List<EventStore> parts, List<People> people, Repository r) {
    S state = null;
    for (int k = 0; k < parts.size(); k++) {
      S part = notNull(metric.accumulate(parts.get(k), people.get(k)), "state", r);
      state = state == null ? part : notNull(metric.merge(state, part), "merged state", r);
    }
    return metric.finish(state);
  }

  /**
   * The state of every repository of the store {@code slice} belongs to: for each repository
   * {@code r} of {@link EventStore#repositories()}, with events in the slice or not, {@code
   * metricOf.apply(r).accumulate(slice, people)}. States of the same repository from disjoint
   * slices merge exactly ({@link SliceMetric#merge}) into the state of their union. A repository
   * without events in the slice gets a state too, because a metric that reads other repositories'
   * events (OpenSauced's confidence) finds in the slice what its state needs, the pull requests of
   * its stargazers; for the other metrics that state is empty.
   *
   * @param slice the events (a store or a slice)
   * @param people the store's people
   * @param metricOf the metric of one repository
   * @param <S> the state
   * @return the states by repository, in {@link Repository} order; unmodifiable
   * @throws IllegalArgumentException if {@code people} were resolved for another store
   * @throws NullPointerException if an argument, a metric or a state is null
   */
  public static <S> SortedMap<Repository, S> accumulate(
      EventStore slice,
      People people,
      Function<? super Repository, ? extends SliceMetric<? extends S, ?>> metricOf) {
    Checks.notNull(metricOf, "metricOf");
    checkPeople(slice, people);
    AscendingMap<Repository, S> out = new AscendingMap<>();
    for (Repository r : slice.repositories()) { // interned indices follow Repository order
      SliceMetric<? extends S, ?> metric = notNull(metricOf.apply(r), "metric", r);
      out.put(r, notNull(metric.accumulate(slice, people), "state", r));
    }
    return out.build();
  }

  /**
   * The metric of every owner of {@code store}: for each owner {@code o} of a repository with
   * events, {@code metricOf.apply(o.scope()).compute(store, people)}, where {@link Owner#scope()}
   * is {@link RepositoryScope#organization} (every repository of the owner, in this store and
   * beyond). The owner is spelled as in the first of its repositories in {@link Repository}
   * order.
   *
   * @param store the events (a store, or a slice of one by time)
   * @param people the store's people
   * @param metricOf the metric of one scope
   * @param <R> the result
   * @return the results by owner, in {@link Owner} order; unmodifiable
   * @throws IllegalArgumentException if {@code people} were resolved for another store
   * @throws NullPointerException if an argument, a metric or a result is null
   */
  public static <R> SortedMap<Owner, R> computeEachOwner(
      EventStore store,
      People people,
      Function<? super RepositoryScope, ? extends SliceMetric<?, ? extends R>> metricOf) {
    return computeEachOwner(store, people, metricOf, ProgressListener.NONE);
  }

  /**
   * As {@link #computeEachOwner(EventStore, People, Function)}, reporting to {@code progress}
   * how many owners are done: {@code (0, n)} first, then {@code (k, n)} after the k-th of the n
   * owners.
   *
   * @param progress hears the owners done; {@link ProgressListener#NONE} for none
   * @throws NullPointerException if an argument, a metric or a result is null
   */
  public static <R> SortedMap<Owner, R> computeEachOwner(
      EventStore store,
      People people,
      Function<? super RepositoryScope, ? extends SliceMetric<?, ? extends R>> metricOf,
      ProgressListener progress) {
    return computeEachOwner(store, people, metricOf, progress, 1);
  }

  /**
   * As {@link #computeEachOwner(EventStore, People, Function, ProgressListener)}, on {@code
   * threads} threads (see "Threads" above): the same results.
   *
   * @param threads how many threads compute, the calling thread included; at least 1
   * @throws IllegalArgumentException if {@code threads} is less than 1
   */
  public static <R> SortedMap<Owner, R> computeEachOwner(
      EventStore store,
      People people,
      Function<? super RepositoryScope, ? extends SliceMetric<?, ? extends R>> metricOf,
      ProgressListener progress,
      int threads) {
    Checks.notNull(metricOf, "metricOf");
    Checks.notNull(progress, "progress");
    Checks.positive(threads, "threads");
    // Owners ignore case, repositories do not: "Apache/x" < "Zed/y" < "apache/z". A sorted map,
    // keeping the first spelling met.
    TreeMap<Owner, Owner> owners = new TreeMap<>();
    for (Repository r : repositories(store, people)) {
      Owner o = Owner.of(r);
      owners.putIfAbsent(o, o);
    }
    return computeEach(
        List.copyOf(owners.keySet()), o -> metricOf.apply(o.scope()), store, people, progress, threads);
  }

  /**
   * The metric of each key, ascending, reporting each key done to {@code progress}: on the
   * calling thread, or shared out among {@code threads} when there are several keys.
   */
  private static <K extends Comparable<? super K>, R> SortedMap<K, R> computeEach(
      List<K> keys,
      Function<? super K, ? extends SliceMetric<?, ? extends R>> metricOf,
      EventStore store,
      People people,
      ProgressListener progress,
      int threads) {
    return each(
        keys,
        key -> notNull(notNull(metricOf.apply(key), "metric", key).compute(store, people), "result", key),
        progress,
        threads);
  }

  /** What {@code finish} keeps of a repository's result computed on {@code store}. */
  private static <R, T> Function<Repository, T> finishing(
      EventStore store,
      People people,
      Function<? super Repository, ? extends SliceMetric<?, ? extends R>> metricOf,
      BiFunction<? super Repository, ? super R, ? extends T> finish) {
    return r -> {
      R result = notNull(notNull(metricOf.apply(r), "metric", r).compute(store, people), "result", r);
      return notNull(finish.apply(r, result), "what finish gives", r);
    };
  }

  /** {@code one} of each key, ascending: on the calling thread, or on {@code threads} threads. */
  private static <K extends Comparable<? super K>, T> SortedMap<K, T> each(
      List<K> keys, Function<? super K, ? extends T> one, ProgressListener progress, int threads) {
    if (threads > 1 && keys.size() > 1) {
      return ParallelEach.compute(keys, one, progress, threads, (key, kept) -> kept);
    }
    return eachInOrder(keys, one, progress);
  }

  /** {@code one} of each key, ascending, on this thread, reporting each key done to {@code progress}. */
  private static <K extends Comparable<? super K>, T> SortedMap<K, T> eachInOrder(
      Collection<K> keys, Function<? super K, ? extends T> one, ProgressListener progress) {
    long done = 0;
    progress.progressed(done, keys.size());
    AscendingMap<K, T> out = new AscendingMap<>();
    for (K key : keys) {
      out.put(key, one.apply(key));
      progress.progressed(++done, keys.size());
    }
    return out.build();
  }

  private static void checkPeople(EventStore store, People people) {
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().equals(store.actors()),
        "people were resolved for another store than the one given");
  }

  /** {@code value}, checked; the message is built only when it is null. */
  private static <T> T notNull(T value, String what, Object of) {
    if (value == null) {
      throw new NullPointerException(what + " of " + of + " must not be null");
    }
    return value;
  }

  /**
   * The repositories with at least one event in {@code store}, ascending: one pass over its
   * repository column (the interned list of a slice is its store's, events or not).
   */
  private static List<Repository> repositories(EventStore store, People people) {
    checkPeople(store, people);
    List<Repository> all = store.repositories();
    boolean[] present = new boolean[all.size()];
    int count = 0;
    for (int i = 0, n = store.size(); i < n && count < present.length; i++) {
      int r = store.repositoryIndex(i);
      if (!present[r]) {
        present[r] = true;
        count++;
      }
    }
    List<Repository> out = new ArrayList<>(count);
    for (int r = 0; r < present.length; r++) {
      if (present[r]) {
        out.add(all.get(r)); // interned indices follow Repository order
      }
    }
    if (!out.isEmpty()) {
      // Build the store's per-repository index now, once, rather than inside the first metric.
      store.slice(out.get(0));
    }
    return out;
  }
}
