package io.github.communitymetrics.simulator;

import java.time.Duration;

/**
 * How one profiled repository treats the people who contribute to it from outside its core team
 * (see {@link NewcomerWelcome} for the process). A profiled repository is an extra repository of
 * the simulated community, named {@code <organisation>/<name>}.
 *
 * @param name the repository's name inside the organisation, such as {@code welcoming};
 *     lowercase letters, digits and dashes
 * @param firstResponseMedian the median of the exponential delay from opening an issue or pull
 *     request (by someone outside the core team, not mentored) to a core member's first response
 * @param unansweredProbability the probability that such an issue or pull request is never
 *     answered; an unanswered pull request is closed without a word after a while (see {@link
 *     NewcomerWelcome#staleCloseMedian()}) with probability one half, an unanswered issue stays open
 * @param mergeProbability the probability that an answered, resolved pull request of a
 *     non-mentored contributor outside the core team is merged rather than closed
 * @param mentoredShare the probability that a newcomer is given a mentor on arrival: a core
 *     member, chosen uniformly, who answers every issue and pull request the newcomer opens
 * @param goodFirstIssueShare the probability that an issue a core member opens carries the label
 *     {@code good first issue}
 */
public record WelcomeProfile(
    String name,
    Duration firstResponseMedian,
    double unansweredProbability,
    double mergeProbability,
    double mentoredShare,
    double goodFirstIssueShare) {

  /** Checks the components. */
  public WelcomeProfile {
    SimChecks.notBlank(name, "profile name");
    SimChecks.argument(name.matches("[a-z0-9][a-z0-9-]*"), "profile name must be lowercase letters, digits and dashes: " + name);
    SimChecks.positive(firstResponseMedian, "firstResponseMedian of profile " + name);
    SimChecks.argument(
        firstResponseMedian.getNano() == 0, "firstResponseMedian of profile " + name + " must be whole seconds");
    SimChecks.probability(unansweredProbability, "unansweredProbability of profile " + name);
    SimChecks.probability(mergeProbability, "mergeProbability of profile " + name);
    SimChecks.probability(mentoredShare, "mentoredShare of profile " + name);
    SimChecks.probability(goodFirstIssueShare, "goodFirstIssueShare of profile " + name);
  }

  /**
   * A welcoming repository: newcomers are answered after a median of 4 hours and never ignored,
   * 85 % of their answered pull requests are merged, half of them get a mentor, and 30 % of the
   * core team's issues are good first issues.
   */
  public static WelcomeProfile welcoming() {
    return new WelcomeProfile("welcoming", Duration.ofHours(4), 0.0, 0.85, 0.5, 0.3);
  }

  /**
   * An unwelcoming repository: newcomers wait a median of 3 weeks for an answer, 30 % are never
   * answered, 30 % of their answered pull requests are merged, nobody is mentored, and there are
   * no good first issues.
   */
  public static WelcomeProfile unwelcoming() {
    return new WelcomeProfile("unwelcoming", Duration.ofDays(21), 0.3, 0.3, 0.0, 0.0);
  }
}
