package io.github.communitymetrics.simulator;

/**
 * Generates a deterministic open-source community with planted ground truth.
 *
 * <p>The process, per repository {@code <organisation>/<name>} (one {@link
 * java.util.SplittableRandom} seeded with {@link SimulationConfig#seed()}, split once per
 * repository):
 *
 * <ul>
 *   <li><b>Core team.</b> {@code coreTeamSize} members, granted access ({@code member_added} by
 *       the organisation: admin for the first, maintain for the others) in the first minutes. Each
 *       owns one module directory and creates all its files in its first hours; the module sizes
 *       make the truck factor exactly {@code truckFactor}. Core members act at {@code
 *       coreActionsPerMonth} (Poisson): 70 % direct commits to {@code main} (each with a push;
 *       mostly on their own module, occasionally renaming a file or replacing one with a new file),
 *       10 % pull requests, 10 % issues, 10 % comments.
 *   <li><b>Newcomers.</b> Exactly {@code newcomersPerMonth} per month arrive at uniform instants.
 *       Their first action, at the arrival instant, opens an issue or comments on an open thread.
 *       They stay a geometric number {@code L >= 1} of calendar months ({@code P(L = k) = (1 -
 *       p)^(k-1) p}, p = {@code departureProbability}) and act at {@code
 *       contributorActionsPerMonth} times a truncated Pareto weight: 30 % pull requests, 25 %
 *       issues, 30 % comments, 15 % reviews. After {@code promotionMergedPullRequests} merged pull
 *       requests they are granted write access.
 *   <li><b>Stargazers.</b> Exactly {@code stargazersPerMonth} per month star (or fork, with
 *       {@code forkShare}) once. With {@code conversionProbability} they start contributing
 *       after an exponential delay with median {@code conversionDelayMedian}, then behave as
 *       newcomers. Nobody else stars or forks.
 *   <li><b>Threads.</b> A core member other than the author responds (issue comment, or review
 *       with review comments) after an exponential delay with median {@code firstResponseMedian};
 *       only bots act on a thread before that. Others' comments and reviews come after it. After
 *       a further exponential delay with median {@code resolutionMedian} a core member closes
 *       the issue, or merges (with {@code mergeProbability}, after approving) or closes the pull
 *       request; with {@code reopenProbability} it is first closed and reopened. Merged pull
 *       requests' commits reach {@code main} through a merge commit without files.
 *   <li><b>Bots.</b> {@code dependabot[bot]} (kind BOT) opens {@code botPullRequestsPerMonth}
 *       pull requests that bump a module's {@code pom.xml}; {@code github-actions[bot]} (kind
 *       BOT) comments on new pull requests and {@code triage-helper[bot]} (kind USER: only its
 *       login says bot) on new issues, each with {@code botCommentProbability}, minutes after
 *       opening.
 *   <li><b>Identities.</b> People have synthetic names. A commit's actor is the GitHub account
 *       with the commit's address when GitHub links it (the primary address and the noreply
 *       address), else a bare git identity. With {@code twoEmailShare} a person has a second
 *       address, used for half their commits: company employees a personal webmail address
 *       (never linked), webmail users their GitHub noreply address.
 *   <li><b>Ids.</b> Issue and review comments carry a comment id and reviews a review id, as the
 *       forge gives them: 1, 2, 3, … in the order of the sorted events, one sequence for comments
 *       of either kind and one for reviews, per community. So ids grow with time, and line
 *       comments submitted together with one review (same second, person and pull request) stay
 *       distinct events.
 *   <li><b>Planted community events.</b> Each {@link PlantedEvent} of {@code events} (a
 *       conference, a release, ...) may bring extra direct newcomers, at uniform instants of its
 *       effect span (the event and a duration after it), and scale the monthly departure
 *       probability of everyone who starts contributing in that span. Their draws come after all
 *       others of the repository, and an event without effect draws nothing: it only appears in
 *       {@link PlantedTruth#events()}, as a control.
 *   <li><b>Profiled repositories.</b> Each {@link WelcomeProfile} of {@code welcome} adds a
 *       repository after the ordinary ones, whose newcomers meet a planted welcome (quick or slow
 *       answers, mentors) and return or not depending on it; see {@link NewcomerWelcome}. Their
 *       draws come after the ordinary repositories', which keep their events.
 * </ul>
 *
 * <p>Events outside {@code [start, end)} are not emitted: threads still open at the end stay
 * open, and a stargazer whose conversion falls after the end never contributes.
 */
public final class CommunitySimulator {
  private CommunitySimulator() {}

  /**
   * Simulates a community. Equal configurations give equal results.
   *
   * @param config the parameters
   * @return the events, sorted, with the planted truth
   * @throws IllegalArgumentException if the configuration would produce more than 2^27 events
   */
  public static SimulatedCommunity simulate(SimulationConfig config) {
    return new Generator(SimChecks.notNull(config, "config")).run();
  }
}
