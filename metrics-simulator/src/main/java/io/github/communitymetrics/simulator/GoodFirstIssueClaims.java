package io.github.communitymetrics.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the good first issues of the profiled repositories are taken up, when planted (see {@link
 * NewcomerWelcome#claims()}). Each good first issue gets one of four fates, drawn independently at
 * its labelling:
 *
 * <ol>
 *   <li>with {@link #newcomerPullRequestShare()}, a <b>newcomer's pull request</b>: a person new to
 *       the repository says in a comment that they take it (their first contribution, shortly
 *       before) and opens a pull request whose closing references name the issue; a core member approves and merges it after an exponential
 *       delay with median {@link #mergeDelayMedian()}, which closes the issue;
 *   <li>with {@link #assignedNewcomerShare()}, an <b>assignment to a newcomer</b>: a person new to
 *       the repository asks for it in a comment (their first contribution, shortly before) and the
 *       issue's author assigns it to them;
 *   <li>with {@link #assignedEstablishedShare()}, an <b>assignment to a core member</b>, by the
 *       issue's author;
 *   <li>otherwise it is left <b>unclaimed</b> and open.
 * </ol>
 *
 * <p>The claim (the pull request's opening or the assignment) comes after an exponential delay
 * from the labelling with median {@link #claimDelayMedian()}. An assignee then delivers, with
 * {@link #deliveryProbability()}, a pull request naming the issue after another such delay, merged
 * as above and closing the issue; otherwise the issue stays open. Nothing else closes, reopens or
 * unlabels these issues, and nobody but bots and the claimants comments on them, so that the planted claims are the only
 * ones.
 *
 * @param newcomerPullRequestShare the probability of a newcomer's closing pull request
 * @param assignedNewcomerShare the probability of an assignment to a newcomer
 * @param assignedEstablishedShare the probability of an assignment to a core member
 * @param claimDelayMedian the median delay from labelling to claim (and from assignment to the
 *     assignee's pull request), whole seconds
 * @param deliveryProbability the probability that an assignee opens a closing pull request
 * @param mergeDelayMedian the median delay from a closing pull request's opening to its merge,
 *     whole seconds
 */
public record GoodFirstIssueClaims(
    double newcomerPullRequestShare,
    double assignedNewcomerShare,
    double assignedEstablishedShare,
    Duration claimDelayMedian,
    double deliveryProbability,
    Duration mergeDelayMedian) {

  /** Checks the components. */
  public GoodFirstIssueClaims {
    SimChecks.probability(newcomerPullRequestShare, "newcomerPullRequestShare");
    SimChecks.probability(assignedNewcomerShare, "assignedNewcomerShare");
    SimChecks.probability(assignedEstablishedShare, "assignedEstablishedShare");
    SimChecks.argument(
        newcomerPullRequestShare + assignedNewcomerShare + assignedEstablishedShare <= 1,
        "the claim shares must add up to at most 1 but were " + newcomerPullRequestShare + " + "
            + assignedNewcomerShare + " + " + assignedEstablishedShare);
    SimChecks.probability(deliveryProbability, "deliveryProbability");
    for (Duration d : List.of(
        SimChecks.positive(claimDelayMedian, "claimDelayMedian"), SimChecks.positive(mergeDelayMedian, "mergeDelayMedian"))) {
      SimChecks.argument(d.getNano() == 0, "durations must be whole seconds: " + d);
    }
  }

  /**
   * The demo's: 40 % taken by a newcomer's pull request, 20 % assigned to a newcomer, 15 % to a
   * core member, 25 % left unclaimed; claims after a median of 5 days; 60 % of assignees deliver;
   * merges after a median of 2 days.
   */
  public static GoodFirstIssueClaims demo() {
    return new GoodFirstIssueClaims(0.4, 0.2, 0.15, Duration.ofDays(5), 0.6, Duration.ofDays(2));
  }

  /** The probability that a good first issue is claimed at all (if followed long enough). */
  public double claimedShare() {
    return newcomerPullRequestShare + assignedNewcomerShare + assignedEstablishedShare;
  }

  /**
   * The planted median time to claim over all good first issues, unclaimed ones counting as never
   * claimed: the t with {@code claimedShare() * (1 - 2^(-t / claimDelayMedian)) = 1/2}, in whole
   * seconds; empty when at most half are ever claimed (the median is then infinite).
   */
  public Optional<Duration> timeToClaimMedian() {
    double c = claimedShare();
    if (c <= 0.5) {
      return Optional.empty();
    }
    double factor = -Math.log(1 - 0.5 / c) / Math.log(2);
    return Optional.of(Duration.ofSeconds(Math.round(claimDelayMedian.getSeconds() * factor)));
  }
}
