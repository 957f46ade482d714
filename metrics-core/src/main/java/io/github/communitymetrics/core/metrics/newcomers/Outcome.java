package io.github.communitymetrics.core.metrics.newcomers;

/** Where an issue or pull request stands at the end of the window. */
public enum Outcome {
  /** Merged (pull requests only; a merge is final). */
  MERGED,
  /** Closed without merge and not reopened since. */
  CLOSED,
  /** Still open. */
  OPEN
}
