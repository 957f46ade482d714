package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Responsiveness and review of a community, with the evidence behind each number. See {@link
 * Responsiveness} for which items each value counts.
 *
 * @param metric the fully specified metric that computed this
 * @param firstResponse time to first response of issues and pull requests opened in the window
 * @param issueFirstResponse the same for issues only
 * @param pullRequestFirstResponse the same for pull requests only
 * @param timeToClose time from opening to the close or merge that left the item closed at the
 *     as-of instant, items opened in the window (reopened and still open items are censored)
 * @param timeToMerge time from opening to merge of pull requests merged in the window
 * @param velocityDays OpenSauced PR velocity: the mean of the whole days (rounded down) from
 *     opening to merge, pull requests merged in the window; empty if none
 * @param acceptance merged pull requests over merged plus closed-unmerged ones, both in the window
 * @param closure items closed (closed or merged) in the window over items opened in it
 * @param reviewCoverage merged pull requests approved by someone other than the author at or
 *     before the merge, over merged pull requests whose author is known
 * @param reviewConcentration the CHAOSS absence factor over reviews in the window
 * @param approvalDiversity merged pull requests approved (at or before the merge) by at least
 *     {@link Responsiveness#minApprovers()} distinct people other than the author from at least
 *     {@link Responsiveness#minOrganizations()} organisations, over merged pull requests whose
 *     author is known
 * @param ross ROSS: distinct authors whose opening had author association NONE and whose pull
 *     request was merged in the window, over distinct pull requests merged in the window
 * @param rossAuthors those authors' person keys, sorted
 * @param unanswered items opened in the window still without a first response at the as-of
 *     instant (the censored items of {@code firstResponse}), in opening order
 * @param mergedWithoutOpening pull requests merged in the window whose opening no slice saw: left
 *     out of {@code timeToMerge} and {@code velocityDays}
 * @param timelinesOutOfOrder items whose close, merge or first response comes before their
 *     opening (clocks of different services, an opening re-sent later): left out of the times
 *     that would be negative, counted here so that a report can say why they are missing
 */
public record ResponsivenessResult(
    Responsiveness metric,
    DurationSummary firstResponse,
    DurationSummary issueFirstResponse,
    DurationSummary pullRequestFirstResponse,
    DurationSummary timeToClose,
    DurationSummary timeToMerge,
    OptionalDouble velocityDays,
    Ratio acceptance,
    Ratio closure,
    Ratio reviewCoverage,
    FactorResult<Actor> reviewConcentration,
    Ratio approvalDiversity,
    Ratio ross,
    List<Actor> rossAuthors,
    List<ItemRef> unanswered,
    long mergedWithoutOpening,
    long timelinesOutOfOrder) {

  /** Checks the components and copies the lists. */
  public ResponsivenessResult {
    Checks.notNull(metric, "metric");
    Checks.notNull(firstResponse, "firstResponse");
    Checks.notNull(issueFirstResponse, "issueFirstResponse");
    Checks.notNull(pullRequestFirstResponse, "pullRequestFirstResponse");
    Checks.notNull(timeToClose, "timeToClose");
    Checks.notNull(timeToMerge, "timeToMerge");
    Checks.notNull(velocityDays, "velocityDays");
    Checks.notNull(acceptance, "acceptance");
    Checks.notNull(closure, "closure");
    Checks.notNull(reviewCoverage, "reviewCoverage");
    Checks.notNull(reviewConcentration, "reviewConcentration");
    Checks.notNull(approvalDiversity, "approvalDiversity");
    Checks.notNull(ross, "ross");
    rossAuthors = List.copyOf(rossAuthors);
    unanswered = List.copyOf(unanswered);
  }
}
