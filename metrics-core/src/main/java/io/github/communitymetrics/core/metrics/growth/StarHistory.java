package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.growth.Growth.Stargazer;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state shared by the star trend and star burst metrics: each stargazer's first star and each
 * account's first event of any kind in the scope, before the window's end. Merged by taking the
 * earlier instant, so exactly mergeable; the metrics differ only in {@link #finish}.
 *
 * @param <R> the metric's result
 */
abstract class StarHistory<R> implements SliceMetric<StarHistory.State, R> {

  /**
   * The state.
   *
   * @param firstStar each (repository, person) pair's first star
   * @param firstEvent each account's (person key's) first event of any kind, bots included
   */
  record State(Map<Stargazer, Instant> firstStar, Map<Actor, Instant> firstEvent) {
    State {
      firstStar = Map.copyOf(firstStar);
      firstEvent = Map.copyOf(firstEvent);
    }
  }

  private static final StateCodec<State> CODEC =
      BinaryStateCodec.of(
          "star-history",
          1,
          (state, out) ->
              writeStars(out, state.firstStar())
                  .map(state.firstEvent(), Comparator.naturalOrder(), StateWriter::actor, StateWriter::instant),
          in -> new State(readStars(in), in.map("accounts", in::actor, k -> in.instant())));

  /** Each stargazer's first star, in key order (shared with {@link Growth}'s state). */
  static StateWriter writeStars(StateWriter out, Map<Stargazer, Instant> firstStar) {
    return out.map(
        firstStar,
        Comparator.naturalOrder(),
        (o, k) -> o.repository(k.repository()).actor(k.person()),
        StateWriter::instant);
  }

  /** What {@link #writeStars} wrote. */
  static Map<Stargazer, Instant> readStars(StateReader in) {
    return in.map("stargazers", () -> new Stargazer(in.repository(), in.actor()), k -> in.instant());
  }

  /** The evaluation. */
  final Evaluation evaluation;

  StarHistory(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public final State accumulate(EventStore slice, People people) {
    EventStore s = evaluation.scope().restrict(slice);
    Map<Stargazer, Instant> stars = new HashMap<>();
    Map<Actor, Instant> first = new HashMap<>();
    Instant end = evaluation.window().end();
    for (int i = 0; i < s.size(); i++) {
      Instant at = s.instant(i);
      if (!at.isBefore(end)) {
        continue;
      }
      Actor key = people.key(people.personOf(s.actorIndex(i)));
      first.merge(key, at, StarHistory::earlier);
      if (s.type(i) == EventType.STAR) {
        stars.merge(new Stargazer(s.repository(s.repositoryIndex(i)), key), at, StarHistory::earlier);
      }
    }
    return new State(stars, first);
  }

  @Override
  public final State merge(State a, State b) {
    Map<Stargazer, Instant> stars = new HashMap<>(a.firstStar());
    b.firstStar().forEach((k, v) -> stars.merge(k, v, StarHistory::earlier));
    Map<Actor, Instant> first = new HashMap<>(a.firstEvent());
    b.firstEvent().forEach((k, v) -> first.merge(k, v, StarHistory::earlier));
    return new State(stars, first);
  }

  @Override
  public final StateCodec<State> stateCodec() {
    return CODEC;
  }

  /** The granularity of a {@code period} parameter. */
  static Granularity unit(MetricDescriptor<?> metric, Evaluation e) {
    return e.granularity(metric, "period");
  }

  /** New stargazers per period: first stars in each period. */
  static long[] counts(State state, List<Window> periods) {
    long[] counts = new long[periods.size()];
    for (Instant at : state.firstStar().values()) {
      int p = Bursts.indexOf(periods, at);
      if (p >= 0) {
        counts[p]++;
      }
    }
    return counts;
  }

  static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
