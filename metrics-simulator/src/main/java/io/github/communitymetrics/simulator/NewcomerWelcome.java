package io.github.communitymetrics.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Repositories with a planted newcomer experience, and how newcomers react to it. Each {@link
 * WelcomeProfile} adds one repository after the {@link SimulationConfig#repositories()} ordinary
 * ones; those keep their events (their draws come first), and the planted community events
 * ({@link SimulationConfig#events()}) act on them only.
 *
 * <p>A profiled repository has the ordinary core team, core activity, bots and stargazers. Its
 * newcomers (direct ones, {@link SimulationConfig#newcomersPerMonth()} a month, and converting
 * stargazers) follow this process instead of the ordinary one:
 *
 * <ol>
 *   <li>On arrival the newcomer is given a mentor with the profile's {@link
 *       WelcomeProfile#mentoredShare()}: a core member, chosen uniformly.
 *   <li>Their first contribution opens an issue. Every issue and pull request they ever open is
 *       answered by their mentor after an exponential delay with median {@link
 *       #mentorResponseMedian()}; without a mentor, it is left unanswered with the profile's
 *       {@link WelcomeProfile#unansweredProbability()}, else answered after an exponential delay
 *       with the profile's median, by a core member who has not answered that person yet (any
 *       core member once all have). Only the responder, the author and bots act on these threads:
 *       others' comments and reviews go to other threads (so that every answer by a maintainer,
 *       a promoted contributor included, is a planted one).
 *   <li>The first response is <b>quick</b> when it comes within {@link #quickResponse()} of the
 *       opening (before the end of the simulation). The newcomer <b>returns</b> with probability
 *       {@link #returnIfQuick()} after a quick first response and {@link #returnIfSlow()} after a
 *       slow one or none, whether mentored or not: mentoring helps by answering quickly.
 *   <li>A newcomer who does not return makes no other contribution (at most a reply on their own
 *       issue) and departs. One who returns opens a pull request (their second contribution) at a
 *       uniform instant between {@code quickResponse} and {@link #returnWithin()} after arriving,
 *       then stays a geometric number of months from it with monthly departure probability {@link
 *       SimulationConfig#departureProbability()}, times {@link #mentoredDepartureFactor()} if
 *       mentored, and acts like an ordinary contributor meanwhile.
 *   <li>Pull requests by people outside the core team are merged with {@link
 *       #mentoredMergeProbability()} when mentored, else the profile's {@link
 *       WelcomeProfile#mergeProbability()}: mentees reach rung D2 sooner.
 * </ol>
 *
 * <p>Labels: a core member's issue is a good first issue with the profile's share (half of them
 * labelled at opening, half by a label event minutes later; a fifth of those resolved lose the
 * label just before; with planted {@linkplain #claims() claims} they follow {@link
 * GoodFirstIssueClaims} instead); the first responder labels half of the issues and a third of the pull
 * requests they answer {@code bug} or {@code enhancement}.
 *
 * @param profiles the profiled repositories, in order, with distinct names; empty for none
 * @param quickResponse the longest first response that counts as quick (inclusive); the {@code
 *     quickResponse} default of the {@code newcomer-staying} metric is 2 days
 * @param returnIfQuick the probability that a newcomer answered quickly returns
 * @param returnIfSlow the probability that a newcomer answered slowly or never returns
 * @param returnWithin the latest a returning newcomer's second contribution comes after their
 *     first, longer than {@code quickResponse} and at most 90 days (so that it lies within the
 *     staying metric's 90-day horizon)
 * @param mentorResponseMedian the median delay of a mentor's answers
 * @param mentoredDepartureFactor what a mentee's monthly departure probability is multiplied by
 * @param mentoredMergeProbability the probability that a mentee's answered, resolved pull request
 *     is merged
 * @param staleCloseMedian the median delay after which a core member closes an unanswered pull
 *     request without a word (for half of them)
 * @param claims how the good first issues are claimed and closed, when planted; empty (the
 *     default, and the demo's) for the process above, where nobody claims them
 */
public record NewcomerWelcome(
    List<WelcomeProfile> profiles,
    Duration quickResponse,
    double returnIfQuick,
    double returnIfSlow,
    Duration returnWithin,
    Duration mentorResponseMedian,
    double mentoredDepartureFactor,
    double mentoredMergeProbability,
    Duration staleCloseMedian,
    Optional<GoodFirstIssueClaims> claims) {

  /** The longest allowed {@link #returnWithin()}: the staying metric's horizon. */
  public static final Duration NINETY_DAYS = Duration.ofDays(90);

  /** Checks the components and copies the list. */
  public NewcomerWelcome {
    profiles = List.copyOf(SimChecks.notNull(profiles, "profiles"));
    Set<String> names = new HashSet<>();
    for (WelcomeProfile p : profiles) {
      SimChecks.argument(names.add(p.name()), "two profiles are named " + p.name());
    }
    SimChecks.positive(quickResponse, "quickResponse");
    SimChecks.probability(returnIfQuick, "returnIfQuick");
    SimChecks.probability(returnIfSlow, "returnIfSlow");
    SimChecks.positive(returnWithin, "returnWithin");
    SimChecks.argument(
        returnWithin.compareTo(quickResponse) > 0 && returnWithin.compareTo(NINETY_DAYS) <= 0,
        "returnWithin must be longer than quickResponse and at most 90 days: " + returnWithin);
    SimChecks.positive(mentorResponseMedian, "mentorResponseMedian");
    SimChecks.argument(
        mentoredDepartureFactor >= 0 && mentoredDepartureFactor <= 1,
        "mentoredDepartureFactor must be in [0, 1]: " + mentoredDepartureFactor);
    SimChecks.probability(mentoredMergeProbability, "mentoredMergeProbability");
    SimChecks.positive(staleCloseMedian, "staleCloseMedian");
    SimChecks.notNull(claims, "claims");
    for (Duration d : List.of(quickResponse, returnWithin, mentorResponseMedian, staleCloseMedian)) {
      SimChecks.argument(d.getNano() == 0, "durations must be whole seconds: " + d);
    }
  }

  /** No profiled repositories (the parameters are the demo's, unused). */
  public static NewcomerWelcome none() {
    return of(List.of());
  }

  /**
   * The demo's: a {@linkplain WelcomeProfile#welcoming() welcoming} and an {@linkplain
   * WelcomeProfile#unwelcoming() unwelcoming} repository with the parameters of {@link #of}.
   */
  public static NewcomerWelcome demo() {
    return of(List.of(WelcomeProfile.welcoming(), WelcomeProfile.unwelcoming()));
  }

  /**
   * These profiles with the demo's reactions: quick is within 2 days; a newcomer returns with
   * probability 0.7 after a quick first response and 0.3 otherwise, within 60 days; mentors answer
   * after a median of 2 hours; mentees leave at 0.4 times the usual monthly rate and 90 % of
   * their pull requests are merged; half of the unanswered pull requests are closed after a
   * median of 30 days.
   */
  public static NewcomerWelcome of(List<WelcomeProfile> profiles) {
    return new NewcomerWelcome(
        profiles, Duration.ofDays(2), 0.7, 0.3, Duration.ofDays(60), Duration.ofHours(2), 0.4, 0.9, Duration.ofDays(30),
        Optional.empty());
  }

  /**
   * These parameters with planted claims of the good first issues (see {@link
   * GoodFirstIssueClaims}), instead of issues that nobody claims.
   */
  public NewcomerWelcome withClaims(GoodFirstIssueClaims value) {
    return new NewcomerWelcome(
        profiles, quickResponse, returnIfQuick, returnIfSlow, returnWithin, mentorResponseMedian,
        mentoredDepartureFactor, mentoredMergeProbability, staleCloseMedian,
        Optional.of(SimChecks.notNull(value, "claims")));
  }

  /** The planted difference in return probability, quick minus slow. */
  public double returnDifference() {
    return returnIfQuick - returnIfSlow;
  }
}
