package io.github.communitymetrics.testkit.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MeasurementSpec;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  @Test
  void standardRegistryHoldsEveryBuiltInMetricOnceWithStableIds() {
    MetricRegistry r = MetricRegistry.standard();
    assertEquals(
        List.of(
            "contributor-confidence", "cohort-confidence", "contributor-absence-factor",
            "lottery-factor", "pony-factor", "contributor-dependency", "elephant-factor",
            "onion-model", "contributor-ladder", "retention", "responsiveness", "new-contributors",
            "newcomer-experience", "newcomer-staying", "newcomer-welcomers", "mentorship",
            "good-first-issues", "growth", "star-trend", "star-bursts", "approval-rule", "decisions", "maintainers", "consumers", "maturity-profile",
            "fork-activity", "hard-fork-signals",
            "low-activity-stars", "lockstep-stars"),
        r.metrics().stream().map(MetricDescriptor::id).toList());
  }

  @Test
  void registrationIsCheckedAndUnknownIdsAreNamed() {
    MetricRegistry.Builder b = MetricRegistry.builder().register(StandardMetrics.RETENTION);
    assertThrows(IllegalArgumentException.class, () -> b.register(StandardMetrics.RETENTION));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MetricRegistry.standard().get("bus-factor"));
    assertTrue(e.getMessage().contains("lottery-factor"), e.getMessage());
    assertEquals(
        List.of("retention", "onion-model"),
        MetricRegistry.standard().select(List.of("retention", "onion-model")).metrics().stream()
            .map(MetricDescriptor::id).toList());
  }

  @Test
  void discoveryFindsProvidersThroughServiceLoader() {
    MetricRegistry r =
        MetricRegistry.builder().discover(getClass().getClassLoader()).build();
    assertEquals(List.of("test-commits"), r.metrics().stream().map(MetricDescriptor::id).toList());
  }

  @Test
  void parameterOverridesAreTypedAndUnknownOnesRejected() {
    Evaluation e =
        Evaluation.of(
            RepositoryScope.all(),
            new Window(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")));
    assertThrows(
        IllegalArgumentException.class,
        () -> e.withParameter(StandardMetrics.COHORT_CONFIDENCE, "horizn", "P30D"));
    assertThrows(
        IllegalArgumentException.class,
        () -> e.withParameter(StandardMetrics.COHORT_CONFIDENCE, "horizon", "30 days"));
    assertThrows(
        IllegalArgumentException.class,
        () -> e.withParameter(StandardMetrics.PONY_FACTOR, "quarters", "many"));
    Evaluation ok = e.withParameter(StandardMetrics.PONY_FACTOR, "quarters", "4");
    assertEquals(4, ok.integer(StandardMetrics.PONY_FACTOR, "quarters"));
    assertEquals(8, e.integer(StandardMetrics.PONY_FACTOR, "quarters"));
    // An override for a metric the registry does not hold is a mistake, not a no-op.
    EventStore empty = EventStore.of(List.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> MetricRegistry.standard().select(List.of("retention")).evaluate(empty, People.resolve(empty), ok));
  }

  @Test
  void everyRepositoryThroughTheDriverEqualsEachRepositoryEvaluatedAlone() {
    for (long seed : new long[] {3, 11}) {
      EventStore store =
          EventStore.of(CommunitySimulator.simulate(SimulationConfig.small(seed)).events());
      People people = People.resolve(store);
      Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
      Evaluation e =
          Evaluation.of(RepositoryScope.all(), new Window(asOf.minusSeconds(120L * 86_400), asOf));
      for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
        var each = d.evaluateEachRepository(store, people, e);
        assertEquals(store.repositories(), List.copyOf(each.keySet()), "seed " + seed + " " + d);
        each.forEach(
            (repo, ev) ->
                assertEquals(
                    d.evaluate(store, people, e.withScope(RepositoryScope.of(repo))).measurements(),
                    ev.measurements(),
                    "seed " + seed + " " + d + " " + repo));
      }
    }
  }

  /** A simulated portfolio of 8 repositories over 4 months, evaluated over its last 120 days. */
  private record Portfolio(EventStore store, People people, Evaluation evaluation) {}

  private static Portfolio portfolio(long seed) {
    EventStore store =
        EventStore.of(
            CommunitySimulator.simulate(SimulationConfig.small(seed).toBuilder().repositories(8).months(4).build())
                .events());
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    return new Portfolio(store, People.resolve(store),
        Evaluation.of(RepositoryScope.all(), new Window(asOf.minusSeconds(120L * 86_400), asOf)));
  }

  /**
   * Every registered metric of every repository computed on 2 and 4 threads gives the results of
   * one thread, in the same order (results compared whole, evidence included), on a simulated
   * portfolio of 8 repositories: each seed prints itself.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {5})
  void everyRepositoryOnSeveralThreadsEqualsOneThread(long seed) {
    System.out.println("MetricRegistryTest threads seed " + seed);
    Portfolio p = portfolio(seed);
    EventStore store = p.store();
    People people = p.people();
    Evaluation e = p.evaluation();
    for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
      var one = d.evaluateEachRepository(store, people, e);
      for (int threads = 2; threads <= 4; threads += 2) {
        var many =
            d.evaluateEachRepository(
                store, people, e, io.github.communitymetrics.core.ProgressListener.NONE, threads);
        String where = "seed " + seed + ", " + threads + " threads, " + d.id();
        assertEquals(List.copyOf(one.keySet()), List.copyOf(many.keySet()), where);
        for (Repository r : one.keySet()) {
          assertEquals(one.get(r).result(), many.get(r).result(), where + ", " + r);
          assertEquals(one.get(r).measurements(), many.get(r).measurements(), where + ", " + r);
        }
      }
    }
  }

  /**
   * The measurements of every registered metric for every repository, kept without the results
   * ({@link MetricDescriptor#measureEachRepository}), on 1 and 3 threads, are those of {@link
   * MetricDescriptor#evaluateEachRepository}, repository by repository, in the same order.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {5, 11})
  void measurementsOfEveryRepositoryEqualTheEvaluatedOnes(long seed) {
    System.out.println("MetricRegistryTest measurements seed " + seed);
    Portfolio p = portfolio(seed);
    EventStore store = p.store();
    People people = p.people();
    Evaluation e = p.evaluation();
    for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
      var evaluated = d.evaluateEachRepository(store, people, e);
      for (int threads = 1; threads <= 3; threads += 2) {
        var measured =
            d.measureEachRepository(store, people, e, io.github.communitymetrics.core.ProgressListener.NONE, threads);
        String where = "seed " + seed + ", " + threads + " threads, " + d.id();
        assertEquals(List.copyOf(evaluated.keySet()), List.copyOf(measured.keySet()), where);
        for (Repository r : evaluated.keySet()) {
          assertEquals(evaluated.get(r).measurements(), measured.get(r), where + ", " + r);
        }
      }
    }
  }

  /**
   * Every registered metric that describes an owner, computed for every owner on 2 and 4 threads,
   * gives the results of one thread, in the same order, on a simulated portfolio of three
   * organisations of three repositories each: each seed prints itself.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {7})
  void everyOwnerOnSeveralThreadsEqualsOneThread(long seed) {
    System.out.println("MetricRegistryTest owner threads seed " + seed);
    List<io.github.communitymetrics.core.event.Event> events = new java.util.ArrayList<>();
    String[] organizations = {"alpha-org", "beta-org", "gamma-org"};
    for (int o = 0; o < organizations.length; o++) {
      for (var event :
          CommunitySimulator.simulate(
                  SimulationConfig.small(seed + o).toBuilder().organization(organizations[o]).repositories(3).months(4).build())
              .events()) {
        // Each simulation numbers its repositories from the same id: another id per
        // organisation, or the store would take them for one repository renamed.
        String line = io.github.communitymetrics.core.io.EventJsonLines.toLine(event);
        events.add(io.github.communitymetrics.core.io.EventJsonLines.fromLine(
            line.replace("\"repo_id\":6", "\"repo_id\":" + (6 + o))));
      }
    }
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    Evaluation e = Evaluation.of(RepositoryScope.all(), new Window(asOf.minusSeconds(120L * 86_400), asOf));
    RepositoryScope anOwner = RepositoryScope.organization(io.github.communitymetrics.core.event.Forge.GITHUB, "any-owner");
    int metrics = 0;
    for (MetricDescriptor<?> d : MetricRegistry.standard().metrics()) {
      if (!d.describes(anOwner)) {
        continue;
      }
      metrics++;
      var one = EachRepository.computeEachOwner(store, people, scope -> d.metric(e.withScope(scope)));
      assertEquals(3, one.size(), "owners: " + one.keySet());
      for (int threads = 2; threads <= 4; threads += 2) {
        var many =
            EachRepository.computeEachOwner(
                store, people, scope -> d.metric(e.withScope(scope)),
                io.github.communitymetrics.core.ProgressListener.NONE, threads);
        String where = "seed " + seed + ", " + threads + " threads, " + d.id();
        assertEquals(List.copyOf(one.keySet()), List.copyOf(many.keySet()), where);
        assertEquals(List.copyOf(one.values()), List.copyOf(many.values()), where);
      }
    }
    assertTrue(metrics > 10, "metrics describing an owner: " + metrics);
  }

  @Test
  void measurementsFollowTheirSpecsAndHaveValuesExactlyWithEvidence() {
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.small(5)).events());
    People people = People.resolve(store);
    Repository repo = store.repositories().get(0);
    Instant asOf = store.instant(store.size() - 1).plusSeconds(1);
    Evaluation e =
        Evaluation.of(RepositoryScope.of(repo), new Window(asOf.minusSeconds(90L * 86_400), asOf));
    EventStore none = EventStore.of(List.of());
    int withValue = 0;
    for (Evaluated<?> ev : MetricRegistry.standard().evaluate(store, people, e)) {
      List<MeasurementSpec> specs = ev.descriptor().measurements();
      assertEquals(specs.size(), ev.measurements().size(), ev.descriptor().id());
      for (int i = 0; i < specs.size(); i++) {
        Measurement m = ev.measurements().get(i);
        assertEquals(specs.get(i).name(), m.name(), ev.descriptor().id());
        assertEquals(specs.get(i).unit(), m.unit(), ev.descriptor().id());
        assertEquals(ev.descriptor().id(), m.metric());
        withValue += m.hasValue() ? 1 : 0;
      }
    }
    assertTrue(withValue > 30, "a simulated community gives most measurements a value: " + withValue);
    // No events: no measurement has a value, none is a zero.
    for (Evaluated<?> ev : MetricRegistry.standard().evaluate(none, People.resolve(none), e)) {
      for (Measurement m : ev.measurements()) {
        assertTrue(!m.hasValue() && m.value().isEmpty() && m.category().isEmpty(), m.toString());
      }
    }
  }
}
