package io.github.communitymetrics.core.metrics.retention;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * The retention of contributors as of an instant. Every list holds person keys ({@link
 * io.github.communitymetrics.core.metrics.People#key(int)}) in {@link Actor}'s order, so each
 * number comes with the people behind it.
 *
 * @param metric the metric that produced this result (its parameters)
 * @param asOf the instant the statuses refer to (the end of the metric's window)
 * @param periods one entry per period of the window, in time order
 * @param active 8Knot: last contribution within the active interval (6 months) before {@code asOf}
 * @param drifting 8Knot: last contribution within the drifting interval (12 months) but not the
 *     active one
 * @param away 8Knot: last contribution longer ago than the drifting interval
 * @param openSaucedActive OpenSauced: contributed in the current window (one {@link
 *     Retention#unit()} back from the as-of instant, in {@link Retention#zone()}) and in the
 *     previous one (the unit before that); rolling windows, not calendar periods
 * @param openSaucedNew OpenSauced: contributed in the current window only
 * @param openSaucedAlumni OpenSauced: contributed in the previous window only
 * @param repeat Augur: at least the repeat count of contributions within the repeat interval
 *     from their first
 * @param flyBy Augur: everyone else
 * @param occasional CHAOSS occasional (CNCF DevStats): no contribution in the quiet interval
 *     before {@code asOf} and at most the occasional maximum of contributions overall
 * @param cohorts the cohort retention matrix, one row per period with newcomers
 * @param survival Kaplan-Meier curve of contributor activity durations in seconds; departure
 *     (first to last contribution) is the event, see {@link Retention} for censoring
 * @param departed people whose last contribution is at least the departure gap before {@code
 *     asOf} (the curve's events)
 * @param censored people still active (last contribution less than the departure gap before
 *     {@code asOf}) whose first contribution is at least the gap before {@code asOf}:
 *     right-censored at {@code asOf - gap - first} (see {@link Retention})
 * @param withoutFollowUp people still active whose first contribution is less than the departure
 *     gap before {@code asOf}: no departure of theirs could be seen yet, so they are in no risk
 *     set of the curve (its {@link SurvivalCurve#withoutFollowUp()})
 * @param unattributedMerges merged pull requests left out because their author is unknown
 */
public record RetentionResult(
    Retention metric,
    Instant asOf,
    List<PeriodRetention> periods,
    List<Actor> active,
    List<Actor> drifting,
    List<Actor> away,
    List<Actor> openSaucedActive,
    List<Actor> openSaucedNew,
    List<Actor> openSaucedAlumni,
    List<Actor> repeat,
    List<Actor> flyBy,
    List<Actor> occasional,
    List<CohortRow> cohorts,
    SurvivalCurve survival,
    List<Actor> departed,
    List<Actor> censored,
    List<Actor> withoutFollowUp,
    long unattributedMerges) {

  /** Checks the components and copies the lists. */
  public RetentionResult {
    Checks.notNull(metric, "metric");
    Checks.notNull(asOf, "asOf");
    periods = List.copyOf(periods);
    active = List.copyOf(active);
    drifting = List.copyOf(drifting);
    away = List.copyOf(away);
    openSaucedActive = List.copyOf(openSaucedActive);
    openSaucedNew = List.copyOf(openSaucedNew);
    openSaucedAlumni = List.copyOf(openSaucedAlumni);
    repeat = List.copyOf(repeat);
    flyBy = List.copyOf(flyBy);
    occasional = List.copyOf(occasional);
    cohorts = List.copyOf(cohorts);
    Checks.notNull(survival, "survival");
    departed = List.copyOf(departed);
    censored = List.copyOf(censored);
    withoutFollowUp = List.copyOf(withoutFollowUp);
  }

  /**
   * Whether anyone contributed in the window: without a contributor the status counts (active,
   * drifting, away, repeat, fly-by, occasional) have no value rather than a value of zero people.
   */
  public boolean hasEvidence() {
    return !(active.isEmpty() && drifting.isEmpty() && away.isEmpty());
  }

  /**
   * The last period that ended at or before {@code asOf} (the last period of the window may be
   * cut short by it); empty if none did.
   */
  public java.util.Optional<PeriodRetention> lastCompletePeriod() {
    for (int i = periods.size() - 1; i >= 0; i--) {
      if (!periods.get(i).period().window().end().isAfter(asOf)) {
        return java.util.Optional.of(periods.get(i));
      }
    }
    return java.util.Optional.empty();
  }
}
