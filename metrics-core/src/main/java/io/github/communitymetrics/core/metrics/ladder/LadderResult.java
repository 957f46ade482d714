package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;
import java.util.List;
import java.util.Optional;

/**
 * The contributor ladder over a window, with its evidence.
 *
 * <p><b>History and window.</b> Every event in scope before the window's end is history: a
 * person's rungs are reached by their acts at any time before the end. The window's start only
 * selects whom the funnels, periods and times on rung count: people who reached a rung inside the
 * window.
 *
 * <p><b>Two views of skipped rungs.</b> Rungs are cumulative, so someone whose first act is a
 * merged pull request reaches D0, D1 and D2 at that instant. In the <em>at least</em> view they
 * count at all three: cohort conversions D0→D1 and D1→D2 count them as converted, with zero time,
 * and CHAOSS ratios never exceed 1 over all history. In the <em>passed through</em> view they
 * count only at the rungs whose own act they did before climbing higher (here D2, since they had
 * not starred, commented or reviewed before): they are in neither side of the D0→D1 and D1→D2
 * cohorts, and a CHAOSS ratio such as D2/D1 can exceed 1 because the people who skipped D1 are
 * in the numerator only. Times on rung use only people who passed through the rung.
 *
 * @param window the metric's window
 * @param reachedByEnd per rung, the people who reached at least that rung before the window's
 *     end (all history)
 * @param passedThroughByEnd per rung, the people who passed through it before the window's end
 * @param highestAtEnd per rung, the people whose highest rung at the window's end is that one
 * @param atLeast people who first reached at least each rung inside the window, with CHAOSS and
 *     cohort conversion
 * @param passedThrough the same, counting only people who passed through the rung
 * @param periods conversion over time: the consecutive calendar periods from the one holding the
 *     first arrival at a rung inside the window to the one holding the last (periods with no
 *     arrival are listed with zero counts); empty when nobody arrived inside the window
 * @param timeOnRung the time spent on D0, D1 and D2, in that order
 * @param people every person with a rung-defining act in scope before the window's end, by key
 * @param unresolvedMerges merges skipped because neither the merge event nor any opening in
 *     scope names the pull request's author (their merger is not credited either)
 * @param unresolvedReviews reviews whose pull request's author is unknown (neither the review
 *     nor any opening in scope names it), by someone not already a maintainer at the time, so
 *     whether they are maintainer acts is unknown; they still count as D1 acts
 */
public record LadderResult(
    Window window,
    RungCounts reachedByEnd,
    RungCounts passedThroughByEnd,
    RungCounts highestAtEnd,
    Funnel atLeast,
    Funnel passedThrough,
    List<PeriodFunnel> periods,
    List<RungTime> timeOnRung,
    List<Climb> people,
    long unresolvedMerges,
    long unresolvedReviews) {

  /** Checks the components and copies the lists. */
  public LadderResult {
    Checks.notNull(window, "window");
    Checks.notNull(reachedByEnd, "reachedByEnd");
    Checks.notNull(passedThroughByEnd, "passedThroughByEnd");
    Checks.notNull(highestAtEnd, "highestAtEnd");
    Checks.notNull(atLeast, "atLeast");
    Checks.notNull(passedThrough, "passedThrough");
    periods = List.copyOf(Checks.notNull(periods, "periods"));
    timeOnRung = List.copyOf(Checks.notNull(timeOnRung, "timeOnRung"));
    people = List.copyOf(Checks.notNull(people, "people"));
    Checks.argument(timeOnRung.size() == 3, "timeOnRung must hold D0, D1 and D2");
    Checks.argument(
        unresolvedMerges >= 0 && unresolvedReviews >= 0, "counts must not be negative");
  }

  /** The time spent on {@code rung} ({@link Rung#D0}, {@link Rung#D1} or {@link Rung#D2}). */
  public RungTime timeOn(Rung rung) {
    Checks.notNull(rung, "rung");
    Checks.argument(rung != Rung.D3, "nobody climbs from D3");
    return timeOnRung.get(rung.ordinal());
  }

  /** The climb of the person with this key, if they have a rung. Takes O(log n). */
  public Optional<Climb> climb(Actor person) {
    Checks.notNull(person, "person");
    int lo = 0;
    int hi = people.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = people.get(mid).person().compareTo(person);
      if (c == 0) {
        return Optional.of(people.get(mid));
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.empty();
  }
}
