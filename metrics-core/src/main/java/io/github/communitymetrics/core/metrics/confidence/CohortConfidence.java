package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.DenseIds;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ordered, cohort contributor confidence: of the people whose <em>first</em> star or fork in a
 * {@link RepositoryScope} falls in a window, the share who contribute to that scope afterwards, within a
 * horizon. Where {@link OpenSaucedConfidence} asks "do recent stargazers open pull requests
 * anywhere?", this asks "did they come back to us?".
 *
 * <p><b>Definition.</b> For each person (resolved by {@link People}, so a star by a login and a
 * commit by an e-mail address of the same person meet), let {@code F} be the instant of their
 * first star or fork of a repository in scope, over all the events given before the window's end.
 * The cohort is everyone with {@code window.start <= F < window.end}. A member converts if they
 * make a contribution (one of {@link #contributionTypes()}, credited as {@link ContributionType}
 * says) to a repository in scope at an instant {@code c} with {@code F <= c < F + horizon} and
 * {@code c < asOf}. A contribution at the very instant of the star counts (the store cannot order
 * same-instant events); one before it does not, even if a later one would. Co-authors of commits
 * are not credited. Events at or after {@code asOf} are ignored.
 *
 * <p><b>Right-censoring.</b> A member with {@code F > asOf - horizon} has not been watched for a
 * whole horizon. By default they are left out of the denominator (and of the converters, even if
 * they already contributed: counting only the early converters would bias the rate upwards), and
 * {@link CohortConfidenceResult#censored()} says how many; {@link #withCensoredCounted(boolean)
 * withCensoredCounted(true)} keeps them, as non-converters unless they contributed before {@code
 * asOf}, which biases the rate downwards.
 *
 * <p><b>Bots</b> (as {@link People} resolved them) are left out by default.
 *
 * <p><b>State.</b> Exact across slices cut by repository and by time. Per person key ({@link
 * People#key(int)}), a {@link Track}: {@code F}, the earliest star or fork in scope before the
 * window's end (if any), and the distinct instants of their in-scope contributions in {@code
 * [window.start, min(window.end + horizon, asOf))} that a smaller {@code F} from another slice could
 * still make the first after the star: all of them while {@code F} is unknown; with {@code F}
 * known, those before {@code F} and the first one at or after {@code F} if it is inside the
 * horizon; none once {@code F} is before the window. Merging takes the minimum {@code F}, the union
 * of instants and applies the same rule, so a merged state equals the whole's. A person who never
 * stars in a slice keeps every contribution instant of theirs in that range; {@link #compute}
 * keeps them only until the end of the scan.
 *
 * <p>Instances are immutable.
 */
public final class CohortConfidence
    implements SliceMetric<CohortConfidence.State, CohortConfidenceResult> {

  /** The default horizon: 90 days, a quarter, long enough for most first contributions. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(90);

  /** The default contribution types: pull requests and issues opened, comments, reviews, commits. */
  public static final Set<ContributionType> DEFAULT_CONTRIBUTIONS =
      Collections.unmodifiableSet(
          EnumSet.of(
              ContributionType.PULL_REQUEST_OPENED,
              ContributionType.ISSUE_OPENED,
              ContributionType.COMMENT,
              ContributionType.REVIEW,
              ContributionType.COMMIT));

  /** The default confidence level of the interval. */
  public static final double DEFAULT_LEVEL = 0.95;

  private final RepositoryScope scope;
  private final Window window;
  private final Instant asOf;
  private final Duration horizon;
  private final Set<ContributionType> contributionTypes;
  private final boolean botsExcluded;
  private final boolean censoredCounted;
  private final IntervalMethod method;
  private final double level;
  private final boolean[] contributes = new boolean[EventType.values().length];
  /** Contributions at or after this instant never matter: min(window.end + horizon, asOf). */
  private final Instant contributionEnd;

  private CohortConfidence(
      RepositoryScope scope,
      Window window,
      Instant asOf,
      Duration horizon,
      Set<ContributionType> contributionTypes,
      boolean botsExcluded,
      boolean censoredCounted,
      IntervalMethod method,
      double level) {
    this.scope = Checks.notNull(scope, "scope");
    this.window = Checks.notNull(window, "window");
    this.asOf = Checks.notNull(asOf, "asOf");
    if (window.end().isAfter(asOf)) {
      throw new IllegalArgumentException("window end " + window.end() + " must not be after asOf " + asOf);
    }
    this.horizon = Checks.notNull(horizon, "horizon");
    if (!(!horizon.isNegative() && !horizon.isZero())) {
      throw new IllegalArgumentException("horizon must be positive but was " + horizon);
    }
    Checks.notNull(contributionTypes, "contributionTypes");
    Checks.argument(!contributionTypes.isEmpty(), "contributionTypes must not be empty");
    for (ContributionType t : contributionTypes) {
      for (EventType e : Checks.notNull(t, "contribution type").eventTypes()) {
        contributes[e.ordinal()] = true;
      }
    }
    this.contributionTypes = Collections.unmodifiableSet(EnumSet.copyOf(contributionTypes));
    this.botsExcluded = botsExcluded;
    this.censoredCounted = censoredCounted;
    this.method = Checks.notNull(method, "method");
    ProportionInterval.checkLevel(level);
    this.level = level;
    Instant end = Instant.MAX.minus(horizon).isBefore(window.end()) ? Instant.MAX : window.end().plus(horizon);
    this.contributionEnd = end.isBefore(asOf) ? end : asOf;
  }

  /**
   * The cohort metric with our defaults: horizon {@link #DEFAULT_HORIZON}, contributions {@link
   * #DEFAULT_CONTRIBUTIONS}, bots excluded, censored people left out, a Wilson interval at {@link
   * #DEFAULT_LEVEL}.
   *
   * @param scope the repository or organisation
   * @param window when the first star or fork must fall
   * @param asOf the end of the data considered, not before the window's end
   * @throws IllegalArgumentException if the window ends after {@code asOf}
   */
  public static CohortConfidence defaults(RepositoryScope scope, Window window, Instant asOf) {
    return new CohortConfidence(
        scope,
        window,
        asOf,
        DEFAULT_HORIZON,
        DEFAULT_CONTRIBUTIONS,
        true,
        false,
        IntervalMethod.WILSON,
        DEFAULT_LEVEL);
  }

  /** This metric with another scope. */
  public CohortConfidence withScope(RepositoryScope newScope) {
    return new CohortConfidence(
        newScope, window, asOf, horizon, contributionTypes, botsExcluded, censoredCounted, method,
        level);
  }

  /** This metric with another window and end of data. */
  public CohortConfidence withWindow(Window newWindow, Instant newAsOf) {
    return new CohortConfidence(
        scope, newWindow, newAsOf, horizon, contributionTypes, botsExcluded, censoredCounted,
        method, level);
  }

  /** This metric with another horizon, positive. */
  public CohortConfidence withHorizon(Duration newHorizon) {
    return new CohortConfidence(
        scope, window, asOf, newHorizon, contributionTypes, botsExcluded, censoredCounted, method,
        level);
  }

  /** This metric with other contribution types, a non-empty set. */
  public CohortConfidence withContributionTypes(Set<ContributionType> types) {
    return new CohortConfidence(
        scope, window, asOf, horizon, types, botsExcluded, censoredCounted, method, level);
  }

  /** This metric with or without bots (excluded by default). */
  public CohortConfidence withBotsExcluded(boolean excluded) {
    return new CohortConfidence(
        scope, window, asOf, horizon, contributionTypes, excluded, censoredCounted, method, level);
  }

  /**
   * This metric counting or leaving out the members whose horizon passes {@code asOf} (left out
   * by default; see the class comment for the biases).
   */
  public CohortConfidence withCensoredCounted(boolean counted) {
    return new CohortConfidence(
        scope, window, asOf, horizon, contributionTypes, botsExcluded, counted, method, level);
  }

  /**
   * This metric with another interval.
   *
   * @param newMethod Wilson or Clopper-Pearson
   * @param newLevel the confidence level, strictly between 0 and 1
   */
  public CohortConfidence withInterval(IntervalMethod newMethod, double newLevel) {
    return new CohortConfidence(
        scope, window, asOf, horizon, contributionTypes, botsExcluded, censoredCounted, newMethod,
        newLevel);
  }

  /** The repository or organisation. */
  public RepositoryScope scope() {
    return scope;
  }

  /** When the first star or fork must fall. */
  public Window window() {
    return window;
  }

  /** The end of the data considered (exclusive). */
  public Instant asOf() {
    return asOf;
  }

  /** How long after the first star or fork a contribution still counts. */
  public Duration horizon() {
    return horizon;
  }

  /** Which events count as contributions. */
  public Set<ContributionType> contributionTypes() {
    return contributionTypes;
  }

  /** Whether bots are left out. */
  public boolean botsExcluded() {
    return botsExcluded;
  }

  /** Whether censored members count in the denominator. */
  public boolean censoredCounted() {
    return censoredCounted;
  }

  /** How the interval is computed. */
  public IntervalMethod intervalMethod() {
    return method;
  }

  /** The interval's confidence level. */
  public double level() {
    return level;
  }

  @Override
  public State accumulate(EventStore slice, People people) {
    return accumulate(slice, people, false);
  }

  /**
   * The result over all of {@code events}. Equal to {@code finish(accumulate(events, people))},
   * but keeps no track for people who did not star or fork in scope: with every event at hand, no
   * other slice can make them cohort members.
   */
  @Override
  public CohortConfidenceResult compute(EventStore events, People people) {
    return finish(accumulate(events, people, true));
  }

  private State accumulate(EventStore slice, People people, boolean whole) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    // Exactly the events in scope: with one repository, only its events are read.
    slice = scope.restrict(slice);
    // People are numbered densely as met (the stargazers first), so that the arrays grow with the
    // people of the slice, not with every person of the store.
    DenseIds ids = DenseIds.of(people.size(), slice.size());
    // Pass 1: each person's first star or fork in scope before the window's end. Events are
    // sorted by time, so the first one met is the earliest.
    long[] firstSecond = new long[16];
    int[] firstNano = new int[16];
    EventStore before = slice.slice(new Window(Instant.MIN, window.end()));
    for (int i = 0, n = before.size(); i < n; i++) {
      EventType type = before.type(i);
      if (type == EventType.STAR || type == EventType.FORK) {
        int a = before.actorIndex(i);
        if (botsExcluded && people.isBot(a)) {
          continue;
        }
        int p = people.personOf(a);
        if (ids.get(p) < 0) {
          int id = ids.id(p);
          if (id == firstSecond.length) {
            firstSecond = Arrays.copyOf(firstSecond, 2 * id);
            firstNano = Arrays.copyOf(firstNano, 2 * id);
          }
          firstSecond[id] = before.epochSecond(i);
          firstNano[id] = before.nano(i);
        }
      }
    }
    // The people with ids below this starred or forked.
    int starred = ids.size();
    // Pass 2: contribution instants that the state keeps (see the class comment).
    long windowStartSecond = window.start().getEpochSecond();
    int windowStartNano = window.start().getNano();
    BitSet decided = new BitSet(starred);
    Instants kept = new Instants();
    EventStore during = slice.slice(new Window(window.start(), contributionEnd));
    for (int i = 0, n = during.size(); i < n; i++) {
      EventType type = during.type(i);
      if (!contributes[type.ordinal()]) {
        continue;
      }
      int a = Credit.actorIndex(during, i, type);
      if (a == Credit.NONE || (botsExcluded && people.isBot(a))) {
        continue;
      }
      int p = people.personOf(a);
      int id = ids.get(p);
      if (whole && id < 0) {
        continue;
      }
      if (id < 0) {
        id = ids.id(p);
      } else if (id < starred) {
        long fs = firstSecond[id];
        int fn = firstNano[id];
        if (decided.get(id) || before(fs, fn, windowStartSecond, windowStartNano)) {
          continue;
        }
        if (!Credit.before(during, i, fs, fn)) {
          // The first contribution at or after F decides; later ones never matter.
          decided.set(id);
          if (!insideHorizon(fs, fn, during.epochSecond(i), during.nano(i))) {
            continue;
          }
        }
      }
      kept.add(id, during.epochSecond(i), during.nano(i));
    }
    return new State(tracks(people, ids, starred, firstSecond, firstNano, kept));
  }

  private static boolean before(long s1, int n1, long s2, int n2) {
    return s1 < s2 || (s1 == s2 && n1 < n2);
  }

  /** Whether {@code c < F + horizon}, without building instants. */
  private boolean insideHorizon(long fs, int fn, long cs, int cn) {
    return Duration.ofSeconds(cs - fs, (long) cn - fn).compareTo(horizon) < 0;
  }

  /**
   * The tracks by person key; ids as {@link #accumulate} numbered them, those below {@code
   * starred} for the people who starred or forked.
   */
  private Map<Actor, Track> tracks(
      People people,
      DenseIds ids,
      int starred,
      long[] firstSecond,
      int[] firstNano,
      Instants kept) {
    int[] order = kept.orderByPerson();
    Map<Actor, Track> tracks = new HashMap<>();
    int k = 0;
    BitSet done = new BitSet();
    while (k < order.length) {
      int id = kept.person[order[k]];
      List<Instant> instants = new ArrayList<>();
      for (; k < order.length && kept.person[order[k]] == id; k++) {
        Instant t = Instant.ofEpochSecond(kept.second[order[k]], kept.nano[order[k]]);
        if (instants.isEmpty() || !instants.get(instants.size() - 1).equals(t)) {
          instants.add(t);
        }
      }
      Optional<Instant> first =
          id < starred
              ? Optional.of(Instant.ofEpochSecond(firstSecond[id], firstNano[id]))
              : Optional.empty();
      tracks.put(people.key(ids.key(id)), new Track(first, instants));
      done.set(id);
    }
    for (int id = 0; id < starred; id++) {
      if (!done.get(id)) {
        Instant first = Instant.ofEpochSecond(firstSecond[id], firstNano[id]);
        tracks.put(people.key(ids.key(id)), new Track(Optional.of(first), List.of()));
      }
    }
    return tracks;
  }

  /** Growable columns of (person, instant), in scan (time) order. */
  private static final class Instants {
    int[] person = new int[16];
    long[] second = new long[16];
    int[] nano = new int[16];
    int size;

    void add(int p, long s, int n) {
      if (size == person.length) {
        person = Arrays.copyOf(person, size * 2);
        second = Arrays.copyOf(second, size * 2);
        nano = Arrays.copyOf(nano, size * 2);
      }
      person[size] = p;
      second[size] = s;
      nano[size] = n;
      size++;
    }

    /** Positions grouped by person, time order kept within a person (a stable counting sort). */
    int[] orderByPerson() {
      int max = 0;
      for (int k = 0; k < size; k++) {
        max = Math.max(max, person[k]);
      }
      int[] start = new int[max + 2];
      for (int k = 0; k < size; k++) {
        start[person[k] + 1]++;
      }
      for (int p = 0; p <= max; p++) {
        start[p + 1] += start[p];
      }
      int[] order = new int[size];
      for (int k = 0; k < size; k++) {
        order[start[person[k]]++] = k;
      }
      return order;
    }
  }

  /**
   * The canonical track of a person: the contribution instants kept given their first star or
   * fork {@code first} (the rule of the class comment). Instants must be sorted and distinct.
   */
  Track canonical(Optional<Instant> first, List<Instant> instants) {
    if (first.isEmpty()) {
      return new Track(first, instants);
    }
    Instant f = first.get();
    if (f.isBefore(window.start())) {
      return new Track(first, List.of());
    }
    List<Instant> keep = new ArrayList<>();
    for (Instant c : instants) {
      if (c.isBefore(f)) {
        keep.add(c);
      } else {
        if (Duration.between(f, c).compareTo(horizon) < 0) {
          keep.add(c);
        }
        break;
      }
    }
    return new Track(first, keep);
  }

  /**
   * Layout: per person key, whether and when the first interaction was, then the contribution
   * instants as deltas.
   */
  @Override
  public StateCodec<State> stateCodec() {
    return STATE_CODEC;
  }

  private static final BinaryStateCodec<State> STATE_CODEC =
      BinaryStateCodec.of(
          "cohort-confidence",
          1,
          (s, out) ->
              out.map(
                  s.people(),
                  StateWriter.ACTORS,
                  StateWriter::actor,
                  (o, t) -> {
                    o.bool(t.firstInteraction().isPresent());
                    t.firstInteraction().ifPresent(o::instant);
                    o.instants(t.contributions());
                  }),
          in ->
              new State(
                  in.map(
                      "people",
                      in::actor,
                      a ->
                          new Track(
                              in.bool() ? Optional.of(in.instant()) : Optional.empty(),
                              in.instants()))));

  @Override
  public State merge(State a, State b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Map<Actor, Track> tracks = new HashMap<>(a.people());
    for (Map.Entry<Actor, Track> e : b.people().entrySet()) {
      tracks.merge(e.getKey(), e.getValue(), this::merge);
    }
    return new State(tracks);
  }

  private Track merge(Track x, Track y) {
    Optional<Instant> first;
    if (x.firstInteraction().isEmpty()) {
      first = y.firstInteraction();
    } else if (y.firstInteraction().isEmpty()) {
      first = x.firstInteraction();
    } else {
      Instant fx = x.firstInteraction().get();
      Instant fy = y.firstInteraction().get();
      first = Optional.of(fx.isBefore(fy) ? fx : fy);
    }
    TreeSet<Instant> union = new TreeSet<>(x.contributions());
    union.addAll(y.contributions());
    return canonical(first, new ArrayList<>(union));
  }

  @Override
  public CohortConfidenceResult finish(State state) {
    Checks.notNull(state, "state");
    Instant lastComplete = asOf.minus(horizon);
    int cohort = 0;
    int censored = 0;
    List<Conversion> conversions = new ArrayList<>();
    for (Map.Entry<Actor, Track> e : state.people().entrySet()) {
      Track t = e.getValue();
      if (t.firstInteraction().isEmpty() || !window.contains(t.firstInteraction().get())) {
        continue;
      }
      Instant f = t.firstInteraction().get();
      if (f.isAfter(lastComplete)) {
        censored++;
        if (!censoredCounted) {
          continue;
        }
      }
      cohort++;
      for (Instant c : t.contributions()) {
        if (!c.isBefore(f)) {
          // Kept only if inside the horizon and before asOf (see canonical and the scan).
          conversions.add(new Conversion(e.getKey(), f, c));
          break;
        }
      }
    }
    conversions.sort(
        Comparator.comparing(Conversion::firstInteraction)
            .thenComparing(Conversion::firstContribution)
            .thenComparing(Conversion::person));
    List<Duration> delays = new ArrayList<>(conversions.size());
    for (Conversion c : conversions) {
      delays.add(c.delay());
    }
    OptionalDouble rate =
        cohort == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) conversions.size() / cohort);
    Optional<ProportionInterval> interval =
        cohort == 0
            ? Optional.empty()
            : Optional.of(ProportionInterval.of(method, conversions.size(), cohort, level));
    return new CohortConfidenceResult(
        scope,
        window,
        asOf,
        horizon,
        cohort,
        conversions.size(),
        censored,
        censoredCounted,
        rate,
        interval,
        DelayDistribution.of(delays),
        conversions);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CohortConfidence)) {
      return false;
    }
    CohortConfidence m = (CohortConfidence) o;
    return scope.equals(m.scope)
        && window.equals(m.window)
        && asOf.equals(m.asOf)
        && horizon.equals(m.horizon)
        && contributionTypes.equals(m.contributionTypes)
        && botsExcluded == m.botsExcluded
        && censoredCounted == m.censoredCounted
        && method == m.method
        && Double.compare(level, m.level) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scope, window, asOf, horizon, contributionTypes, botsExcluded, censoredCounted, method,
        level);
  }

  @Override
  public String toString() {
    return "CohortConfidence[scope="
        + scope
        + ", window="
        + window
        + ", asOf="
        + asOf
        + ", horizon="
        + horizon
        + ", contributions="
        + contributionTypes
        + ", botsExcluded="
        + botsExcluded
        + ", censoredCounted="
        + censoredCounted
        + ", interval="
        + method
        + " "
        + level
        + "]";
  }

  /**
   * What the state keeps of one person.
   *
   * @param firstInteraction their earliest star or fork in scope before the window's end, if any
   * @param contributions contribution instants kept (see the class comment), sorted, distinct
   */
  public record Track(Optional<Instant> firstInteraction, List<Instant> contributions) {
    /**
     * Checks the components and copies the list.
     *
     * @throws IllegalArgumentException if the instants are not strictly increasing
     */
    public Track {
      Checks.notNull(firstInteraction, "firstInteraction");
      contributions = List.copyOf(Checks.notNull(contributions, "contributions"));
      for (int i = 1; i < contributions.size(); i++) {
        // An if, not Checks.argument: the message prints the whole list, so build it only to fail.
        if (!contributions.get(i - 1).isBefore(contributions.get(i))) {
          throw new IllegalArgumentException(
              "contributions must be strictly increasing: " + contributions);
        }
      }
    }
  }

  /**
   * The mergeable state of a slice.
   *
   * @param people per person key ({@link People#key(int)}), their track
   */
  public record State(Map<Actor, Track> people) {
    /** Copies the map. */
    public State {
      people = Collections.unmodifiableMap(new TreeMap<>(Checks.notNull(people, "people")));
    }
  }

  /**
   * A cohort member who converted.
   *
   * @param person their key ({@link People#key(int)})
   * @param firstInteraction their first star or fork in scope
   * @param firstContribution their first contribution at or after it
   */
  public record Conversion(Actor person, Instant firstInteraction, Instant firstContribution) {
    /** Checks the components. */
    public Conversion {
      Checks.notNull(person, "person");
      Checks.notNull(firstInteraction, "firstInteraction");
      Checks.notNull(firstContribution, "firstContribution");
      Checks.argument(
          !firstContribution.isBefore(firstInteraction),
          "firstContribution must not be before firstInteraction");
    }

    /** The time from the star or fork to the contribution. */
    public Duration delay() {
      return Duration.between(firstInteraction, firstContribution);
    }
  }

}
