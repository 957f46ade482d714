package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.Failures;
import io.github.communitymetrics.core.internal.SortedUnion;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The measurements of every repository for some metrics, kept up to date as events arrive and
 * the as-of instant moves (a new GH Archive hour, a resumed fetch): after each {@link #add}, the
 * measurements are those a full {@link MetricDescriptor#measureEachRepository} of all the events
 * so far gives with the new as-of, to the last digit, but only the repositories whose results can
 * have changed are computed again. Which those are, each metric declares ({@link
 * MetricDescriptor#dependencies()}); a metric that declares nothing is computed again everywhere.
 *
 * <p>What is recomputed for a metric after an update: every repository with no row yet; and
 * <ul>
 *   <li>{@link Dependency#ANY_CHANGE}: every repository, if anything was added or the window
 *       moved;
 *   <li>{@link Dependency#AS_OF}: every repository, if the metric's described window moved;
 *   <li>{@link Dependency#WINDOW_EVENTS}: the repositories of new events inside the new
 *       described window and of events that entered or left it;
 *   <li>{@link Dependency#HISTORY_EVENTS}: those, and the repositories of new events before the
 *       window;
 *   <li>{@link Dependency#OTHER_REPOSITORIES}: the repositories with an event (of the types
 *       {@link MetricDescriptor#crossRepositoryReads()} reads through) by an actor who, or whose
 *       person or login, has a new event or one that changed place (of the types it reads; new
 *       ones count whatever their place, a superset);
 *   <li>{@link Dependency#PEOPLE}: the repositories with an event by an actor whose person
 *       changed (its members, which decide its key and addresses) or whose bot flag changed, new
 *       actors included.
 * </ul>
 *
 * <p>Repositories are events' identities under the store's rule ({@link EventStore}): when new
 * events rename a repository, give an id to events that had none or share a name with another
 * repository, the rows of repositories cannot be matched from one store to the next, and the
 * update computes every repository again (its {@link Update#everything()} says so).
 *
 * <p>Between full builds the events since the last one are kept as a second, small store and each
 * repository is computed over both stores, when the metrics allow it (see {@link #add}); the
 * people of both are then resolved by reading only the newer store's actors into the tables kept
 * from reading the base's ({@link IdentityResolver#prepare}), which take memory of the order of
 * the base's actor table. Not thread-safe: one thread
 * updates it and reads it; the scoring itself uses the threads given, and a merge of the newer
 * events into a new base runs on a daemon thread of its own (see {@link #add}).
 */
public final class IncrementalScores {
  /**
   * The delta is merged into the base (a store of every event built again), in the background,
   * after the update after which it holds more than this fraction of the base's events: the merge costs
   * about a full build, so merging after a quarter of the base has come keeps its cost per event
   * bounded, while each update in between scores over the base and the delta without building.
   */
  private static final int MERGE_DIVISOR = 4;

  /** Runs each merge on a daemon thread of its own: a merge is rare and long. */
  private static final Executor MERGER =
      task -> {
        Thread t = new Thread(task, "IncrementalScores merge");
        t.setDaemon(true);
        t.start();
      };

  private final List<MetricDescriptor<?>> metrics;
  private final Duration length;
  private final int threads;
  /**
   * The events of the base, staged again at its next build: the newer events are added to it
   * only when they are merged into the base, as adding one re-stages the built base (about the
   * cost of reading every event again).
   */
  private final EventStore.Builder builder;
  /**
   * The base given whole to {@link #start}, not yet staged in {@link #builder}; null once it is
   * (see {@link #staged()}).
   */
  private EventStore unstaged;
  /**
   * Whether the metrics can be scored over the base and the delta apart, their states merged:
   * none depends on anything ({@link Dependency#ANY_CHANGE}) or reads other repositories, whose
   * whole-store inputs (confidence's footprints) a part alone cannot give.
   */
  private final boolean overParts;
  /** The events since the base was built that it does not hold; null when there are none. */
  private EventStore.Builder deltaBuilder;
  /**
   * The repositories the delta's events were given with. Each must be one of the delta store's
   * under the same value, so that the delta store gives back the events as they were given
   * (a store names a renamed repository's events after its latest name) when they are merged.
   */
  private final Set<Repository> deltaValues = new HashSet<>();
  /** Whether every event so far names its repository with an id: see {@link #withDelta}. */
  private boolean allWithIds = true;
  private Evaluation evaluation;
  private State state;
  /**
   * The merge of the delta into a new base running in the background, which alone uses {@link
   * #builder} until it is awaited; null when none runs.
   */
  private CompletableFuture<State> merging;
  private final Map<MetricDescriptor<?>, TreeMap<Repository, List<Measurement>>> rows =
      new LinkedHashMap<>();

  private IncrementalScores(List<MetricDescriptor<?>> metrics, Evaluation evaluation, int threads) {
    this.metrics = metrics;
    this.evaluation = evaluation;
    this.length = evaluation.window().duration();
    this.threads = threads;
    this.builder = EventStore.builder().threads(threads);
    boolean parts = true;
    for (MetricDescriptor<?> d : metrics) {
      Set<Dependency> on = d.dependencies();
      parts &= !on.contains(Dependency.ANY_CHANGE) && !on.contains(Dependency.OTHER_REPOSITORIES);
    }
    this.overParts = parts;
  }

  /**
   * Scores every repository of {@code events} with each metric under {@code evaluation}.
   *
   * @param metrics the metrics, each once
   * @param evaluation the scope must be {@link RepositoryScope#all()}: each repository is scored
   *     alone; the window's end is the first as-of and its length is kept by later updates
   * @param events the history so far; a whole {@link EventStore} ({@link EventStore#isWhole()})
   *     is taken as the base without building it again
   * @param threads how many threads build the store and score, the calling one included
   * @throws IllegalArgumentException if the metrics repeat or are empty, the scope is not every
   *     repository, or {@code threads} is less than 1
   */
  public static IncrementalScores start(
      List<? extends MetricDescriptor<?>> metrics,
      Evaluation evaluation,
      Iterable<? extends Event> events,
      int threads) {
    List<MetricDescriptor<?>> chosen = List.copyOf(Checks.notNull(metrics, "metrics"));
    Checks.argument(!chosen.isEmpty(), "no metric to score");
    Checks.argument(Set.copyOf(chosen).size() == chosen.size(), "a metric is given twice: " + chosen);
    Checks.notNull(evaluation, "evaluation");
    Checks.argument(
        evaluation.scope().equals(RepositoryScope.all()),
        "each repository is scored alone: the evaluation's scope must be every repository, not "
            + evaluation.scope());
    Checks.notNull(events, "events");
    Checks.positive(threads, "threads");
    IncrementalScores s = new IncrementalScores(chosen, evaluation, threads);
    EventStore base;
    if (events instanceof EventStore given && given.isWhole()) {
      // Taken as it is: a store built again from its events is equal to it. Its events are
      // staged for the next full build only when one is needed, mostly in a background merge.
      for (Repository r : given.repositories()) {
        s.allWithIds &= r.id().isPresent();
      }
      base = given;
      s.unstaged = given;
    } else {
      for (Event e : events) {
        s.allWithIds &= Checks.notNull(e, "event").repo().id().isPresent();
        s.builder.add(e);
      }
      base = s.builder.build();
    }
    s.state = State.whole(base, s.overParts, threads);
    for (MetricDescriptor<?> d : chosen) {
      s.rows.put(d, new TreeMap<>(d.measureEachRepository(s.state.base, s.state.basePeople,
          evaluation, ProgressListener.NONE, threads)));
    }
    return s;
  }

  /** The metrics scored, in the order given. */
  public List<MetricDescriptor<?>> metrics() {
    return metrics;
  }

  /** The evaluation of the last update: its window ends at the current as-of. */
  public Evaluation evaluation() {
    return evaluation;
  }

  /**
   * Every event so far. Between merges the events are held as a base store and a smaller one of
   * the newer events; asking for the store merges them (about the cost of building a store of
   * every event, or waits for the merge running in the background), which the next update then
   * starts from.
   */
  public EventStore store() {
    awaitMerge();
    if (!state.whole()) {
      state = State.whole(staged().addAll(state.delta).build(), overParts, threads);
      deltaBuilder = null;
      deltaValues.clear();
    }
    return state.base;
  }

  /** The people of {@link #store()} (which it may merge, see there). */
  public People people() {
    store();
    return state.basePeople;
  }

  /**
   * Whether a merge of the newer events into a new base is running in the background: an
   * update after which they hold more than a quarter of the base's events starts one, and the
   * next update (or {@link #store()}) waits for it if it has not ended by then.
   */
  public boolean merging() {
    return merging != null && !merging.isDone();
  }

  /**
   * {@link #builder}, holding the base's events: those of a base given whole to {@link #start}
   * are staged on the first call. Called by the updating thread, or by a merge while it alone
   * uses the builder.
   */
  private EventStore.Builder staged() {
    if (unstaged != null) {
      builder.addAll(unstaged);
      unstaged = null;
    }
    return builder;
  }

  /** Waits for the merge running in the background, if any, and starts from its base. */
  private void awaitMerge() {
    CompletableFuture<State> m = merging;
    if (m == null) {
      return;
    }
    merging = null;
    State merged;
    try {
      merged = m.join();
    } catch (CompletionException e) {
      // The base and the delta are still whole: the next merge starts again from them.
      throw Failures.unchecked(e.getCause());
    }
    state = merged;
    deltaBuilder = null;
    deltaValues.clear();
  }

  /**
   * The measurements of every repository with events for {@code metric}, in {@link Repository}
   * order: equal to {@code metric.measureEachRepository(store(), people(), evaluation(), ...)}.
   * An unmodifiable view, which later updates change.
   *
   * @throws IllegalArgumentException if {@code metric} is not scored here
   */
  public SortedMap<Repository, List<Measurement>> measurements(MetricDescriptor<?> metric) {
    TreeMap<Repository, List<Measurement>> m = rows.get(Checks.notNull(metric, "metric"));
    Checks.argument(m != null, "not scored here: " + metric);
    return Collections.unmodifiableSortedMap(m);
  }

  /**
   * How many events {@code repository} has so far: what {@code store().slice(repository).size()}
   * gives (duplicates once), without merging the stores; 0 for a repository without events.
   */
  public int events(Repository repository) {
    Checks.notNull(repository, "repository");
    int n = 0;
    for (EventStore s : state.stores()) {
      n += s.slice(repository).size();
    }
    return n;
  }

  /**
   * What an update changed for one metric.
   *
   * @param metric the metric
   * @param recomputed how many repositories were computed again
   * @param changed the repositories whose measurements are new or differ, with the new ones
   * @param removed the repositories that no longer have a row (renamed or joined to another)
   */
  public record MetricUpdate(
      MetricDescriptor<?> metric,
      int recomputed,
      SortedMap<Repository, List<Measurement>> changed,
      SortedSet<Repository> removed) {
    /** Checks and copies. */
    public MetricUpdate {
      Checks.notNull(metric, "metric");
      Checks.argument(recomputed >= 0, "recomputed must not be negative");
      changed = Collections.unmodifiableSortedMap(new TreeMap<>(changed));
      removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }
  }

  /**
   * What one {@link #add} did.
   *
   * @param evaluation the new evaluation (its window ends at the new as-of)
   * @param events how many events the store gained (duplicates of events it had are not counted)
   * @param everything why every repository was computed again, when the repositories of the two
   *     stores could not be matched; empty otherwise
   * @param metrics by metric, in the order of {@link #metrics()}
   * @param built whether the update built a store of every event before it returned: when the
   *     repositories could not be computed over the last full build and a store of the newer
   *     events (see {@link #add}); false when it built no such store (it may have started a merge
   *     in the background: {@link #merging()})
   */
  public record Update(
      Evaluation evaluation,
      long events,
      Optional<String> everything,
      List<MetricUpdate> metrics,
      boolean built) {
    /** Checks and copies. */
    public Update {
      Checks.notNull(evaluation, "evaluation");
      Checks.notNull(everything, "everything");
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * Adds {@code events} and moves the as-of instant to {@code asOf} (the window keeps its
   * length), then computes again the repositories whose results can have changed.
   *
   * <p>How: when no metric reads other repositories or depends on anything ({@link
   * Dependency}), every event so far names its repository with an id and the new events rename
   * none, the events since the last full build are kept as a second, small store (the delta),
   * the people are resolved over both stores' actors (reading only the delta's into the tables
   * kept from the base's, {@link IdentityResolver#resolve(IdentityResolver.Prepared,
   * EventStore, int)}), and each repository to compute is
   * computed over both, its metric's states merged ({@link
   * io.github.communitymetrics.core.metrics.SliceMetric}): no store of every event is built. When
   * the delta has grown to a quarter of the base, a merge into a new base starts in the
   * background, on a thread of its own, which the next update waits for if it has not ended.
   * Otherwise the store of every event is built again.
   *
   * @param events the new events; any instants, before or after the last as-of (duplicates of
   *     events already added are dropped, as the store drops them)
   * @param asOf the new as-of: the end of the window
   * @return what changed
   */
  public Update add(Iterable<? extends Event> events, Instant asOf) {
    Checks.notNull(events, "events");
    Checks.notNull(asOf, "asOf");
    Evaluation next = evaluation.withWindow(Window.endingAt(asOf, length));
    List<Event> added = new ArrayList<>();
    for (Event e : events) {
      added.add(Checks.notNull(e, "event"));
    }
    awaitMerge();
    State before = state;
    State after = before;
    // The new events as a store of their own, for matching; built only when the delta is not it.
    EventStore delta = null;
    Changes changes = null;
    boolean built = false;
    if (!added.isEmpty()) {
      // Without new events (as-of moving alone), the store and its people stay as they are.
      for (Event e : added) {
        allWithIds &= e.repo().id().isPresent();
      }
      after = overParts && allWithIds ? withDelta(before, added) : null;
      if (after != null) {
        // After a full build the delta holds exactly the new events, less those the base held
        // (which change nothing).
        delta = before.whole() ? after.delta : EventStore.of(added);
        changes = new Changes(before, after, delta, metrics);
        if (changes.everything.isPresent()) {
          after = null;
        }
      }
      if (after == null) {
        deltaBuilder = null;
        deltaValues.clear();
        if (!before.whole()) {
          staged().addAll(before.delta);
        }
        after = State.whole(staged().addAll(added).build(), overParts, threads);
        changes = null;
        built = true;
      }
    }
    if (changes == null) {
      changes = new Changes(before, after, delta != null ? delta : EventStore.of(added), metrics);
    }
    List<MetricUpdate> updates = new ArrayList<>();
    for (MetricDescriptor<?> d : metrics) {
      updates.add(update(d, changes, next));
    }
    state = after;
    evaluation = next;
    long gained = after.size() - before.size();
    if (!after.whole() && after.delta.size() > after.base.size() / MERGE_DIVISOR) {
      // Off the update's path: the results are already those of every event.
      EventStore newer = after.delta;
      merging = CompletableFuture.supplyAsync(() -> State.whole(staged().addAll(newer).build(), overParts, threads), MERGER);
    }
    return new Update(next, gained, changes.everything, updates, built);
  }

  /**
   * The state after adding {@code added} to the delta, or null when the delta cannot be scored
   * apart from the base: a new event renames a repository of the base or of the delta (with ids
   * on every event and no rename, the store's identity rule keeps every repository of either
   * store as it is in the union), or one is at {@link Instant#MAX}.
   */
  private State withDelta(State before, List<Event> added) {
    EventStore base = before.base;
    if (deltaBuilder == null) {
      deltaBuilder = EventStore.builder().threads(threads);
    }
    Instant first = base.isEmpty() ? Instant.MAX : base.instant(0);
    Instant last = base.isEmpty() ? Instant.MIN : base.instant(base.size() - 1);
    for (Event e : added) {
      Instant t = e.at();
      if (t.equals(Instant.MAX)) {
        return null;
      }
      // Events the base holds already are left out, as a store of every event keeps one.
      if (t.isBefore(first) || t.isAfter(last) || !holds(base, e)) {
        deltaBuilder.add(e);
        deltaValues.add(e.repo());
      }
    }
    EventStore delta = deltaBuilder.build();
    for (Repository r : deltaValues) {
      if (delta.binarySearch(r) < 0) {
        return null; // renamed within the delta
      }
    }
    for (Repository r : delta.repositories()) {
      if (base.binarySearch(r) < 0 && before.baseIds().contains(idKey(r))) {
        return null;
      }
    }
    return State.parts(before, delta, threads);
  }

  private static boolean holds(EventStore store, Event e) {
    EventStore same = store.slice(Window.of(e.at(), e.at().plusNanos(1)));
    for (int i = 0, n = same.size(); i < n; i++) {
      if (same.type(i) == e.type() && same.event(i).equals(e)) {
        return true;
      }
    }
    return false;
  }

  /** The forge and id of each repository of {@code store}, in {@link #idKey} form. */
  private static Set<String> repositoryIds(EventStore store) {
    Set<String> ids = new HashSet<>();
    for (Repository r : store.repositories()) {
      r.id().ifPresent(id -> ids.add(idKey(r.forge(), id)));
    }
    return ids;
  }

  private static String idKey(Repository r) {
    return idKey(r.forge(), r.id().orElseThrow());
  }

  private static String idKey(io.github.communitymetrics.core.event.Forge forge, long id) {
    return forge.name() + ":" + id;
  }

  private MetricUpdate update(MetricDescriptor<?> d, Changes changes, Evaluation next) {
    TreeMap<Repository, List<Measurement>> old = rows.get(d);
    State after = changes.after;
    BitSet affected = changes.affected(d, evaluation, next);
    // A repository without a row is new to the store (when the stores match; otherwise every
    // repository is affected): its events are among the new ones.
    affected.or(changes.newRepositories);
    List<Repository> recompute = new ArrayList<>(affected.cardinality());
    for (int r = affected.nextSetBit(0); r >= 0; r = affected.nextSetBit(r + 1)) {
      recompute.add(after.repository(r));
    }
    SortedSet<Repository> removed = new TreeSet<>();
    if (changes.everything.isPresent()) {
      // Otherwise every repository of the old store is one of the new store's with its events.
      for (Repository r : old.keySet()) {
        if (after.indexOf(r) < 0) {
          removed.add(r);
        }
      }
    }
    removed.forEach(old::remove);
    SortedMap<Repository, List<Measurement>> fresh =
        d.measureRepositories(after.stores(), after.people(), next, recompute, threads);
    SortedMap<Repository, List<Measurement>> changed = new TreeMap<>();
    fresh.forEach(
        (r, m) -> {
          List<Measurement> was = old.put(r, m);
          if (!m.equals(was)) {
            changed.put(r, m);
          }
        });
    return new MetricUpdate(d, recompute.size(), changed, removed);
  }

  /**
   * Every event so far: one store (whole), or a base store and a delta of the events since that
   * the base does not hold, resolved together. Repositories and actors are numbered as a store
   * of every event would number them (the union's sorted order), called union indices here.
   */
  private static final class State {
    final EventStore base;
    final People basePeople;
    /** Null when whole. */
    final EventStore delta;
    final People deltaPeople;
    /** The forge and id of each repository of the base; null until {@link #baseIds()} reads them. */
    private Set<String> baseIds;
    /** The base's actors as read by the resolution, kept for the updates over parts; null when not kept. */
    final IdentityResolver.Prepared prepared;
    /** Where the base's and the delta's repositories and actors go in the union; null when whole. */
    private final SortedUnion repositories;
    private final SortedUnion actors;
    /** By union index: the person ({@link io.github.communitymetrics.core.identity.Person#index()}) and bot flag of each actor. */
    final int[] personOf;
    final boolean[] bot;
    /** How many people. */
    final int people;

    private State(
        EventStore base, People basePeople, EventStore delta, People deltaPeople, IdentityResolver.Prepared prepared) {
      this.base = base;
      this.prepared = prepared;
      this.basePeople = basePeople;
      this.delta = delta;
      this.deltaPeople = deltaPeople;
      Identities identities = basePeople.identities();
      this.people = identities.size();
      int[] basePersons = identities.personIndices(base.actors());
      if (delta == null) {
        repositories = null;
        actors = null;
        personOf = basePersons;
      } else {
        List<Repository> repos = delta.repositories();
        repositories =
            SortedUnion.of(base.repositories().size(), repos.size(), j -> base.binarySearch(repos.get(j)));
        List<Actor> deltaActors = delta.actors();
        actors =
            SortedUnion.of(base.actors().size(), deltaActors.size(), j -> base.binarySearch(deltaActors.get(j)));
        personOf = new int[actors.size()];
        for (int a = 0; a < basePersons.length; a++) {
          personOf[actors.ofFirst(a)] = basePersons[a];
        }
        int[] deltaPersons = identities.personIndices(deltaActors);
        for (int a = 0; a < deltaPersons.length; a++) {
          personOf[actors.ofSecond(a)] = deltaPersons[a];
        }
      }
      bot = new boolean[personOf.length];
      for (int a = 0; a < personOf.length; a++) {
        bot[a] = identities.isBot(personOf[a]);
      }
    }

    /**
     * The state of one store; with {@code prepare}, its actors' reading kept ({@link
     * IdentityResolver#prepare}) for the updates over parts, which then read only the newer
     * events' actors.
     */
    static State whole(EventStore store, boolean prepare, int threads) {
      if (!prepare) {
        return new State(store, People.resolve(store, threads), null, null, null);
      }
      IdentityResolver.Prepared read = IdentityResolver.defaults().prepare(store, threads);
      State s = new State(store, People.of(store, read.identities()), null, null, read);
      s.baseIds = repositoryIds(store); // here, off the update's path when merging in the background
      return s;
    }

    /** {@code before}'s base and {@code delta}, every event since it, resolved together. */
    static State parts(State before, EventStore delta, int threads) {
      EventStore base = before.base;
      Identities identities = before.prepared != null
          ? IdentityResolver.defaults().resolve(before.prepared, delta, threads)
          : IdentityResolver.defaults().resolve(base, delta, threads);
      State s = new State(base, People.of(base, identities), delta, People.of(delta, identities), before.prepared);
      s.baseIds = before.baseIds;
      return s;
    }

    boolean whole() {
      return delta == null;
    }

    /** The forge and id of each repository of the base, read once per base. */
    Set<String> baseIds() {
      if (baseIds == null) {
        baseIds = repositoryIds(base);
      }
      return baseIds;
    }

    long size() {
      return (long) base.size() + (delta == null ? 0 : delta.size());
    }

    List<EventStore> stores() {
      return delta == null ? List.of(base) : List.of(base, delta);
    }

    /** The people of each of {@link #stores()}. */
    List<People> people() {
      return delta == null ? List.of(basePeople) : List.of(basePeople, deltaPeople);
    }

    int repositoryCount() {
      return repositories == null ? base.repositories().size() : repositories.size();
    }

    int actorCount() {
      return personOf.length;
    }

    Repository repository(int u) {
      if (repositories == null) {
        return base.repositories().get(u);
      }
      int at = repositories.locate(u);
      return at >= 0 ? base.repositories().get(at) : delta.repositories().get(-at - 1);
    }

    /** The union index of {@code r}, or -1. */
    int indexOf(Repository r) {
      int s = base.binarySearch(r);
      if (repositories == null || s >= 0) {
        return s < 0 ? -1 : repositories == null ? s : repositories.ofFirst(s);
      }
      s = delta.binarySearch(r);
      return s < 0 ? -1 : repositories.ofSecond(s);
    }

    /** The union index of {@code a}, or -1. */
    int indexOf(Actor a) {
      int s = base.binarySearch(a);
      if (actors == null || s >= 0) {
        return s < 0 ? -1 : actors == null ? s : actors.ofFirst(s);
      }
      s = delta.binarySearch(a);
      return s < 0 ? -1 : actors.ofSecond(s);
    }

    /** The union index of each repository of store {@code k} of {@link #stores()}, to read only; null for the same. */
    int[] repositoryMap(int k) {
      return repositories == null ? null : k == 0 ? repositories.firstToUnion() : repositories.secondToUnion();
    }

    /** The union index of each actor of store {@code k} of {@link #stores()}, to read only; null for the same. */
    int[] actorMap(int k) {
      return actors == null ? null : k == 0 ? actors.firstToUnion() : actors.secondToUnion();
    }

  }

  /** What differs between the events before an update and after it, metric by metric. */
  private static final class Changes {
    final State before;
    final State after;
    /** Why every repository is computed again, or empty. */
    final Optional<String> everything;
    /** The new events, as a store of their own, and their union indices after the update. */
    private final EventStore delta;
    private int[] newRepository = new int[0];
    private int[] newActor = new int[0];
    private int[] newSecondActor = new int[0];
    /** Repositories after the update that were not there before, by union index. */
    final BitSet newRepositories;
    /** Actors after the update that were not there before, by union index. */
    private BitSet newActors;
    /** Actors after the update whose person or bot flag changed, new actors included. */
    private BitSet peopleChanged;
    /**
     * By the event types a metric reads of its own events, the repositories with an event of
     * those types by an actor of {@link #peopleChanged}; computed once per set of types.
     */
    private final Map<Set<EventType>, BitSet> peopleTouched = new HashMap<>();
    /** The metrics scored, whose read types {@link #peopleTouched(Set)} finds together. */
    private final List<MetricDescriptor<?>> metrics;

    private Changes(State before, State after, EventStore delta, List<MetricDescriptor<?>> metrics) {
      this.metrics = metrics;
      this.before = before;
      this.after = after;
      this.delta = delta;
      newRepositories = new BitSet(after.repositoryCount());
      this.everything = match();
      if (everything.isEmpty()) {
        comparePeople();
      }
    }

    /**
     * Maps the new events to the union indices after the update, and finds the actors that are
     * new. Empty when the repositories and actors before are those after under the same values
     * and in the same order, with the new events' added; otherwise why not: a rename, an id given
     * to events that had none, a name shared by two repositories (whose events without id go by
     * time), all of which can move old events from one repository to another.
     *
     * <p>Looks up only the new events' repositories and actors: both sides list them sorted, so
     * when the side after has exactly the old ones plus the new ones, an old actor's index is its
     * new index less the new actors before it.
     */
    private Optional<String> match() {
      int[] repositoryOf = new int[delta.repositories().size()];
      int repositories = after.repositoryCount();
      for (int r = 0; r < repositoryOf.length; r++) {
        Repository value = delta.repository(r);
        int k = after.indexOf(value);
        if (k < 0) {
          return Optional.of("the new events' repository " + value + " is another's under the store's identity rule");
        }
        if ((k > 0 && sameName(after.repository(k - 1), value))
            || (k + 1 < repositories && sameName(after.repository(k + 1), value))) {
          return Optional.of("the name of " + value + " is shared with another repository");
        }
        repositoryOf[r] = k;
        if (before.indexOf(value) < 0) {
          newRepositories.set(k);
        }
      }
      if (repositories != before.repositoryCount() + newRepositories.cardinality()) {
        return Optional.of("a repository was renamed or joined to another");
      }
      int actors = after.actorCount();
      int[] actorOf = new int[delta.actors().size()];
      newActors = new BitSet(actors);
      for (int a = 0; a < actorOf.length; a++) {
        Actor value = delta.actor(a);
        int at = after.indexOf(value);
        if (at < 0) {
          return Optional.of("an actor of the new events is not one of the store's");
        }
        actorOf[a] = at;
        if (before.indexOf(value) < 0) {
          newActors.set(at);
        }
      }
      if (actors != before.actorCount() + newActors.cardinality()) {
        return Optional.of("the store's actors are not the old ones and the new events'");
      }
      int n = delta.size();
      newRepository = new int[n];
      newActor = new int[n];
      newSecondActor = new int[n];
      for (int i = 0; i < n; i++) {
        newRepository[i] = repositoryOf[delta.repositoryIndex(i)];
        newActor[i] = actorOf[delta.actorIndex(i)];
        int second = delta.secondActorIndex(i);
        newSecondActor[i] = second < 0 ? -1 : actorOf[second];
      }
      return Optional.empty();
    }

    private static boolean sameName(Repository a, Repository b) {
      return a.forge() == b.forge() && a.fullName().equals(b.fullName());
    }

    /**
     * Marks the actors whose person is not the same set of actors as before (which decides its
     * key, its addresses and so its affiliation), or whose bot flag differs, and the actors new
     * to the store.
     */
    private void comparePeople() {
      int actors = after.actorCount();
      int[] oldIndex = new int[actors];
      for (int a = 0, added = 0; a < actors; a++) {
        if (newActors.get(a)) {
          oldIndex[a] = -1;
          added++;
        } else {
          oldIndex[a] = a - added;
        }
      }
      int[] oldSize = new int[before.people];
      for (int a = 0, n = before.actorCount(); a < n; a++) {
        oldSize[before.personOf[a]]++;
      }
      int people = after.people;
      int[] newSize = new int[people];
      // The old person all members of a new person had, -1 before the first, -2 when they differ.
      int[] oldPerson = new int[people];
      Arrays.fill(oldPerson, -1);
      for (int a = 0; a < actors; a++) {
        int p = after.personOf[a];
        newSize[p]++;
        int was = oldIndex[a];
        int o = was < 0 || before.bot[was] != after.bot[a] ? -2 : before.personOf[was];
        oldPerson[p] = oldPerson[p] == -1 || oldPerson[p] == o ? o : -2;
      }
      peopleChanged = new BitSet(actors);
      for (int a = 0; a < actors; a++) {
        int o = oldPerson[after.personOf[a]];
        // All members were one old person, and as many: the same set of actors.
        if (o < 0 || oldSize[o] != newSize[after.personOf[a]]) {
          peopleChanged.set(a);
        }
      }
    }

    /** The repositories (union indices after the update) whose result for {@code d} may differ. */
    BitSet affected(MetricDescriptor<?> d, Evaluation was, Evaluation next) {
      BitSet out = new BitSet(after.repositoryCount());
      Set<Dependency> on = d.dependencies();
      Window w0 = d.describedWindow(was);
      Window w1 = d.describedWindow(next);
      boolean moved = !w0.equals(w1);
      if (everything.isPresent()
          || (on.contains(Dependency.ANY_CHANGE) && (moved || delta.size() > 0))
          || (on.contains(Dependency.AS_OF) && moved)) {
        // Every repository of a whole store has events (EventStore#repositories()), and so does
        // every one of a union.
        out.set(0, after.repositoryCount());
        return out;
      }
      boolean window = on.contains(Dependency.WINDOW_EVENTS);
      boolean history = on.contains(Dependency.HISTORY_EVENTS);
      // Own events of other types change nothing for the metric (MetricDescriptor#ownReads).
      Set<EventType> own = d.ownReads();
      boolean anyType = own.size() == EventType.values().length;
      boolean others = on.contains(Dependency.OTHER_REPOSITORIES);
      CrossRepositoryReads reads = d.crossRepositoryReads();
      BitSet actors = others ? new BitSet(after.actorCount()) : null;
      for (int i = 0; i < newRepository.length; i++) {
        int c = compareTo(delta.epochSecond(i), delta.nano(i), w1.start());
        int e = compareTo(delta.epochSecond(i), delta.nano(i), w1.end());
        if (((window && c >= 0 && e < 0) || (history && e < 0)) && (anyType || own.contains(delta.type(i)))) {
          out.set(newRepository[i]);
        }
        if (others && reads.reads().contains(delta.type(i))) {
          actors.set(newActor[i]);
          if (newSecondActor[i] >= 0) {
            actors.set(newSecondActor[i]);
          }
        }
      }
      if (moved) {
        // Events between the two starts and between the two ends change place: each is inside
        // one of the windows, so both kinds of dependence on own events see it.
        for (Window between : List.of(span(w0.start(), w1.start()), span(w0.end(), w1.end()))) {
          if (between.isEmpty()) {
            continue;
          }
          List<EventStore> stores = after.stores();
          for (int k = 0; k < stores.size(); k++) {
            EventStore s = stores.get(k).slice(between);
            if (s.isEmpty()) {
              continue;
            }
            int[] repositoryMap = after.repositoryMap(k);
            int[] actorMap = after.actorMap(k);
            for (int i = 0, n = s.size(); i < n; i++) {
              if ((window || history) && (anyType || own.contains(s.type(i)))) {
                out.set(at(repositoryMap, s.repositoryIndex(i)));
              }
              if (others && reads.reads().contains(s.type(i))) {
                actors.set(at(actorMap, s.actorIndex(i)));
                int second = s.secondActorIndex(i);
                if (second >= 0) {
                  actors.set(at(actorMap, second));
                }
              }
            }
          }
        }
      }
      if (others && !actors.isEmpty()) {
        out.or(repositoriesOf(widen(actors), reads.through()));
      }
      if (on.contains(Dependency.PEOPLE) && !peopleChanged.isEmpty()) {
        out.or(peopleTouched(own));
      }
      return out;
    }

    /**
     * The repositories with an event of one of {@code types} by an actor of {@link
     * #peopleChanged}. The first call finds them for every set of types the metrics that depend
     * on {@link Dependency#PEOPLE} read, in one scan of the events rather than one per set.
     */
    private BitSet peopleTouched(Set<EventType> types) {
      Set<EventType> key = Set.copyOf(types);
      if (!peopleTouched.containsKey(key)) {
        List<Set<EventType>> sets = new ArrayList<>(List.of(key));
        for (MetricDescriptor<?> d : metrics) {
          Set<EventType> own = Set.copyOf(d.ownReads());
          if (d.dependencies().contains(Dependency.PEOPLE) && !peopleTouched.containsKey(own) && !sets.contains(own)) {
            sets.add(own);
          }
        }
        BitSet[] touched = repositoriesOf(peopleChanged, sets);
        for (int k = 0; k < sets.size(); k++) {
          peopleTouched.put(sets.get(k), touched[k]);
        }
      }
      return peopleTouched.get(key);
    }

    private static int at(int[] map, int index) {
      return map == null ? index : map[index];
    }

    /** The repositories with an event of one of {@code types} by one of {@code actors} (either actor). */
    private BitSet repositoriesOf(BitSet actors, Set<EventType> types) {
      return repositoriesOf(actors, List.of(types))[0];
    }

    /**
     * For each of {@code sets}, the repositories with an event of one of its types by one of
     * {@code actors} (either actor), in one scan of the events.
     */
    private BitSet[] repositoriesOf(BitSet actors, List<Set<EventType>> sets) {
      boolean[][] reads = new boolean[sets.size()][EventType.values().length];
      BitSet[] out = new BitSet[sets.size()];
      for (int k = 0; k < sets.size(); k++) {
        for (EventType t : sets.get(k)) {
          reads[k][t.ordinal()] = true;
        }
        out[k] = new BitSet(after.repositoryCount());
      }
      List<EventStore> stores = after.stores();
      for (int p = 0; p < stores.size(); p++) {
        EventStore s = stores.get(p);
        int[] repositoryMap = after.repositoryMap(p);
        int[] actorMap = after.actorMap(p);
        for (int i = 0, n = s.size(); i < n; i++) {
          int second = s.secondActorIndex(i);
          if (actors.get(at(actorMap, s.actorIndex(i))) || (second >= 0 && actors.get(at(actorMap, second)))) {
            int t = s.type(i).ordinal();
            int r = at(repositoryMap, s.repositoryIndex(i));
            for (int k = 0; k < reads.length; k++) {
              if (reads[k][t]) {
                out[k].set(r);
              }
            }
          }
        }
      }
      return out;
    }

    /**
     * {@code actors} and every actor sharing a person or a login with one of them. Only for a
     * whole store: the metrics that read other repositories are never scored over parts.
     */
    private BitSet widen(BitSet actors) {
      if (!after.whole()) {
        throw new IllegalStateException("logins are known for a whole store only");
      }
      People people = after.basePeople;
      BitSet persons = new BitSet(people.size());
      BitSet logins = new BitSet(Math.max(1, people.logins()));
      for (int a = actors.nextSetBit(0); a >= 0; a = actors.nextSetBit(a + 1)) {
        persons.set(people.personOf(a));
        int login = people.loginId(a);
        if (login >= 0) {
          logins.set(login);
        }
      }
      BitSet out = new BitSet(after.actorCount());
      for (int a = 0, n = after.actorCount(); a < n; a++) {
        int login = people.loginId(a);
        if (persons.get(people.personOf(a)) || (login >= 0 && logins.get(login))) {
          out.set(a);
        }
      }
      return out;
    }

    private static Window span(Instant a, Instant b) {
      return a.isBefore(b) ? Window.of(a, b) : Window.of(b, a);
    }

    private static int compareTo(long second, int nano, Instant t) {
      int c = Long.compare(second, t.getEpochSecond());
      return c != 0 ? c : Integer.compare(nano, t.getNano());
    }
  }
}
