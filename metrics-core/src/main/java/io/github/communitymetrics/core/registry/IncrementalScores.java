package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
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
 *   <li>{@link Dependency#OTHER_REPOSITORIES}: the repositories with an event by an actor who,
 *       or whose person or login, has a new event or one that changed place (the actors of both
 *       kinds are counted whatever their place, a superset);
 *   <li>{@link Dependency#PEOPLE}: the repositories with an event by an actor whose person
 *       changed (members, key) or whose bot flag changed, new actors included.
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
          io.github.communitymetrics.core.ProgressListener.NONE, threads)));
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
    builder.addAll(added);
    EventStore after = builder.build();
    People peopleAfter = People.resolve(after);
    EventStore delta = EventStore.of(added);
    Changes changes = Changes.of(before, peopleBefore, after, peopleAfter, delta);
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
    List<Repository> all = after.repositories();
    BitSet present = changes.present;
    List<Repository> recompute = new ArrayList<>();
    for (int r = present.nextSetBit(0); r >= 0; r = present.nextSetBit(r + 1)) {
      Repository repository = all.get(r);
      if (affected.get(r) || !old.containsKey(repository)) {
        recompute.add(repository);
      }
    }
    SortedSet<Repository> removed = new TreeSet<>();
    if (changes.everything.isPresent()) {
      // Otherwise every repository of the old store is one of the new store's with its events.
      for (Repository r : old.keySet()) {
        if (after.indexOf(r).isEmpty() || !present.get(after.indexOf(r).getAsInt())) {
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
    /** The new store's repositories with at least one event, by interned index. */
    final BitSet present;
    /** Why every repository is computed again, or empty. */
    final Optional<String> everything;
    /** The new events: their positions in {@code delta} mapped to the new store's indices. */
    private final int[] newRepository;
    private final int[] newActor;
    private final int[] newSecondActor;
    private final long[] newSecond;
    private final int[] newNano;
    /** Actors of the new store whose person or bot flag changed, new actors included. */
    private final BitSet peopleChanged;
    private final People peopleBefore;

    private Changes(
        EventStore before, People peopleBefore, EventStore after, People peopleAfter, EventStore delta,
        Optional<String> everything) {
      this.before = before;
      this.peopleBefore = peopleBefore;
      this.after = after;
      this.peopleAfter = peopleAfter;
      this.everything = everything;
      int n = delta.size();
      newRepository = new int[n];
      newActor = new int[n];
      newSecondActor = new int[n];
      newSecond = new long[n];
      newNano = new int[n];
      present = new BitSet(after.repositories().size());
      for (int i = 0, m = after.size(); i < m; i++) {
        present.set(after.repositoryIndex(i));
      }
      peopleChanged = new BitSet(after.actors().size());
    }

    static Changes of(
        EventStore before, People peopleBefore, EventStore after, People peopleAfter, EventStore delta) {
      Optional<String> everything = unmatched(before, after, delta);
      Changes c = new Changes(before, peopleBefore, after, peopleAfter, delta, everything);
      if (everything.isEmpty()) {
        c.mapDelta(delta);
        c.comparePeople();
      }
      return c;
    }

    /**
     * Why the repositories of {@code before} cannot be matched by value to those of {@code after},
     * or empty when each repository of {@code before} and each of the new events' is one of
     * {@code after}'s under the same value and no name is shared (which is when an event's
     * repository could depend on events added later).
     */
    private static Optional<String> unmatched(EventStore before, EventStore after, EventStore delta) {
      List<Repository> repositories = after.repositories();
      for (Repository r : delta.repositories()) {
        OptionalInt at = after.indexOf(r);
        if (at.isEmpty()) {
          return Optional.of("the new events' repository " + r + " is another's under the store's identity rule");
        }
        int k = at.getAsInt();
        if (!repositories.get(k).equals(r)
            || (k > 0 && sameName(repositories.get(k - 1), r))
            || (k + 1 < repositories.size() && sameName(repositories.get(k + 1), r))) {
          return Optional.of("the name of " + r + " is shared with another repository");
        }
      }
      for (Repository r : before.repositories()) {
        if (after.indexOf(r).isEmpty()) {
          return Optional.of(r + " was renamed or joined to another repository");
        }
      }
      for (var a : delta.actors()) {
        if (after.indexOf(a).isEmpty()) {
          return Optional.of("an actor of the new events is not one of the store's");
        }
      }
      return Optional.empty();
    }

    private static boolean sameName(Repository a, Repository b) {
      return a.forge() == b.forge() && a.fullName().equals(b.fullName());
    }

    private void mapDelta(EventStore delta) {
      int[] repositoryOf = new int[delta.repositories().size()];
      for (int r = 0; r < repositoryOf.length; r++) {
        repositoryOf[r] = after.indexOf(delta.repository(r)).getAsInt();
      }
      int[] actorOf = new int[delta.actors().size()];
      for (int a = 0; a < actorOf.length; a++) {
        actorOf[a] = after.indexOf(delta.actor(a)).getAsInt();
      }
      for (int i = 0; i < delta.size(); i++) {
        newRepository[i] = repositoryOf[delta.repositoryIndex(i)];
        newActor[i] = actorOf[delta.actorIndex(i)];
        int second = delta.secondActorIndex(i);
        newSecondActor[i] = second < 0 ? -1 : actorOf[second];
        newSecond[i] = delta.epochSecond(i);
        newNano[i] = delta.nano(i);
      }
    }

    /**
     * Marks the actors of the new store whose person is not the same set of actors as before,
     * or whose person's key or own bot flag differs, and the actors new to the store.
     */
    private void comparePeople() {
      int actors = after.actors().size();
      int[] oldIndex = new int[actors];
      for (int a = 0; a < actors; a++) {
        OptionalInt was = before.indexOf(after.actor(a));
        oldIndex[a] = was.isPresent() ? was.getAsInt() : -1;
      }
      int[] oldSize = new int[peopleBefore.size()];
      for (int a = 0, n = before.actors().size(); a < n; a++) {
        oldSize[peopleBefore.personOf(a)]++;
      }
      int people = peopleAfter.size();
      int[] newSize = new int[people];
      // The old person all members of a new person had, -1 before the first, -2 when they differ.
      int[] oldPerson = new int[people];
      java.util.Arrays.fill(oldPerson, -1);
      for (int a = 0; a < actors; a++) {
        int p = peopleAfter.personOf(a);
        newSize[p]++;
        int o = oldIndex[a] < 0 ? -2 : peopleBefore.personOf(oldIndex[a]);
        if (o == -2 || peopleBefore.isBot(oldIndex[a]) != peopleAfter.isBot(a)) {
          oldPerson[p] = -2;
        } else if (oldPerson[p] == -1) {
          oldPerson[p] = o;
        } else if (oldPerson[p] != o) {
          oldPerson[p] = -2;
        }
      }
      boolean[] changedPerson = new boolean[people];
      for (int p = 0; p < people; p++) {
        int o = oldPerson[p];
        changedPerson[p] =
            o < 0 || oldSize[o] != newSize[p] || !peopleBefore.key(o).equals(peopleAfter.key(p));
      }
      for (int a = 0; a < actors; a++) {
        if (changedPerson[peopleAfter.personOf(a)]) {
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
          || (on.contains(Dependency.ANY_CHANGE) && (moved || newRepository.length > 0))
          || (on.contains(Dependency.AS_OF) && moved)) {
        out.or(present);
        return out;
      }
      boolean window = on.contains(Dependency.WINDOW_EVENTS);
      boolean history = on.contains(Dependency.HISTORY_EVENTS);
      boolean others = on.contains(Dependency.OTHER_REPOSITORIES);
      BitSet actors = others ? new BitSet(after.actors().size()) : null;
      for (int i = 0; i < newRepository.length; i++) {
        int c = compareTo(newSecond[i], newNano[i], w1.start());
        int e = compareTo(newSecond[i], newNano[i], w1.end());
        boolean inside = c >= 0 && e < 0;
        boolean beforeEnd = e < 0;
        if ((window && inside) || (history && beforeEnd)) {
          out.set(newRepository[i]);
        }
        if (others) {
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
            if (others) {
              actors.set(s.actorIndex(i));
              int second = s.secondActorIndex(i);
              if (second >= 0) {
                actors.set(second);
              }
            }
          }
        }
      }
      BitSet touched = new BitSet(after.actors().size());
      if (others) {
        touched.or(widen(actors));
      }
      if (on.contains(Dependency.PEOPLE)) {
        touched.or(peopleChanged);
      }
      if (!touched.isEmpty()) {
        for (int i = 0, n = after.size(); i < n; i++) {
          int second = after.secondActorIndex(i);
          if (touched.get(after.actorIndex(i)) || (second >= 0 && touched.get(second))) {
            out.set(after.repositoryIndex(i));
          }
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
