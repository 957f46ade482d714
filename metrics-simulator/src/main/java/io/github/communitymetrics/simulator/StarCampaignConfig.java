package io.github.communitymetrics.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link StarCampaigns} plants, on top of any events.
 *
 * @param seed the random seed
 * @param start the first campaign's start; campaigns follow every 20 days
 * @param lowActivityCampaigns bursts of low-activity accounts, each on a repository of its own
 * @param lowActivityAccounts accounts per burst: each stars the target once within {@code burst}
 *     and does nothing else
 * @param lockstepGroups lockstep groups
 * @param lockstepAccounts accounts per group (StarScout's n is 50)
 * @param lockstepRepositories repositories per group (StarScout's m is 10), each starred by every
 *     account within {@code burst} of the repository's own centre; centres are 5 days apart
 * @param organicBursts bursts of real users after a release
 * @param organicAccounts users per organic burst: each has issues and stars on other repositories
 *     over the preceding months, then stars the released repository within {@code burst}
 * @param burst the spread of each burst
 */
public record StarCampaignConfig(
    long seed, Instant start, int lowActivityCampaigns, int lowActivityAccounts, int lockstepGroups,
    int lockstepAccounts, int lockstepRepositories, int organicBursts, int organicAccounts, Duration burst) {

  /** Checks the fields. */
  public StarCampaignConfig {
    SimChecks.notNull(start, "start");
    SimChecks.notNull(burst, "burst");
    SimChecks.between(lowActivityCampaigns, 0, 1000, "lowActivityCampaigns");
    SimChecks.between(lowActivityAccounts, 1, 1_000_000, "lowActivityAccounts");
    SimChecks.between(lockstepGroups, 0, 1000, "lockstepGroups");
    SimChecks.between(lockstepAccounts, 1, 1_000_000, "lockstepAccounts");
    SimChecks.between(lockstepRepositories, 1, 1000, "lockstepRepositories");
    SimChecks.between(organicBursts, 0, 1000, "organicBursts");
    SimChecks.between(organicAccounts, 1, 1_000_000, "organicAccounts");
    if (burst.isNegative() || burst.isZero() || burst.compareTo(Duration.ofDays(14)) > 0) {
      throw new IllegalArgumentException("burst must be in (0, 14 days], was " + burst);
    }
  }

  /**
   * Two campaigns of each kind at StarScout's sizes (60 low-activity accounts, groups of 60
   * accounts on 12 repositories) and two organic bursts of 200 users, 3-day bursts.
   */
  public static StarCampaignConfig typical(long seed, Instant start) {
    return new StarCampaignConfig(seed, start, 2, 60, 2, 60, 12, 2, 200, Duration.ofDays(3));
  }
}
