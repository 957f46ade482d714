package io.github.communitymetrics.simulator;

import java.util.List;

/**
 * A repository with a planted governance (opt-in: {@link SimulationConfig#governance()} is empty
 * by default): who maintains it and for which organisations, how merged pull requests are
 * approved, and who decides its RFCs. The simulator adds one repository {@code
 * <organization>/<name>} per scenario after the ordinary and the profiled ones; see {@link
 * GovernanceScenarios} for the process.
 *
 * @param name the repository's name; lower-case words joined by hyphens
 * @param maintainers how many maintainers, at least 3 (granted write access in the first hour)
 * @param organizations how many organisations they work for, 1 to {@code maintainers}: maintainer
 *     {@code i} works for organisation {@code i mod organizations}
 * @param crossOrganizationApproval the probability that a merged pull request's second approver
 *     works for another organisation than the first (when there is one); else the same
 *     organisation (when it has another maintainer than the author)
 * @param decidingOrganizations how many organisations decide the RFCs, 1 to {@code organizations}:
 *     the maintainers who comment on and close an RFC work for one of the first {@code
 *     decidingOrganizations} organisations, each RFC drawing two of them (from two organisations
 *     when there are two or more)
 * @param pullRequestsPerMonth pull requests opened and merged per 30-day month
 * @param rfcsPerMonth RFC issues (label {@code rfc}) opened and decided per 30-day month
 */
public record GovernanceScenario(
    String name,
    int maintainers,
    int organizations,
    double crossOrganizationApproval,
    int decidingOrganizations,
    int pullRequestsPerMonth,
    int rfcsPerMonth) {

  /** Checks the ranges. */
  public GovernanceScenario {
    SimChecks.notBlank(name, "name");
    SimChecks.argument(name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "a scenario name is lower-case hyphenated words: " + name);
    SimChecks.argument(maintainers >= 3, "maintainers must be at least 3: " + maintainers);
    SimChecks.argument(organizations >= 1 && organizations <= maintainers, "organizations out of 1.." + maintainers + ": " + organizations);
    SimChecks.probability(crossOrganizationApproval, "crossOrganizationApproval");
    SimChecks.argument(decidingOrganizations >= 1 && decidingOrganizations <= organizations,
        "decidingOrganizations out of 1.." + organizations + ": " + decidingOrganizations);
    SimChecks.argument(pullRequestsPerMonth >= 1 && pullRequestsPerMonth <= 1000, "pullRequestsPerMonth out of 1..1000: " + pullRequestsPerMonth);
    SimChecks.argument(rfcsPerMonth >= 0 && rfcsPerMonth <= 100, "rfcsPerMonth out of 0..100: " + rfcsPerMonth);
  }

  /** One vendor: 6 maintainers of one organisation approve and decide everything. */
  public static GovernanceScenario singleVendor() {
    return new GovernanceScenario("single-vendor", 6, 1, 0.0, 1, 12, 2);
  }

  /** A diverse project: 8 maintainers of 4 organisations; approvals and decisions cross them. */
  public static GovernanceScenario diverse() {
    return new GovernanceScenario("diverse", 8, 4, 0.9, 4, 12, 2);
  }

  /**
   * Diverse maintainers and approvals (6 of 3 organisations), but one organisation decides every
   * RFC.
   */
  public static GovernanceScenario rfcsByOneOrganization() {
    return new GovernanceScenario("rfcs-by-one-organization", 6, 3, 0.9, 1, 12, 2);
  }

  /** The three planted scenarios: {@link #singleVendor()}, {@link #diverse()}, {@link #rfcsByOneOrganization()}. */
  public static List<GovernanceScenario> planted() {
    return List.of(singleVendor(), diverse(), rfcsByOneOrganization());
  }
}
