package io.github.communitymetrics.core.metrics.growth;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Growth} metric over a series of windows (the periods of a growth series) in one pass
 * over the events: the result for each window equals {@code Growth.INSTANCE.metric(evaluation
 * .withWindow(w)).compute(slice, people)}, at the cost of one evaluation instead of one per window.
 *
 * <p>How: each stargazer's first star, each contributor's first contribution and each committer's
 * first commit (before the last window's end) are kept once; a window's new ones are those whose
 * first instant falls in it, its total those before its end. Forks are counted by binary search
 * over their instants, and active contributors by remembering, per person, the last window they
 * were counted in (the store is in time order, so each person reaches each window once).
 */
public final class GrowthByPeriod {
  private GrowthByPeriod() {}

  /**
   * The growth in each window.
   *
   * @param slice the events (a repository's slice, say); restricted to the evaluation's scope
   * @param evaluation the scope and the commit basis; its window is not used
   * @param windows in time order, not overlapping (consecutive periods, say)
   * @return one result per window, in the same order
   * @throws IllegalArgumentException if the windows overlap or are out of order
   */
  public static List<Growth.Result> compute(
      EventStore slice, People people, Evaluation evaluation, List<Window> windows) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    Checks.notNull(evaluation, "evaluation");
    Checks.notNull(windows, "windows");
    for (int i = 1; i < windows.size(); i++) {
      // The message only when it fails (an eager one was a measurable cost of long series).
      if (windows.get(i).start().isBefore(windows.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "windows must be in order and not overlap: " + windows.get(i - 1) + ", " + windows.get(i));
      }
    }
    if (windows.isEmpty()) {
      return List.of();
    }
    EventStore s = evaluation.scope().restrict(slice);
    Instant end = windows.get(windows.size() - 1).end();
    Map<Growth.Stargazer, Instant> firstStar = new HashMap<>();
    Map<Actor, Instant> firstContribution = new HashMap<>();
    Map<Actor, Instant> firstCommit = new HashMap<>();
    Map<Actor, Integer> countedIn = new HashMap<>();
    List<Instant> forks = new ArrayList<>();
    long[] active = new long[windows.size()];
    for (int i = 0; i < s.size(); i++) {
      Instant at = s.instant(i);
      if (!at.isBefore(end)) {
        break; // in time order: nothing later counts
      }
      EventType type = s.type(i);
      if (type == EventType.FORK) {
        forks.add(at);
      } else if (type == EventType.STAR) {
        Growth.Stargazer k =
            new Growth.Stargazer(s.repository(s.repositoryIndex(i)), people.key(people.personOf(s.actorIndex(i))));
        firstStar.putIfAbsent(k, at);
      } else if (ContributionType.ANY.includes(type) && !people.isBot(s.actorIndex(i))) {
        Actor key = people.key(people.personOf(s.actorIndex(i)));
        firstContribution.putIfAbsent(key, at);
        if (evaluation.commitBasis().includes(type)) {
          firstCommit.putIfAbsent(key, at);
        }
        int w = Bursts.indexOf(windows, at);
        if (w >= 0 && !Integer.valueOf(w).equals(countedIn.get(key))) {
          countedIn.put(key, w);
          active[w]++;
        }
      }
    }
    Instant[] stars = sorted(firstStar.values());
    Instant[] contributors = sorted(firstContribution.values());
    Instant[] committers = sorted(firstCommit.values());
    Instant[] forked = sorted(forks);
    List<Growth.Result> out = new ArrayList<>(windows.size());
    for (int w = 0; w < windows.size(); w++) {
      Window win = windows.get(w);
      out.add(new Growth.Result(
          win, count(stars, win), count(forked, win), count(contributors, win), count(committers, win), active[w]));
    }
    return List.copyOf(out);
  }

  /** The added ones (first instant in the window) and the total (before its end). */
  private static Growth.Count count(Instant[] sorted, Window w) {
    int before = lowerBound(sorted, w.start());
    int total = lowerBound(sorted, w.end());
    return new Growth.Count(total - before, total);
  }

  private static Instant[] sorted(Collection<Instant> instants) {
    Instant[] out = instants.toArray(Instant[]::new);
    Arrays.sort(out);
    return out;
  }

  /** The number of instants before {@code key}. */
  private static int lowerBound(Instant[] sorted, Instant key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid].isBefore(key)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
