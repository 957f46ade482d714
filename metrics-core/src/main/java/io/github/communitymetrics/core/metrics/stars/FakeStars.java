package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * StarScout's two signals (He et al., "Six Million (Suspected) Fake Stars on GitHub", ICSE 2026)
 * as an exactly mergeable metric over every repository of the data (it needs each stargazer's
 * activity everywhere).
 *
 * <p>Low-activity account: all its events in the data (any type, any repository, before the
 * window's end) fall on one UTC day, at most {@code maxEvents} distinct seconds, touch at most {@code
 * maxRepositories} repositories and at most {@code maxOrganizations} organisations, where an
 * event's organisation is its repository's owner ({@link Repository#owner()}: the GitHub owner
 * or the GitLab top-level group). Lockstep: {@link Lockstep}, over the first stars of every
 * repository before the window's end.
 *
 * <p>No data: when no stargazer of the scope has an event in any repository other than the one
 * it starred, the data cannot tell a one-time account from an account whose other activity was
 * not collected (a stargazer list from the GitHub API), and both signals have no value.
 */
public final class FakeStars implements SliceMetric<FakeStars.State, FakeStarsResult> {
  private final RepositoryScope scope;
  private final Window window;
  private final LowActivityParameters low;
  private final LockstepParameters lockstep;

  /**
   * A configured metric.
   *
   * @param scope the repositories whose stars are counted
   * @param window the window; activity before its end counts
   * @param low the low-activity thresholds
   * @param lockstep the lockstep parameters
   */
  public FakeStars(RepositoryScope scope, Window window, LowActivityParameters low, LockstepParameters lockstep) {
    this.scope = Checks.notNull(scope, "scope");
    this.window = Checks.notNull(window, "window");
    this.low = Checks.notNull(low, "low");
    this.lockstep = Checks.notNull(lockstep, "lockstep");
  }

  /**
   * One account's activity, capped where the thresholds stop caring.
   *
   * @param firstSecond its first event, epoch seconds
   * @param lastSecond its last event, epoch seconds
   * @param seconds the distinct seconds of its events (StarScout counts {@code COUNT(DISTINCT
   *     created_at)}: events in the same second count once), at most {@link #CAP}; empty once
   *     its events span two UTC days (it cannot be low-activity then)
   * @param repositories its repositories, at most {@link #CAP}
   * @param owners its repositories' owners, at most {@link #CAP}
   */
  public record Activity(
      long firstSecond, long lastSecond, Set<Long> seconds, Set<Repository> repositories, Set<String> owners) {
    /** Above any threshold that can be set: counts stop here so states stay small. */
    public static final int CAP = 64;

    /** Copies the sets. */
    public Activity {
      // Events on two UTC days already rule the account out: its seconds no longer matter, so
      // they are not kept (most accounts of GH Archive, whose states stay small).
      seconds = Math.floorDiv(firstSecond, 86_400L) == Math.floorDiv(lastSecond, 86_400L) ? Set.copyOf(seconds) : Set.of();
      repositories = Set.copyOf(repositories);
      owners = Set.copyOf(owners);
      if (firstSecond > lastSecond) {
        throw new IllegalArgumentException("firstSecond " + firstSecond + " after lastSecond " + lastSecond);
      }
      if (repositories.isEmpty() || owners.isEmpty() || (seconds.isEmpty()
          && Math.floorDiv(firstSecond, 86_400L) == Math.floorDiv(lastSecond, 86_400L))) {
        throw new IllegalArgumentException("an account's activity has at least one repository and owner, and a second when on one day");
      }
      if (seconds.size() > CAP || repositories.size() > CAP || owners.size() > CAP) {
        throw new IllegalArgumentException("an account's activity holds at most " + CAP + " seconds, repositories and owners");
      }
    }

    Activity merge(Activity o) {
      return new Activity(
          Math.min(firstSecond, o.firstSecond), Math.max(lastSecond, o.lastSecond),
          capped(seconds, o.seconds), capped(repositories, o.repositories), capped(owners, o.owners));
    }

    private static <T> Set<T> capped(Set<T> a, Set<T> b) {
      Set<T> out = new HashSet<>(a);
      for (T x : b) {
        if (out.size() >= CAP) {
          break;
        }
        out.add(x);
      }
      return out;
    }

    boolean isLow(LowActivityParameters p) {
      return Math.floorDiv(firstSecond, 86_400L) == Math.floorDiv(lastSecond, 86_400L)
          && seconds.size() <= p.maxEvents()
          && repositories.size() <= p.maxRepositories()
          && owners.size() <= p.maxOrganizations();
    }
  }

  /**
   * A star's key.
   *
   * @param actor the stargazer's person key
   * @param repository the repository
   */
  public record StarKey(Actor actor, Repository repository) {}

  /**
   * The state: every account's activity and every first star, in every repository, before the
   * window's end.
   *
   * @param activity per person key
   * @param firstStars per person and repository, the first star's time
   */
  public record State(Map<Actor, Activity> activity, Map<StarKey, Instant> firstStars) {
    /** Copies the maps. */
    public State {
      activity = Map.copyOf(activity);
      firstStars = Map.copyOf(firstStars);
    }
  }

  /** Orders star keys by repository, then person (so that equal states give equal bytes). */
  private static final Comparator<StarKey> STAR_KEYS =
      Comparator.comparing(StarKey::repository, StateWriter.REPOSITORIES).thenComparing(StarKey::actor, StateWriter.ACTORS);

  /**
   * The binary form (metrics-spark moves states with it): per account (in person order) its first
   * and last second, its distinct seconds ascending, its repositories and owners sorted; then per
   * (repository, person) in that order the first star's instant.
   */
  private static final StateCodec<State> CODEC = BinaryStateCodec.of(
      "fake-stars",
      1,
      (state, out) -> out
          .map(state.activity(), StateWriter.ACTORS, StateWriter::actor, FakeStars::writeActivity)
          .map(state.firstStars(), STAR_KEYS, (o, k) -> o.repository(k.repository()).actor(k.actor()),
              StateWriter::instant),
      in -> new State(
          in.map("accounts", in::actor, k -> readActivity(in)),
          in.map("stars", () -> {
            Repository repository = in.repository(); // written before the person
            return new StarKey(in.actor(), repository);
          }, k -> in.instant())));

  private static void writeActivity(StateWriter out, Activity a) {
    out.zigzag(a.firstSecond()).varlong(Math.subtractExact(a.lastSecond(), a.firstSecond()));
    out.ascending(a.seconds().stream().mapToLong(Long::longValue).sorted().toArray());
    out.list(a.repositories().stream().sorted(StateWriter.REPOSITORIES).toList(), StateWriter::repository);
    out.list(a.owners().stream().sorted().toList(), StateWriter::sharedString);
  }

  private static Activity readActivity(StateReader in) {
    long first = in.zigzag();
    long last = Math.addExact(first, in.varlong());
    long[] seconds = in.ascending();
    Set<Long> distinct = new HashSet<>();
    for (long x : seconds) {
      if (!distinct.add(x)) {
        throw in.error("repeated second " + x);
      }
    }
    return new Activity(first, last, distinct, in.set("repositories", in::repository), in.set("owners", in::sharedString));
  }

  @Override
  public StateCodec<State> stateCodec() {
    return CODEC;
  }

  @Override
  public State accumulate(EventStore slice, People people) {
    Map<Actor, Activity> activity = new HashMap<>();
    Map<StarKey, Instant> stars = new HashMap<>();
    for (int i = 0; i < slice.size(); i++) {
      Instant at = slice.instant(i);
      if (!at.isBefore(window.end())) {
        continue;
      }
      Actor key = people.key(people.personOf(slice.actorIndex(i)));
      Repository repo = slice.repository(slice.repositoryIndex(i));
      long s = slice.epochSecond(i);
      activity.merge(key, new Activity(s, s, Set.of(s), Set.of(repo), Set.of(repo.owner())), Activity::merge);
      if (slice.type(i) == EventType.STAR) {
        stars.merge(new StarKey(key, repo), at, (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    return new State(activity, stars);
  }

  @Override
  public State merge(State a, State b) {
    Map<Actor, Activity> activity = new HashMap<>(a.activity());
    b.activity().forEach((k, v) -> activity.merge(k, v, Activity::merge));
    Map<StarKey, Instant> stars = new HashMap<>(a.firstStars());
    b.firstStars().forEach((k, v) -> stars.merge(k, v, (x, y) -> x.isBefore(y) ? x : y));
    return new State(activity, stars);
  }

  @Override
  public FakeStarsResult finish(State state) {
    List<Map.Entry<StarKey, Instant>> all = new ArrayList<>(state.firstStars().entrySet());
    Map<Actor, Integer> userIds = new HashMap<>();
    Map<Repository, Integer> repoIds = new HashMap<>();
    int[] users = new int[all.size()];
    int[] repos = new int[all.size()];
    long[] seconds = new long[all.size()];
    for (int i = 0; i < all.size(); i++) {
      StarKey k = all.get(i).getKey();
      users[i] = userIds.computeIfAbsent(k.actor(), x -> userIds.size());
      repos[i] = repoIds.computeIfAbsent(k.repository(), x -> repoIds.size());
      seconds[i] = all.get(i).getValue().getEpochSecond();
    }
    BitSet inGroup = Lockstep.detect(users, repos, seconds, lockstep);
    boolean available = false;
    int stars = 0;
    int lowCount = 0;
    int lockCount = 0;
    int eitherCount = 0;
    Map<Repository, Map<YearMonth, int[]>> months = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      StarKey k = all.get(i).getKey();
      Instant at = all.get(i).getValue();
      if (!scope.includes(k.repository()) || !window.contains(at)) {
        continue;
      }
      Activity a = state.activity().get(k.actor());
      available |= a.repositories().size() > 1;
      boolean isLow = a.isLow(low);
      boolean isLock = inGroup.get(i);
      stars++;
      lowCount += isLow ? 1 : 0;
      lockCount += isLock ? 1 : 0;
      eitherCount += isLow || isLock ? 1 : 0;
      int[] c = months.computeIfAbsent(k.repository(), r -> new TreeMap<>())
          .computeIfAbsent(YearMonth.from(at.atOffset(ZoneOffset.UTC)), m -> new int[4]);
      c[0]++;
      c[1] += isLow ? 1 : 0;
      c[2] += isLock ? 1 : 0;
      c[3] += isLow || isLock ? 1 : 0;
    }
    boolean data = available;
    List<FakeStarMonth> rows = new ArrayList<>();
    months.forEach((r, byMonth) -> byMonth.forEach((m, c) -> rows.add(
        new FakeStarMonth(r, m, c[0], opt(data, c[1]), opt(data, c[2]), opt(data, c[3])))));
    return new FakeStarsResult(window, stars, opt(data, lowCount), opt(data, lockCount), opt(data, eitherCount), rows);
  }

  private static OptionalInt opt(boolean available, int value) {
    return available ? OptionalInt.of(value) : OptionalInt.empty();
  }
}
