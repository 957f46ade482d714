package io.github.communitymetrics.core.event;

/**
 * An event about one issue or pull request, which its number identifies within the repository.
 * GitHub numbers issues and pull requests in one sequence; GitLab numbers issues and merge
 * requests separately, so {@link #onPullRequest()} is part of the identity.
 */
public sealed interface NumberedEvent extends Event
    permits IssueOpened,
        IssueClosed,
        IssueReopened,
        IssueComment,
        PullRequestOpened,
        PullRequestClosed,
        PullRequestMerged,
        PullRequestReopened,
        Review,
        ReviewComment,
        LabelChanged,
        IssueAssigned {

  /** The issue or pull request number, positive. */
  int number();

  /** Whether the number is a pull (merge) request's rather than an issue's. */
  boolean onPullRequest();
}
