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
 * @param window the length of each detection window (StarScout: 6 months; here 182 days)
 * @param step how far consecutive windows start apart (half a window: they overlap by half)
 */
public record LockstepParameters(
    int minUsers, int minRepositories, Duration dt, double rho, double beta, Duration window, Duration step) {

  /** StarScout's: n = 50, m = 10, dt = 15 days, rho = 0.5, beta = 2, 182-day windows every 91 days. */
  public static final LockstepParameters STARSCOUT =
      new LockstepParameters(50, 10, Duration.ofDays(15), 0.5, 2.0, Duration.ofDays(182), Duration.ofDays(91));

  /** Checks the fields. */
  public LockstepParameters {
    Checks.notNull(dt, "dt");
    Checks.notNull(window, "window");
    Checks.notNull(step, "step");
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
    if (window.compareTo(dt.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("window must be at least 2 * dt, was " + window);
    }
    if (step.isNegative() || step.isZero() || step.compareTo(window) > 0) {
      throw new IllegalArgumentException("step must be in (0, window], was " + step);
    }
  }
}
