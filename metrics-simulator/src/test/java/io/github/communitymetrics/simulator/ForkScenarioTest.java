package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.ForkEvents;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.ForkScenario.ForkedCommunity;
import io.github.communitymetrics.simulator.ForkScenario.Kind;
import io.github.communitymetrics.simulator.ForkScenario.PlantedFork;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fork metrics of metrics-core find what {@link ForkScenario} planted, over seeds: every
 * expectation comes from the planted truth. The test's own rule (not the metric's: it gives no
 * verdict) calls a fork hard when it shows at least 3 of the 5 signals.
 */
class ForkScenarioTest {
  private static final int HARD_AT = 3;

  private record Run(ForkedCommunity forked, Window window, ForkActivity.Result activity, HardForkSignals.Result signals) {
    static Run of(long seed) {
      SimulationConfig config = SimulationConfig.small(seed);
      ForkedCommunity f = ForkScenario.demo().plant(CommunitySimulator.simulate(config));
      Instant end = config.start().atOffset(ZoneOffset.UTC).plusMonths(config.months()).toInstant();
      Window w = new Window(config.start(), end);
      EventStore store = EventStore.of(f.events());
      People people = People.resolve(store);
      RepositoryScope scope = RepositoryScope.of(f.upstream());
      return new Run(f, w,
          ForkActivity.of(scope, w, Granularity.MONTH, ForkEvents.AUTO).compute(store, people),
          HardForkSignals.of(scope, w, 3, ForkEvents.AUTO).compute(store, people));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8})
  void plantedKindsAreRecovered(long seed) {
    System.out.println("ForkScenarioTest seed " + seed);
    Run run = Run.of(seed);
    Map<Repository, ForkActivity.ForkFacts> facts =
        run.activity().forks().stream().collect(Collectors.toMap(ForkActivity.ForkFacts::fork, Function.identity()));
    assertTrue(run.activity().coverage().present());
    for (PlantedFork p : run.forked().forks()) {
      ForkActivity.ForkFacts f = facts.get(p.fork());
      assertEquals(p.created(), f.created().orElseThrow(), p.toString());
      switch (p.kind()) {
        case SOCIAL -> {
          assertEquals(java.util.Optional.of(false), f.changed(), p.toString());
          assertFalse(f.contributing(), p.toString());
        }
        case CONTRIBUTING -> {
          assertEquals(java.util.Optional.of(true), f.changed(), p.toString());
          assertTrue(run.signals().of(p.fork()).map(s -> s.signals().size() < HARD_AT).orElse(true), p.toString());
        }
        case HARD -> {
          HardForkSignals.ForkSignals s = run.signals().of(p.fork()).orElseThrow();
          assertEquals(5, s.signals().size(), s.toString());
          assertEquals(0, s.pullRequestsBack());
          assertEquals(Set.copyOf(p.movers()), moverLogins(s, m -> true));
          assertEquals(Set.copyOf(p.stillUpstream()), moverLogins(s, HardForkSignals.Mover::stillUpstream));
          assertTrue(s.signals().stream().allMatch(x -> x.since().isPresent() && !x.since().get().isBefore(p.created())), s.toString());
        }
      }
    }
  }

  private static Set<String> moverLogins(HardForkSignals.ForkSignals s, java.util.function.Predicate<HardForkSignals.Mover> which) {
    Set<String> out = new HashSet<>();
    s.movers().stream().filter(which).forEach(m -> out.add(m.person().login().orElseThrow()));
    return out;
  }

  /**
   * Recall and precision of the rule "3 or more signals" over all seeds, against every fork of
   * the upstream: the planted ones and the simulator's own stargazers' forks (social: they never
   * change).
   */
  @Test
  void recallAndPrecisionOverSeeds() {
    int truePositives = 0;
    int falsePositives = 0;
    int hardPlanted = 0;
    int others = 0;
    for (long seed : new long[] {1, 2, 3, 5, 8}) {
      Run run = Run.of(seed);
      Set<Repository> hard = new HashSet<>();
      run.forked().forks().stream().filter(p -> p.kind() == Kind.HARD).forEach(p -> hard.add(p.fork()));
      long forksOfUpstream = run.forked().events().stream()
          .filter(e -> e.type() == EventType.FORK && e.repo().equals(run.forked().upstream())).count();
      hardPlanted += hard.size();
      others += (int) forksOfUpstream - hard.size();
      for (HardForkSignals.ForkSignals s : run.signals().withSignals()) {
        if (s.signals().size() >= HARD_AT) {
          if (hard.contains(s.fork())) {
            truePositives++;
          } else {
            falsePositives++;
            System.out.println("ForkScenarioTest seed " + seed + " flags " + s);
          }
        }
      }
    }
    double recall = (double) truePositives / hardPlanted;
    double precision = truePositives + falsePositives == 0 ? Double.NaN : (double) truePositives / (truePositives + falsePositives);
    System.out.printf("ForkScenarioTest: %d hard forks planted, %d other forks; recall %.3f, precision %.3f%n",
        hardPlanted, others, recall, precision);
    assertTrue(others >= 5 * 18, "others: " + others);
    assertEquals(1.0, recall);
    assertEquals(1.0, precision);
  }

  @Test
  void theScenarioIsOptInAndDeterministic() {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.small(4));
    assertEquals(c.events(), CommunitySimulator.simulate(SimulationConfig.small(4)).events());
    List<Event> a = ForkScenario.demo().plant(c).events();
    assertEquals(a, ForkScenario.demo().plant(c).events());
    // The simulation alone plants no fork with events of its own.
    Set<String> forks = new HashSet<>();
    c.events().stream().filter(e -> e instanceof Fork).forEach(e -> forks.add(((Fork) e).forkFullName().orElseThrow()));
    assertTrue(c.events().stream().noneMatch(e -> forks.contains(e.repo().fullName())));
  }
}
