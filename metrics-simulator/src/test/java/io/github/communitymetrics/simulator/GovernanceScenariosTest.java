package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Criterion;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Outcome;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.PlantedTruth.GovernanceTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The maturity profile tells the planted governance scenarios apart, seed after seed. */
class GovernanceScenariosTest {
  private static final Optional<Outcome> PASS = Optional.of(Outcome.PASS);
  private static final Optional<Outcome> FAIL = Optional.of(Outcome.FAIL);

  private static SimulationConfig config(long seed) {
    return SimulationConfig.small(seed).toBuilder().repositories(1).months(15)
        .governance(GovernanceScenario.planted()).build();
  }

  private static Map<Criterion, Optional<Outcome>> profile(SimulatedCommunity c, EventStore store, People people, GovernanceTruth t) {
    Affiliations.Builder a = Affiliations.builder();
    t.organizations().forEach((login, org) -> a.enrollment(login, org, Window.ALL));
    Evaluation e = Evaluation.of(RepositoryScope.of(t.repository()), Window.endingAt(c.config().end(), Duration.ofDays(365)))
        .withAffiliations(a.build());
    MaturityProfile.Result r = StandardMetrics.MATURITY_PROFILE.evaluate(store, people, e).result();
    Map<Criterion, Optional<Outcome>> out = new EnumMap<>(Criterion.class);
    r.checks().forEach(x -> out.put(x.criterion(), x.outcome()));
    System.out.println("seed " + c.config().seed() + " " + t.scenario().name() + ": "
        + r.checks().stream().map(x -> x.criterion().measurement() + "="
            + (x.value().isPresent() ? String.format(Locale.ROOT, "%.2f", x.value().getAsDouble()) : "none") + " "
            + x.outcome().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse("no-data")).collect(Collectors.joining(", ")));
    return out;
  }

  private static Map<Criterion, Optional<Outcome>> expected(
      Optional<Outcome> organizations, Optional<Outcome> elephant, Optional<Outcome> approvals, Optional<Outcome> decisions) {
    Map<Criterion, Optional<Outcome>> m = new EnumMap<>(Criterion.class);
    m.put(Criterion.AGE, PASS);
    m.put(Criterion.ACTIVITY, PASS);
    m.put(Criterion.MAINTAINER_ORGANIZATIONS, organizations);
    m.put(Criterion.ABSENCE_FACTOR, PASS);
    m.put(Criterion.ELEPHANT_FACTOR, elephant);
    m.put(Criterion.APPROVAL_DIVERSITY, approvals);
    m.put(Criterion.DECISION_TRANSPARENCY, decisions);
    return m;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theProfileTellsThePlantedScenariosApart(long seed) {
    SimulatedCommunity c = CommunitySimulator.simulate(config(seed));
    EventStore store = EventStore.of(c.events());
    People people = People.resolve(store);
    List<GovernanceTruth> truths = c.truth().governance();
    assertEquals(List.of("single-vendor", "diverse", "rfcs-by-one-organization"),
        truths.stream().map(t -> t.scenario().name()).toList());
    // One vendor: one organisation among the maintainers, in the commits, the approvals and the decisions.
    assertEquals(expected(FAIL, FAIL, FAIL, FAIL), profile(c, store, people, truths.get(0)), "seed " + seed);
    // Diverse: every criterion passes.
    assertEquals(expected(PASS, PASS, PASS, PASS), profile(c, store, people, truths.get(1)), "seed " + seed);
    // Diverse but for its RFCs, which one organisation decides.
    assertEquals(expected(PASS, PASS, PASS, FAIL), profile(c, store, people, truths.get(2)), "seed " + seed);
  }

  /** The scenarios add repositories; the others keep their events (comment and review ids aside). */
  @Test
  void theOtherRepositoriesKeepTheirEvents() {
    SimulationConfig without = SimulationConfig.small(7);
    SimulatedCommunity plain = CommunitySimulator.simulate(without);
    SimulatedCommunity with = CommunitySimulator.simulate(without.toBuilder().governance(GovernanceScenario.planted()).build());
    Set<Repository> planted = with.truth().governance().stream().map(GovernanceTruth::repository).collect(Collectors.toSet());
    List<Event> kept = new ArrayList<>();
    for (Event e : with.events()) {
      if (!planted.contains(e.repo())) {
        kept.add(WelcomeProfilesTest.withoutIds(e));
      }
    }
    assertEquals(plain.events().stream().map(WelcomeProfilesTest::withoutIds).toList(), kept);
    assertEquals(3, planted.size());
    assertEquals(List.of(), plain.truth().governance());
  }

  @Test
  void scenariosAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new GovernanceScenario("x", 6, 7, 0.5, 1, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new GovernanceScenario("x", 6, 2, 0.5, 3, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new GovernanceScenario("Bad Name", 6, 2, 0.5, 1, 10, 1));
    assertThrows(IllegalArgumentException.class,
        () -> SimulationConfig.small(1).toBuilder().governance(List.of(GovernanceScenario.diverse(), GovernanceScenario.diverse())).build());
  }
}
