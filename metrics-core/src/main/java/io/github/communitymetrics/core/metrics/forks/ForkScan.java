package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.forks.ForkState.Activity;
import io.github.communitymetrics.core.metrics.forks.ForkState.ForkRecord;
import io.github.communitymetrics.core.metrics.forks.ForkState.Pull;
import io.github.communitymetrics.core.metrics.forks.ForkState.PullKey;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part the fork metrics share: one scan of the events before an as-of instant into a {@link
 * ForkState} (reading every repository: a fork's own events are outside the scope), its exact
 * merge and its codec, and the per-fork view both metrics finish from.
 *
 * @param <R> the result
 */
abstract class ForkScan<R> implements SliceMetric<ForkState, R> {
  final RepositoryScope scope;
  final Instant asOf;
  final ForkEvents forkEvents;

  ForkScan(RepositoryScope scope, Instant asOf, ForkEvents forkEvents) {
    this.scope = Checks.notNull(scope, "scope");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.forkEvents = Checks.notNull(forkEvents, "forkEvents");
  }

  @Override
  public final ForkState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    return ForkState.scan(slice, people, scope, asOf);
  }

  @Override
  public final ForkState merge(ForkState a, ForkState b) {
    return ForkState.merge(Checks.notNull(a, "a"), Checks.notNull(b, "b"));
  }

  /** {@code forks}, version 1: shared by the two fork metrics. */
  @Override
  public final StateCodec<ForkState> stateCodec() {
    return ForkState.CODEC;
  }

  /**
   * One fork as the state knows it.
   *
   * @param fork the fork's repository (forge and full name)
   * @param upstream the repository it was forked from, else the one its first pull request targets
   * @param record the fork events and first pull request
   * @param activity its own activity, null when the data holds none
   * @param pulls the pull requests of the upstream whose head is this fork, by opening
   * @param days the UTC epoch days of its own pushes and commits, ascending (empty without activity)
   */
  record View(Repository fork, Repository upstream, ForkRecord record, Activity activity, List<Pull> pulls, int[] days) {
    /** When it was created, when a fork event says. */
    Optional<Instant> created() {
      return Optional.ofNullable(record.forkedAt());
    }

    /** Whether a push or commit of its own came after its creation (or at all, creation unknown). */
    boolean changedAfterCreation() {
      return activity != null && activity.last != null
          && (record.forkedAt() == null || activity.last.isAfter(record.forkedAt()));
    }
  }

  /** Every fork known before as-of, in repository order. */
  final List<View> views(ForkState state) {
    Map<Repository, List<Pull>> byHead = new HashMap<>();
    state.pulls.forEach((PullKey k, Pull p) -> {
      if (p.opened != null && p.head != null && !p.head.equals(k.repository().fullName())) {
        byHead.computeIfAbsent(Repository.of(k.repository().forge(), p.head), x -> new ArrayList<>()).add(p);
      }
    });
    List<View> out = new ArrayList<>();
    state.forks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Repository upstream = e.getValue().upstream();
      // The scan records forks of the scope's repositories only (tested with and without id).
      if (e.getKey().equals(upstream)) {
        return;
      }
      List<Pull> pulls = new ArrayList<>(byHead.getOrDefault(e.getKey(), List.of()));
      pulls.sort(Comparator.comparing((Pull p) -> p.opened));
      Activity a = state.activity.get(e.getKey());
      out.add(new View(e.getKey(), upstream, e.getValue(), a, List.copyOf(pulls), a == null ? new int[0] : a.days()));
    });
    return out;
  }

  /** Whether the forks' own events are in the data. */
  final Coverage coverage(List<View> views) {
    return switch (forkEvents) {
      case PRESENT -> new Coverage(true, false);
      case ABSENT -> new Coverage(false, false);
      case AUTO -> new Coverage(views.stream().anyMatch(v -> v.activity() != null), true);
    };
  }
}
