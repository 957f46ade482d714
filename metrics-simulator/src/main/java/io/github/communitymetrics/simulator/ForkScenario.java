package io.github.communitymetrics.simulator;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.NumberedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An opt-in scenario planted on a simulated community (the simulation itself, and so the demo,
 * is unchanged): forks of its first repository with known kinds, and the events of the forks'
 * own repositories, as GH Archive would hold them.
 *
 * <ul>
 *   <li><b>Social forks</b> ({@code socialForks}): someone forks at a uniform instant of the first
 *       80 % of the span, and nothing else ever happens in the fork;
 *   <li><b>Contributing forks</b> ({@code contributingForks}): someone forks, pushes to the fork 1
 *       to 3 times within days, then opens a pull request upstream from it (head repository the
 *       fork), which a core member merges (70 %) or closes within two weeks, or which stays open
 *       when that falls after the end;
 *   <li><b>One hard fork</b>: at 30 % of the span a core member (not the admin) forks the
 *       repository under a new name ({@code <login>/<repo>-next}); {@code hardForkMovers} core
 *       members (the forker first) push to it 2 to 5 times every month to the end; the forker
 *       stops acting upstream (their upstream events from the fork on are dropped), the other
 *       movers go on upstream; {@code hardForkNewcomers} people who never act upstream push to it
 *       from the next month on; the forker publishes a release every two months; no pull request
 *       goes back.
 * </ul>
 *
 * <p>Draws come from one {@link SplittableRandom} seeded from the community's seed, so equal
 * communities and scenarios give equal results.
 *
 * @param socialForks social forks to plant, at least 0
 * @param contributingForks contributing forks to plant, at least 0
 * @param hardForkMovers core members who move to the hard fork, 1 to the core team size
 * @param hardForkNewcomers people who join the hard fork only, at least 0
 */
public record ForkScenario(int socialForks, int contributingForks, int hardForkMovers, int hardForkNewcomers) {

  /** Checks the components. */
  public ForkScenario {
    SimChecks.atLeast(socialForks, 0, "socialForks");
    SimChecks.atLeast(contributingForks, 0, "contributingForks");
    SimChecks.atLeast(hardForkMovers, 1, "hardForkMovers");
    SimChecks.atLeast(hardForkNewcomers, 0, "hardForkNewcomers");
  }

  /** 12 social forks, 6 contributing forks, a hard fork taking 2 core members and 3 newcomers. */
  public static ForkScenario demo() {
    return new ForkScenario(12, 6, 2, 3);
  }

  /** The kind of a planted fork. */
  public enum Kind {
    /** Never changes. */
    SOCIAL,
    /** Changes and sends pull requests back. */
    CONTRIBUTING,
    /** Splits off: renamed, own releases and people, sustained, no pull request back. */
    HARD
  }

  /**
   * One planted fork.
   *
   * @param fork the fork's repository
   * @param kind what it was planted as
   * @param created its fork event's instant
   * @param movers for the hard fork, the core members who moved, forker first (else empty)
   * @param stillUpstream for the hard fork, the movers who go on acting upstream
   */
  public record PlantedFork(Repository fork, Kind kind, Instant created, List<String> movers, List<String> stillUpstream) {
    /** Checks the components and copies the lists. */
    public PlantedFork {
      SimChecks.notNull(fork, "fork");
      SimChecks.notNull(kind, "kind");
      SimChecks.notNull(created, "created");
      movers = List.copyOf(movers);
      stillUpstream = List.copyOf(stillUpstream);
    }
  }

  /**
   * A community with a planted fork scenario.
   *
   * @param community the simulated community planted on
   * @param upstream the forked repository (the community's first)
   * @param events the community's events (without the forker's upstream acts after the hard fork)
   *     and the planted ones, sorted by time
   * @param forks the planted forks, social first, then contributing, then the hard fork
   */
  public record ForkedCommunity(SimulatedCommunity community, Repository upstream, List<Event> events, List<PlantedFork> forks) {
    /** Checks the components and copies the lists. */
    public ForkedCommunity {
      SimChecks.notNull(community, "community");
      SimChecks.notNull(upstream, "upstream");
      events = List.copyOf(events);
      forks = List.copyOf(forks);
    }
  }

  /**
   * Plants this scenario on {@code community}.
   *
   * @throws IllegalArgumentException if the community spans fewer than 4 months or its first
   *     repository's core team is smaller than {@code hardForkMovers} or than 2
   */
  public ForkedCommunity plant(SimulatedCommunity community) {
    SimChecks.notNull(community, "community");
    SimulationConfig config = community.config();
    SimChecks.argument(config.months() >= 4, "a fork scenario needs at least 4 months, not " + config.months());
    PlantedTruth.RepositoryTruth repo = community.truth().repositories().get(0);
    List<String> core = repo.coreTeam();
    SimChecks.argument(core.size() >= 2 && hardForkMovers <= core.size() - 1,
        "hardForkMovers must leave the admin upstream: " + hardForkMovers + " of a core team of " + core.size());
    Repository upstream = repo.repository();
    String name = upstream.fullName().substring(upstream.fullName().indexOf('/') + 1);
    Instant start = config.start();
    Instant end = start.atOffset(ZoneOffset.UTC).plusMonths(config.months()).toInstant();
    long span = Duration.between(start, end).toSeconds();
    SplittableRandom r = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 23);
    List<Event> out = new ArrayList<>();
    List<PlantedFork> forks = new ArrayList<>();
    int number = community.events().stream()
        .filter(e -> e.repo().equals(upstream) && e instanceof NumberedEvent)
        .mapToInt(e -> ((NumberedEvent) e).number()).max().orElse(0);
    for (int i = 0; i < socialForks; i++) {
      Actor who = Actor.github("social" + i + "-" + Long.toHexString(config.seed() & 0xffff));
      Instant at = start.plusSeconds(r.nextLong(span * 8 / 10));
      Repository fork = Repository.github(who.login().orElseThrow() + "/" + name);
      out.add(new Fork(at, upstream, who, Optional.of(fork.fullName())));
      forks.add(new PlantedFork(fork, Kind.SOCIAL, at, List.of(), List.of()));
    }
    for (int i = 0; i < contributingForks; i++) {
      Actor who = Actor.github("contrib" + i + "-" + Long.toHexString(config.seed() & 0xffff));
      Instant at = start.plusSeconds(r.nextLong(span * 8 / 10));
      Repository fork = Repository.github(who.login().orElseThrow() + "/" + name);
      out.add(new Fork(at, upstream, who, Optional.of(fork.fullName())));
      Instant t = at;
      int pushes = 1 + r.nextInt(3);
      for (int k = 0; k < pushes; k++) {
        t = t.plusSeconds(3_600 + r.nextLong(2 * 86_400));
        out.add(push(t, fork, who, r));
      }
      Instant opened = t.plusSeconds(600 + r.nextLong(86_400));
      int no = ++number;
      if (opened.isBefore(end)) {
        out.add(new PullRequestOpened(opened, upstream, who, no, false, Optional.of("main"),
            Optional.of(AuthorAssociation.CONTRIBUTOR), List.of(), Optional.of(fork.fullName()), List.of()));
        Instant decided = opened.plusSeconds(3_600 + r.nextLong(14 * 86_400));
        Actor maintainer = account(community, core.get(0));
        if (decided.isBefore(end)) {
          out.add(r.nextDouble() < 0.7
              ? new PullRequestMerged(decided, upstream, maintainer, no, Optional.of(who), Optional.of("main"), Optional.empty())
              : new PullRequestClosed(decided, upstream, maintainer, no, Optional.of(who)));
        }
      }
      forks.add(new PlantedFork(fork, Kind.CONTRIBUTING, at, List.of(), List.of()));
    }
    // The hard fork: a core member other than the admin, at 30 % of the span.
    List<String> movers = new ArrayList<>();
    for (int i = 0; i < hardForkMovers; i++) {
      movers.add(core.get(1 + i));
    }
    Actor forker = account(community, movers.get(0));
    Instant forkedAt = start.plusSeconds(span * 3 / 10);
    Repository hard = Repository.github(forker.login().orElseThrow() + "/" + name + "-next");
    out.add(new Fork(forkedAt, upstream, forker, Optional.of(hard.fullName())));
    List<Actor> workers = new ArrayList<>();
    movers.forEach(m -> workers.add(account(community, m)));
    List<Actor> joiners = new ArrayList<>();
    for (int i = 0; i < hardForkNewcomers; i++) {
      joiners.add(Actor.github("nextdev" + i + "-" + Long.toHexString(config.seed() & 0xffff)));
    }
    int release = 0;
    int month = 0;
    for (Instant m = forkedAt; m.isBefore(end); m = m.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(), month++) {
      Instant monthEnd = m.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
      long length = Duration.between(m, monthEnd.isAfter(end) ? end : monthEnd).toSeconds();
      List<Actor> active = new ArrayList<>(workers);
      if (month >= 1) {
        active.addAll(joiners);
      }
      for (Actor a : active) {
        int pushes = 2 + r.nextInt(4);
        for (int k = 0; k < pushes; k++) {
          out.add(push(m.plusSeconds(1 + r.nextLong(Math.max(1, length - 1))), hard, a, r));
        }
      }
      if (month % 2 == 1) {
        Instant at = m.plusSeconds(r.nextLong(Math.max(1, length)));
        out.add(new Release(at, hard, forker, "v" + (2 + release / 10) + "." + (release % 10), Optional.empty(), false));
        release++;
      }
    }
    forks.add(new PlantedFork(hard, Kind.HARD, forkedAt, movers, movers.subList(1, movers.size())));
    // The forker stops acting upstream from the fork on.
    String gone = movers.get(0);
    List<Event> events = new ArrayList<>(community.events().size() + out.size());
    for (Event e : community.events()) {
      boolean forkersLater = e.repo().equals(upstream) && !e.at().isBefore(forkedAt)
          && e.actor().login().filter(gone::equals).isPresent();
      if (!forkersLater) {
        events.add(e);
      }
    }
    events.addAll(out);
    events.sort(Comparator.comparing(Event::at));
    return new ForkedCommunity(community, upstream, events, forks);
  }

  private static Push push(Instant at, Repository repo, Actor who, SplittableRandom r) {
    String sha = Long.toHexString(r.nextLong() | (1L << 62)) + Long.toHexString(r.nextLong() | (1L << 62));
    return new Push(at, repo, who, "refs/heads/main", sha, 1 + r.nextInt(4));
  }

  /** The person's GitHub account as the community's events carry it. */
  private static Actor account(SimulatedCommunity community, String login) {
    return community.truth().person(login).orElseThrow().actors().stream()
        .filter(a -> a.login().filter(login::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no GitHub account for " + login));
  }
}
