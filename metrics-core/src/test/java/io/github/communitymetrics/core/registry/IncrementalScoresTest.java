package io.github.communitymetrics.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.store.RandomEvents;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IncrementalScores} after each of a sequence of updates equals a full scoring of the same
 * events with the same as-of, for the standard metrics, over seeded histories: a random split
 * of a history into a base and updates of an hour to 30 days, with late events, as-of moving
 * forward, staying or going back, actors appearing over time (who join earlier actors' people),
 * and renames.
 */
class IncrementalScoresTest {
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  private static final int SEEDS = 16;

  static LongStream seeds() {
    return LongStream.range(0, SEEDS);
  }

  /** One seeded history: the base events, then each update's events and as-of. */
  record History(
      long seed, Duration window, ContributionType basis, List<Event> base, Instant firstAsOf, List<Step> steps) {}

  record Step(List<Event> events, Instant asOf) {}

  /** The k-th repository: with an id or without, some named as RFC repositories, never two ids under one name. */
  private static Repository repository(int k) {
    return repository(k, false);
  }

  /** As {@link #repository(int)}, with an id for every repository when {@code ids}, as GH Archive gives. */
  private static Repository repository(int k, boolean ids) {
    return k % 3 == 0
        ? new Repository(Forge.GITHUB, "org" + k + (k % 2 == 0 ? "/rfcs" : "/project"),
            ids ? OptionalLong.of(5000 + k) : OptionalLong.empty())
        : new Repository(Forge.GITHUB, "org/repo" + k, OptionalLong.of(1000 + k));
  }

  /**
   * An actor who links two of {@link RandomEvents#actor}'s: the login of a GitHub user ({@code k
   * % 5 == 0}) and the address of a git identity ({@code k % 5 == 2}), so that the two, already
   * with events of their own, become one person when the linker's first event arrives.
   */
  private static Actor linker(Random random, int pool) {
    int user = 5 * random.nextInt(Math.max(1, pool / 5));
    int git = 5 * random.nextInt(Math.max(1, pool / 5)) + 2;
    return new Actor(Forge.GITHUB, Optional.of("user" + user), OptionalLong.empty(), Optional.empty(),
        List.of("p" + git + "@example.org"), ActorKind.USER);
  }

  /**
   * A seeded history. Half the seeds span one to two months with windows of days and updates of
   * an hour to three days; the other half a year or more with windows of one or three months and
   * updates of up to ten days, so that thresholds counted back from as-of in months (maintainers'
   * 180 days, retention's 6 and 12 months) are crossed. Half the seeds count merged pull requests
   * as contributions, whose openers the bus-factor family reads whenever they were opened.
   */
  static History history(long seed) {
    return history(seed, false);
  }

  /** As {@link #history(long)}, with an id on every repository when {@code ids}. */
  static History history(long seed, boolean ids) {
    Random random = new Random(seed);
    boolean longer = seed % 2 == 1;
    int repositories = 10 + random.nextInt(25);
    int actors = 20 + random.nextInt(40);
    Duration span = Duration.ofDays(longer ? 300 + random.nextInt(200) : 30 + random.nextInt(30));
    int n = (longer ? 600 : 400) + random.nextInt(longer ? 800 : 1200);
    List<Duration> windows =
        longer
            ? List.of(Duration.ofDays(30), Duration.ofDays(90))
            : List.of(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));
    Duration window = windows.get(random.nextInt(windows.size()));
    ContributionType basis = random.nextBoolean() ? ContributionType.COMMIT : ContributionType.PULL_REQUEST_MERGED;
    List<Event> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long second = (long) (random.nextDouble() * span.getSeconds());
      Instant at = BASE.plusSeconds(second);
      // Actors appear over time: later events may bring an actor who joins an earlier one's
      // person (the same login with an id, an address in common) or shares a login.
      int pool = (int) Math.max(5, Math.min(actors, 5 + actors * 1.3 * second / span.getSeconds()));
      events.add(RandomEvents.event(random, at, repository(random.nextInt(repositories), ids), pool));
      if (random.nextInt(8) == 0) {
        // Stars and pull requests of one actor in several repositories: contributor confidence
        // credits a stargazer's pull requests elsewhere.
        Actor a = RandomEvents.actor(random.nextInt(pool));
        Repository other = repository(random.nextInt(repositories), ids);
        events.add(new Star(at.plusSeconds(random.nextInt(3600)), other, a));
        events.add(new PullRequestOpened(at.plusSeconds(random.nextInt(7200)),
            repository(random.nextInt(repositories), ids), a, 100 + random.nextInt(5), false, Optional.of("main"),
            Optional.empty()));
      }
      if (random.nextInt(10) == 0) {
        events.add(new Star(at, repository(random.nextInt(repositories), ids), linker(random, pool)));
      }
    }
    events.sort(Comparator.comparing(Event::at));
    Instant cut = BASE.plus(span.multipliedBy(40 + random.nextInt(30)).dividedBy(100));
    List<Event> base = new ArrayList<>();
    List<Event> rest = new ArrayList<>();
    for (Event e : events) {
      (e.at().isBefore(cut) ? base : rest).add(e);
    }
    List<Duration> lengths =
        longer
            ? List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(10), Duration.ofDays(30))
            : List.of(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
    List<Step> steps = new ArrayList<>();
    Instant asOf = cut;
    int next = 0;
    List<Event> late = new ArrayList<>();
    while (next < rest.size()) {
      Instant end = asOf.plus(lengths.get(random.nextInt(lengths.size())));
      List<Event> chunk = new ArrayList<>(late);
      late.clear();
      while (next < rest.size() && rest.get(next).at().isBefore(end)) {
        Event e = rest.get(next++);
        if (random.nextInt(25) == 0) {
          late.add(e); // arrives with a later update, before that update's as-of
        } else {
          chunk.add(e);
        }
      }
      if (random.nextInt(20) == 0 && !base.isEmpty()) {
        chunk.add(base.get(random.nextInt(base.size()))); // a duplicate of an event already added
      }
      if (random.nextInt(15) == 0) {
        // A rename: a repository with an id under a new name.
        int k = 1 + 3 * random.nextInt(Math.max(1, repositories / 3));
        chunk.add(new Star(end.minusSeconds(1), new Repository(Forge.GITHUB, "org/renamed" + k,
            OptionalLong.of(1000 + k)), RandomEvents.actor(0)));
      }
      int how = random.nextInt(12);
      // The as-of usually moves to the end of the update; sometimes it stays, sometimes it is
      // the last event's instant plus a second (the CLI's default), sometimes it goes back (a
      // question about an earlier instant, events after it kept).
      Instant nextAsOf =
          how == 0 ? asOf : how == 1 && !chunk.isEmpty()
              ? chunk.stream().map(Event::at).max(Comparator.naturalOrder()).get().plusSeconds(1)
              : how == 2 ? asOf.minus(lengths.get(random.nextInt(lengths.size())))
              : end;
      steps.add(new Step(chunk, nextAsOf));
      asOf = end;
    }
    return new History(seed, window, basis, base, cut, steps);
  }

  private static Evaluation evaluation(Instant asOf, History h) {
    return Evaluation.of(RepositoryScope.all(), Window.endingAt(asOf, h.window())).withCommitBasis(h.basis());
  }

  /**
   * Every standard metric but StarScout's two: they declare nothing, so they are computed again
   * everywhere as the other metrics that declare nothing are, and as each repository's result
   * reads the whole store they would take nine tenths of the test's time.
   */
  private static List<MetricDescriptor<?>> standard() {
    return MetricRegistry.standard().metrics().stream()
        .filter(d -> d != StandardMetrics.LOW_ACTIVITY_STARS && d != StandardMetrics.LOCKSTEP_STARS)
        .toList();
  }

  /**
   * What a full scoring gives with {@code metrics} at the start and after each update of
   * the history: by metric id, the measurements of each repository.
   */
  static List<Map<String, SortedMap<Repository, List<Measurement>>>> full(
      History h, List<MetricDescriptor<?>> metrics) {
    List<Map<String, SortedMap<Repository, List<Measurement>>>> out = new ArrayList<>();
    List<Event> all = new ArrayList<>(h.base());
    out.add(full(all, evaluation(h.firstAsOf(), h), metrics));
    for (Step step : h.steps()) {
      all.addAll(step.events());
      out.add(full(all, evaluation(step.asOf(), h), metrics));
    }
    return out;
  }

  private static Map<String, SortedMap<Repository, List<Measurement>>> full(
      List<Event> events, Evaluation e, List<MetricDescriptor<?>> metrics) {
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    Map<String, SortedMap<Repository, List<Measurement>>> out = new TreeMap<>();
    for (MetricDescriptor<?> d : metrics) {
      out.put(d.id(), d.measureEachRepository(store, people, e, ProgressListener.NONE, 1));
    }
    return out;
  }

  /**
   * The first difference between the incremental measurements of {@code metrics} and the full
   * ones ({@link #full(History)}) at the start or after an update, or none.
   */
  static Optional<String> firstDifference(
      History h, List<MetricDescriptor<?>> metrics, List<Map<String, SortedMap<Repository, List<Measurement>>>> full) {
    return firstDifference(h, metrics, full, u -> {});
  }

  /** As above, handing each update's report to {@code updates}. */
  static Optional<String> firstDifference(
      History h,
      List<MetricDescriptor<?>> metrics,
      List<Map<String, SortedMap<Repository, List<Measurement>>>> full,
      Consumer<IncrementalScores.Update> updates) {
    // On even seeds the history is given as a store, which is taken as the base without building it again.
    Iterable<Event> history = h.seed() % 2 == 0 ? EventStore.of(h.base()) : h.base();
    IncrementalScores scores =
        IncrementalScores.start(metrics, evaluation(h.firstAsOf(), h), history, 1 + (int) (h.seed() / 2 % 2));
    Optional<String> d = compare(h, scores, full.get(0), h.firstAsOf(), -1);
    for (int s = 0; s < h.steps().size() && d.isEmpty(); s++) {
      Step step = h.steps().get(s);
      updates.accept(scores.add(step.events(), step.asOf()));
      d = compare(h, scores, full.get(s + 1), step.asOf(), s);
    }
    return d;
  }

  private static Optional<String> compare(
      History h,
      IncrementalScores scores,
      Map<String, SortedMap<Repository, List<Measurement>>> expected,
      Instant asOf,
      int step) {
    for (MetricDescriptor<?> d : scores.metrics()) {
      SortedMap<Repository, List<Measurement>> full = expected.get(d.id());
      SortedMap<Repository, List<Measurement>> incremental = scores.measurements(d);
      if (!full.equals(incremental)) {
        TreeMap<Repository, String> diff = new TreeMap<>();
        for (Repository r : full.keySet()) {
          if (!full.get(r).equals(incremental.get(r))) {
            diff.put(r, "full " + full.get(r) + " incremental " + incremental.get(r));
          }
        }
        for (Repository r : incremental.keySet()) {
          if (!full.containsKey(r)) {
            diff.put(r, "no row in full, incremental " + incremental.get(r));
          }
        }
        return Optional.of("seed " + h.seed() + ", update " + step + " (as-of " + asOf + ", window "
            + h.window() + ", " + h.basis() + "), " + d.id() + ": " + diff.size() + " rows differ, first "
            + diff.firstEntry());
      }
    }
    return Optional.empty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void incrementalEqualsFull(long seed) {
    History h = history(seed);
    assertTrue(h.steps().size() > 3, "seed " + seed + ": too few updates to test");
    firstDifference(h, standard(), full(h, standard())).ifPresent(m -> fail(m));
  }

  /**
   * The standard metrics that {@link IncrementalScores} can compute over the last full build and
   * a store of the newer events: those that neither read other repositories nor declare nothing.
   */
  private static List<MetricDescriptor<?>> overParts() {
    return standard().stream()
        .filter(d -> !d.dependencies().contains(Dependency.ANY_CHANGE)
            && !d.dependencies().contains(Dependency.OTHER_REPOSITORIES))
        .toList();
  }

  /**
   * With an id on every repository (as GH Archive gives) and metrics that read their own
   * repositories' events only, updates are computed over the last full build and a store of the
   * newer events, building no store of every event: the results still equal a full scoring after
   * every update, and on every seed some updates build nothing (the others merge, or meet a
   * rename).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void overPartsEqualsFull(long seed) {
    History h = history(seed, true);
    List<MetricDescriptor<?>> metrics = overParts();
    assertTrue(metrics.size() >= 10, "too few metrics to score over parts: " + metrics);
    List<IncrementalScores.Update> updates = new ArrayList<>();
    firstDifference(h, metrics, full(h, metrics), updates::add).ifPresent(m -> fail(m));
    long unbuilt = updates.stream().filter(u -> !u.built()).count();
    assertTrue(unbuilt > 0, "seed " + seed + ": every one of " + updates.size() + " updates built a store of every event");
  }

  /**
   * Each repository's event count, over the last full build and the newer events' store or over
   * one store, is a store of every event's after every update (duplicates of the base's events
   * once); a repository without events has none. Histories with and without ids, so that some
   * updates build and some do not.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachRepositorysEventsAreThoseOfAStoreOfEveryEvent(long seed) {
    History h = history(seed, seed % 3 != 0);
    IncrementalScores scores =
        IncrementalScores.start(List.of(StandardMetrics.LOTTERY_FACTOR), evaluation(h.firstAsOf(), h), h.base(), 1);
    List<Event> all = new ArrayList<>(h.base());
    Repository none = new Repository(Forge.GITLAB, "nobody/nothing", OptionalLong.of(987_654_321L));
    for (int s = -1; s < h.steps().size(); s++) {
      if (s >= 0) {
        Step step = h.steps().get(s);
        // Some events again, as a late or repeated delivery brings them.
        List<Event> given = new ArrayList<>(step.events());
        given.addAll(all.subList(0, Math.min(all.size(), s % 4)));
        scores.add(given, step.asOf());
        all.addAll(step.events());
      }
      EventStore store = EventStore.of(all);
      for (Repository r : store.repositories()) {
        assertEquals(store.slice(r).size(), scores.events(r), "seed " + seed + ", update " + s + ", " + r);
      }
      assertEquals(0, scores.events(none), "seed " + seed + ", update " + s);
    }
  }

  /**
   * Over parts, an event the last full build holds already, given again, is not counted twice:
   * the update gains only the other, new event and the pull requests counted stay three.
   */
  @Test
  void aDuplicateOfAnOldEventCountsOnceOverParts() {
    Repository repo = new Repository(Forge.GITHUB, "org/one", OptionalLong.of(1));
    Repository other = new Repository(Forge.GITHUB, "org/two", OptionalLong.of(2));
    Instant t = BASE.plus(Duration.ofDays(10));
    PullRequestOpened again =
        new PullRequestOpened(t.plusSeconds(60), repo, Actor.github("ann"), 2, false, Optional.of("a"), Optional.empty());
    List<Event> base = new ArrayList<>(List.of(
        new PullRequestOpened(t, repo, Actor.github("ann"), 1, false, Optional.of("a"), Optional.empty()),
        again,
        new PullRequestOpened(t.plusSeconds(120), repo, Actor.github("ben"), 3, false, Optional.of("b"), Optional.empty())));
    for (int k = 0; k < 20; k++) {
      // Enough events that two more do not make the delta a quarter of the base (a merge).
      base.add(new Star(t.plusSeconds(k), other, Actor.github("fan" + k)));
    }
    MetricDescriptor<?> lottery = StandardMetrics.LOTTERY_FACTOR;
    Evaluation e = Evaluation.of(RepositoryScope.all(), Window.endingAt(t.plusSeconds(600), Duration.ofDays(7)));
    IncrementalScores scores = IncrementalScores.start(List.of(lottery), e, base, 1);
    Instant asOf = t.plusSeconds(900);
    List<Event> update = List.of(again, new Star(t.plusSeconds(700), other, Actor.github("cat")));
    IncrementalScores.Update u = scores.add(update, asOf);
    assertFalse(u.built(), "the update built a store of every event");
    List<Event> all = new ArrayList<>(base);
    all.addAll(update);
    Evaluation later = e.withWindow(Window.endingAt(asOf, Duration.ofDays(7)));
    assertEquals(full(all, later, List.of(lottery)).get(lottery.id()), scores.measurements(lottery));
    assertEquals(
        OptionalDouble.of(3),
        scores.measurements(lottery).get(repo).stream().filter(m -> m.name().equals("total")).findFirst().orElseThrow().value());
    assertEquals(1, u.events());
  }

  /**
   * New events that name a repository twice (renamed within the hour) are not kept apart from
   * the base, as merging them later would name the earlier events after the later name and lose
   * that the id carried the first one: an event without id under the first name, later, still
   * joins that repository, as in a store of every event.
   */
  @Test
  void aRenameAmongTheNewEventsKeepsTheOldNameForLaterEventsWithoutId() {
    Repository x = new Repository(Forge.GITHUB, "org/x", OptionalLong.of(1));
    Repository first = new Repository(Forge.GITHUB, "org/new", OptionalLong.of(9));
    Repository second = new Repository(Forge.GITHUB, "org/newer", OptionalLong.of(9));
    Instant t = BASE.plus(Duration.ofDays(10));
    List<Event> base = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      base.add(new Star(t.plusSeconds(k), x, Actor.github("fan" + k)));
    }
    MetricDescriptor<?> lottery = StandardMetrics.LOTTERY_FACTOR;
    Evaluation e = Evaluation.of(RepositoryScope.all(), Window.endingAt(t.plusSeconds(600), Duration.ofDays(7)));
    IncrementalScores scores = IncrementalScores.start(List.of(lottery), e, base, 1);
    List<Event> all = new ArrayList<>(base);
    List<List<Event>> updates = List.of(
        List.of(new Star(t.plusSeconds(700), first, Actor.github("ann")),
            new Star(t.plusSeconds(800), second, Actor.github("ben"))),
        List.of(new Star(t.plusSeconds(1_000), Repository.github("org/new"), Actor.github("cat"))));
    Instant asOf = t.plusSeconds(900);
    for (List<Event> update : updates) {
      asOf = asOf.plusSeconds(300);
      scores.add(update, asOf);
      all.addAll(update);
      Evaluation now = e.withWindow(Window.endingAt(asOf, Duration.ofDays(7)));
      assertEquals(full(all, now, List.of(lottery)).get(lottery.id()), scores.measurements(lottery), "at " + asOf);
    }
  }

  /**
   * The declarations do narrow the work: over the seeds, metrics that declare their dependencies
   * recompute fewer repositories than there are rows, and those that declare nothing recompute
   * every repository after each update.
   */
  @Test
  void declaredMetricsRecomputeFewerRepositories() {
    Map<String, long[]> counts = new TreeMap<>(); // id -> {recomputed, rows}
    for (long seed = 0; seed < 3; seed++) {
      History h = history(seed);
      IncrementalScores scores =
          IncrementalScores.start(standard(), evaluation(h.firstAsOf(), h), h.base(), 1);
      for (Step step : h.steps()) {
        IncrementalScores.Update u = scores.add(step.events(), step.asOf());
        for (IncrementalScores.MetricUpdate m : u.metrics()) {
          long[] c = counts.computeIfAbsent(m.metric().id(), k -> new long[2]);
          c[0] += m.recomputed();
          c[1] += scores.measurements(m.metric()).size();
        }
      }
    }
    for (MetricDescriptor<?> d : standard()) {
      long[] c = counts.get(d.id());
      if (d.dependencies().contains(Dependency.ANY_CHANGE)) {
        assertTrue(c[0] >= c[1] * 9 / 10, d.id() + " declares nothing and recomputed " + c[0] + " of " + c[1]);
      } else if (!d.dependencies().contains(Dependency.AS_OF)) {
        assertTrue(c[0] < c[1], d.id() + " recomputed " + c[0] + " of " + c[1]);
      }
    }
  }

  /**
   * A rename cannot be matched row by row: the update says why, computes every repository again,
   * drops the old name's row and reports the new one's as changed.
   */
  @Test
  void aRenameComputesEverythingAgainAndDropsTheOldName() {
    Repository old = new Repository(Forge.GITHUB, "org/old", OptionalLong.of(7));
    Repository renamed = new Repository(Forge.GITHUB, "org/new", OptionalLong.of(7));
    Repository other = Repository.github("org/other");
    Instant t = BASE.plus(Duration.ofDays(10));
    List<Event> base = List.of(
        new Star(t, old, Actor.github("ann")), new Star(t.plusSeconds(1), other, Actor.github("ben")));
    MetricDescriptor<?> growth = StandardMetrics.GROWTH;
    IncrementalScores scores = IncrementalScores.start(
        List.of(growth), Evaluation.of(RepositoryScope.all(), Window.endingAt(t.plusSeconds(60), Duration.ofDays(7))),
        base, 1);
    assertEquals(Set.of(old, other), scores.measurements(growth).keySet());
    IncrementalScores.Update u =
        scores.add(List.of(new Star(t.plusSeconds(120), renamed, Actor.github("cat"))), t.plusSeconds(180));
    assertTrue(u.everything().isPresent(), "a rename is not matched by value");
    IncrementalScores.MetricUpdate m = u.metrics().get(0);
    assertEquals(Set.of(old), m.removed());
    assertEquals(2, m.recomputed());
    assertTrue(m.changed().containsKey(renamed));
    assertEquals(Set.of(renamed, other), scores.measurements(growth).keySet());
    assertEquals(1, u.events());
  }

  /** Moving as-of without new events keeps the store and its people, and still re-scores. */
  @Test
  void asOfAloneKeepsTheStore() {
    History h = history(3);
    IncrementalScores scores = IncrementalScores.start(
        List.of(StandardMetrics.RETENTION, StandardMetrics.LOTTERY_FACTOR), evaluation(h.firstAsOf(), h), h.base(), 1);
    EventStore store = scores.store();
    People people = scores.people();
    Instant later = h.firstAsOf().plus(Duration.ofDays(40));
    IncrementalScores.Update u = scores.add(List.of(), later);
    assertSame(store, scores.store(), "the store was rebuilt without new events");
    assertSame(people, scores.people(), "the people were resolved again without new events");
    assertEquals(0, u.events());
    Map<String, SortedMap<Repository, List<Measurement>>> full = full(h.base(), evaluation(later, h), scores.metrics());
    for (MetricDescriptor<?> d : scores.metrics()) {
      assertEquals(full.get(d.id()), scores.measurements(d), d.id());
    }
  }

  @Test
  void argumentsAreChecked() {
    Evaluation one = Evaluation.of(RepositoryScope.of(repository(1)), Window.endingAt(BASE, Duration.ofDays(7)));
    Evaluation all = Evaluation.of(RepositoryScope.all(), Window.endingAt(BASE, Duration.ofDays(7)));
    MetricDescriptor<?> growth = StandardMetrics.GROWTH;
    assertThrows(
        IllegalArgumentException.class, () -> IncrementalScores.start(List.of(growth), one, List.of(), 1));
    assertThrows(
        IllegalArgumentException.class, () -> IncrementalScores.start(List.of(growth, growth), all, List.of(), 1));
    assertThrows(
        IllegalArgumentException.class, () -> IncrementalScores.start(List.of(), all, List.of(), 1));
    IncrementalScores empty = IncrementalScores.start(List.of(growth), all, List.of(), 1);
    assertTrue(empty.measurements(growth).isEmpty());
    assertThrows(
        IllegalArgumentException.class, () -> empty.measurements(StandardMetrics.LOTTERY_FACTOR));
  }

  /** A metric that computes as {@code d} does and declares {@code dependencies}. */
  static <R> MetricDescriptor<R> declaring(MetricDescriptor<R> d, Set<Dependency> dependencies) {
    return declaring(d, dependencies, d.ownReads());
  }

  /** A metric that computes as {@code d} does and declares {@code dependencies} and {@code reads}. */
  static <R> MetricDescriptor<R> declaring(
      MetricDescriptor<R> d, Set<Dependency> dependencies, Set<EventType> reads) {
    return new MetricDescriptor<R>(
        d.id(), d.title(), d.jsonName(), d.presets(), d.parameters(), d.measurements(), d.locality()) {
      @Override
      public Set<Dependency> dependencies() {
        return dependencies;
      }

      @Override
      public Set<EventType> ownReads() {
        return reads;
      }

      @Override
      public Window describedWindow(Evaluation evaluation) {
        return d.describedWindow(evaluation);
      }

      @Override
      public SliceMetric<?, R> metric(Evaluation evaluation) {
        return d.metric(evaluation);
      }

      @Override
      public List<Measurement> measure(R result, Evaluation evaluation) {
        return d.measure(result, evaluation);
      }
    };
  }

  /**
   * The test above can fail, for each kind of dependency: a metric that needs it, declared without
   * it, gives incremental results that differ from the full ones on some seed. So the histories
   * exercise each kind (a merge of two people, events entering and leaving the window, thresholds
   * counted back from as-of, stargazers' pull requests elsewhere, events before the window).
   * Declaring more than a metric needs costs work, not exactness; declaring less is what this
   * shows the test above would catch.
   */
  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({
    "contributor-confidence, OTHER_REPOSITORIES",
    "onion-model, WINDOW_EVENTS",
    "responsiveness, HISTORY_EVENTS",
    "lottery-factor, PEOPLE",
    "retention, AS_OF",
  })
  void eachKindOfDependencyIsNeededOnSomeSeed(String id, Dependency dropped) {
    MetricDescriptor<?> d = MetricRegistry.standard().get(id);
    assertTrue(d.dependencies().contains(dropped), id + " declares " + d.dependencies());
    EnumSet<Dependency> fewer = EnumSet.copyOf(d.dependencies());
    fewer.remove(dropped);
    if (fewer.isEmpty()) {
      fewer.add(Dependency.PEOPLE); // a declaration is never empty
    }
    MetricDescriptor<?> weaker = declaring(d, Set.copyOf(fewer));
    for (int seed = 0; seed < SEEDS; seed++) {
      History h = history(seed);
      if (firstDifference(h, List.of(weaker), full(h, List.of(d))).isPresent()) {
        return;
      }
    }
    fail(id + " declared without " + dropped + " matched the full results on every seed");
  }

  /**
   * Responsiveness reads its issues' and pull requests' events only ({@link
   * MetricDescriptor#ownReads()}): over the seeded histories it recomputes fewer repositories
   * than the same metric declaring every type, with the same measurements (the test over seeds
   * above), and declared without its comments and reviews it differs from the full results on
   * some seed, so the histories exercise the narrowing.
   */
  @Test
  void ownReadsNarrowTheRepositoriesAndAreNeeded() {
    MetricDescriptor<?> d = StandardMetrics.RESPONSIVENESS;
    assertTrue(d.ownReads().size() < EventType.values().length, "responsiveness reads every type");
    MetricDescriptor<?> everyType = declaring(d, d.dependencies(), EnumSet.allOf(EventType.class));
    long narrow = 0;
    long wide = 0;
    for (long seed = 0; seed < 3; seed++) {
      History h = history(seed);
      IncrementalScores a = IncrementalScores.start(List.of(d), evaluation(h.firstAsOf(), h), h.base(), 1);
      IncrementalScores b = IncrementalScores.start(List.of(everyType), evaluation(h.firstAsOf(), h), h.base(), 1);
      for (Step step : h.steps()) {
        narrow += a.add(step.events(), step.asOf()).metrics().get(0).recomputed();
        wide += b.add(step.events(), step.asOf()).metrics().get(0).recomputed();
        assertEquals(b.measurements(everyType), a.measurements(d), "seed " + seed);
      }
    }
    assertTrue(narrow < wide, "recomputed " + narrow + " reading its types, " + wide + " reading every type");
    EnumSet<EventType> fewer = EnumSet.copyOf(d.ownReads());
    fewer.removeAll(EnumSet.of(EventType.ISSUE_COMMENT, EventType.REVIEW_COMMENT, EventType.REVIEW));
    MetricDescriptor<?> weaker = declaring(d, d.dependencies(), fewer);
    for (int seed = 0; seed < SEEDS; seed++) {
      History h = history(seed);
      if (firstDifference(h, List.of(weaker), full(h, List.of(d))).isPresent()) {
        return;
      }
    }
    fail("responsiveness declared without its comments and reviews matched the full results on every seed");
  }
}
