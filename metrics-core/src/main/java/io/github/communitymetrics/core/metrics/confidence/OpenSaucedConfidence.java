package io.github.communitymetrics.core.metrics.confidence;

import java.util.Comparator;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OpenSauced's contributor confidence of one repository, as their API computes it: "how likely is
 * someone who stars or forks the repository to come back and contribute?".
 *
 * <p><b>Definition</b> (preset {@link #openSauced}, api PR #844, June 2024). The window is the
 * {@code range} days before {@code asOf}, half-open {@code [asOf - range, asOf)}. S is the set of
 * distinct lower-cased logins that starred the repository inside the window, F the same for
 * forkers. For each such login, look at the pull request events they authored inside the same
 * window in <em>any</em> repository of the events given: weight {@code 1} if one of them is in
 * this repository; otherwise {@code 0.5} for a stargazer and {@code 0.75} for a forker if their
 * pull request events span at least 2 distinct repositories; otherwise 0. Then
 *
 * <pre>confidence = 1/2 * (sum of weights over S) / |S| + 1/2 * (sum over F) / |F|</pre>
 *
 * <p>where a side with no users contributes 0 (so a repository with stars and no forks in the
 * window tops out at 50 %), shown as {@code floor(100 * confidence)} percent and read as a {@link
 * ConfidenceLevel}. The earlier rule (preset {@link #openSauced202403}, api PR #649, March 2024)
 * gives {@code 0.1} per stargazer and {@code 0.5} per forker whose pull request events span more
 * than one repository (this one included), with the same halves formula.
 *
 * <p><b>Faithful choices, on purpose.</b>
 *
 * <ul>
 *   <li>No ordering: a pull request before the star counts.
 *   <li>No bot filter and the owner is not excluded ({@link #withBotsExcluded} can drop bots).
 *   <li>People are logins, not resolved persons: {@link Actor#login()} lower-cased ({@link
 *       Locale#ROOT}); actors without a login (bare git identities) are ignored, and so are
 *       actors of another forge than the repository's, whose logins are a different namespace.
 *   <li>"Pull request events they authored" follows OpenSauced's table, which files every pull
 *       request event under the pull request's author: by default {@link
 *       EventType#PULL_REQUEST_OPENED} (credited to its actor, the author), and {@link
 *       EventType#PULL_REQUEST_CLOSED} and {@link EventType#PULL_REQUEST_MERGED} credited to the
 *       pull request's author when the source names it (never to whoever closed or merged).
 *       {@link EventType#PULL_REQUEST_REOPENED} is not supported: our event does not record the
 *       pull request's author, and its actor may be a maintainer.
 *   <li>The range is capped at {@value #RANGE_CAP_DAYS} days as OpenSauced's June 2024 rule does:
 *       a longer range is silently shortened, like theirs; {@link #withRangeCapped(boolean)
 *       withRangeCapped(false)} lifts the cap.
 *   <li>The percent is floored from the exact decimal value of the weights, not from a binary
 *       double, so that 0.3 is 30 %, not 29 %.
 * </ul>
 *
 * <p><b>State.</b> Because the pull requests may be in other repositories and the star in another
 * slice, the metric reads the whole store inside the window, and the state keeps the sets S and F
 * and, for every login with pull request events in the window, whether one is in this repository
 * and the smallest {@code minRepositories} distinct repositories (in {@link Repository} order) of
 * its pull request events: enough to decide the "at least n repositories" test exactly, and the
 * same whatever the slicing, so merged states equal the whole's.
 *
 * <p>Instances are immutable.
 */
public final class OpenSaucedConfidence
    implements SliceMetric<OpenSaucedConfidence.State, OpenSaucedConfidenceResult> {

  /** The longest range, in days, OpenSauced's June 2024 rule allows. */
  public static final int RANGE_CAP_DAYS = 90;

  /** The default range, in days, of both presets. */
  public static final int DEFAULT_RANGE_DAYS = 30;

  private static final Set<EventType> PULL_REQUEST_TYPES =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventType.PULL_REQUEST_OPENED,
              EventType.PULL_REQUEST_CLOSED,
              EventType.PULL_REQUEST_MERGED));

  private final Repository repository;
  private final Instant asOf;
  private final int rangeDays;
  private final boolean rangeCapped;
  private final Weights weights;
  private final Set<EventType> pullRequestEvents;
  private final boolean botsExcluded;
  private final boolean[] countsAsPullRequest = new boolean[EventType.values().length];

  private OpenSaucedConfidence(
      Repository repository,
      Instant asOf,
      int rangeDays,
      boolean rangeCapped,
      Weights weights,
      Set<EventType> pullRequestEvents,
      boolean botsExcluded) {
    this.repository = Checks.notNull(repository, "repository");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.rangeDays = Checks.positive(rangeDays, "rangeDays");
    this.rangeCapped = rangeCapped;
    this.weights = Checks.notNull(weights, "weights");
    Checks.notNull(pullRequestEvents, "pullRequestEvents");
    Checks.argument(!pullRequestEvents.isEmpty(), "pullRequestEvents must not be empty");
    for (EventType t : pullRequestEvents) {
      if (!(PULL_REQUEST_TYPES.contains(Checks.notNull(t, "pull request event type")))) {
        throw new IllegalArgumentException("pullRequestEvents must be among " + PULL_REQUEST_TYPES + " but contained " + t);
      }
      countsAsPullRequest[t.ordinal()] = true;
    }
    this.pullRequestEvents = Collections.unmodifiableSet(EnumSet.copyOf(pullRequestEvents));
    this.botsExcluded = botsExcluded;
    // The window must be representable.
    window();
  }

  /**
   * OpenSauced's rule since api PR #844 (June 2024): weights 1 (a pull request in this
   * repository), 0.5 (stargazer) and 0.75 (forker) with pull requests in at least 2 repositories;
   * range {@value #DEFAULT_RANGE_DAYS} days, capped at {@value #RANGE_CAP_DAYS}; no bot filter.
   *
   * @param repository the repository starred and forked
   * @param asOf the end of the window, exclusive (OpenSauced's "now")
   */
  public static OpenSaucedConfidence openSauced(Repository repository, Instant asOf) {
    return new OpenSaucedConfidence(
        repository,
        asOf,
        DEFAULT_RANGE_DAYS,
        true,
        Weights.JUNE_2024,
        PULL_REQUEST_TYPES,
        false);
  }

  /**
   * OpenSauced's earlier rule, api PR #649 (March 2024): 0.1 per stargazer and 0.5 per forker
   * whose pull request events span more than one repository; same halves, window and filters as
   * {@link #openSauced}.
   *
   * @param repository the repository starred and forked
   * @param asOf the end of the window, exclusive
   */
  public static OpenSaucedConfidence openSauced202403(Repository repository, Instant asOf) {
    return openSauced(repository, asOf).withWeights(Weights.MARCH_2024);
  }

  /** This metric for another repository. */
  public OpenSaucedConfidence withRepository(Repository newRepository) {
    return new OpenSaucedConfidence(
        newRepository, asOf, rangeDays, rangeCapped, weights, pullRequestEvents, botsExcluded);
  }

  /** This metric with another end of the window (exclusive). */
  public OpenSaucedConfidence withAsOf(Instant newAsOf) {
    return new OpenSaucedConfidence(
        repository, newAsOf, rangeDays, rangeCapped, weights, pullRequestEvents, botsExcluded);
  }

  /**
   * This metric with another range.
   *
   * @param days the window's length in days, positive; shortened to {@value #RANGE_CAP_DAYS} while
   *     the cap applies
   * @throws IllegalArgumentException if {@code days} is not positive
   */
  public OpenSaucedConfidence withRange(int days) {
    return new OpenSaucedConfidence(
        repository, asOf, days, rangeCapped, weights, pullRequestEvents, botsExcluded);
  }

  /**
   * This metric with or without OpenSauced's {@value #RANGE_CAP_DAYS}-day cap on the range.
   *
   * @param capped {@code true} (the presets) to shorten longer ranges to the cap, {@code false} to
   *     use the range as given
   */
  public OpenSaucedConfidence withRangeCapped(boolean capped) {
    return new OpenSaucedConfidence(
        repository, asOf, rangeDays, capped, weights, pullRequestEvents, botsExcluded);
  }

  /** This metric with other weights. */
  public OpenSaucedConfidence withWeights(Weights newWeights) {
    return new OpenSaucedConfidence(
        repository, asOf, rangeDays, rangeCapped, newWeights, pullRequestEvents, botsExcluded);
  }

  /**
   * This metric with other pull request events counted as "authored" by a login.
   *
   * @param types a non-empty subset of {@code PULL_REQUEST_OPENED}, {@code PULL_REQUEST_CLOSED}
   *     and {@code PULL_REQUEST_MERGED}; the last two credit the pull request's author
   * @throws IllegalArgumentException for an empty set or another type
   */
  public OpenSaucedConfidence withPullRequestEvents(Set<EventType> types) {
    return new OpenSaucedConfidence(
        repository, asOf, rangeDays, rangeCapped, weights, types, botsExcluded);
  }

  /**
   * This metric with or without bots (by the {@link People}' resolution). OpenSauced keeps them,
   * so the presets do.
   */
  public OpenSaucedConfidence withBotsExcluded(boolean excluded) {
    return new OpenSaucedConfidence(
        repository, asOf, rangeDays, rangeCapped, weights, pullRequestEvents, excluded);
  }

  /** The repository starred and forked. */
  public Repository repository() {
    return repository;
  }

  /** The end of the window, exclusive. */
  public Instant asOf() {
    return asOf;
  }

  /** The range asked for, in days (see {@link #effectiveRangeDays()}). */
  public int rangeDays() {
    return rangeDays;
  }

  /** Whether the {@value #RANGE_CAP_DAYS}-day cap applies. */
  public boolean rangeCapped() {
    return rangeCapped;
  }

  /** The range used, in days: the range, capped when the cap applies. */
  public int effectiveRangeDays() {
    return rangeCapped ? Math.min(rangeDays, RANGE_CAP_DAYS) : rangeDays;
  }

  /** The window: {@code [asOf - effectiveRangeDays, asOf)}. */
  public Window window() {
    return Window.endingAt(asOf, Duration.ofDays(effectiveRangeDays()));
  }

  /** The weights. */
  public Weights weights() {
    return weights;
  }

  /** The pull request event types that count as authored by a login. */
  public Set<EventType> pullRequestEvents() {
    return pullRequestEvents;
  }

  /** Whether bots are left out (not in the presets). */
  public boolean botsExcluded() {
    return botsExcluded;
  }

  @Override
  public State accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    EventStore s = slice.slice(window());
    int target = s.indexOf(repository).orElse(-1);
    Logins logins = new Logins(s, people);
    int k = weights.minRepositories();
    BitSet stars = new BitSet();
    BitSet forks = new BitSet();
    BitSet inRepository = new BitSet();
    BitSet withPullRequests = new BitSet();
    int[] smallest = new int[64 * k];
    for (int i = 0, n = s.size(); i < n; i++) {
      EventType type = s.type(i);
      if (type == EventType.STAR || type == EventType.FORK) {
        if (s.repositoryIndex(i) == target) {
          int id = logins.id(s.actorIndex(i));
          if (id >= 0) {
            (type == EventType.STAR ? stars : forks).set(id);
          }
        }
      } else if (countsAsPullRequest[type.ordinal()]) {
        int actor = Credit.actorIndex(s, i, type);
        int id = actor == Credit.NONE ? -1 : logins.id(actor);
        if (id < 0) {
          continue;
        }
        int r = s.repositoryIndex(i);
        if (r == target) {
          inRepository.set(id);
        }
        smallest = addFootprint(smallest, withPullRequests, id, k, r);
      }
    }
    Map<String, Footprint> footprints = new HashMap<>();
    for (int id = withPullRequests.nextSetBit(0); id >= 0; id = withPullRequests.nextSetBit(id + 1)) {
      List<Repository> repos = new ArrayList<>(k);
      for (int j = id * k; j < (id + 1) * k && smallest[j] >= 0; j++) {
        repos.add(s.repository(smallest[j]));
      }
      footprints.put(logins.login(id), new Footprint(inRepository.get(id), repos));
    }
    return new State(logins.logins(stars), logins.logins(forks), footprints);
  }

  /**
   * The result over all of {@code events}: equal to {@code finish(accumulate(events, people))},
   * but reads only this repository's events in the window besides the pull request footprints of
   * the window, which it computes once per store and shares with every metric of the same
   * parameters but the repository (a cache of the last ones computed). So computing the metric
   * for each repository of a store in turn ({@link
   * io.github.communitymetrics.core.metrics.EachRepository})
   * costs one pass over the window plus each repository's own events, not repositories times the
   * window. With every event at hand, the footprints of people who neither starred nor forked the
   * repository are not needed, so the state built here keeps only the stargazers' and forkers'.
   */
  @Override
  public OpenSaucedConfidenceResult compute(EventStore events, People people) {
    Checks.notNull(events, "events");
    Checks.notNull(people, "people");
    Footprints all = footprintsOf(events, people);
    EventStore mine = events.slice(repository).slice(window());
    Forge forge = repository.forge();
    // Login ids (People's) of this repository's forge that starred, forked, or authored a pull
    // request event here; the filters are accumulate's (Logins.id).
    Set<Integer> stars = new HashSet<>();
    Set<Integer> forks = new HashSet<>();
    Set<Integer> here = new HashSet<>();
    for (int i = 0, n = mine.size(); i < n; i++) {
      EventType type = mine.type(i);
      boolean starOrFork = type == EventType.STAR || type == EventType.FORK;
      if (!starOrFork && !countsAsPullRequest[type.ordinal()]) {
        continue;
      }
      int actor = starOrFork ? mine.actorIndex(i) : Credit.actorIndex(mine, i, type);
      int login = actor == Credit.NONE ? -1 : people.loginId(actor);
      if (login < 0
          || !people.loginForge(login).equals(forge)
          || (botsExcluded && people.isBot(actor))) {
        continue;
      }
      (type == EventType.STAR ? stars : type == EventType.FORK ? forks : here).add(login);
    }
    // finish(State) of these users and their footprints, without the State: only the logins
    // that count are spelled (People.login rebuilds an actor and lower-cases its login), and no
    // sorted set of every stargazer's login is made. Spelling and sorting all of them was most of
    // this metric's time on a GH Archive-shaped day, where few stargazers have a footprint.
    return result(
        side(stars, here, all, events, people, weights.stargazer()),
        stars.size(),
        side(forks, here, all, events, people, weights.forker()),
        forks.size());
  }

  /**
   * {@link #side(Set, State, double)} of the users with these login ids: the same weights, sum and
   * logins (ascending), from the footprints of the whole store.
   */
  private Side side(
      Set<Integer> users, Set<Integer> here, Footprints all, EventStore events, People people, double elsewhere) {
    List<WeightedLogin> counted = new ArrayList<>();
    for (int login : users) {
      List<Repository> repos = all.repositories(login, events);
      if (repos.isEmpty()) {
        continue; // no footprint: weight 0, as in side(Set, State, double)
      }
      double w = weights.weightOf(new Footprint(here.contains(login), repos), elsewhere);
      if (w > 0) {
        counted.add(new WeightedLogin(people.login(login), w));
      }
    }
    return Side.of(counted);
  }

  /**
   * The smallest {@link Weights#minRepositories()} repositories (store indices, ascending, padded
   * with -1) of each login's counted pull request events in the window, by People's login id:
   * what {@link #accumulate} derives per login, for the whole store at once.
   */
  private static final class Footprints {
    private final int k;
    private final int[] smallest;
    private final BitSet withPullRequests;

    Footprints(int k, int[] smallest, BitSet withPullRequests) {
      this.k = k;
      this.smallest = smallest;
      this.withPullRequests = withPullRequests;
    }

    /** The login's repositories, ascending; empty if it has no counted pull request event. */
    List<Repository> repositories(int login, EventStore store) {
      if (!withPullRequests.get(login)) {
        return List.of();
      }
      List<Repository> repos = new ArrayList<>(k);
      for (int j = login * k; j < (login + 1) * k && smallest[j] >= 0; j++) {
        repos.add(store.repository(smallest[j]));
      }
      return repos;
    }
  }

  /** One pass over the window's pull request events of {@code store}. */
  private Footprints footprints(EventStore store, People people) {
    EventStore s = store.slice(window());
    int k = weights.minRepositories();
    BitSet withPullRequests = new BitSet();
    int[] smallest = new int[64 * k];
    for (int i = 0, n = s.size(); i < n; i++) {
      EventType type = s.type(i);
      if (!countsAsPullRequest[type.ordinal()]) {
        continue;
      }
      int actor = Credit.actorIndex(s, i, type);
      int login = actor == Credit.NONE ? -1 : people.loginId(actor);
      if (login < 0 || (botsExcluded && people.isBot(actor))) {
        continue;
      }
      smallest = addFootprint(smallest, withPullRequests, login, k, s.repositoryIndex(i));
    }
    return new Footprints(k, smallest, withPullRequests);
  }

  /**
   * The footprints last computed, by any metric: a cache of a pure function of the store, the
   * people and the parameters that shape footprints, so that computing the metric for each
   * repository of a store in turn (however each repository's metric is built) reads the window
   * once. It holds the store and the people weakly and the footprints (an int per login and
   * repository bound) until another store or parameters replace them; racing threads compute
   * equal footprints.
   */
  private static volatile FootprintsEntry lastFootprints;

  private record FootprintsEntry(
      java.lang.ref.WeakReference<EventStore> store,
      java.lang.ref.WeakReference<People> people,
      Window window,
      int minRepositories,
      Set<EventType> pullRequestEvents,
      boolean botsExcluded,
      Footprints footprints) {}

  /** The footprints of {@code store}'s window for these parameters, from the cache if there. */
  private Footprints footprintsOf(EventStore store, People people) {
    Window w = window();
    FootprintsEntry e = lastFootprints;
    if (e != null
        && e.store().get() == store
        && e.people().get() == people
        && e.window().equals(w)
        && e.minRepositories() == weights.minRepositories()
        && e.pullRequestEvents().equals(pullRequestEvents)
        && e.botsExcluded() == botsExcluded) {
      return e.footprints();
    }
    Footprints f = footprints(store, people);
    lastFootprints = new FootprintsEntry(
        new java.lang.ref.WeakReference<>(store), new java.lang.ref.WeakReference<>(people), w,
        weights.minRepositories(), pullRequestEvents, botsExcluded, f);
    return f;
  }

  /**
   * Records a pull request event of login {@code id} in store repository {@code r}: marks the
   * login in {@code withPullRequests} and keeps {@code r} if it is among the login's {@code k}
   * smallest repositories. Returns {@code smallest}, grown when the login is new and beyond it.
   */
  private static int[] addFootprint(int[] smallest, BitSet withPullRequests, int id, int k, int r) {
    int[] a = smallest;
    if (!withPullRequests.get(id)) {
      withPullRequests.set(id);
      if ((id + 1) * k > a.length) {
        a = Arrays.copyOf(a, Math.max(a.length * 2, (id + 1) * k));
      }
      Arrays.fill(a, id * k, (id + 1) * k, -1);
    }
    insertSmallest(a, id * k, k, r);
    return a;
  }

  /**
   * Inserts store repository index {@code r} into the ascending run {@code a[from, from + k)}
   * (padded with -1) if it is among the k smallest and not there yet. Store indices follow {@link
   * Repository} order, so these are the k smallest repositories.
   */
  private static void insertSmallest(int[] a, int from, int k, int r) {
    for (int j = from; j < from + k; j++) {
      if (a[j] == r) {
        return;
      }
      if (a[j] < 0 || r < a[j]) {
        System.arraycopy(a, j, a, j + 1, from + k - j - 1);
        a[j] = r;
        return;
      }
    }
  }

  /**
   * Layout: the stargazers and forkers (sorted), then per pull request author whether they
   * contributed here and the first repositories they contributed to elsewhere.
   */
  @Override
  public StateCodec<State> stateCodec() {
    return STATE_CODEC;
  }

  private static final BinaryStateCodec<State> STATE_CODEC =
      BinaryStateCodec.of(
          "opensauced-confidence",
          1,
          (s, out) ->
              out.list(s.stargazers(), StateWriter::sharedString)
                  .list(s.forkers(), StateWriter::sharedString)
                  .map(
                      s.pullRequests(),
                      Comparator.naturalOrder(),
                      StateWriter::sharedString,
                      (o, f) -> o.bool(f.inRepository()).list(f.repositories(), StateWriter::repository)),
          in ->
              new State(
                  in.set("stargazers", in::sharedString),
                  in.set("forkers", in::sharedString),
                  in.map(
                      "pull request authors",
                      in::sharedString,
                      k -> new Footprint(in.bool(), in.list("repositories", in::repository)))));

  @Override
  public State merge(State a, State b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Set<String> stars = new HashSet<>(a.stargazers());
    stars.addAll(b.stargazers());
    Set<String> forks = new HashSet<>(a.forkers());
    forks.addAll(b.forkers());
    Map<String, Footprint> footprints = new HashMap<>(a.pullRequests());
    for (Map.Entry<String, Footprint> e : b.pullRequests().entrySet()) {
      footprints.merge(
          e.getKey(), e.getValue(), (x, y) -> x.merge(y, weights.minRepositories()));
    }
    return new State(stars, forks, footprints);
  }

  @Override
  public OpenSaucedConfidenceResult finish(State state) {
    Checks.notNull(state, "state");
    return result(
        side(state.stargazers(), state, weights.stargazer()),
        state.stargazers().size(),
        side(state.forkers(), state, weights.forker()),
        state.forkers().size());
  }

  /** The result of {@code s} stargazers and {@code f} forkers, weighed as {@code stars} and {@code forks}. */
  private OpenSaucedConfidenceResult result(Side stars, int s, Side forks, int f) {
    // confidence = sumS / (2|S|) + sumF / (2|F|), exactly, as one fraction num / den.
    BigDecimal[] fraction = fraction(stars.exact, s, forks.exact, f);
    BigDecimal num = fraction[0];
    BigDecimal den = fraction[1];
    int percent = floorPercent(num, den);
    double confidence = num.divide(den, MathContext.DECIMAL64).doubleValue();
    return new OpenSaucedConfidenceResult(
        repository,
        window(),
        confidence,
        percent,
        ConfidenceLevel.ofPercent(percent),
        s,
        f,
        stars.exact.doubleValue(),
        forks.exact.doubleValue(),
        stars.counted,
        forks.counted);
  }

  /** {@code {num, den}} of {@code starSum / (2 s) + forkSum / (2 f)}, a side left out when it has no user. */
  private static BigDecimal[] fraction(BigDecimal starSum, int s, BigDecimal forkSum, int f) {
    if (s > 0 && f > 0) {
      return new BigDecimal[] {
        starSum.multiply(BigDecimal.valueOf(f)).add(forkSum.multiply(BigDecimal.valueOf(s))),
        BigDecimal.valueOf(2L * s * f)
      };
    } else if (s > 0) {
      return new BigDecimal[] {starSum, BigDecimal.valueOf(2L * s)};
    } else if (f > 0) {
      return new BigDecimal[] {forkSum, BigDecimal.valueOf(2L * f)};
    }
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE};
  }

  /** {@code floor(100 * num / den)}, exactly. */
  static int floorPercent(BigDecimal num, BigDecimal den) {
    return num.multiply(BigDecimal.valueOf(100)).divide(den, 0, RoundingMode.FLOOR).intValueExact();
  }

  private static final class Side {
    final BigDecimal exact;
    final List<WeightedLogin> counted;

    Side(BigDecimal exact, List<WeightedLogin> counted) {
      this.exact = exact;
      this.counted = counted;
    }

    /** The side of these weighed logins (any order): their exact sum, the logins ascending. */
    static Side of(List<WeightedLogin> counted) {
      counted.sort(Comparator.comparing(WeightedLogin::login));
      BigDecimal sum = BigDecimal.ZERO;
      for (WeightedLogin c : counted) {
        // valueOf gives the weight's shortest decimal form: 0.1 is one tenth, not 0.1000000000000000055.
        sum = sum.add(BigDecimal.valueOf(c.weight()));
      }
      return new Side(sum, List.copyOf(counted));
    }
  }

  private Side side(Set<String> users, State state, double elsewhere) {
    List<WeightedLogin> counted = new ArrayList<>();
    for (String login : users) {
      Footprint fp = state.pullRequests().get(login);
      double w = fp == null ? 0 : weights.weightOf(fp, elsewhere);
      if (w > 0) {
        counted.add(new WeightedLogin(login, w));
      }
    }
    return Side.of(counted);
  }

  /** Lower-cased logins of the store's actors, numbered densely as they are first met. */
  private final class Logins {
    private final EventStore store;
    private final People people;
    private final int[] idOfActor;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> byId = new ArrayList<>();

    Logins(EventStore store, People people) {
      this.store = store;
      this.people = people;
      this.idOfActor = new int[store.actors().size()];
      Arrays.fill(idOfActor, -2);
    }

    /** The login id of the actor, or -1 if the actor does not count. */
    int id(int actorIndex) {
      int id = idOfActor[actorIndex];
      if (id == -2) {
        int known = people.loginId(actorIndex);
        if (known < 0
            || !people.loginForge(known).equals(repository.forge())
            || (botsExcluded && people.isBot(actorIndex))) {
          id = -1;
        } else {
          String login = people.login(known);
          id = ids.computeIfAbsent(login, l -> {
            byId.add(l);
            return byId.size() - 1;
          });
        }
        idOfActor[actorIndex] = id;
      }
      return id;
    }

    String login(int id) {
      return byId.get(id);
    }

    Set<String> logins(BitSet ids) {
      Set<String> set = new HashSet<>();
      for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
        set.add(byId.get(id));
      }
      return set;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OpenSaucedConfidence)) {
      return false;
    }
    OpenSaucedConfidence m = (OpenSaucedConfidence) o;
    return repository.equals(m.repository)
        && asOf.equals(m.asOf)
        && rangeDays == m.rangeDays
        && rangeCapped == m.rangeCapped
        && weights.equals(m.weights)
        && pullRequestEvents.equals(m.pullRequestEvents)
        && botsExcluded == m.botsExcluded;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        repository, asOf, rangeDays, rangeCapped, weights, pullRequestEvents, botsExcluded);
  }

  @Override
  public String toString() {
    return "OpenSaucedConfidence[repository="
        + repository
        + ", window="
        + window()
        + ", weights="
        + weights
        + ", pullRequestEvents="
        + pullRequestEvents
        + ", botsExcluded="
        + botsExcluded
        + "]";
  }

  /**
   * How much a stargazer or forker with pull request events in the window weighs.
   *
   * <p>A login weighs {@code inRepository} if that is present and one of its pull request events
   * is in the repository; otherwise {@code stargazer} (or {@code forker}) if its pull request
   * events span at least {@code minRepositories} distinct repositories, this one included;
   * otherwise 0.
   *
   * @param inRepository the weight of a pull request in the repository itself; empty when the
   *     rule has no such case (March 2024)
   * @param stargazer a stargazer's weight with pull requests in enough repositories, 0 to 1
   * @param forker a forker's weight with pull requests in enough repositories, 0 to 1
   * @param minRepositories how many distinct repositories "enough" is, at least 1
   */
  public record Weights(
      OptionalDouble inRepository, double stargazer, double forker, int minRepositories) {

    /** api PR #844 (June 2024): 1 in the repository, else 0.5 / 0.75 with 2 or more repositories. */
    public static final Weights JUNE_2024 = new Weights(OptionalDouble.of(1), 0.5, 0.75, 2);

    /** api PR #649 (March 2024): 0.1 / 0.5 with pull requests in more than one repository. */
    public static final Weights MARCH_2024 = new Weights(OptionalDouble.empty(), 0.1, 0.5, 2);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a weight is outside 0 to 1 or {@code minRepositories <
     *     1}
     */
    public Weights {
      Checks.notNull(inRepository, "inRepository");
      inRepository.ifPresent(w -> checkWeight(w, "inRepository"));
      checkWeight(stargazer, "stargazer");
      checkWeight(forker, "forker");
      Checks.positive(minRepositories, "minRepositories");
    }

    private static void checkWeight(double w, String name) {
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException(name + " weight must be between 0 and 1 but was " + w);
      }
    }

    double weightOf(Footprint fp, double elsewhere) {
      if (inRepository.isPresent() && fp.inRepository()) {
        return inRepository.getAsDouble();
      }
      return fp.repositories().size() >= minRepositories ? elsewhere : 0;
    }
  }

  /**
   * A login's pull request events inside the window.
   *
   * @param inRepository whether one of them is in the metric's repository
   * @param repositories the smallest {@link Weights#minRepositories()} (or fewer) distinct
   *     repositories of them, in {@link Repository} order, this one included; its size is the
   *     number of distinct repositories, up to that bound
   */
  public record Footprint(boolean inRepository, List<Repository> repositories) {
    /** Copies the list. */
    public Footprint {
      repositories = List.copyOf(Checks.notNull(repositories, "repositories"));
    }

    Footprint merge(Footprint other, int k) {
      TreeSet<Repository> union = new TreeSet<>(repositories);
      union.addAll(other.repositories);
      List<Repository> first = new ArrayList<>(union).subList(0, Math.min(k, union.size()));
      return new Footprint(inRepository || other.inRepository, first);
    }
  }

  /**
   * The mergeable state of a slice.
   *
   * @param stargazers lower-cased logins that starred the repository in the window
   * @param forkers lower-cased logins that forked it in the window
   * @param pullRequests per lower-cased login with pull request events in the window (in any
   *     repository), what {@link Weights} needs of them
   */
  public record State(
      Set<String> stargazers, Set<String> forkers, Map<String, Footprint> pullRequests) {
    /** Copies the collections. */
    public State {
      stargazers = Collections.unmodifiableSet(new TreeSet<>(stargazers));
      forkers = Collections.unmodifiableSet(new TreeSet<>(forkers));
      pullRequests = Collections.unmodifiableMap(new TreeMap<>(pullRequests));
    }
  }

  /**
   * A stargazer or forker who counted, and how much.
   *
   * @param login the lower-cased login
   * @param weight their weight, positive
   */
  public record WeightedLogin(String login, double weight) {
    /** Checks the components. */
    public WeightedLogin {
      Checks.notBlank(login, "login");
    }
  }

}
