package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * <p>Today the store is rebuilt from all events at each update (about as costly as reading them
 * again) and the people resolved again; what is incremental is the scoring. Not thread-safe: one
 * thread updates it and reads it; the scoring itself uses the threads given.
 */
public final class IncrementalScores {
  private final List<MetricDescriptor<?>> metrics;
  private final Duration length;
  private final int threads;
  private final EventStore.Builder builder;
  private Evaluation evaluation;
  private EventStore store;
  private People people;
  private final Map<MetricDescriptor<?>, TreeMap<Repository, List<Measurement>>> rows =
      new LinkedHashMap<>();

  private IncrementalScores(List<MetricDescriptor<?>> metrics, Evaluation evaluation, int threads) {
    this.metrics = metrics;
    this.evaluation = evaluation;
    this.length = evaluation.window().duration();
    this.threads = threads;
    this.builder = EventStore.builder().threads(threads);
  }

  /**
   * Scores every repository of {@code events} with each metric under {@code evaluation}.
   *
   * @param metrics the metrics, each once
   * @param evaluation the scope must be {@link RepositoryScope#all()}: each repository is scored
   *     alone; the window's end is the first as-of and its length is kept by later updates
   * @param events the history so far
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
    s.builder.addAll(events);
    s.store = s.builder.build();
    s.people = People.resolve(s.store);
    for (MetricDescriptor<?> d : chosen) {
      s.rows.put(d, new TreeMap<>(d.measureEachRepository(s.store, s.people, evaluation,
          ProgressListener.NONE, threads)));
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

  /** Every event so far. */
  public EventStore store() {
    return store;
  }

  /** The people of {@link #store()}. */
  public People people() {
    return people;
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
   */
  public record Update(
      Evaluation evaluation, long events, Optional<String> everything, List<MetricUpdate> metrics) {
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
    EventStore before = store;
    People peopleBefore = people;
    EventStore after = before;
    People peopleAfter = peopleBefore;
    if (!added.isEmpty()) {
      // Without new events (as-of moving alone), the store and its people stay as they are.
      builder.addAll(added);
      after = builder.build();
      peopleAfter = People.resolve(after);
    }
    EventStore delta = EventStore.of(added);
    Changes changes = new Changes(before, peopleBefore, after, peopleAfter, delta);
    List<MetricUpdate> updates = new ArrayList<>();
    for (MetricDescriptor<?> d : metrics) {
      updates.add(update(d, changes, next));
    }
    store = after;
    people = peopleAfter;
    evaluation = next;
    return new Update(next, (long) after.size() - before.size(), changes.everything, updates);
  }

  private MetricUpdate update(MetricDescriptor<?> d, Changes changes, Evaluation next) {
    TreeMap<Repository, List<Measurement>> old = rows.get(d);
    EventStore after = changes.after;
    BitSet affected = changes.affected(d, evaluation, next);
    // A repository without a row is new to the store (when the stores match; otherwise every
    // repository is affected): its events are among the new ones.
    affected.or(changes.newRepositories);
    List<Repository> all = after.repositories();
    List<Repository> recompute = new ArrayList<>(affected.cardinality());
    for (int r = affected.nextSetBit(0); r >= 0; r = affected.nextSetBit(r + 1)) {
      recompute.add(all.get(r));
    }
    SortedSet<Repository> removed = new TreeSet<>();
    if (changes.everything.isPresent()) {
      // Otherwise every repository of the old store is one of the new store's with its events.
      for (Repository r : old.keySet()) {
        if (after.indexOf(r).isEmpty()) {
          removed.add(r);
        }
      }
    }
    removed.forEach(old::remove);
    SortedMap<Repository, List<Measurement>> fresh =
        d.measureRepositories(after, changes.peopleAfter, next, recompute, threads);
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

  /** What differs between the store before an update and after it, metric by metric. */
  private static final class Changes {
    final EventStore before;
    final EventStore after;
    final People peopleAfter;
    /** Why every repository is computed again, or empty. */
    final Optional<String> everything;
    private final People peopleBefore;
    /** The new events, as a store of their own, and their indices in the new store. */
    private final EventStore delta;
    private int[] newRepository = new int[0];
    private int[] newActor = new int[0];
    private int[] newSecondActor = new int[0];
    /** Repositories of the new store that were not in the old one, by interned index. */
    final BitSet newRepositories;
    /** Actors of the new store that were not in the old one, by interned index. */
    private BitSet newActors;
    /** Actors of the new store whose person or bot flag changed, new actors included. */
    private BitSet peopleChanged;
    /** The repositories with an event by an actor of {@link #peopleChanged}; computed once. */
    private BitSet peopleTouched;

    private Changes(
        EventStore before, People peopleBefore, EventStore after, People peopleAfter, EventStore delta) {
      this.before = before;
      this.peopleBefore = peopleBefore;
      this.after = after;
      this.peopleAfter = peopleAfter;
      this.delta = delta;
      newRepositories = new BitSet(after.repositories().size());
      this.everything = match();
      if (everything.isEmpty()) {
        comparePeople();
      }
    }

    /**
     * Maps the new events to the new store's indices, and finds its actors that are new. Empty when
     * the old store's repositories and actors are the new store's under the same values and in the
     * same order, with the new events' added; otherwise why not: a rename, an id given to events
     * that had none, a name shared by two repositories (whose events without id go by time), all
     * of which can move old events from one repository to another.
     *
     * <p>Looks up only the new events' repositories and actors: both stores list them sorted, so
     * when the new store has exactly the old ones plus the new ones, an old actor's index is its
     * new index less the new actors before it.
     */
    private Optional<String> match() {
      List<Repository> repositories = after.repositories();
      int[] repositoryOf = new int[delta.repositories().size()];
      for (int r = 0; r < repositoryOf.length; r++) {
        Repository value = delta.repository(r);
        OptionalInt at = after.indexOf(value);
        if (at.isEmpty()) {
          return Optional.of("the new events' repository " + value + " is another's under the store's identity rule");
        }
        int k = at.getAsInt();
        if (!repositories.get(k).equals(value)
            || (k > 0 && sameName(repositories.get(k - 1), value))
            || (k + 1 < repositories.size() && sameName(repositories.get(k + 1), value))) {
          return Optional.of("the name of " + value + " is shared with another repository");
        }
        repositoryOf[r] = k;
        if (before.indexOf(value).isEmpty()) {
          newRepositories.set(k);
        }
      }
      if (repositories.size() != before.repositories().size() + newRepositories.cardinality()) {
        return Optional.of("a repository was renamed or joined to another");
      }
      int actors = after.actors().size();
      int[] actorOf = new int[delta.actors().size()];
      newActors = new BitSet(actors);
      for (int a = 0; a < actorOf.length; a++) {
        Actor value = delta.actor(a);
        OptionalInt at = after.indexOf(value);
        if (at.isEmpty()) {
          return Optional.of("an actor of the new events is not one of the store's");
        }
        actorOf[a] = at.getAsInt();
        if (before.indexOf(value).isEmpty()) {
          newActors.set(actorOf[a]);
        }
      }
      if (actors != before.actors().size() + newActors.cardinality()) {
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
     * Marks the actors of the new store whose person is not the same set of actors as before
     * (which decides its key, its addresses and so its affiliation), or whose bot flag differs,
     * and the actors new to the store.
     */
    private void comparePeople() {
      int actors = after.actors().size();
      int[] oldIndex = new int[actors];
      for (int a = 0, added = 0; a < actors; a++) {
        if (newActors.get(a)) {
          oldIndex[a] = -1;
          added++;
        } else {
          oldIndex[a] = a - added;
        }
      }
      int[] oldSize = new int[peopleBefore.size()];
      for (int a = 0, n = before.actors().size(); a < n; a++) {
        oldSize[peopleBefore.personOf(a)]++;
      }
      int people = peopleAfter.size();
      int[] newSize = new int[people];
      // The old person all members of a new person had, -1 before the first, -2 when they differ.
      int[] oldPerson = new int[people];
      Arrays.fill(oldPerson, -1);
      for (int a = 0; a < actors; a++) {
        int p = peopleAfter.personOf(a);
        newSize[p]++;
        int was = oldIndex[a];
        int o = was < 0 || peopleBefore.isBot(was) != peopleAfter.isBot(a) ? -2 : peopleBefore.personOf(was);
        oldPerson[p] = oldPerson[p] == -1 || oldPerson[p] == o ? o : -2;
      }
      peopleChanged = new BitSet(actors);
      for (int a = 0; a < actors; a++) {
        int p = peopleAfter.personOf(a);
        int o = oldPerson[p];
        // All members were one old person, and as many: the same set of actors.
        if (o < 0 || oldSize[o] != newSize[p]) {
          peopleChanged.set(a);
        }
      }
    }

    /** The repositories (interned indices of the new store) whose result for {@code d} may differ. */
    BitSet affected(MetricDescriptor<?> d, Evaluation was, Evaluation next) {
      BitSet out = new BitSet(after.repositories().size());
      Set<Dependency> on = d.dependencies();
      Window w0 = d.describedWindow(was);
      Window w1 = d.describedWindow(next);
      boolean moved = !w0.equals(w1);
      if (everything.isPresent()
          || (on.contains(Dependency.ANY_CHANGE) && (moved || delta.size() > 0))
          || (on.contains(Dependency.AS_OF) && moved)) {
        // Every repository of a whole store has events (EventStore#repositories()).
        out.set(0, after.repositories().size());
        return out;
      }
      boolean window = on.contains(Dependency.WINDOW_EVENTS);
      boolean history = on.contains(Dependency.HISTORY_EVENTS);
      boolean others = on.contains(Dependency.OTHER_REPOSITORIES);
      CrossRepositoryReads reads = d.crossRepositoryReads();
      BitSet actors = others ? new BitSet(after.actors().size()) : null;
      for (int i = 0; i < newRepository.length; i++) {
        int c = compareTo(delta.epochSecond(i), delta.nano(i), w1.start());
        int e = compareTo(delta.epochSecond(i), delta.nano(i), w1.end());
        if ((window && c >= 0 && e < 0) || (history && e < 0)) {
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
          EventStore s = after.slice(between);
          for (int i = 0, n = s.size(); i < n; i++) {
            if (window || history) {
              out.set(s.repositoryIndex(i));
            }
            if (others && reads.reads().contains(s.type(i))) {
              actors.set(s.actorIndex(i));
              int second = s.secondActorIndex(i);
              if (second >= 0) {
                actors.set(second);
              }
            }
          }
        }
      }
      if (others && !actors.isEmpty()) {
        out.or(repositoriesOf(widen(actors), reads.through()));
      }
      if (on.contains(Dependency.PEOPLE) && !peopleChanged.isEmpty()) {
        if (peopleTouched == null) {
          peopleTouched = repositoriesOf(peopleChanged, EnumSet.allOf(EventType.class));
        }
        out.or(peopleTouched);
      }
      return out;
    }

    /** The repositories with an event of one of {@code types} by one of {@code actors} (either actor). */
    private BitSet repositoriesOf(BitSet actors, Set<EventType> types) {
      BitSet out = new BitSet(after.repositories().size());
      boolean any = types.size() == EventType.values().length;
      for (int i = 0, n = after.size(); i < n; i++) {
        int second = after.secondActorIndex(i);
        if ((actors.get(after.actorIndex(i)) || (second >= 0 && actors.get(second)))
            && (any || types.contains(after.type(i)))) {
          out.set(after.repositoryIndex(i));
        }
      }
      return out;
    }

    /** {@code actors} and every actor sharing a person or a login with one of them. */
    private BitSet widen(BitSet actors) {
      BitSet persons = new BitSet(peopleAfter.size());
      BitSet logins = new BitSet(Math.max(1, peopleAfter.logins()));
      for (int a = actors.nextSetBit(0); a >= 0; a = actors.nextSetBit(a + 1)) {
        persons.set(peopleAfter.personOf(a));
        int login = peopleAfter.loginId(a);
        if (login >= 0) {
          logins.set(login);
        }
      }
      BitSet out = new BitSet(after.actors().size());
      for (int a = 0, n = after.actors().size(); a < n; a++) {
        int login = peopleAfter.loginId(a);
        if (persons.get(peopleAfter.personOf(a)) || (login >= 0 && logins.get(login))) {
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
