package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.internal.Survival;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.DenseIds;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.ladder.LadderState.Opener;
import io.github.communitymetrics.core.metrics.ladder.LadderState.PendingMerge;
import io.github.communitymetrics.core.metrics.ladder.LadderState.PendingReview;
import io.github.communitymetrics.core.metrics.ladder.LadderState.PullRequest;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contributor ladder (conversion funnel): who reached which {@link Rung} when, the CHAOSS
 * conversion rates {@code CR(D0->D1) = D1/D0}, {@code CR(D1->D2)} and {@code CR(D2->D3)}, the
 * same as cohort conversion, conversion per calendar period, and the time people spend on each
 * rung. See {@link LadderResult} for what each number counts and how skipped rungs appear.
 *
 * <p>Rung-defining acts, for events of repositories in the {@linkplain #scope() scope}: D0 a
 * star or fork; D1 an issue opened, an issue comment, a review comment or a review; D2 a merged
 * pull request, credited to its author ({@link
 * io.github.communitymetrics.core.event.PullRequestMerged#author()}, else the author of the pull
 * request's opening event in scope); D3 a review or merge of a pull request whose author is
 * another person ({@link io.github.communitymetrics.core.event.Review#pullRequestAuthor()}, else
 * the opening's author), or access granted ({@link
 * io.github.communitymetrics.core.event.MemberAdded#member()}). People are resolved persons
 * ({@link People}); bots are left off the ladder unless {@linkplain #withBots included}. Acting on a bot's pull request
 * still counts for the person who acts (merging a dependency bump is maintainer work), and a pull
 * request merged by a bot still credits its author.
 *
 * <p>Parameters: built from {@link #asOf(Instant)} or {@link #over(Window)} (all repositories,
 * monthly periods in UTC, bots excluded) and the {@code with...} methods, each returning a new
 * instance. Instances are immutable and thread-safe.
 *
 * <p>Merging is exact ({@link LadderState}). Cost: one pass over the slice's columns; events
 * that name a second actor (reviews by someone not yet a maintainer in the slice, merges, grants)
 * are rebuilt to read it, since the store exposes no column for that actor.
 */
public final class ContributorLadder implements SliceMetric<LadderState, LadderResult> {
  private static final int RUNGS = 4;
  private static final int D0 = 0;
  private static final int D1 = 1;
  private static final int D2 = 2;
  private static final int D3 = 3;

  private final RepositoryScope scope;
  private final Window window;
  private final PeriodUnit periodUnit;
  private final ZoneId zone;
  private final boolean includeBots;

  private ContributorLadder(
      RepositoryScope scope, Window window, PeriodUnit periodUnit, ZoneId zone, boolean includeBots) {
    this.scope = Checks.notNull(scope, "scope");
    this.window = Checks.notNull(window, "window");
    this.periodUnit = Checks.notNull(periodUnit, "periodUnit");
    this.zone = Checks.notNull(zone, "zone");
    this.includeBots = includeBots;
    if (window.isEmpty()) {
      throw new IllegalArgumentException("window must not be empty but was " + window);
    }
  }

  /**
   * The ladder of all history before {@code asOf}: window {@code [Instant.MIN, asOf)}, all
   * repositories, monthly periods in UTC, bots excluded.
   *
   * @throws IllegalArgumentException if {@code asOf} is {@link Instant#MIN} (an empty window)
   */
  public static ContributorLadder asOf(Instant asOf) {
    Checks.notNull(asOf, "asOf");
    return over(new Window(Instant.MIN, asOf));
  }

  /**
   * The ladder over {@code window}: history before its end, arrivals inside it; all
   * repositories, monthly periods in UTC, bots excluded.
   *
   * @throws IllegalArgumentException if the window is empty
   */
  public static ContributorLadder over(Window window) {
    return new ContributorLadder(RepositoryScope.all(), window, PeriodUnit.MONTH, ZoneOffset.UTC, false);
  }

  /** This ladder over other repositories. */
  public ContributorLadder withScope(RepositoryScope scope) {
    return new ContributorLadder(scope, window, periodUnit, zone, includeBots);
  }

  /**
   * This ladder over another window.
   *
   * @throws IllegalArgumentException if the window is empty
   */
  public ContributorLadder withWindow(Window window) {
    return new ContributorLadder(scope, window, periodUnit, zone, includeBots);
  }

  /** This ladder over all history before {@code asOf}. */
  public ContributorLadder withAsOf(Instant asOf) {
    Checks.notNull(asOf, "asOf");
    return withWindow(new Window(Instant.MIN, asOf));
  }

  /** This ladder with per-period counts by {@code unit} in the calendar of {@code zone}. */
  public ContributorLadder withPeriods(PeriodUnit unit, ZoneId zone) {
    return new ContributorLadder(scope, window, unit, zone, includeBots);
  }

  /** This ladder with bots on it ({@code true}) or left off ({@code false}, the default). */
  public ContributorLadder withBots(boolean include) {
    return new ContributorLadder(scope, window, periodUnit, zone, include);
  }

  /** Which repositories' events count. */
  public RepositoryScope scope() {
    return scope;
  }

  /** The window: history is everything before its end; arrivals are counted inside it. */
  public Window window() {
    return window;
  }

  /** The calendar unit of {@link LadderResult#periods()}. */
  public PeriodUnit periodUnit() {
    return periodUnit;
  }

  /** The time zone whose calendar defines the periods. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether bots are on the ladder. */
  public boolean includesBots() {
    return includeBots;
  }

  /**
   * The state of one slice. {@code people} must be the people of {@code slice}'s store (or of the
   * store it was sliced from).
   */
  @Override
  public LadderState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().size() == slice.actors().size(),
        "people belong to another store than the slice");
    // Exactly the events in scope: with one repository, only its events are read.
    EventStore s = scope.restrict(slice).slice(new Window(Instant.MIN, window.end()));
    // Per person met (dense ids, so that the array grows with the people of the slice, not of the
    // store) and rung, the position of the first act; events are in time order, so the first one
    // seen is the earliest.
    Firsts first = new Firsts(DenseIds.of(people.size(), s.size()));
    Map<PullRequest, Opener> openers = new HashMap<>();
    List<PendingMerge> merges = new ArrayList<>();
    List<PendingReview> reviews = new ArrayList<>();
    for (int i = 0, n = s.size(); i < n; i++) {
      int actor = s.actorIndex(i);
      switch (s.type(i)) {
        case STAR:
        case FORK:
          credit(first, people, actor, D0, i);
          break;
        case ISSUE_OPENED:
        case ISSUE_COMMENT:
        case REVIEW_COMMENT:
          credit(first, people, actor, D1, i);
          break;
        case REVIEW:
          credit(first, people, actor, D1, i);
          if (countable(people, actor) && first.at(people.personOf(actor), D3) < 0) {
            review(s, i, people, actor, first, reviews);
          }
          break;
        case PULL_REQUEST_OPENED:
          {
            int p = people.personOf(actor);
            Opener o = new Opener(people.key(p), people.isBot(actor), s.instant(i));
            openers.merge(new PullRequest(s.repository(s.repositoryIndex(i)), s.number(i)), o, Opener::first);
            break;
          }
        case PULL_REQUEST_MERGED:
          merge(s, i, people, actor, first, merges);
          break;
        case MEMBER_ADDED:
          credit(first, people, s.secondActorIndex(i), D3, i);
          break;
        default:
          break;
      }
    }
    Map<Actor, Instant[]> acts = new HashMap<>();
    for (int id = 0; id < first.ids.size(); id++) {
      Instant[] mine = null;
      for (int k = 0; k < RUNGS; k++) {
        int at = first.positions[id * RUNGS + k];
        if (at >= 0) {
          if (mine == null) {
            mine = new Instant[RUNGS];
          }
          mine[k] = s.instant(at);
        }
      }
      if (mine != null) {
        acts.put(people.key(first.ids.key(id)), mine);
      }
    }
    return new LadderState(acts, openers, merges, reviews);
  }

  /** Per person met and rung, the position of the first act, -1 for none. */
  private static final class Firsts {
    final DenseIds ids;
    int[] positions = new int[16 * RUNGS];

    Firsts(DenseIds ids) {
      this.ids = ids;
      Arrays.fill(positions, -1);
    }

    /** The position of {@code person}'s first act on {@code rung}, -1 if none. */
    int at(int person, int rung) {
      int id = ids.get(person);
      return id < 0 ? -1 : positions[id * RUNGS + rung];
    }

    /** Records the act at {@code position} unless the person has an earlier one on the rung. */
    void credit(int person, int rung, int position) {
      int id = ids.id(person);
      if ((id + 1) * RUNGS > positions.length) {
        int old = positions.length;
        positions = Arrays.copyOf(positions, 2 * old);
        Arrays.fill(positions, old, positions.length, -1);
      }
      int slot = id * RUNGS + rung;
      if (positions[slot] < 0) {
        positions[slot] = position;
      }
    }
  }

  private void review(
      EventStore s, int i, People people, int reviewer, Firsts first, List<PendingReview> pending) {
    int author = s.secondActorIndex(i);
    if (author >= 0) {
      if (people.personOf(author) != people.personOf(reviewer)) {
        credit(first, people, reviewer, D3, i);
      }
    } else {
      pending.add(
          new PendingReview(pullRequest(s, i), s.instant(i), people.key(people.personOf(reviewer))));
    }
  }

  private void merge(
      EventStore s, int i, People people, int merger, Firsts first, List<PendingMerge> pending) {
    int a = s.secondActorIndex(i);
    if (a >= 0) {
      credit(first, people, a, D2, i);
      if (people.personOf(a) != people.personOf(merger)) {
        credit(first, people, merger, D3, i);
      }
    } else {
      pending.add(
          new PendingMerge(
              pullRequest(s, i), s.instant(i), people.key(people.personOf(merger)), people.isBot(merger)));
    }
  }

  private static PullRequest pullRequest(EventStore s, int i) {
    return new PullRequest(s.repository(s.repositoryIndex(i)), s.number(i));
  }

  private boolean countable(People people, int actor) {
    return includeBots || !people.isBot(actor);
  }

  private void credit(Firsts first, People people, int actor, int rung, int position) {
    if (countable(people, actor)) {
      first.credit(people.personOf(actor), rung, position);
    }
  }

  /** {@link LadderState#CODEC}. */
  @Override
  public StateCodec<LadderState> stateCodec() {
    return LadderState.CODEC;
  }

  @Override
  public LadderState merge(LadderState a, LadderState b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    return LadderState.merge(a, b);
  }

  @Override
  public LadderResult finish(LadderState state) {
    Checks.notNull(state, "state");
    Map<Actor, Instant[]> acts = new HashMap<>(state.firstActs.size() * 2);
    state.firstActs.forEach((k, v) -> acts.put(k, v.clone()));
    long unresolvedMerges = 0;
    for (PendingMerge m : state.merges) {
      Opener o = state.openers.get(m.pr());
      if (o == null) {
        unresolvedMerges++;
        continue;
      }
      if (includeBots || !o.bot()) {
        creditAt(acts, o.person(), D2, m.at());
      }
      if (!m.merger().equals(o.person()) && (includeBots || !m.mergerBot())) {
        creditAt(acts, m.merger(), D3, m.at());
      }
    }
    List<PendingReview> unresolved = new ArrayList<>();
    for (PendingReview r : state.reviews) {
      Opener o = state.openers.get(r.pr());
      if (o == null) {
        unresolved.add(r);
      } else if (!r.reviewer().equals(o.person())) {
        creditAt(acts, r.reviewer(), D3, r.at());
      }
    }
    // Only reviews by someone not yet a maintainer leave a question open. Counting after every
    // credit keeps the count independent of slicing: accumulate does not even read the reviews
    // of someone already a maintainer earlier in the slice.
    long unresolvedReviews = 0;
    for (PendingReview r : unresolved) {
      Instant d3 = acts.get(r.reviewer())[D3];
      if (d3 == null || d3.isAfter(r.at())) {
        unresolvedReviews++;
      }
    }
    List<Climb> climbs = new ArrayList<>(acts.size());
    acts.forEach((k, v) -> climbs.add(Climb.of(k, v)));
    climbs.sort((x, y) -> x.person().compareTo(y.person()));
    return Summary.of(this, climbs, unresolvedMerges, unresolvedReviews);
  }

  private static void creditAt(Map<Actor, Instant[]> acts, Actor person, int rung, Instant at) {
    Instant[] mine = acts.computeIfAbsent(person, k -> new Instant[RUNGS]);
    mine[rung] = LadderState.earlier(mine[rung], at);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ContributorLadder)) {
      return false;
    }
    ContributorLadder l = (ContributorLadder) o;
    return scope.equals(l.scope)
        && window.equals(l.window)
        && periodUnit == l.periodUnit
        && zone.equals(l.zone)
        && includeBots == l.includeBots;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, window, periodUnit, zone, includeBots);
  }

  @Override
  public String toString() {
    return "ContributorLadder[scope="
        + scope
        + ", window="
        + window
        + ", periods="
        + periodUnit
        + " "
        + zone
        + ", bots="
        + (includeBots ? "included" : "excluded")
        + "]";
  }

  /** Turns the climbs into the counts, funnels, periods and times of a result. */
  private static final class Summary {
    private final Window window;
    private final Instant[][] reach;
    private final boolean[][] passed;

    private Summary(Window window, List<Climb> climbs) {
      this.window = window;
      int n = climbs.size();
      reach = new Instant[n][RUNGS];
      passed = new boolean[n][RUNGS];
      Rung[] rungs = Rung.values();
      for (int p = 0; p < n; p++) {
        Climb c = climbs.get(p);
        for (int k = 0; k < RUNGS; k++) {
          reach[p][k] = c.reached(rungs[k]).orElse(null);
          passed[p][k] = c.passedThrough(rungs[k]);
        }
      }
    }

    static LadderResult of(
        ContributorLadder ladder, List<Climb> climbs, long unresolvedMerges, long unresolvedReviews) {
      Summary s = new Summary(ladder.window, climbs);
      long[] reached = new long[RUNGS];
      long[] passed = new long[RUNGS];
      long[] highest = new long[RUNGS];
      for (int p = 0; p < climbs.size(); p++) {
        int top = -1;
        for (int k = 0; k < RUNGS; k++) {
          if (s.reach[p][k] != null) {
            reached[k]++;
            top = k;
          }
          if (s.passed[p][k]) {
            passed[k]++;
          }
        }
        // reach[k] is present for every k up to the highest rung with an act of its own.
        highest[top]++;
      }
      List<Period> periods = s.periods(ladder.periodUnit, ladder.zone);
      Instant[] starts = new Instant[periods.size()];
      for (int j = 0; j < starts.length; j++) {
        starts[j] = periods.get(j).window().start();
      }
      // [period][view * 2 * RUNGS + (0: arrivals, 1: cohort converted) * RUNGS + rung]; the
      // last row is the whole window.
      long[][] counts = new long[periods.size() + 1][2 * 2 * RUNGS];
      for (int p = 0; p < climbs.size(); p++) {
        for (int k = 0; k < RUNGS; k++) {
          Instant t = s.reach[p][k];
          if (t == null || !s.window.contains(t)) {
            continue;
          }
          boolean converted = k + 1 < RUNGS && s.reach[p][k + 1] != null;
          int period = Arrays.binarySearch(starts, t);
          period = period >= 0 ? period : -period - 2;
          for (long[] row : new long[][] {counts[period], counts[periods.size()]}) {
            row[k]++;
            row[RUNGS + k] += converted ? 1 : 0;
            if (s.passed[p][k]) {
              row[2 * RUNGS + k]++;
              row[3 * RUNGS + k] += converted ? 1 : 0;
            }
          }
        }
      }
      List<PeriodFunnel> perPeriod = new ArrayList<>(periods.size());
      for (int j = 0; j < periods.size(); j++) {
        perPeriod.add(new PeriodFunnel(periods.get(j), funnel(counts[j], 0), funnel(counts[j], 1)));
      }
      long[] whole = counts[periods.size()];
      List<RungTime> times = new ArrayList<>(RUNGS - 1);
      for (int k = 0; k < RUNGS - 1; k++) {
        times.add(s.timeOn(k));
      }
      return new LadderResult(
          ladder.window,
          RungCounts.of(reached),
          RungCounts.of(passed),
          RungCounts.of(highest),
          funnel(whole, 0),
          funnel(whole, 1),
          perPeriod,
          times,
          climbs,
          unresolvedMerges,
          unresolvedReviews);
    }

    private static Funnel funnel(long[] row, int view) {
      int base = view * 2 * RUNGS;
      long[] arrivals = Arrays.copyOfRange(row, base, base + RUNGS);
      List<Conversion> chaoss = new ArrayList<>(RUNGS - 1);
      List<Conversion> cohort = new ArrayList<>(RUNGS - 1);
      Rung[] rungs = Rung.values();
      for (int k = 0; k < RUNGS - 1; k++) {
        chaoss.add(new Conversion(rungs[k], arrivals[k], arrivals[k + 1]));
        cohort.add(new Conversion(rungs[k], arrivals[k], row[base + RUNGS + k]));
      }
      return new Funnel(RungCounts.of(arrivals), chaoss, cohort);
    }

    /** The periods from the first to the last arrival at any rung inside the window. */
    private List<Period> periods(PeriodUnit unit, ZoneId zone) {
      Instant lo = null;
      Instant hi = null;
      for (Instant[] r : reach) {
        for (Instant t : r) {
          if (t != null && window.contains(t)) {
            lo = lo == null || t.isBefore(lo) ? t : lo;
            hi = hi == null || t.isAfter(hi) ? t : hi;
          }
        }
      }
      if (lo == null) {
        return List.of();
      }
      return Period.covering(new Window(lo, hi.plusNanos(1)), unit, zone);
    }

    /** Time on rung k of the people who passed through it and reached it inside the window. */
    private RungTime timeOn(int k) {
      List<Duration> durations = new ArrayList<>();
      List<Boolean> climbedList = new ArrayList<>();
      List<Duration> climbers = new ArrayList<>();
      for (int p = 0; p < reach.length; p++) {
        Instant t = reach[p][k];
        if (!passed[p][k] || !window.contains(t)) {
          continue;
        }
        Instant up = reach[p][k + 1];
        Duration d = Duration.between(t, up != null ? up : window.end());
        durations.add(d);
        climbedList.add(up != null);
        if (up != null) {
          climbers.add(d);
        }
      }
      boolean[] climbed = new boolean[climbedList.size()];
      for (int j = 0; j < climbed.length; j++) {
        climbed[j] = climbedList.get(j);
      }
      climbers.sort(null);
      return new RungTime(
          Rung.values()[k],
          climbers.size(),
          durations.size() - climbers.size(),
          Survival.quantile(climbers, 1, 2),
          Survival.quantile(climbers, 9, 10),
          Survival.kaplanMeier(durations, climbed, 1, 2),
          Survival.kaplanMeier(durations, climbed, 9, 10));
    }
  }
}
