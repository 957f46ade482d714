package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.DenseIds;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Retention and survival of contributors over a window, as of the window's end: new, returning,
 * retained and inactive contributors per calendar period with LFX period-over-period retention,
 * 8Knot active / drifting / away, OpenSauced active / new / alumni, Augur repeat / fly-by, CHAOSS
 * occasional contributors, a cohort retention matrix and a Kaplan-Meier survival curve.
 *
 * <p>History: only contributions inside the window count, so "first contribution" means first in
 * the window; start the window where the data starts. Periods are calendar periods of {@link
 * #unit()} in {@link #zone()} covering the window ({@link Period#covering}); the last may be
 * partial.
 *
 * <p>Survival: a person departed (the event) if their last contribution is at least {@link
 * #departureGap()} before the as-of instant; their duration is their first to last contribution.
 * Everyone else is right-censored at {@code asOf - departureGap - first}: the longest duration
 * whose departure could already have been seen. (Censoring them at their last contribution would
 * be informative: people who left less than the gap ago would count as surviving past their
 * departure, biasing the hazard down.) People whose first contribution lies less than the gap
 * before the as-of instant have no follow-up at all (that difference is negative): not even a
 * departure at duration 0 could be seen yet, so they are counted ({@link
 * RetentionResult#withoutFollowUp()}, {@link SurvivalCurve#withoutFollowUp()}) but are in no risk
 * set. Keeping them at risk at 0 would count every one-time contributor among them as surviving
 * t = 0 and bias S upward. Bands: Greenwood variance on {@link #bandScale()} at {@link #level()}.
 *
 * <p>Immutable; build from a preset ({@link #lfx}, {@link #chaoss}, {@link #openSauced}) and the
 * {@code with...} methods. Bots are excluded unless {@link #withBots(boolean)}.
 */
public final class Retention implements SliceMetric<RetentionState, RetentionResult> {
  private final Window window;
  private final ZoneId zone;
  private final PeriodUnit unit;
  private final Set<ContributionType> types;
  /** Which event types count, by ordinal: computed once, since {@link ContributionType#includes} is not free. */
  private final boolean[] counted;
  private final boolean includeBots;
  private final Duration inactiveAfter;
  private final int activeMonths;
  private final int driftingMonths;
  private final int repeatCount;
  private final Duration repeatWithin;
  private final int occasionalQuietMonths;
  private final int occasionalMaxContributions;
  private final Duration departureGap;
  private final double level;
  private final BandScale bandScale;
  private final RepositoryScope scope;
  /**
   * What {@link #finish} needs of the calendar, computed on first use: it depends on the
   * parameters but not on the scope, so {@link #withScope} passes it on and computing every
   * repository of a store in turn computes it once.
   */
  private volatile Calendar calendar;

  private Retention(
      Window window,
      ZoneId zone,
      PeriodUnit unit,
      Set<ContributionType> types,
      boolean includeBots,
      Duration inactiveAfter,
      int activeMonths,
      int driftingMonths,
      int repeatCount,
      Duration repeatWithin,
      int occasionalQuietMonths,
      int occasionalMaxContributions,
      Duration departureGap,
      double level,
      BandScale bandScale,
      RepositoryScope scope) {
    this.window = Checks.notNull(window, "window");
    this.zone = Checks.notNull(zone, "zone");
    this.unit = Checks.notNull(unit, "unit");
    Checks.notNull(types, "types");
    Checks.argument(!types.isEmpty(), "types must not be empty");
    this.types = Set.copyOf(types);
    this.counted = new boolean[EventType.values().length];
    for (EventType t : EventType.values()) {
      for (ContributionType c : this.types) {
        counted[t.ordinal()] |= c.includes(t);
      }
    }
    this.includeBots = includeBots;
    this.inactiveAfter = positive(inactiveAfter, "inactiveAfter");
    this.activeMonths = Checks.positive(activeMonths, "activeMonths");
    this.driftingMonths = Checks.positive(driftingMonths, "driftingMonths");
    if (!(driftingMonths >= activeMonths)) {
      throw new IllegalArgumentException(
          "driftingMonths (" + driftingMonths + ") must be at least activeMonths (" + activeMonths
              + ")");
    }
    this.repeatCount = Checks.positive(repeatCount, "repeatCount");
    this.repeatWithin = positive(repeatWithin, "repeatWithin");
    this.occasionalQuietMonths = Checks.positive(occasionalQuietMonths, "occasionalQuietMonths");
    this.occasionalMaxContributions =
        Checks.positive(occasionalMaxContributions, "occasionalMaxContributions");
    this.departureGap = positive(departureGap, "departureGap");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1 but was " + level);
    }
    this.level = level;
    this.bandScale = Checks.notNull(bandScale, "bandScale");
    this.scope = Checks.notNull(scope, "scope");
  }

  private static Duration positive(Duration d, String name) {
    Checks.notNull(d, name);
    if (!(d.compareTo(Duration.ZERO) > 0)) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
    return d;
  }

  /**
   * LFX Insights style: any contribution ({@link ContributionType#ANY}), quarterly periods in UTC,
   * and the shared defaults: inactive after 90 days, 8Knot 6 and 12 months, Augur 4 within 365
   * days, occasional = quiet 3 months and at most 12 contributions, departure after a 180-day gap,
   * 95 % log(-log) bands, bots excluded.
   */
  public static Retention lfx(Window window) {
    return new Retention(
        window, ZoneOffset.UTC, PeriodUnit.QUARTER, EnumSet.of(ContributionType.ANY), false,
        Duration.ofDays(90), 6, 12, 4, Duration.ofDays(365), 3, 12, Duration.ofDays(180), 0.95,
        BandScale.LOG_LOG, RepositoryScope.all());
  }

  /** As {@link #lfx} but with calendar months in {@code zone} (CHAOSS reports by month). */
  public static Retention chaoss(Window window, ZoneId zone) {
    return lfx(window).withUnit(PeriodUnit.MONTH).withZone(zone);
  }

  /**
   * OpenSauced: pull requests opened, monthly periods in UTC, so the OpenSauced statuses compare
   * the month before the as-of instant with the month before that (rolling windows, not calendar
   * months).
   */
  public static Retention openSauced(Window window) {
    return lfx(window)
        .withUnit(PeriodUnit.MONTH)
        .withContributionTypes(EnumSet.of(ContributionType.PULL_REQUEST_OPENED));
  }

  private Retention copy(
      Window w, ZoneId z, PeriodUnit u, Set<ContributionType> t, boolean b, Duration ia, int am,
      int dm, int rc, Duration rw, int oq, int om, Duration dg, double l, BandScale bs) {
    return new Retention(w, z, u, t, b, ia, am, dm, rc, rw, oq, om, dg, l, bs, scope);
  }

  /** The window: contributions in it count, and its end is the as-of instant. */
  public Window window() {
    return window;
  }

  /** The time zone whose calendar cuts the periods (and counts the months of 8Knot statuses). */
  public ZoneId zone() {
    return zone;
  }

  /** The period unit. */
  public PeriodUnit unit() {
    return unit;
  }

  /** The contribution types that count (their union). */
  public Set<ContributionType> contributionTypes() {
    return types;
  }

  /** Whether bots count (default {@code false}). */
  public boolean includeBots() {
    return includeBots;
  }

  /** CHAOSS inactive: how long after the last contribution someone counts as inactive. */
  public Duration inactiveAfter() {
    return inactiveAfter;
  }

  /** 8Knot: calendar months before the as-of instant within which a contributor is active. */
  public int activeMonths() {
    return activeMonths;
  }

  /** 8Knot: calendar months within which a contributor who is not active is drifting. */
  public int driftingMonths() {
    return driftingMonths;
  }

  /** Augur: contributions needed to be a repeat contributor. */
  public int repeatCount() {
    return repeatCount;
  }

  /** Augur: the interval after the first contribution (half-open) in which they must fall. */
  public Duration repeatWithin() {
    return repeatWithin;
  }

  /** CHAOSS occasional: calendar months without a contribution before the as-of instant. */
  public int occasionalQuietMonths() {
    return occasionalQuietMonths;
  }

  /**
   * CHAOSS occasional: the most contributions (of {@link #contributionTypes()}, in the window) an
   * occasional contributor has. The CNCF DevStats example counts pull requests ({@link
   * #openSauced} counts only those); {@link #lfx} counts any contribution.
   */
  public int occasionalMaxContributions() {
    return occasionalMaxContributions;
  }

  /** Survival: the inactivity before the as-of instant that makes a last contribution a departure. */
  public Duration departureGap() {
    return departureGap;
  }

  /** The confidence level of the survival bands. */
  public double level() {
    return level;
  }

  /** The scale of the survival bands. */
  public BandScale bandScale() {
    return bandScale;
  }

  /** The repositories whose contributions count (default: all). */
  public RepositoryScope scope() {
    return scope;
  }

  /** Counting only contributions to the repositories of {@code v}. */
  public Retention withScope(RepositoryScope v) {
    Retention r = new Retention(
        window, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths,
        repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap,
        level, bandScale, v);
    r.calendar = calendar(); // computed here once for all the scopes derived from this metric
    return r;
  }

  /** With another window (and so another as-of instant). */
  public Retention withWindow(Window v) {
    return copy(v, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With periods and months in another time zone. */
  public Retention withZone(ZoneId v) {
    return copy(window, v, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With another period unit. */
  public Retention withUnit(PeriodUnit v) {
    return copy(window, zone, v, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** Counting another non-empty set of contribution types. */
  public Retention withContributionTypes(Set<ContributionType> v) {
    return copy(window, zone, unit, v, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With bots counted ({@code true}) or excluded ({@code false}, the default). */
  public Retention withBots(boolean v) {
    return copy(window, zone, unit, types, v, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With another CHAOSS inactivity interval (positive). */
  public Retention withInactiveAfter(Duration v) {
    return copy(window, zone, unit, types, includeBots, v, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With other 8Knot intervals in calendar months ({@code 0 < active <= drifting}). */
  public Retention withActivityMonths(int active, int drifting) {
    return copy(window, zone, unit, types, includeBots, inactiveAfter, active, drifting, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With another Augur rule: {@code count} contributions within {@code within} of the first. */
  public Retention withRepeat(int count, Duration within) {
    return copy(window, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, count, within, occasionalQuietMonths, occasionalMaxContributions, departureGap, level, bandScale);
  }

  /** With another occasional rule: quiet for {@code quietMonths}, at most {@code max} contributions. */
  public Retention withOccasional(int quietMonths, int max) {
    return copy(window, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, quietMonths, max, departureGap, level, bandScale);
  }

  /** With another departure gap (positive). */
  public Retention withDepartureGap(Duration v) {
    return copy(window, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, v, level, bandScale);
  }

  /** With survival bands at another level and scale. */
  public Retention withBands(double lvl, BandScale scale) {
    return copy(window, zone, unit, types, includeBots, inactiveAfter, activeMonths, driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions, departureGap, lvl, scale);
  }

  @Override
  public RetentionState accumulate(EventStore slice, People people) {
    checkArguments(slice, people);
    boolean[] counts = countedTypes();
    // Exactly the events in scope and in the window, in time order.
    EventStore s = scope.restrict(slice).slice(window);
    // Per person met (dense ids, so that one repository of a large store costs its own events):
    // growable arrays of instants, with no allocation per event.
    DenseIds ids = DenseIds.of(people.size(), s.size());
    int[] len = new int[16];
    long[][] byPerson = new long[16][];
    long unattributed = 0;
    for (int i = 0, n = s.size(); i < n; i++) {
      EventType t = s.type(i);
      if (!counts[t.ordinal()]) {
        continue;
      }
      int actor = credited(s, i, t);
      if (actor < 0) {
        unattributed++;
        continue;
      }
      if (!includeBots && people.isBot(actor)) {
        continue;
      }
      int p = ids.id(people.personOf(actor));
      if (p == byPerson.length) {
        byPerson = Arrays.copyOf(byPerson, 2 * p);
        len = Arrays.copyOf(len, 2 * p);
      }
      long[] a = byPerson[p];
      if (a == null) {
        a = new long[4];
        byPerson[p] = a;
      } else if (len[p] == a.length) {
        a = Arrays.copyOf(a, a.length * 2);
        byPerson[p] = a;
      }
      a[len[p]++] = s.epochSecond(i);
    }
    Map<Actor, long[]> times = new HashMap<>();
    for (int p = 0; p < ids.size(); p++) {
      // The slice is in time order, so each person's instants are already sorted.
      // keys of distinct people differ
      times.put(people.key(ids.key(p)), Arrays.copyOf(byPerson[p], len[p]));
    }
    return new RetentionState(times, unattributed);
  }

  /**
   * The calendar periods of this metric's window, in time order: the {@link
   * PeriodRetention#period()} of each of {@link RetentionResult#periods()}.
   */
  public List<Period> periods() {
    return Period.covering(window, unit, zone);
  }

  private static void checkArguments(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    Checks.argument(
        people.store().actors().equals(slice.actors()),
        "people were resolved for another store than the slice");
  }

  /**
   * The actor a counted event credits: its actor, or for a merge the pull request's author; -1
   * for a merge whose source did not name the author.
   */
  private static int credited(EventStore s, int i, EventType t) {
    return t == EventType.PULL_REQUEST_MERGED ? s.secondActorIndex(i) : s.actorIndex(i);
  }

  /** Which event types count, by ordinal. */
  private boolean[] countedTypes() {
    return counted;
  }

  /** {@link RetentionState#CODEC}. */
  @Override
  public StateCodec<RetentionState> stateCodec() {
    return RetentionState.CODEC;
  }

  @Override
  public RetentionState merge(RetentionState a, RetentionState b) {
    Checks.notNull(a, "a");
    return a.merge(b);
  }

  @Override
  public RetentionResult finish(RetentionState state) {
    Checks.notNull(state, "state");
    return finish(state, calendar());
  }

  /**
   * What {@link #finish} needs of the calendar: it depends on the parameters only (not on the
   * scope). Immutable.
   */
  private static final class Calendar {
    final List<Period> periods;
    final long[] starts;
    final long activeSince;
    final long driftingSince;
    final long quietSince;
    final long osCurrentFrom;
    final long osPreviousFrom;

    Calendar(Retention r) {
      Instant asOf = r.window.end();
      periods = Period.covering(r.window, r.unit, r.zone);
      starts = new long[periods.size()];
      for (int k = 0; k < starts.length; k++) {
        starts[k] = periods.get(k).window().start().getEpochSecond();
      }
      activeSince = asOf.atZone(r.zone).minusMonths(r.activeMonths).toInstant().getEpochSecond();
      driftingSince = asOf.atZone(r.zone).minusMonths(r.driftingMonths).toInstant().getEpochSecond();
      quietSince = asOf.atZone(r.zone).minusMonths(r.occasionalQuietMonths).toInstant().getEpochSecond();
      // OpenSauced compares windows ending at the as-of instant, not calendar periods: with a
      // window ending mid-period the last calendar period would be partial.
      osCurrentFrom = r.minusUnits(asOf, 1);
      osPreviousFrom = r.minusUnits(asOf, 2);
    }
  }

  private Calendar calendar() {
    Calendar c = calendar;
    if (c == null) {
      c = new Calendar(this);
      calendar = c; // a race computes it twice, to equal values
    }
    return c;
  }

  private RetentionResult finish(RetentionState state, Calendar calendar) {
    Instant asOf = window.end();
    long asOfS = asOf.getEpochSecond();
    List<Period> periods = calendar.periods;
    int np = periods.size();
    long[] starts = calendar.starts;
    List<List<Actor>> active = lists(np);
    List<List<Actor>> newcomers = lists(np);
    List<List<Actor>> returning = lists(np);
    List<List<Actor>> retained = lists(np);
    List<List<Actor>> inactive = lists(np);
    int[][] cohortCounts = new int[np][];
    List<List<Actor>> cohortMembers = lists(np);
    long activeSince = calendar.activeSince;
    long driftingSince = calendar.driftingSince;
    long quietSince = calendar.quietSince;
    long osCurrentFrom = calendar.osCurrentFrom;
    long osPreviousFrom = calendar.osPreviousFrom;
    List<Actor> act = new ArrayList<>();
    List<Actor> drift = new ArrayList<>();
    List<Actor> away = new ArrayList<>();
    List<Actor> osActive = new ArrayList<>();
    List<Actor> osNew = new ArrayList<>();
    List<Actor> osAlumni = new ArrayList<>();
    List<Actor> repeat = new ArrayList<>();
    List<Actor> flyBy = new ArrayList<>();
    List<Actor> occasional = new ArrayList<>();
    List<Actor> departed = new ArrayList<>();
    List<Actor> censored = new ArrayList<>();
    List<Actor> withoutFollowUp = new ArrayList<>();
    int people = state.times().size();
    long[] durations = new long[people];
    boolean[] events = new boolean[people];
    int idx = 0;
    boolean[] in = new boolean[np];
    for (Map.Entry<Actor, long[]> e : state.times().entrySet()) {
      Actor who = e.getKey();
      long[] t = e.getValue();
      long first = t[0];
      long last = t[t.length - 1];
      Arrays.fill(in, false);
      for (long s : t) {
        in[periodOf(starts, s)] = true;
      }
      int firstP = periodOf(starts, first);
      for (int k = 0; k < np; k++) {
        if (!in[k]) {
          continue;
        }
        active.get(k).add(who);
        if (k == firstP) {
          newcomers.get(k).add(who);
        } else if (!in[k - 1]) {
          returning.get(k).add(who);
        }
        if (k > 0 && in[k - 1]) {
          retained.get(k).add(who);
        }
      }
      if (asOfS - last >= inactiveAfter.getSeconds()) {
        inactive.get(periodOf(starts, last)).add(who);
      }
      cohortMembers.get(firstP).add(who);
      if (cohortCounts[firstP] == null) {
        cohortCounts[firstP] = new int[np - firstP];
      }
      for (int k = firstP; k < np; k++) {
        if (in[k]) {
          cohortCounts[firstP][k - firstP]++;
        }
      }
      (last >= activeSince ? act : last >= driftingSince ? drift : away).add(who);
      boolean now = last >= osCurrentFrom;
      int firstInPrevious = firstAtOrAfter(t, osPreviousFrom);
      boolean before = firstInPrevious < t.length && t[firstInPrevious] < osCurrentFrom;
      if (now && before) {
        osActive.add(who);
      } else if (now) {
        osNew.add(who);
      } else if (before) {
        osAlumni.add(who);
      }
      int within = 0;
      for (long s : t) {
        if (s - first < repeatWithin.getSeconds()) {
          within++;
        }
      }
      (within >= repeatCount ? repeat : flyBy).add(who);
      if (last < quietSince && t.length <= occasionalMaxContributions) {
        occasional.add(who);
      }
      boolean gone = asOfS - last >= departureGap.getSeconds();
      // A departure is only seen once its gap has passed, so everyone is followed until
      // asOf - departureGap. Censoring the still-active at their last contribution instead would
      // keep people whose departure is not visible yet at risk past it, and bias the hazard down.
      long followedFor = asOfS - departureGap.getSeconds() - first;
      if (gone) {
        events[idx] = true;
        durations[idx] = last - first;
        departed.add(who);
        idx++;
      } else if (followedFor >= 0) {
        // Not departed, so last - first > followedFor: at risk up to and at followedFor (even 0).
        durations[idx] = followedFor;
        censored.add(who);
        idx++;
      } else {
        // First contribution within the gap before asOf: no departure could have been seen yet,
        // not even at duration 0. Censored at 0 they would be at risk when the one-time
        // contributors depart (t = 0) and all count as surviving it: S biased upward.
        withoutFollowUp.add(who);
      }
    }
    List<PeriodRetention> rows = new ArrayList<>(np);
    for (int k = 0; k < np; k++) {
      OptionalDouble pct = OptionalDouble.empty();
      OptionalInt pts = OptionalInt.empty();
      if (k > 0 && !active.get(k - 1).isEmpty()) {
        double r = 100.0 * retained.get(k).size() / active.get(k - 1).size();
        pct = OptionalDouble.of(r);
        pts = OptionalInt.of(PeriodRetention.lfxPoints(r));
      }
      rows.add(
          new PeriodRetention(
              periods.get(k), active.get(k), newcomers.get(k), returning.get(k), retained.get(k),
              inactive.get(k), pct, pts));
    }
    List<CohortRow> cohorts = new ArrayList<>();
    for (int k = 0; k < np; k++) {
      if (cohortCounts[k] != null) {
        List<Integer> counts = new ArrayList<>();
        for (int c : cohortCounts[k]) {
          counts.add(c);
        }
        cohorts.add(new CohortRow(periods.get(k), cohortMembers.get(k), counts));
      }
    }
    SurvivalCurve curve = SurvivalCurve.kaplanMeier(
        Arrays.copyOf(durations, idx), Arrays.copyOf(events, idx), withoutFollowUp.size(), level,
        bandScale);
    return new RetentionResult(
        this, asOf, rows, act, drift, away, osActive, osNew, osAlumni, repeat, flyBy, occasional,
        cohorts, curve, departed, censored, withoutFollowUp, state.unattributedMerges());
  }

  private static List<List<Actor>> lists(int n) {
    List<List<Actor>> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(new ArrayList<>());
    }
    return l;
  }

  /** The epoch second {@code n} periods of {@link #unit} before {@code asOf} in {@link #zone}. */
  private long minusUnits(Instant asOf, int n) {
    ZonedDateTime z = asOf.atZone(zone);
    switch (unit) {
      case DAY:
        z = z.minusDays(n);
        break;
      case ISO_WEEK:
        z = z.minusWeeks(n);
        break;
      case MONTH:
        z = z.minusMonths(n);
        break;
      case QUARTER:
        z = z.minusMonths(3L * n);
        break;
      case YEAR:
        z = z.minusYears(n);
        break;
      default:
        throw new AssertionError(unit);
    }
    return z.toInstant().getEpochSecond();
  }

  /** The index of the first element of sorted {@code t} at or after {@code s} ({@code t.length} if none). */
  private static int firstAtOrAfter(long[] t, long s) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] < s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the period containing second {@code s}; starts are increasing. */
  private static int periodOf(long[] starts, long s) {
    int i = Arrays.binarySearch(starts, s);
    return i >= 0 ? i : -i - 2;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Retention)) {
      return false;
    }
    Retention r = (Retention) o;
    return window.equals(r.window) && zone.equals(r.zone) && unit == r.unit && types.equals(r.types)
        && includeBots == r.includeBots && inactiveAfter.equals(r.inactiveAfter)
        && activeMonths == r.activeMonths && driftingMonths == r.driftingMonths
        && repeatCount == r.repeatCount && repeatWithin.equals(r.repeatWithin)
        && occasionalQuietMonths == r.occasionalQuietMonths
        && occasionalMaxContributions == r.occasionalMaxContributions
        && departureGap.equals(r.departureGap) && Double.compare(level, r.level) == 0
        && bandScale == r.bandScale && scope.equals(r.scope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(window, zone, unit, types, includeBots, inactiveAfter, activeMonths,
        driftingMonths, repeatCount, repeatWithin, occasionalQuietMonths, occasionalMaxContributions,
        departureGap, level, bandScale, scope);
  }

  @Override
  public String toString() {
    return "Retention[" + window + ", " + zone + ", " + unit + ", " + types + ", bots=" + includeBots
        + ", departureGap=" + departureGap + ", " + scope + "]";
  }
}
