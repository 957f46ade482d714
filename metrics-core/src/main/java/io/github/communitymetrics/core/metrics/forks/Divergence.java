package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a fork's history and its upstream's have diverged, as one source read them at one
 * instant: the commits the fork has that the upstream lacks (<b>ahead</b>) and those the upstream
 * has that the fork lacks (<b>behind</b>), counted from their merge base, which is what {@code git
 * rev-list --left-right --count UPSTREAM...FORK} and GitHub's compare API ({@code ahead_by},
 * {@code behind_by}) both count. Either {@link Measured} or {@link Unknown} with its reason:
 * a fork that could not be compared has no value, never 0 ahead and 0 behind.
 *
 * <p>Not an event: a comparison describes the two branches when it was read ({@link #asOf()}),
 * not the window's end of a metric, and comes from outside the events (a side input of {@link
 * ForkActivity#of(io.github.communitymetrics.core.metrics.RepositoryScope,
 * io.github.communitymetrics.core.time.Window, io.github.communitymetrics.core.time.Granularity,
 * ForkEvents, Divergences)}).
 */
public sealed interface Divergence permits Divergence.Measured, Divergence.Unknown {

  /** The fork compared. */
  Repository fork();

  /** The upstream it was compared with. */
  Repository upstream();

  /** When the comparison was read: it describes both branches at that instant. */
  Instant asOf();

  /** Where the comparison comes from. */
  Source source();

  /** Where a comparison comes from. */
  enum Source {
    /** GitHub's compare API ({@code GET /repos/{o}/{n}/compare/{base}...{head}}). */
    GITHUB_COMPARE,
    /** Both histories in a local git repository ({@code git rev-list --left-right --count}). */
    GIT_HISTORY;

    /** {@code GITHUB_COMPARE} as {@code github compare}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** Why a fork could not be compared. */
  enum Reason {
    /** The fork does not exist (any more) or is not visible (HTTP 404 on the fork). */
    FORK_NOT_FOUND,
    /** A branch compared does not exist (any more): deleted, renamed, or never fetched. */
    BRANCH_NOT_FOUND,
    /** The two branches share no commit (a rewritten or orphan history): no merge base to count from. */
    NO_COMMON_HISTORY,
    /** The comparison was refused as too large or too slow to compute (GitHub's "diff is taking too long"). */
    TOO_LARGE,
    /** The source refused or failed otherwise (forbidden, gone, blocked for legal reasons, an error, a malformed answer). */
    UNAVAILABLE;

    /** {@code NO_COMMON_HISTORY} as {@code no common history}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * A comparison that counted both sides.
   *
   * @param fork the fork
   * @param upstream the upstream
   * @param asOf when it was read
   * @param source where it comes from
   * @param upstreamRef the upstream's branch or ref compared, as the source named it (such as
   *     {@code main} or {@code upstream/main})
   * @param forkRef the fork's branch or ref compared
   * @param ahead commits reachable from the fork's ref and not from the upstream's (at least 0)
   * @param behind commits reachable from the upstream's ref and not from the fork's (at least 0)
   * @param mergeBase the merge base's commit id when the source gave it
   */
  record Measured(
      Repository fork,
      Repository upstream,
      Instant asOf,
      Source source,
      String upstreamRef,
      String forkRef,
      int ahead,
      int behind,
      Optional<String> mergeBase)
      implements Divergence {
    /** Checks the components. */
    public Measured {
      Checks.notNull(fork, "fork");
      Checks.notNull(upstream, "upstream");
      Checks.notNull(asOf, "asOf");
      Checks.notNull(source, "source");
      Checks.notBlank(upstreamRef, "upstreamRef");
      Checks.notBlank(forkRef, "forkRef");
      Checks.notNegative(ahead, "ahead");
      Checks.notNegative(behind, "behind");
      Checks.notNull(mergeBase, "mergeBase");
    }

    /** {@code identical}, {@code ahead}, {@code behind} or {@code diverged}, as GitHub's {@code status} says. */
    public String status() {
      if (ahead == 0 && behind == 0) {
        return "identical";
      }
      if (behind == 0) {
        return "ahead";
      }
      return ahead == 0 ? "behind" : "diverged";
    }
  }

  /**
   * A comparison that could not count: no value, with why.
   *
   * @param fork the fork
   * @param upstream the upstream
   * @param asOf when it was tried
   * @param source where it was tried
   * @param reason why it has no value
   * @param detail what the source said, for a reader (never a credential)
   */
  record Unknown(Repository fork, Repository upstream, Instant asOf, Source source, Reason reason, String detail)
      implements Divergence {
    /** Checks the components. */
    public Unknown {
      Checks.notNull(fork, "fork");
      Checks.notNull(upstream, "upstream");
      Checks.notNull(asOf, "asOf");
      Checks.notNull(source, "source");
      Checks.notNull(reason, "reason");
      Checks.notBlank(detail, "detail");
    }
  }
}
