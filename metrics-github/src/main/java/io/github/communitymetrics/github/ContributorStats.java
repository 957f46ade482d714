package io.github.communitymetrics.github;

import io.github.communitymetrics.core.event.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One contributor's weekly activity on a repository's default branch, as GitHub's statistics
 * endpoint {@code GET /repos/{o}/{n}/stats/contributors} computes it (GitHub counts only the 100
 * contributors with the most commits, and gives 0 additions and deletions for repositories with
 * 10,000 commits or more).
 *
 * @param author the GitHub account the commits are linked to ({@link io.github.communitymetrics.core.event.ActorKind#BOT}
 *     for bots; GitHub's {@code ghost} user when GitHub sent none)
 * @param totalCommits the commits GitHub attributes to the author in total
 * @param weeks one entry per week, oldest first, weeks without activity included as GitHub sends them
 */
public record ContributorStats(Actor author, long totalCommits, List<Week> weeks) {

  /** Checks and copies the arguments. */
  public ContributorStats {
    Objects.requireNonNull(author, "author");
    if (totalCommits < 0) {
      throw new IllegalArgumentException("totalCommits must not be negative but was " + totalCommits);
    }
    weeks = List.copyOf(weeks);
  }

  /**
   * One week of one contributor.
   *
   * @param start the start of the week (GitHub's {@code w}: Sunday 00:00 UTC)
   * @param additions lines added (GitHub's {@code a})
   * @param deletions lines deleted (GitHub's {@code d})
   * @param commits commits authored (GitHub's {@code c})
   */
  public record Week(Instant start, long additions, long deletions, long commits) {
    /** Checks the arguments. */
    public Week {
      Objects.requireNonNull(start, "start");
      if (additions < 0 || deletions < 0 || commits < 0) {
        throw new IllegalArgumentException(
            "additions, deletions and commits must not be negative but were " + additions + ", " + deletions + ", " + commits);
      }
    }
  }
}
