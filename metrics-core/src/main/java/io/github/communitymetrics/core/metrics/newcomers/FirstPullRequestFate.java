package io.github.communitymetrics.core.metrics.newcomers;

import java.util.Optional;

/** What became of a newcomer's first pull request by the end of the window. */
public enum FirstPullRequestFate {
  /** Merged. */
  MERGED,
  /** Closed without merge after a human answer. */
  CLOSED,
  /** Not merged, and no human answered it (open or closed). */
  IGNORED,
  /** Still open, with a human answer. */
  OPEN;

  /** The fate of a journey's first pull request; empty if they opened none. */
  public static Optional<FirstPullRequestFate> of(Journey j) {
    return j.firstPullRequest().map(p -> {
      if (p.outcome() == Outcome.MERGED) {
        return MERGED;
      }
      if (p.ignored()) {
        return IGNORED;
      }
      return p.outcome() == Outcome.CLOSED ? CLOSED : OPEN;
    });
  }
}
