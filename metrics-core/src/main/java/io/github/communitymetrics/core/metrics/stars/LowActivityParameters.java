package io.github.communitymetrics.core.metrics.stars;

/**
 * The thresholds of the low-activity signal: an account whose events in the data all fall on one
 * UTC day is low-activity when it also has at most these many events, repositories and
 * organisations (repository owners).
 *
 * @param maxEvents the most distinct event times, in seconds (StarScout: 2; its {@code
 *     stg_all_repos_with_low_activity_stars.sql} counts {@code COUNT(DISTINCT created_at)}, so
 *     events in the same second count once)
 * @param maxRepositories the most distinct repositories (StarScout: 1)
 * @param maxOrganizations the most distinct repository owners (StarScout: 1)
 */
public record LowActivityParameters(int maxEvents, int maxRepositories, int maxOrganizations) {

  /** StarScout's: at most 2 events, 1 repository and 1 organisation. */
  public static final LowActivityParameters STARSCOUT = new LowActivityParameters(2, 1, 1);

  /** Checks the fields: each at least 1 and below {@link FakeStars.Activity#CAP}. */
  public LowActivityParameters {
    check(maxEvents, "maxEvents");
    check(maxRepositories, "maxRepositories");
    check(maxOrganizations, "maxOrganizations");
  }

  private static void check(int v, String name) {
    if (v < 1 || v >= FakeStars.Activity.CAP) {
      throw new IllegalArgumentException(name + " must be in [1, " + (FakeStars.Activity.CAP - 1) + "], was " + v);
    }
  }
}
