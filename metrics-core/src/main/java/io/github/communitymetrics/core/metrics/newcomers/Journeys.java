package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.time.Window;
import java.util.List;

/**
 * Every newcomer's journey in one window, with the same first-response measure for the
 * established contributors: what the newcomer metrics ({@code newcomer-experience}, {@code
 * newcomer-staying}, {@code newcomer-welcomers}, {@code mentorship}) are computed from.
 *
 * @param window the window: newcomers' first contributions lie in it, everything is as of its end
 * @param contributionType what counts as a contribution (first, second, last)
 * @param mentorMinimum k: a mentor answered at least this many of the newcomer's first n items
 * @param mentorItems n: how many of the newcomer's first issues and pull requests are looked at
 * @param contributors how many people (bots left out) contributed in the window
 * @param newcomers the newcomers' journeys, by first contribution then person key
 * @param establishedIssues time to first response of the issues opened in the window by people
 *     whose first contribution in the scope was before it
 * @param establishedPullRequests the same for their pull requests
 * @param establishedItems their issues and pull requests together
 */
public record Journeys(
    Window window,
    ContributionType contributionType,
    int mentorMinimum,
    int mentorItems,
    int contributors,
    List<Journey> newcomers,
    ResponseTimes establishedIssues,
    ResponseTimes establishedPullRequests,
    ResponseTimes establishedItems) {

  /** Checks the components and copies the journeys. */
  public Journeys {
    Checks.notNull(window, "window");
    Checks.notNull(contributionType, "contributionType");
    Checks.positive(mentorMinimum, "mentorMinimum");
    Checks.argument(mentorItems >= mentorMinimum, "mentorItems must be at least mentorMinimum");
    Checks.notNegative(contributors, "contributors");
    newcomers = List.copyOf(newcomers);
    Checks.notNull(establishedIssues, "establishedIssues");
    Checks.notNull(establishedPullRequests, "establishedPullRequests");
    Checks.notNull(establishedItems, "establishedItems");
  }
}
