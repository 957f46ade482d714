package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A pull request was merged.
 *
 * @param at when it happened (UTC), within {@link EventTimes#MIN} and {@link EventTimes#MAX}
 * @param repo the repository
 * @param actor whoever merged it
 * @param number the issue or pull request number, positive, unique within the repository
 * @param author the pull request's author, when the source says
 * @param baseBranch the branch it was merged into, when known
 * @param mergeCommitSha the commit that merged it, when known
 */
public record PullRequestMerged(
    Instant at,
    Repository repo,
    Actor actor,
    int number,
    Optional<Actor> author,
    Optional<String> baseBranch,
    Optional<String> mergeCommitSha) implements NumberedEvent {

  /** Checks the components. */
  public PullRequestMerged {
    EventTimes.check(at, "at");
    Checks.notNull(repo, "repo");
    Checks.notNull(actor, "actor");
    Checks.positive(number, "number");
    Checks.notNull(author, "author");
    Checks.notNull(baseBranch, "baseBranch");
    Checks.notNull(mergeCommitSha, "mergeCommitSha");
    baseBranch.ifPresent(b -> Checks.notBlank(b, "baseBranch"));
    mergeCommitSha.ifPresent(s -> Commit.checkSha(s, "mergeCommitSha"));
  }

  @Override
  public EventType type() {
    return EventType.PULL_REQUEST_MERGED;
  }

  @Override
  public boolean onPullRequest() {
    return true;
  }
}
