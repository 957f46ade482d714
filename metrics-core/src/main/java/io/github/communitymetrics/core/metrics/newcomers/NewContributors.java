package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Dependency;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Locality;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.Preset;
import io.github.communitymetrics.core.registry.SummaryRow;
import io.github.communitymetrics.core.registry.Unit;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CHAOSS New Contributors: the people whose first contribution (commit, pull request, issue,
 * comment or review; bots left out) in the scope falls inside the window, out of everyone who
 * contributed in the window. Contributions before the window count as history, so someone
 * returning after a year is not new.
 *
 * <p>The whole metric in one class: the algorithm ({@link Counter}, exactly mergeable: the state
 * is each person's first contribution, merged by taking the earlier) and its description for the
 * registry. {@code docs/adding-a-metric.md} walks through it.
 */
public final class NewContributors extends MetricDescriptor<NewContributors.Result> {

  /** The registered instance ({@code StandardMetrics.NEW_CONTRIBUTORS}). */
  public static final NewContributors INSTANCE = new NewContributors();

  private NewContributors() {
    super(
        "new-contributors",
        "How many people contributed for the first time?",
        "The people whose first contribution to the repository falls in the window, and their"
            + " share of everyone who contributed in it.",
        "newContributors",
        List.of(
            new Preset("chaoss", "CHAOSS New Contributors")
                .definedAt("https://github.com/chaoss/wg-evolution/blob/main/focus-areas/community-growth/new-contributors.md")
                .withGuidance(
                    "A steady flow of newcomers is healthy: they replace the people who leave."
                        + " CHAOSS publishes no levels.")),
        List.of(),
        List.of(
            new MeasurementSpec("newContributors", Unit.PEOPLE, "people whose first contribution falls in the window"),
            new MeasurementSpec("contributors", Unit.PEOPLE, "people who contributed in the window"),
            new MeasurementSpec("share", Unit.FRACTION, "newContributors / contributors")),
        Locality.HISTORY);
  }

  /**
   * The result.
   *
   * @param window the window
   * @param newcomers the people whose first contribution in scope falls in the window, by key
   * @param contributors how many people contributed in the window
   */
  public record Result(Window window, List<Actor> newcomers, int contributors) {
    /** Checks the fields and copies the list. */
    public Result {
      Checks.notNull(window, "window");
      newcomers = List.copyOf(newcomers);
    }
  }

  /**
   * The state: each person's first and last contribution before the window's end.
   *
   * @param firstLast per person key, {@code [first, last]} contribution instants
   */
  public record State(Map<Actor, Instant[]> firstLast) {
    /** Copies the map (the arrays are never changed after accumulation). */
    public State {
      firstLast = Map.copyOf(firstLast);
    }
  }

  /** A contributor is new in the window if they had no earlier contribution to the repository. */
  @Override
  public Set<Dependency> dependencies() {
    return Set.of(Dependency.HISTORY_EVENTS, Dependency.PEOPLE);
  }

  @Override
  public SliceMetric<?, Result> metric(Evaluation e) {
    return new Counter(e.scope(), e.window());
  }

  @Override
  public List<Measurement> measure(Result r, Evaluation e) {
    String p = preset().name();
    int n = r.contributors();
    return List.of(
        Measurement.of(id(), "newContributors", Unit.PEOPLE, r.newcomers().size(), n, p),
        Measurement.of(id(), "contributors", Unit.PEOPLE, n, n, p),
        Measurement.of(id(), "share", Unit.FRACTION, n == 0 ? 0 : (double) r.newcomers().size() / n, n, p));
  }

  @Override
  public List<SummaryRow> rows(Result r, Evaluation e, Function<Actor, String> label) {
    return List.of(
        new SummaryRow(
            title(),
            r.contributors() == 0
                ? "no data"
                : r.newcomers().size() + " of " + r.contributors() + " people",
            "",
            "chaoss new contributors, any contribution"));
  }

  /** The algorithm: any contribution by a person who is not a bot, in scope, before the end. */
  static final class Counter implements SliceMetric<State, Result> {
    private final RepositoryScope scope;
    private final Window window;

    Counter(RepositoryScope scope, Window window) {
      this.scope = scope;
      this.window = window;
    }

    @Override
    public State accumulate(EventStore slice, People people) {
      // Exactly the events in scope: a metric of one repository reads that repository's events.
      EventStore s = scope.restrict(slice);
      Map<Actor, Instant[]> firstLast = new HashMap<>();
      for (int i = 0; i < s.size(); i++) {
        Instant at = s.instant(i);
        if (!ContributionType.ANY.includes(s.type(i))
            || !at.isBefore(window.end())
            || people.isBot(s.actorIndex(i))) {
          continue;
        }
        Actor key = people.key(people.personOf(s.actorIndex(i)));
        Instant[] fl = firstLast.get(key);
        if (fl == null) {
          firstLast.put(key, new Instant[] {at, at});
        } else {
          fl[0] = at.isBefore(fl[0]) ? at : fl[0];
          fl[1] = at.isAfter(fl[1]) ? at : fl[1];
        }
      }
      return new State(firstLast);
    }

    /** Each person's key with the first and last instants, in key order. */
    private static final StateCodec<State> CODEC =
        BinaryStateCodec.of(
            "new-contributors",
            1,
            (state, out) ->
                out.map(
                    state.firstLast(),
                    Comparator.naturalOrder(),
                    StateWriter::actor,
                    (o, fl) -> o.instant(fl[0]).instant(fl[1])),
            in -> new State(in.map("people", in::actor, k -> new Instant[] {in.instant(), in.instant()})));

    @Override
    public StateCodec<State> stateCodec() {
      return CODEC;
    }

    @Override
    public State merge(State a, State b) {
      Map<Actor, Instant[]> out = new HashMap<>(a.firstLast());
      b.firstLast().forEach((k, v) -> out.merge(k, v, (x, y) -> new Instant[] {
        x[0].isBefore(y[0]) ? x[0] : y[0], x[1].isAfter(y[1]) ? x[1] : y[1]}));
      return new State(out);
    }

    @Override
    public Result finish(State state) {
      List<Actor> newcomers =
          state.firstLast().entrySet().stream()
              .filter(e -> window.contains(e.getValue()[0]))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      int contributors =
          (int) state.firstLast().values().stream().filter(fl -> !fl[1].isBefore(window.start())).count();
      return new Result(window, newcomers, contributors);
    }
  }
}
