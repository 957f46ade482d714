package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.simulator.PlantedTruth.GovernanceTruth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The events of one {@link GovernanceScenario}'s repository, over the configuration's {@code
 * [start, end)} in 30-day months:
 *
 * <ul>
 *   <li><b>Maintainers</b> {@code <name>-m<i>} (organisation {@code org<i mod organizations>} of
 *       the scenario, e-mail at its domain) are granted write access in the first hour. Each commits
 *       1 to 4 times a month (uniform) at uniform instants.
 *   <li><b>Contributors</b> {@code <name>-c<j>} (20, unaffiliated) and maintainers open {@code
 *       pullRequestsPerMonth} pull requests a month, the author a contributor with probability
 *       1/2. Two maintainers other than the author approve within a day; the second works for
 *       another organisation than the first with {@code crossOrganizationApproval}; the second
 *       approver merges an hour later.
 *   <li><b>RFCs</b>: {@code rfcsPerMonth} issues labelled {@code rfc} a month, opened by a
 *       contributor; two maintainers of the deciding organisations comment (author association
 *       member; from two organisations when two or more decide), and the second closes it a day
 *       later.
 * </ul>
 *
 * <p>Events after the end are not emitted. One {@link SplittableRandom} per scenario.
 */
final class GovernanceScenarios {
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;
  private static final long MONTH = 30 * DAY;
  private static final int CONTRIBUTORS = 20;

  private final GovernanceScenario scenario;
  private final Repository repository;
  private final int index;
  private final long startS;
  private final long endS;
  private final SplittableRandom rng;
  private final List<Event> out;
  private final List<String> maintainers = new ArrayList<>();
  private final Map<String, String> organizations = new LinkedHashMap<>();
  private long commits;
  private int number;

  private GovernanceScenarios(
      GovernanceScenario scenario, Repository repository, int index, Instant start, Instant end, SplittableRandom rng, List<Event> out) {
    this.scenario = scenario;
    this.repository = repository;
    this.index = index;
    this.startS = start.getEpochSecond();
    this.endS = end.getEpochSecond();
    this.rng = rng;
    this.out = out;
  }

  /**
   * Adds the scenario's events to {@code out} and returns its truth.
   *
   * @param index the scenario's position, for unique commit hashes
   */
  static GovernanceTruth generate(
      GovernanceScenario scenario, Repository repository, int index, Instant start, Instant end, SplittableRandom rng, List<Event> out) {
    GovernanceScenarios g = new GovernanceScenarios(scenario, repository, index, start, end, rng, out);
    g.run();
    return new GovernanceTruth(repository, scenario, g.maintainers, g.organizations);
  }

  private String organization(int maintainer) {
    return scenario.name() + "-org" + (maintainer % scenario.organizations());
  }

  private void run() {
    for (int i = 0; i < scenario.maintainers(); i++) {
      String login = scenario.name() + "-m" + i;
      maintainers.add(login);
      organizations.put(login, organization(i));
      emit(new MemberAdded(at(startS + 60L * (i + 1)), repository, Actor.github(scenario.name() + "-owner"), Actor.github(login), Permission.WRITE));
    }
    for (long month = startS; month < endS; month += MONTH) {
      for (int i = 0; i < maintainers.size(); i++) {
        int n = 1 + rng.nextInt(4);
        for (int k = 0; k < n; k++) {
          commit(maintainers.get(i), month + HOUR + rng.nextLong(MONTH - HOUR));
        }
      }
      for (int p = 0; p < scenario.pullRequestsPerMonth(); p++) {
        pullRequest(month + HOUR + rng.nextLong(MONTH - HOUR));
      }
      for (int p = 0; p < scenario.rfcsPerMonth(); p++) {
        rfc(month + HOUR + rng.nextLong(MONTH - HOUR));
      }
    }
  }

  private void commit(String login, long t) {
    Signature sig = new Signature(login, login + "@" + organizations.get(login) + ".example", at(t));
    emit(new Commit(at(t), repository, Actor.github(login),
        String.format("9e%02x%036x", index, ++commits), List.of(), sig, sig, List.of(), List.of()));
  }

  private void pullRequest(long t) {
    int n = ++number;
    boolean byContributor = rng.nextBoolean();
    int authorIndex = byContributor ? -1 : rng.nextInt(maintainers.size());
    String author = byContributor ? scenario.name() + "-c" + rng.nextInt(CONTRIBUTORS) : maintainers.get(authorIndex);
    emit(new PullRequestOpened(at(t), repository, Actor.github(author), n, false, Optional.of("main"), Optional.empty(),
        List.of(), Optional.empty(), List.of()));
    int first = otherThan(authorIndex);
    boolean cross = rng.nextDouble() < scenario.crossOrganizationApproval();
    int second = pickSecond(authorIndex, first, cross);
    long a1 = t + HOUR + rng.nextLong(DAY);
    long a2 = a1 + HOUR + rng.nextLong(DAY);
    approve(n, first, author, a1);
    approve(n, second, author, a2);
    emit(new PullRequestMerged(at(a2 + HOUR), repository, Actor.github(maintainers.get(second)), n,
        Optional.of(Actor.github(author)), Optional.of("main"), Optional.empty()));
  }

  /** A maintainer other than the author and the first approver, of another organisation or the same one. */
  private int pickSecond(int author, int first, boolean cross) {
    List<Integer> other = new ArrayList<>();
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < maintainers.size(); i++) {
      if (i == author || i == first) {
        continue;
      }
      (organization(i).equals(organization(first)) ? same : other).add(i);
    }
    List<Integer> pool = cross && !other.isEmpty() ? other : !same.isEmpty() ? same : other;
    return pool.get(rng.nextInt(pool.size()));
  }

  private int otherThan(int a) {
    while (true) {
      int i = rng.nextInt(maintainers.size());
      if (i != a) {
        return i;
      }
    }
  }

  private void approve(int n, int reviewer, String author, long t) {
    emit(new Review(at(t), repository, Actor.github(maintainers.get(reviewer)), n, ReviewState.APPROVED,
        Optional.of(Actor.github(author)), Optional.of(AuthorAssociation.MEMBER), OptionalLong.empty()));
  }

  private void rfc(long t) {
    int n = ++number;
    String author = scenario.name() + "-c" + rng.nextInt(CONTRIBUTORS);
    emit(new IssueOpened(at(t), repository, Actor.github(author), n, Optional.of(AuthorAssociation.NONE), List.of("rfc")));
    // Two deciders: maintainers of the deciding organisations, of two of them when there are two.
    int first = decider(-1);
    int second = decider(first);
    long c1 = t + HOUR + rng.nextLong(DAY);
    long c2 = c1 + HOUR + rng.nextLong(DAY);
    comment(n, first, c1);
    comment(n, second, c2);
    emit(new IssueClosed(at(c2 + DAY), repository, Actor.github(maintainers.get(second)), n));
  }

  /** A maintainer of a deciding organisation other than {@code not}, of another organisation when there is one. */
  private int decider(int not) {
    List<Integer> pool = new ArrayList<>();
    List<Integer> fallback = new ArrayList<>();
    for (int i = 0; i < maintainers.size(); i++) {
      if (i == not || (i % scenario.organizations()) >= scenario.decidingOrganizations()) {
        continue;
      }
      fallback.add(i);
      if (not < 0 || !organization(i).equals(organization(not))) {
        pool.add(i);
      }
    }
    List<Integer> from = pool.isEmpty() ? fallback : pool;
    return from.get(rng.nextInt(from.size()));
  }

  private void comment(int n, int maintainer, long t) {
    emit(new IssueComment(at(t), repository, Actor.github(maintainers.get(maintainer)), n, false,
        Optional.of(AuthorAssociation.MEMBER), OptionalLong.empty()));
  }

  private void emit(Event e) {
    if (e.at().getEpochSecond() < endS) {
      out.add(e);
    }
  }

  private static Instant at(long s) {
    return Instant.ofEpochSecond(s);
  }
}
