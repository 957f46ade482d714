package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.AscendingMap;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.RepositoryTable;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.LongList;
import java.util.LinkedHashMap;
import java.util.Map;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import io.github.communitymetrics.core.event.Repository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.SortedMap;
import java.util.List;
import java.util.Optional;

/**
 * The OpenSauced Lottery Factor: how many authors of the pull requests opened in the last 30 days
 * reach 50% or more of them (OpenSauced loops {@code while cumulative < total * 0.5}), with a
 * risk {@link LotteryLevel} for the repository and for each of the top four people.
 *
 * <p><b>Bots.</b> OpenSauced drops logins ending in {@code [bot]}; this preset drops whoever the
 * identity resolution marks as a bot ({@link io.github.communitymetrics.core.identity.BotDetector}
 * recognises the {@code [bot]} suffix, declared bot accounts and known bot names), so it may drop
 * a few more.
 *
 * <p><b>Grace period.</b> With no contributions in the window, a repository younger than 30 days
 * at the window's end is {@link LotteryLevel#LOW} (new, nothing to lose yet), an older one {@link
 * LotteryLevel#VERY_HIGH}. The creation instant is the explicit {@link #withCreatedAt} parameter;
 * without it, the earliest event in scope in the data (any type, any time) stands in for it: the
 * state then keeps the earliest event instant per repository, merged by minimum, and with several
 * repositories in scope the earliest of all is used. Without either, the repository counts as old.
 *
 * <p>Immutable; build from {@link #openSauced(Instant)} and the {@code with...} methods.
 */
public final class LotteryFactor
    implements SliceMetric<ContributionCounts<Actor>, LotteryFactorResult> {
  /** How many people the "top plus other" view shows by name. */
  public static final int TOP = 4;

  private final Selection selection;
  private final ShareRule rule;
  private final Duration gracePeriod;
  private final Optional<Instant> createdAt;

  private LotteryFactor(
      Selection selection, ShareRule rule, Duration gracePeriod, Optional<Instant> createdAt) {
    this.selection = Checks.notNull(selection, "selection");
    this.rule = Checks.notNull(rule, "rule");
    Checks.notNull(gracePeriod, "gracePeriod");
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
    }
    this.gracePeriod = gracePeriod;
    this.createdAt = Checks.notNull(createdAt, "createdAt");
  }

  /**
   * One of the largest contributors.
   *
   * @param ranked who, how many pull requests and their share
   * @param level their personal level by share
   */
  public record TopContributor(Ranked<Actor> ranked, LotteryLevel level) {
    /** Checks the components. */
    public TopContributor {
      Checks.notNull(ranked, "ranked");
      Checks.notNull(level, "level");
    }
  }

  /**
   * Everyone outside the top, as one aggregate.
   *
   * @param people how many people
   * @param count their contributions together
   * @param share their fraction of all contributions
   */
  public record Others(int people, long count, double share) {}

  /**
   * OpenSauced: pull requests opened in the 30 days before {@code asOf} ({@code [asOf - 30 days,
   * asOf)}), all repositories, bots excluded, 50% or more, a 30-day grace period.
   */
  public static LotteryFactor openSauced(Instant asOf) {
    Checks.notNull(asOf, "asOf");
    return new LotteryFactor(
        Selection.of(ContributionType.PULL_REQUEST_OPENED, Window.endingAt(asOf, Duration.ofDays(30))),
        ShareRule.AT_LEAST_HALF,
        Duration.ofDays(30),
        Optional.empty());
  }

  /** The contributions counted. */
  public Selection selection() {
    return selection;
  }

  /** When the top contributors hold the repository. */
  public ShareRule rule() {
    return rule;
  }

  /** How young a repository without contributions must be to count as low risk. */
  public Duration gracePeriod() {
    return gracePeriod;
  }

  /** The explicit creation instant of the repository, if given. */
  public Optional<Instant> createdAt() {
    return createdAt;
  }

  /** This metric over all of {@code value}: type, window, scope and bots. */
  public LotteryFactor withSelection(Selection value) {
    return new LotteryFactor(value, rule, gracePeriod, createdAt);
  }

  /** This metric over another contribution type. */
  public LotteryFactor withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This metric over another window. */
  public LotteryFactor withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This metric over other repositories. */
  public LotteryFactor withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public LotteryFactor withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /** This metric with another share rule. */
  public LotteryFactor withRule(ShareRule value) {
    return new LotteryFactor(selection, value, gracePeriod, createdAt);
  }

  /** This metric with another grace period. */
  public LotteryFactor withGracePeriod(Duration value) {
    return new LotteryFactor(selection, rule, value, createdAt);
  }

  /** This metric with the repository's creation instant given (no fallback to events). */
  public LotteryFactor withCreatedAt(Instant value) {
    return new LotteryFactor(selection, rule, gracePeriod, Optional.of(Checks.notNull(value, "createdAt")));
  }

  @Override
  public ContributionCounts<Actor> accumulate(EventStore slice, People people) {
    return Tally.byPerson(
        slice, people, selection, List.of(selection.window()), createdAt.isEmpty());
  }

  /** {@link ContributionCounts#actorCodec()}. */
  @Override
  public StateCodec<ContributionCounts<Actor>> stateCodec() {
    return ContributionCounts.actorCodec();
  }

  @Override
  public ContributionCounts<Actor> merge(ContributionCounts<Actor> a, ContributionCounts<Actor> b) {
    return a.merge(b);
  }

  /**
   * This metric for every repository of {@code store} in its scope, in one pass over the
   * columns instead of one {@link #compute} per repository.
   *
   * <p>The value for repository {@code r} equals {@code
   * withScope(RepositoryScope.of(r)).compute(store, people)}: the same result record, whose
   * selection names {@code r} alone. Every repository in scope with at least one event in {@code
   * store} (any type, any time) has an entry, since even without contributions its level depends
   * on its age; repositories without events have none.
   *
   * @param store the events (a store or a slice)
   * @param people the store's people
   * @return the results by repository, in {@link io.github.communitymetrics.core.event.Repository}
   *     order; unmodifiable
   * @throws IllegalArgumentException if {@code people} were resolved for another store
   */
  public SortedMap<Repository, LotteryFactorResult> computeEachRepository(EventStore store, People people) {
    SortedMap<Repository, ContributionCounts<Actor>> states =
        RepositoryTally.byRepository(store, people, selection, createdAt.isEmpty(), true);
    AscendingMap<Repository, LotteryFactorResult> out = new AscendingMap<>();
    states.forEach((repo, state) -> out.put(repo, withScope(RepositoryScope.of(repo)).finish(state)));
    return out.build();
  }

  /** Column of {@link #factorEachRepository}: the lottery factor (people), as {@link FactorResult#factor()}. */
  public static final String FACTOR = "factor";

  /** Column of {@link #factorEachRepository}: the contributions counted, as {@link FactorResult#total()}. */
  public static final String TOTAL = "total";

  /**
   * The numbers of {@link #computeEachRepository} without the evidence: for every repository in
   * scope with at least one counted contribution in the window, its {@link #FACTOR} and {@link
   * #TOTAL}, equal to {@code result.factor().factor()} and {@code result.factor().total()} of
   * {@code computeEachRepository(store, people).get(repository)}. Repositories left out have a
   * factor and a total of 0 (their level, which depends on their age, is not in the table).
   *
   * <p>One scan of the window's columns that packs (repository, person) into a {@code long} per
   * contribution, one sort, and per repository a sort of its people's counts: nothing is
   * allocated per repository or per person beyond the table. When merges count (their author may
   * come from an opening anywhere in the store), the evidence form computes the numbers instead.
   *
   * @param store the events (a store or a slice)
   * @param people the store's people
   * @return the table, columns {@link #FACTOR} and {@link #TOTAL} (both {@code long})
   * @throws IllegalArgumentException if {@code people} were resolved for another store
   */
  public RepositoryTable factorEachRepository(EventStore store, People people) {
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().equals(store.actors()),
        "people were resolved for another store than the slice");
    int repositories = store.repositories().size();
    int persons = people.size();
    if (selection.type().includes(EventType.PULL_REQUEST_MERGED)
        || !LongList.fits(repositories, persons, 1)) {
      LongList rows = new LongList();
      LongList factors = new LongList();
      LongList totals = new LongList();
      computeEachRepository(store, people).forEach((repo, r) -> {
        if (r.factor().total() > 0) {
          rows.add(Collections.binarySearch(store.repositories(), repo));
          factors.add(r.factor().factor());
          totals.add(r.factor().total());
        }
      });
      return table(store, rows, factors, totals);
    }
    boolean[] inScope = selection.scope().mask(store);
    boolean[] counted = new boolean[EventType.values().length];
    for (EventType t : EventType.values()) {
      counted[t.ordinal()] = selection.type().includes(t);
    }
    boolean bots = selection.includeBots();
    LongList keys = new LongList();
    EventStore s = store.slice(selection.window());
    for (int i = 0, n = s.size(); i < n; i++) {
      int r = s.repositoryIndex(i);
      if (!counted[s.type(i).ordinal()] || !inScope[r]) {
        continue;
      }
      int actor = s.actorIndex(i);
      if (!bots && people.isBot(actor)) {
        continue;
      }
      keys.add(LongList.pack(r, people.personOf(actor), persons));
    }
    keys.sort();
    LongList rows = new LongList();
    LongList factors = new LongList();
    LongList totals = new LongList();
    long[] counts = new long[16];
    int k = 0;
    int size = keys.size();
    while (k < size) {
      int r = (int) (keys.get(k) / persons);
      int people0 = 0;
      long total = 0;
      // one run per repository; within it, one run per person
      while (k < size && keys.get(k) / persons == r) {
        long key = keys.get(k);
        int from = k;
        while (k < size && keys.get(k) == key) {
          k++;
        }
        if (people0 == counts.length) {
          counts = java.util.Arrays.copyOf(counts, 2 * people0);
        }
        counts[people0++] = k - from;
        total += k - from;
      }
      java.util.Arrays.sort(counts, 0, people0);
      long cumulative = 0;
      int factor = 0;
      for (int j = people0 - 1; j >= 0; j--) {
        cumulative += counts[j];
        if (rule.isMetBy(cumulative, total)) {
          factor = people0 - j;
          break;
        }
      }
      rows.add(r);
      factors.add(factor);
      totals.add(total);
    }
    return table(store, rows, factors, totals);
  }

  private static RepositoryTable table(EventStore store, LongList rows, LongList factors, LongList totals) {
    Map<String, long[]> columns = new LinkedHashMap<>();
    columns.put(FACTOR, factors.toArray());
    columns.put(TOTAL, totals.toArray());
    return RepositoryTable.of(store, rows.toIntArray(), columns, Map.of());
  }

  /** The earliest of {@code instants}; empty if there is none. */
  private static Optional<Instant> earliest(java.util.Collection<Instant> instants) {
    Instant min = null;
    for (Instant t : instants) {
      if (min == null || t.isBefore(min)) {
        min = t;
      }
    }
    return Optional.ofNullable(min);
  }

  @Override
  public LotteryFactorResult finish(ContributionCounts<Actor> state) {
    FactorResult<Actor> f = ContributorAbsenceFactor.personFactor(state, selection, rule);
    Optional<Instant> created = createdAt.isPresent() ? createdAt : earliest(state.firstEvents().values());
    LotteryLevel level;
    if (f.factor() > 0) {
      level = LotteryLevel.ofFactor(f.factor());
    } else {
      boolean young =
          created.isPresent()
              && Duration.between(created.get(), selection.window().end()).compareTo(gracePeriod) < 0;
      level = young ? LotteryLevel.LOW : LotteryLevel.VERY_HIGH;
    }
    List<Ranked<Actor>> ranking = f.ranking();
    List<TopContributor> top = new ArrayList<>();
    for (Ranked<Actor> r : ranking.subList(0, Math.min(TOP, ranking.size()))) {
      top.add(new TopContributor(r, LotteryLevel.ofShare(r.count(), f.total())));
    }
    Optional<Others> other = Optional.empty();
    if (ranking.size() > TOP) {
      long count = 0;
      for (Ranked<Actor> r : ranking.subList(TOP, ranking.size())) {
        count += r.count();
      }
      other = Optional.of(new Others(ranking.size() - TOP, count, (double) count / f.total()));
    }
    return new LotteryFactorResult(f, level, top, other, created);
  }

  @Override
  public String toString() {
    return "LotteryFactor[" + selection + ", " + rule + ", grace " + gracePeriod + "]";
  }
}
