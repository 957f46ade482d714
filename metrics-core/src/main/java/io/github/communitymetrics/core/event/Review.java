package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A review of a pull request was submitted (or an earlier one dismissed).
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor the reviewer
 * @param number the issue or pull request number, positive, unique within the repository
 * @param state the verdict
 * @param pullRequestAuthor the pull request's author, when the source says
 * @param association the actor's association with the repository, where the forge gives it
 * @param reviewId the forge's id of this review, when the source gives it (GitHub's {@code
 *     review.id}), positive; it tells apart reviews the same person submits on the same pull
 *     request in the same second. Without it such reviews are equal values, so they count as one
 *     event and a store keeps only one of them
 */
public record Review(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    ReviewState state,
    Optional<Actor> pullRequestAuthor,
    Optional<AuthorAssociation> association,
    OptionalLong reviewId) implements NumberedEvent {

  /** Checks the components. */
  public Review {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(state, "state");
    Checks.notNull(pullRequestAuthor, "pullRequestAuthor");
    Checks.notNull(association, "association");
    Checks.positive(reviewId, "reviewId");
  }

  @Override
  public EventType type() {
    return EventType.REVIEW;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
