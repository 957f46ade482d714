package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One newcomer's journey: a person whose first contribution (of the chosen type) in the scope
 * falls in the window, what happened to their first issue and first pull request, whether they
 * came back, who mentored them and whether they climbed the contributor ladder. Everything is as
 * of the end of the window.
 *
 * @param newcomer the person key
 * @param firstContribution their first contribution of the chosen type in the scope
 * @param secondContribution their first contribution of the chosen type to another issue, pull
 *     request or commit (a further comment on the same item is not coming back); empty if none
 *     before the end of the window
 * @param lastContribution their last contribution of the chosen type before the end
 * @param firstIssue the first issue they opened in the scope, if any
 * @param firstPullRequest the first pull request they opened in the scope, if any
 * @param mentors the maintainers (or people at ladder rung D3) who commented on or reviewed at
 *     least k of their first n issues and pull requests, sorted
 * @param reachedD2 when they reached ladder rung D2 (a merged pull request) or higher, if they did
 */
public record Journey(
    Actor newcomer,
    Instant firstContribution,
    Optional<Instant> secondContribution,
    Instant lastContribution,
    Optional<FirstItem> firstIssue,
    Optional<FirstItem> firstPullRequest,
    List<Actor> mentors,
    Optional<Instant> reachedD2) {

  /** Checks the components and copies the mentors. */
  public Journey {
    Checks.notNull(newcomer, "newcomer");
    Checks.notNull(firstContribution, "firstContribution");
    Checks.notNull(secondContribution, "secondContribution");
    Checks.notNull(lastContribution, "lastContribution");
    Checks.notNull(firstIssue, "firstIssue");
    Checks.notNull(firstPullRequest, "firstPullRequest");
    Checks.notNull(reachedD2, "reachedD2");
    mentors = List.copyOf(mentors);
  }

  /** The earlier of the first issue and first pull request (the pull request on a tie). */
  public Optional<FirstItem> firstItem() {
    if (firstIssue.isEmpty()) {
      return firstPullRequest;
    }
    if (firstPullRequest.isEmpty()) {
      return firstIssue;
    }
    return firstIssue.get().opened().isBefore(firstPullRequest.get().opened()) ? firstIssue : firstPullRequest;
  }

  /** Whether someone mentored them. */
  public boolean mentored() {
    return !mentors.isEmpty();
  }

  /** The time from the first to the second contribution, if they came back. */
  public Optional<Duration> timeToSecond() {
    return secondContribution.map(s -> Duration.between(firstContribution, s));
  }
}
