package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.UnaffiliatedPolicy;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bus-factor family on simulated communities: exact merges of random slices, independence
 * of order, excluded bots, monotone shares, and the planted core teams.
 */
class BusFactorPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10).map(i -> i * 6007 + 11);
  }

  private static SimulatedCommunity community(long seed) {
    return CommunitySimulator.simulate(SimulationConfig.small(seed));
  }

  private static Affiliations affiliations(SimulationConfig config) {
    Affiliations.Builder b = Affiliations.builder();
    for (SimulationConfig.Company c : config.companies()) {
      b.domain(c.domain(), c.name());
    }
    return b.build();
  }

  /** A random sub-window of the simulated span, or the whole span. */
  private static Window randomWindow(Random random, SimulationConfig config) {
    if (random.nextBoolean()) {
      return config.window();
    }
    long span = config.window().duration().getSeconds();
    long a = random.nextLong(span);
    long b = random.nextLong(span);
    Instant s = config.start().plusSeconds(Math.min(a, b));
    return Window.of(s, s.plusSeconds(Math.abs(a - b) + 1));
  }

  /** Every metric of the family, with parameters drawn from {@code random}. */
  private static List<SliceMetric<?, ?>> metrics(Random random, SimulationConfig config) {
    ContributionType[] types = ContributionType.values();
    ContributionType type = types[random.nextInt(types.length)];
    Window w = randomWindow(random, config);
    Instant asOf = w.end();
    return List.of(
        ContributorAbsenceFactor.chaoss(w).withContributionType(type),
        ContributorAbsenceFactor.chaoss(w).withContributionType(ContributionType.PULL_REQUEST_MERGED),
        LotteryFactor.openSauced(asOf),
        ContributorDependency.lfx(w).withContributionType(type),
        ElephantFactor.chaoss(w, affiliations(config))
            .withUnaffiliated(UnaffiliatedPolicy.values()[random.nextInt(3)]),
        OnionModel.grimoireLab(w).withContributionType(type),
        PonyFactor.kibble(asOf, 1 + random.nextInt(4)).withLookbackMonths(1 + random.nextInt(6)));
  }

  /** The result of {@code metric} over random repository-and-time slices, merged in random order. */
  private static <S, R> R mergedOverSlices(
      SliceMetric<S, R> metric, EventStore store, People people, Random random) {
    Window span = store.timeSpan().orElseThrow();
    List<Instant> cuts = new ArrayList<>();
    cuts.add(Instant.MIN);
    for (int i = random.nextInt(4); i > 0; i--) {
      cuts.add(span.start().plusSeconds(random.nextLong(span.duration().getSeconds() + 1)));
    }
    cuts.add(Instant.MAX);
    Collections.sort(cuts);
    List<S> states = new ArrayList<>();
    for (Repository repo : store.repositories()) {
      EventStore byRepo = store.slice(repo);
      for (int i = 1; i < cuts.size(); i++) {
        states.add(metric.accumulate(byRepo.slice(Window.of(cuts.get(i - 1), cuts.get(i))), people));
      }
    }
    Collections.shuffle(states, random);
    S merged = states.get(0);
    for (S s : states.subList(1, states.size())) {
      merged = random.nextBoolean() ? metric.merge(merged, s) : metric.merge(s, merged);
    }
    return metric.finish(merged);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergedRandomSlicesEqualTheWhole(long seed) {
    SimulatedCommunity c = community(seed);
    Random random = new Random(seed);
    // Half the merges lose their author, so credit goes through openers, often in other slices.
    List<Event> events = new ArrayList<>();
    int stripped = 0;
    for (Event e : c.events()) {
      if (e instanceof PullRequestMerged && random.nextBoolean()) {
        PullRequestMerged m = (PullRequestMerged) e;
        events.add(
            new PullRequestMerged(
                m.at(), m.repo(), m.actor(), m.number(), Optional.empty(), m.baseBranch(), m.mergeCommitSha()));
        stripped++;
      } else {
        events.add(e);
      }
    }
    assertTrue(stripped > 0, "seed " + seed);
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    for (SliceMetric<?, ?> m : metrics(random, c.config())) {
      assertEquals(m.compute(store, people), mergedOverSlices(m, store, people, random), "seed " + seed + ", " + m);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultsDoNotDependOnEventOrder(long seed) {
    SimulatedCommunity c = community(seed);
    List<Event> shuffled = new ArrayList<>(c.events());
    Collections.shuffle(shuffled, new Random(seed));
    EventStore a = EventStore.of(c.events());
    EventStore b = EventStore.of(shuffled);
    People pa = People.resolve(a);
    People pb = People.resolve(b);
    for (SliceMetric<?, ?> m : metrics(new Random(seed), c.config())) {
      assertEquals(m.compute(a, pa), m.compute(b, pb), "seed " + seed + ", " + m);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void excludedBotsChangeNothing(long seed) {
    SimulatedCommunity c = community(seed);
    Set<Actor> bots = c.truth().bots().stream().map(PlantedTruth.BotTruth::actor).collect(Collectors.toSet());
    List<Event> withoutBots =
        c.events().stream().filter(e -> !bots.contains(e.actor())).collect(Collectors.toList());
    assertTrue(withoutBots.size() < c.events().size(), "seed " + seed + ": the simulation has bot events");
    EventStore with = EventStore.of(c.events());
    EventStore without = EventStore.of(withoutBots);
    People pWith = People.resolve(with);
    People pWithout = People.resolve(without);
    for (SliceMetric<?, ?> m : metrics(new Random(seed), c.config())) {
      assertEquals(m.compute(without, pWithout), m.compute(with, pWith), "seed " + seed + ", " + m);
    }
    // Counted, the bots do show up: dependabot opens pull requests every month.
    LotteryFactor lottery = LotteryFactor.openSauced(c.config().end()).withBots(true);
    assertTrue(
        lottery.compute(with, pWith).factor().total() > lottery.withBots(false).compute(with, pWith).factor().total(),
        "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneMoreContributionNeverLowersThatPersonsShare(long seed) {
    SimulatedCommunity c = community(seed);
    Random random = new Random(seed);
    EventStore store = EventStore.of(c.events());
    ContributorAbsenceFactor m = ContributorAbsenceFactor.chaoss(c.config().window());
    FactorResult<Actor> before = m.compute(store, People.resolve(store));
    for (int trial = 0; trial < 5; trial++) {
      Ranked<Actor> who = before.ranking().get(random.nextInt(before.ranking().size()));
      Instant at = c.config().start().plusSeconds(random.nextLong(c.config().window().duration().getSeconds()));
      Signature sig = new Signature("someone", "someone@example.org", at);
      String sha = String.format("%040x", random.nextLong() & Long.MAX_VALUE);
      Repository repo = store.repositories().get(0);
      List<Event> more = new ArrayList<>(c.events());
      more.add(new Commit(at, repo, who.key(), sha, List.of(), sig, sig, List.of(), List.of()));
      EventStore after = EventStore.of(more);
      FactorResult<Actor> r = m.compute(after, People.resolve(after));
      Ranked<Actor> now =
          r.ranking().stream().filter(x -> x.key().equals(who.key())).findFirst().orElseThrow();
      assertEquals(who.count() + 1, now.count(), "seed " + seed);
      assertEquals(before.total() + 1, r.total(), "seed " + seed);
      assertTrue(now.share() >= who.share(), "seed " + seed + ": " + now + " after " + who);
    }
  }

  /**
   * The simulator plants a core team per repository that makes most commits (70% of their
   * frequent actions are direct commits; they also make every merge commit), while others commit
   * only through their pull requests. So everyone in the absence factor over commits, which
   * holds more than half of them, is a core member: per repository, and over all repositories.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void absenceFactorOverCommitsIsMadeOfThePlantedCoreTeam(long seed) {
    SimulatedCommunity c = community(seed);
    EventStore store = EventStore.of(c.events());
    People people = People.resolve(store);
    Set<String> allCore = new TreeSet<>();
    ContributorAbsenceFactor m = ContributorAbsenceFactor.chaoss(c.config().window());
    for (PlantedTruth.RepositoryTruth repo : c.truth().repositories()) {
      allCore.addAll(repo.coreTeam());
      FactorResult<Actor> r = m.withScope(RepositoryScope.of(repo.repository())).compute(store, people);
      assertTrue(r.factor() >= 1 && r.factor() <= repo.coreTeam().size(), "seed " + seed + ": " + r.factor());
      for (Ranked<Actor> member : r.members()) {
        assertCore(seed, people, member.key(), Set.copyOf(repo.coreTeam()));
      }
    }
    FactorResult<Actor> all = m.compute(store, people);
    assertFalse(all.members().isEmpty(), "seed " + seed);
    for (Ranked<Actor> member : all.members()) {
      assertCore(seed, people, member.key(), allCore);
    }
    PonyFactor.Sample pony = PonyFactor.kibble(c.config().end(), 0).compute(store, people).current();
    assertEquals(all.members(), pony.factor().members(), "seed " + seed + ": same rule, same commits");
  }

  private static void assertCore(long seed, People people, Actor key, Set<String> core) {
    Person p = people.identities().personOf(key).orElseThrow();
    assertTrue(
        p.logins().stream().anyMatch(core::contains),
        "seed " + seed + ": " + p + " " + p.logins() + " is not in the core team " + core);
  }

  /** The lottery preset looks at the 30 days before asOf only. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lotteryCountsExactlyTheOpenedPullRequestsOfItsWindow(long seed) {
    SimulatedCommunity c = community(seed);
    EventStore store = EventStore.of(c.events());
    People people = People.resolve(store);
    Instant asOf = c.config().end().minus(Duration.ofDays(10));
    LotteryFactorResult r = LotteryFactor.openSauced(asOf).withBots(true).compute(store, people);
    long expected =
        c.events().stream()
            .filter(e -> e.type() == io.github.communitymetrics.core.event.EventType.PULL_REQUEST_OPENED)
            .filter(e -> Window.endingAt(asOf, Duration.ofDays(30)).contains(e.at()))
            .count();
    assertEquals(expected, r.factor().total(), "seed " + seed);
  }
}
