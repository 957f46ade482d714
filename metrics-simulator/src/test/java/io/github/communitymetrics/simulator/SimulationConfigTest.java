package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulationConfigTest {

  @Test
  void demoHasTheDocumentedParameters() {
    SimulationConfig demo = SimulationConfig.demo();
    assertEquals(42, demo.seed());
    assertEquals("demo-org", demo.organization());
    assertEquals(4, demo.repositories());
    assertEquals(24, demo.months());
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), demo.start());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), demo.end());
    // 4 * (4 core + 24 * (2 newcomers + 4 stargazers) + DemoConf's round(0.25 * 44 days) = 11) = 636
    assertEquals(636, demo.plannedPeople());
    assertEquals(SimulationConfig.DEMO_EVENTS, demo.events());
    assertEquals(NewcomerWelcome.none(), demo.welcome());
    assertEquals(demo, demo.toBuilder().build());
  }

  @Test
  void theWelcomeDemoAddsTwoProfiledRepositories() {
    SimulationConfig w = SimulationConfig.welcomeDemo();
    assertEquals(SimulationConfig.demo().toBuilder().welcome(NewcomerWelcome.demo()).build(), w);
    assertEquals(java.util.List.of(WelcomeProfile.welcoming(), WelcomeProfile.unwelcoming()), w.welcome().profiles());
    assertEquals(4, w.repositories());
    assertEquals(6, w.totalRepositories());
    // 636 in the demo's repositories, and 2 * (4 core + 24 * (2 newcomers + 4 stargazers)) = 296
    // in the profiled ones (DemoConf brings none there).
    assertEquals(636 + 296, w.plannedPeople());
  }

  @Test
  void plannedSurvivalIsGeometric() {
    SimulationConfig c = SimulationConfig.builder().departureProbability(0.25).build();
    assertEquals(1.0, c.plannedSurvival(0));
    assertEquals(0.75 * 0.75 * 0.75, c.plannedSurvival(3), 1e-15);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad("repositories", b -> b.repositories(0)),
        bad("months", b -> b.months(0)),
        bad("months", b -> b.months(1201)),
        bad("organization", b -> b.organization("has space")),
        bad("start must be a whole second", b -> b.start(Instant.parse("2024-01-01T00:00:00.5Z"))),
        bad("coreTeamSize", b -> b.coreTeamSize(0)),
        bad("truckFactor", b -> b.coreTeamSize(4).truckFactor(4)),
        bad("truckFactor", b -> b.truckFactor(0)),
        bad("filesPerModule", b -> b.filesPerModule(1)),
        bad("conversionProbability", b -> b.conversionProbability(1.5)),
        bad("conversionProbability", b -> b.conversionProbability(Double.NaN)),
        bad("conversionDelayMedian", b -> b.conversionDelayMedian(Duration.ZERO)),
        bad("conversionDelayMedian", b -> b.conversionDelayMedian(Duration.ofMillis(1500))),
        bad("departureProbability", b -> b.departureProbability(-0.1)),
        bad("activityTailExponent", b -> b.activityTailExponent(1.0)),
        bad("maxActivityWeight", b -> b.maxActivityWeight(0.5)),
        bad("firstResponseMedian", b -> b.firstResponseMedian(Duration.ofHours(-1))),
        bad("mergeProbability", b -> b.mergeProbability(2)),
        bad("newcomersPerMonth", b -> b.newcomersPerMonth(-1)),
        bad("promotionMergedPullRequests", b -> b.promotionMergedPullRequests(0)),
        bad("company shares must add up to at most 1", b -> b.companies(List.of(
            new SimulationConfig.Company("A", "a.example", 0.6),
            new SimulationConfig.Company("B", "b.example", 0.6)))),
        bad("company domains must be distinct", b -> b.companies(List.of(
            new SimulationConfig.Company("A", "a.example", 0.1),
            new SimulationConfig.Company("B", "a.example", 0.1)))),
        bad("webmailDomains must not be empty", b -> b.webmailDomains(List.of())),
        bad("webmail domains must differ", b -> b.webmailDomains(List.of("gmail.com", "gmail.com"))),
        bad("releaseEveryMonths", b -> b.releaseEveryMonths(0)),
        bad("event Late and its effect", b -> b.months(12).events(List.of(PlantedEvent.noEffect(
            PlantedEventsTest.event("Late", io.github.communitymetrics.core.impact.EventKind.OTHER,
                "2024-12-31T00:00:00Z", "2025-01-01T00:00:01Z"))))),
        bad("event Early and its effect", b -> b.events(List.of(PlantedEvent.noEffect(
            PlantedEventsTest.event("Early", io.github.communitymetrics.core.impact.EventKind.OTHER,
                "2023-12-31T00:00:00Z", "2024-01-02T00:00:00Z"))))),
        bad("the effect spans of events A and B overlap", b -> b.events(List.of(
            new PlantedEvent(PlantedEventsTest.event("A", io.github.communitymetrics.core.impact.EventKind.OTHER,
                "2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z"), 1, Duration.ofDays(10), 1),
            new PlantedEvent(PlantedEventsTest.event("B", io.github.communitymetrics.core.impact.EventKind.OTHER,
                "2024-03-05T00:00:00Z", "2024-03-06T00:00:00Z"), 0, Duration.ZERO, 0.5)))));
  }

  private static Arguments bad(String expected, UnaryOperator<SimulationConfig.Builder> change) {
    return Arguments.of(expected, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsInvalidParametersNamingThem(
      String expected, UnaryOperator<SimulationConfig.Builder> change) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> change.apply(SimulationConfig.builder()).build());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void rejectsAShareOutOfRangeInACompany() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SimulationConfig.Company("A", "a.example", -0.1));
    assertEquals("share of company A must be in [0, 1] but was -0.1", e.getMessage());
  }

  @Test
  void approximateSizeScalesRepositoriesAndMonths() {
    SimulationConfig big = SimulationConfig.ofApproximateSize(7, 10_000_000);
    assertEquals(24, big.months());
    assertEquals(Math.round(10_000_000 / SimulationConfig.DEMO_EVENTS_PER_REPOSITORY), big.repositories());
    assertEquals(7, big.seed());
    SimulationConfig small = SimulationConfig.ofApproximateSize(7, 2_000);
    assertEquals(1, small.repositories());
    assertTrue(small.months() < 24, "months " + small.months());
    assertThrows(IllegalArgumentException.class, () -> SimulationConfig.ofApproximateSize(7, 99));
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void approximateSizeIsRoughlyRight(int target) {
    int events = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(3, target)).events().size();
    // "Roughly": the documented factor of 1.5 either way.
    assertTrue(events > target / 1.5 && events < target * 1.5, target + " -> " + events);
  }

  static Stream<Integer> sizes() {
    return Stream.of(3_000, 30_000);
  }

  /** The smallest number of owners exceeding half of all files, by trying every subset. */
  private static int bruteForceTruckFactor(int[] files) {
    int total = 0;
    for (int f : files) {
      total += f;
    }
    int best = files.length;
    for (int mask = 1; mask < (1 << files.length); mask++) {
      int sum = 0;
      for (int i = 0; i < files.length; i++) {
        if ((mask & (1 << i)) != 0) {
          sum += files[i];
        }
      }
      if (2 * sum > total) {
        best = Math.min(best, Integer.bitCount(mask));
      }
    }
    return best;
  }

  @Test
  void everyAllowedTruckFactorIsDesignedExactly() {
    for (int core = 1; core <= 12; core++) {
      for (int tf = 1; tf <= core / 2 + 1; tf++) {
        for (int m = 2; m <= 20; m++) {
          int[] counts = Modules.fileCounts(core, tf, m);
          assertEquals(tf, bruteForceTruckFactor(counts), "core " + core + " tf " + tf + " m " + m);
          assertEquals(core, counts.length);
        }
      }
    }
  }
}
