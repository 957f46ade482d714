package io.github.communitymetrics.core.metrics.stars;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Duration;

/**
 * The parameters of the lockstep (CopyCatch) signal, as StarScout sets them in {@link #STARSCOUT}.
 *
 * @param minUsers n: the least number of accounts in a group
 * @param minRepositories m: the least number of repositories a group starred together
 * @param dt each star of the group on a repository is at most this far from the repository's
 *     centre time
 * @param rho each account starred at least {@code ceil(rho * |repositories|)} of the group's
 *     repositories within {@code dt} of their centres (a fraction in (0, 1])
 * @param beta the centre search radius in units of {@code dt}: when a centre is recomputed, only
 *     stars within {@code beta * dt} of the previous centre are considered (at least 1)
 * @param windowMonths the length of each detection window in calendar months (StarScout: 6). A
 *     window starts on the first day of a UTC calendar month whose index (year * 12 + month - 1)
 *     is a multiple of {@code stepMonths}, and also holds the day on which it would end, as
 *     StarScout's {@code BETWEEN start_date AND end_date} over GH Archive's daily tables does:
 *     {@code [2024-01-01, 2024-07-02)} for StarScout's chunk {@code ("240101", "240701")}
 * @param stepMonths how many calendar months consecutive windows start apart (StarScout: 3, so
 *     windows start on 1 January, April, July and October and overlap by half)
 */
public record LockstepParameters(
    int minUsers, int minRepositories, Duration dt, double rho, double beta, int windowMonths, int stepMonths) {

  /**
   * StarScout's ({@code scripts/__init__.py}: {@code COPYCATCH_PARAMS}, {@code
   * COPYCATCH_DATE_CHUNKS}): n = 50, m = 10, dt = 15 days, rho = 0.5, beta = 2, 6-month windows
   * starting every quarter.
   */
  public static final LockstepParameters STARSCOUT = new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 2.0, 6, 3);

  /** Checks the fields. */
  public LockstepParameters {
    Checks.notNull(dt, "dt");
    if (minUsers < 2) {
      throw new IllegalArgumentException("minUsers must be at least 2, was " + minUsers);
    }
    if (minRepositories < 1) {
      throw new IllegalArgumentException("minRepositories must be at least 1, was " + minRepositories);
    }
    if (dt.isNegative() || dt.isZero() || dt.toSeconds() < 1) {
      throw new IllegalArgumentException("dt must be at least one second, was " + dt);
    }
    if (!(rho > 0 && rho <= 1)) {
      throw new IllegalArgumentException("rho must be in (0, 1], was " + rho);
    }
    if (!(beta >= 1) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be a finite number of at least 1, was " + beta);
    }
    if (windowMonths < 1 || windowMonths > 120) {
      throw new IllegalArgumentException("windowMonths must be in [1, 120], was " + windowMonths);
    }
    if (dt.compareTo(Duration.ofDays(14L * windowMonths)) > 0) {
      throw new IllegalArgumentException("dt must be at most 14 days per window month, was " + dt);
    }
    if (stepMonths < 1 || stepMonths > windowMonths) {
      throw new IllegalArgumentException("stepMonths must be in [1, windowMonths], was " + stepMonths);
    }
  }
}
