package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A newcomer's first issue or first pull request in the scope and what happened to it by the end
 * of the window.
 *
 * @param repository its repository
 * @param number its number
 * @param pullRequest whether it is a pull request
 * @param opened when it was opened
 * @param firstResponse the first comment, review comment or review by someone other than the
 *     author (bots left out; the rule of {@code responsiveness}); empty if none came before the
 *     end of the window (censored)
 * @param firstReview the first review by someone other than the author (pull requests); empty if
 *     none
 * @param outcome merged, closed or still open at the end of the window
 * @param decided when it was merged, or closed for the last time; empty while open
 */
public record FirstItem(
    Repository repository,
    int number,
    boolean pullRequest,
    Instant opened,
    Optional<Welcome> firstResponse,
    Optional<Welcome> firstReview,
    Outcome outcome,
    Optional<Instant> decided) {

  /** Checks the components. */
  public FirstItem {
    Checks.notNull(repository, "repository");
    Checks.notNull(opened, "opened");
    Checks.notNull(firstResponse, "firstResponse");
    Checks.notNull(firstReview, "firstReview");
    Checks.notNull(outcome, "outcome");
    Checks.notNull(decided, "decided");
    Checks.argument(decided.isPresent() == (outcome != Outcome.OPEN), "decided is present exactly when not open");
  }

  /**
   * Closed without merge before anyone but the author and bots had said a word: no human response
   * at all, or only after the close.
   */
  public boolean closedWithoutHumanComment() {
    return outcome == Outcome.CLOSED
        && firstResponse.map(w -> w.at().isAfter(decided.orElseThrow())).orElse(true);
  }

  /** Not merged and never answered by a human by the end of the window (open or closed). */
  public boolean ignored() {
    return outcome != Outcome.MERGED && firstResponse.isEmpty();
  }
}
