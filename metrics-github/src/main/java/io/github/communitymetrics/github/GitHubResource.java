package io.github.communitymetrics.github;

import java.util.Locale;

/** A kind of data a fetch reads. */
public enum GitHubResource {
  /** Stars with their time ({@code starred_at}): one request per 100 stars. */
  STARGAZERS,
  /** Forks with their creation time: one request per 100 forks. */
  FORKS,
  /**
   * The opening of every issue and pull request (oldest first, with the author's association):
   * one request per 100. Closing and merging are {@link #ISSUE_EVENTS}.
   */
  ISSUES,
  /** Comments on issues and pull requests (the conversation, not the diff): one request per 100. */
  ISSUE_COMMENTS,
  /** Comments on pull-request diffs: one request per 100. */
  REVIEW_COMMENTS,
  /**
   * Closings, reopenings, merges and label changes of issues and pull requests, with who did them, from the
   * repository-wide issue-events list: one request per 100 events of any kind (labels and
   * assignments included). The close GitHub records with each merge is folded into the merge.
   */
  ISSUE_EVENTS,
  /**
   * Submitted reviews of every pull request with their verdicts. Through GraphQL ({@link
   * ReviewsApi}): one query per 50 pull requests with their first 100 reviews (plus one per further
   * 100 reviews of a pull request), ordered by last update, so that a later fetch reads the pull
   * requests updated since and sees new reviews of old ones. Through REST: the pulls list (one
   * request per 100 pull requests) and one request per pull request; a later fetch reads only the
   * pull requests opened since. Either way the pull requests' base branches are joined into the
   * merges of {@link #ISSUE_EVENTS}, and their head repositories into the openings of {@link
   * #ISSUES} (read after this).
   */
  REVIEWS,
  /** Published releases by their authors (drafts are not events): one request per 100. */
  RELEASES,
  /**
   * Commits of the default branch with author and committer lines and parents, the GitHub account
   * when GitHub links one (no changed paths: the git adapter reads those): one request per 100.
   */
  COMMITS;

  /**
   * The name used on the command line and in checkpoint files.
   *
   * @return the lower-case name, such as {@code stargazers}
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The resource of a wire name.
   *
   * @param wireName such as {@code forks}
   * @return the resource
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static GitHubResource fromWireName(String wireName) {
    for (GitHubResource r : values()) {
      if (r.wireName().equals(wireName)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown GitHub resource '" + wireName + "'; known: stargazers, forks, issues, issue_comments, review_comments, issue_events, reviews, releases, commits");
  }
}
