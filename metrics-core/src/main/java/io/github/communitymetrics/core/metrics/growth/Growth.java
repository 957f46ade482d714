package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Growth of a repository in a window: new stargazers, forks, new contributors (of any kind and of
 * code) and active contributors, the cumulative totals at the window's end, and growth rates.
 * A series ({@code MetricSeries} with a day, ISO week or month {@code SeriesSpec}) gives the
 * values per period.
 *
 * <ul>
 *   <li>A <em>new stargazer</em> is a (repository, person) pair whose first star falls in the
 *       window: someone who unstars and stars again is counted once, at the first star (GH
 *       Archive records only {@code WatchEvent} "started"). Bots are counted: a bot's star is
 *       still a star, and telling fake from real stars is the authenticity part's job.
 *   <li>A <em>fork</em> is a fork event; each counts (one person may fork twice).
 *   <li>A <em>new contributor</em> is a person (bots left out) whose first contribution of any
 *       kind ({@link ContributionType#ANY}) in the scope falls in the window; a <em>new code
 *       contributor</em> one whose first commit (the evaluation's commit basis) does. An
 *       <em>active contributor</em> contributed anything in the window.
 *   <li>The <em>growth rate</em> of a kind is the window's new count over the cumulative total
 *       before the window's start; it has no data when that total is 0 (never 0 or infinity).
 * </ul>
 *
 * <p>No data is not zero: the counts of a kind have no data when the scope has no event of that
 * kind before the window's end (a git-only source records no stars, and "0 new stars" would be a
 * claim it cannot make).
 *
 * <p>Exactly mergeable: the state is each stargazer's first star, each contributor's first and
 * last contribution and first commit before the window's end (merged by earliest and latest),
 * and the fork counts before and in the window (merged by sum).
 */
public final class Growth extends MetricDescriptor<Growth.Result> {

  /** The registered instance ({@code StandardMetrics.GROWTH}). */
  public static final Growth INSTANCE = new Growth();

  private Growth() {
    super(
        "growth",
        "How fast is the repository growing?",
        "New stargazers, forks and contributors in the window, the totals so far, and the growth"
            + " rate: the window's new count over the total before it.",
        "growth",
        List.of(
            new Preset("stars-forks", "Stars and forks per period, first star per person")
                .definedAt("https://github.com/hehao98/StarScout")
                .withGuidance(
                    "Stars and forks measure attention, not health: compare a repository with its"
                        + " own history, and read sudden jumps with the burst metrics. No"
                        + " published levels.")),
        List.of(),
        List.of(
            new MeasurementSpec("newStargazers", Unit.PEOPLE, "people whose first star falls in the window"),
            new MeasurementSpec("stargazers", Unit.PEOPLE, "people who starred before the window's end"),
            new MeasurementSpec("stargazerGrowth", Unit.FRACTION, "newStargazers / stargazers before the window"),
            new MeasurementSpec("forks", Unit.COUNT, "fork events in the window"),
            new MeasurementSpec("totalForks", Unit.COUNT, "fork events before the window's end"),
            new MeasurementSpec("forkGrowth", Unit.FRACTION, "forks / fork events before the window"),
            new MeasurementSpec("newContributors", Unit.PEOPLE, "people whose first contribution falls in the window"),
            new MeasurementSpec("contributors", Unit.PEOPLE, "people who contributed before the window's end"),
            new MeasurementSpec("contributorGrowth", Unit.FRACTION, "newContributors / contributors before the window"),
            new MeasurementSpec("newCodeContributors", Unit.PEOPLE, "people whose first commit falls in the window"),
            new MeasurementSpec("codeContributors", Unit.PEOPLE, "people who committed before the window's end"),
            new MeasurementSpec("codeContributorGrowth", Unit.FRACTION, "newCodeContributors / code contributors before the window"),
            new MeasurementSpec("activeContributors", Unit.PEOPLE, "people who contributed in the window")),
        Locality.HISTORY);
  }

  /**
   * One kind's growth in a window.
   *
   * @param added the new ones in the window
   * @param total the cumulative total at the window's end (added included)
   */
  public record Count(long added, long total) {
    /** Checks that 0 &lt;= added &lt;= total. */
    public Count {
      if (added < 0 || added > total) {
        throw new IllegalArgumentException("need 0 <= added <= total: " + added + ", " + total);
      }
    }

    /** The total before the window: total - added. */
    public long before() {
      return total - added;
    }

    /** added / before, or empty (no data) when nothing came before. */
    public OptionalDouble rate() {
      return before() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) added / before());
    }
  }

  /**
   * The result.
   *
   * @param window the window
   * @param stargazers new stargazers and stargazers so far
   * @param forks forks in the window and so far
   * @param contributors new contributors (any contribution) and contributors so far
   * @param codeContributors new and total committers
   * @param activeContributors people who contributed in the window
   */
  public record Result(
      Window window, Count stargazers, Count forks, Count contributors, Count codeContributors,
      long activeContributors) {
    /** Checks the fields. */
    public Result {
      Checks.notNull(window, "window");
      Checks.notNull(stargazers, "stargazers");
      Checks.notNull(forks, "forks");
      Checks.notNull(contributors, "contributors");
      Checks.notNull(codeContributors, "codeContributors");
    }
  }

  /**
   * A (repository, person) pair: stars are per person and repository.
   *
   * @param repository the starred repository
   * @param person the stargazer's stable key
   */
  public record Stargazer(Repository repository, Actor person) implements Comparable<Stargazer> {
    private static final Comparator<Stargazer> ORDER =
        Comparator.comparing(Stargazer::repository).thenComparing(Stargazer::person);

    @Override
    public int compareTo(Stargazer o) {
      return ORDER.compare(this, o);
    }
  }

  /**
   * The state: everything before the window's end.
   *
   * @param firstStar each stargazer's first star
   * @param contribution each contributor's {@code [first, last]} contribution (never changed)
   * @param firstCommit each committer's first commit
   * @param forksBefore fork events before the window's start
   * @param forksIn fork events in the window
   */
  public record State(
      Map<Stargazer, Instant> firstStar,
      Map<Actor, Instant[]> contribution,
      Map<Actor, Instant> firstCommit,
      long forksBefore,
      long forksIn) {
    /** Copies the maps. */
    public State {
      firstStar = Map.copyOf(firstStar);
      contribution = Map.copyOf(contribution);
      firstCommit = Map.copyOf(firstCommit);
    }
  }

  /** Stargazers, forks and contributors new in the window, against the repository's history. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return new Counter(e);
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    return List.of(
        Measurement.of(id(), "newStargazers", Unit.PEOPLE, r.stargazers().added(), r.stargazers().total(), p),
        Measurement.of(id(), "stargazers", Unit.PEOPLE, r.stargazers().total(), r.stargazers().total(), p),
        Measurement.of(id(), "stargazerGrowth", Unit.FRACTION, r.stargazers().rate(), r.stargazers().before(), p),
        Measurement.of(id(), "forks", Unit.COUNT, r.forks().added(), r.forks().total(), p),
        Measurement.of(id(), "totalForks", Unit.COUNT, r.forks().total(), r.forks().total(), p),
        Measurement.of(id(), "forkGrowth", Unit.FRACTION, r.forks().rate(), r.forks().before(), p),
        Measurement.of(id(), "newContributors", Unit.PEOPLE, r.contributors().added(), r.contributors().total(), p),
        Measurement.of(id(), "contributors", Unit.PEOPLE, r.contributors().total(), r.contributors().total(), p),
        Measurement.of(id(), "contributorGrowth", Unit.FRACTION, r.contributors().rate(), r.contributors().before(), p),
        Measurement.of(id(), "newCodeContributors", Unit.PEOPLE, r.codeContributors().added(), r.codeContributors().total(), p),
        Measurement.of(id(), "codeContributors", Unit.PEOPLE, r.codeContributors().total(), r.codeContributors().total(), p),
        Measurement.of(id(), "codeContributorGrowth", Unit.FRACTION, r.codeContributors().rate(), r.codeContributors().before(), p),
        Measurement.of(id(), "activeContributors", Unit.PEOPLE, r.activeContributors(), r.contributors().total(), p));
  }

  /** The algorithm. */
  static final class Counter implements SliceMetric<State, Result> {
    private final Evaluation evaluation;
    private final Window window;

    Counter(Evaluation evaluation) {
      this.evaluation = evaluation;
      this.window = evaluation.window();
    }

    @Override
    public State accumulate(EventStore slice, People people) {
      EventStore s = evaluation.scope().restrict(slice);
      Map<Stargazer, Instant> stars = new HashMap<>();
      Map<Actor, Instant[]> contribution = new HashMap<>();
      Map<Actor, Instant> commits = new HashMap<>();
      long before = 0;
      long in = 0;
      for (int i = 0; i < s.size(); i++) {
        Instant at = s.instant(i);
        if (!at.isBefore(window.end())) {
          continue;
        }
        EventType type = s.type(i);
        if (type == EventType.FORK) {
          if (at.isBefore(window.start())) {
            before++;
          } else {
            in++;
          }
        } else if (type == EventType.STAR) {
          Stargazer k =
              new Stargazer(s.repository(s.repositoryIndex(i)), people.key(people.personOf(s.actorIndex(i))));
          stars.merge(k, at, StarHistory::earlier);
        } else if (ContributionType.ANY.includes(type) && !people.isBot(s.actorIndex(i))) {
          Actor key = people.key(people.personOf(s.actorIndex(i)));
          contribution.merge(key, new Instant[] {at, at}, Growth::span);
          if (evaluation.commitBasis().includes(type)) {
            commits.merge(key, at, StarHistory::earlier);
          }
        }
      }
      return new State(stars, contribution, commits, before, in);
    }

    private static final StateCodec<State> CODEC =
        BinaryStateCodec.of(
            "growth",
            1,
            (state, out) ->
                StarHistory.writeStars(out, state.firstStar())
                    .map(
                        state.contribution(),
                        Comparator.naturalOrder(),
                        StateWriter::actor,
                        (o, fl) -> o.instant(fl[0]).instant(fl[1]))
                    .map(state.firstCommit(), Comparator.naturalOrder(), StateWriter::actor, StateWriter::instant)
                    .varlong(state.forksBefore())
                    .varlong(state.forksIn()),
            in ->
                new State(
                    StarHistory.readStars(in),
                    in.map("contributors", in::actor, k -> new Instant[] {in.instant(), in.instant()}),
                    in.map("committers", in::actor, k -> in.instant()),
                    in.varlong(),
                    in.varlong()));

    @Override
    public StateCodec<State> stateCodec() {
      return CODEC;
    }

    @Override
    public State merge(State a, State b) {
      Map<Stargazer, Instant> stars = new HashMap<>(a.firstStar());
      b.firstStar().forEach((k, v) -> stars.merge(k, v, StarHistory::earlier));
      Map<Actor, Instant[]> contribution = new HashMap<>(a.contribution());
      b.contribution().forEach((k, v) -> contribution.merge(k, v, Growth::span));
      Map<Actor, Instant> commits = new HashMap<>(a.firstCommit());
      b.firstCommit().forEach((k, v) -> commits.merge(k, v, StarHistory::earlier));
      return new State(
          stars, contribution, commits, a.forksBefore() + b.forksBefore(), a.forksIn() + b.forksIn());
    }

    @Override
    public Result finish(State state) {
      long newStars = state.firstStar().values().stream().filter(window::contains).count();
      long newContributors =
          state.contribution().values().stream().filter(fl -> window.contains(fl[0])).count();
      long active =
          state.contribution().values().stream().filter(fl -> !fl[1].isBefore(window.start())).count();
      long newCommitters = state.firstCommit().values().stream().filter(window::contains).count();
      return new Result(
          window,
          new Count(newStars, state.firstStar().size()),
          new Count(state.forksIn(), state.forksBefore() + state.forksIn()),
          new Count(newContributors, state.contribution().size()),
          new Count(newCommitters, state.firstCommit().size()),
          active);
    }
  }

  /** The span of two {@code [first, last]} pairs, as a new array (states are never changed). */
  private static Instant[] span(Instant[] x, Instant[] y) {
    return new Instant[] {StarHistory.earlier(x[0], y[0]), x[1].isAfter(y[1]) ? x[1] : y[1]};
  }
}
