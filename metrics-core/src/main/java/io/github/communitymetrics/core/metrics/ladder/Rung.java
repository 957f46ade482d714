package io.github.communitymetrics.core.metrics.ladder;

import java.util.Optional;

/**
 * A rung of the contributor ladder. The first three are CHAOSS's conversion-rate levels; the
 * fourth is the maintainer step of the seed articles. Rungs are cumulative: a person's rung at an
 * instant is the highest one whose defining act they had performed by then, whether or not they
 * performed the acts of the rungs below (see {@link Climb#passedThrough(Rung)}).
 */
public enum Rung {
  /** Starred or forked a repository in scope (CHAOSS also lists watching, which forges fold into stars). */
  D0,
  /**
   * Opened an issue, commented on an issue or pull request (conversation or review comment), or
   * submitted a pull request review. Opening a pull request alone is not a D1 act; having it
   * merged is D2.
   */
  D1,
  /** Had a pull request merged: credits the pull request's author, not whoever merged it. */
  D2,
  /**
   * Maintainer: reviewed or merged a pull request whose author is someone else, or was granted
   * write, maintain or admin access ({@code member_added}).
   */
  D3;

  private static final Rung[] ALL = values();

  /** The rung above this one; empty for {@link #D3}. */
  public Optional<Rung> next() {
    return ordinal() + 1 < ALL.length ? Optional.of(ALL[ordinal() + 1]) : Optional.empty();
  }
}
