package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.impact.CommunityEvent;
import io.github.communitymetrics.core.impact.EventKind;
import io.github.communitymetrics.simulator.PlantedTruth.EventTruth;
import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The planted events do what {@link PlantedEvent} says, and nothing when they have no effect. */
class PlantedEventTruthTest {
  static final CommunityEvent HACKATHON =
      PlantedEventsTest.event("Hackathon", EventKind.HACKATHON, "2024-03-01T00:00:00Z", "2024-03-03T00:00:00Z");

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7})
  void eventsWithoutEffectLeaveTheRunAsItIs(long seed) {
    SimulationConfig plain = SimulationConfig.small(seed);
    SimulatedCommunity without = CommunitySimulator.simulate(plain);
    SimulatedCommunity with =
        CommunitySimulator.simulate(plain.toBuilder().events(List.of(PlantedEvent.noEffect(HACKATHON))).build());
    assertEquals(without.events(), with.events(), "seed " + seed);
    assertEquals(without.truth().people(), with.truth().people(), "seed " + seed);
    EventTruth t = with.truth().events().get(0);
    assertEquals(HACKATHON, t.event());
    assertTrue(t.noEffect(), "seed " + seed);
    assertEquals(0.0, t.newcomerLevelShiftPerDay());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7})
  void extraNewcomersArriveInTheEffectSpanAndContributeThere(long seed) {
    // 0.5 a day per repository over the 2 event days and 14 after: 8 per repository, 16 in all.
    SimulationConfig config =
        SimulationConfig.small(seed).toBuilder()
            .events(List.of(new PlantedEvent(HACKATHON, 0.5, Duration.ofDays(14), 1)))
            .build();
    SimulatedCommunity sim = CommunitySimulator.simulate(config);
    EventTruth t = sim.truth().events().get(0);
    assertEquals(16, t.extraNewcomers().size(), "seed " + seed);
    assertEquals(1.0, t.newcomerLevelShiftPerDay(), 1e-12, "16 newcomers in 16 days");
    assertEquals(Instant.parse("2024-03-17T00:00:00Z"), t.effectTo());
    assertEquals(config.plannedPeople(), sim.truth().people().size(), "seed " + seed);
    Map<String, PersonTruth> people =
        sim.truth().people().stream().collect(Collectors.toMap(PersonTruth::login, Function.identity()));
    for (String login : t.extraNewcomers()) {
      PersonTruth p = people.get(login);
      assertEquals(Role.NEWCOMER, p.role(), login);
      Instant joined = p.joined().orElseThrow();
      assertTrue(!joined.isBefore(t.effectFrom()) && joined.isBefore(t.effectTo()), login + " joined " + joined);
      // Their first contribution is an event at the arrival instant, and none comes earlier.
      Event first =
          sim.events().stream()
              .filter(e -> e.actor().login().filter(login::equals).isPresent())
              .filter(e -> e.type() == EventType.ISSUE_OPENED || e.type() == EventType.ISSUE_COMMENT
                  || e.type() == EventType.PULL_REQUEST_OPENED || e.type() == EventType.REVIEW
                  || e.type() == EventType.REVIEW_COMMENT)
              .findFirst()
              .orElseThrow();
      assertEquals(joined, first.at(), login);
    }
  }

  @Test
  void theEventCohortLeavesWithTheScaledProbability() {
    // A factor that makes the probability 1: everyone who starts in the span leaves after
    // exactly one calendar month, which no one else is bound to.
    SimulationConfig config =
        SimulationConfig.small(5).toBuilder()
            .events(List.of(new PlantedEvent(HACKATHON, 0.5, Duration.ofDays(14), 1 / 0.12)))
            .build();
    SimulatedCommunity sim = CommunitySimulator.simulate(config);
    EventTruth t = sim.truth().events().get(0);
    assertEquals(1.0, t.departureProbability(), 1e-12);
    assertEquals(0.12, t.baselineDepartureProbability());
    int inSpan = 0;
    for (PersonTruth p : sim.truth().people()) {
      if (p.role() == Role.CORE || p.joined().isEmpty()) {
        continue;
      }
      Instant joined = p.joined().get();
      if (!joined.isBefore(t.effectFrom()) && joined.isBefore(t.effectTo())) {
        inSpan++;
        assertEquals(
            joined.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant(), p.departed().orElseThrow(), p.login());
      }
    }
    // 16 extra newcomers, plus the usual ones and converting stargazers of those 16 days.
    assertTrue(inSpan >= 16, "people who joined in the span: " + inSpan);
  }

  @Test
  void theDemoPlantsAConferenceWithAnEffectAndAReleaseWithout() {
    SimulatedCommunity demo = CommunitySimulator.simulate(SimulationConfig.demo());
    List<EventTruth> events = demo.truth().events();
    assertEquals(2, events.size());
    EventTruth conference = events.get(0);
    assertEquals("DemoConf 2025", conference.event().name());
    assertEquals(EventKind.CONFERENCE, conference.event().kind());
    // 4 repositories * round(0.25 * 44 days) = 44 newcomers in 44 days.
    assertEquals(44, conference.extraNewcomers().size());
    assertEquals(1.0, conference.newcomerLevelShiftPerDay(), 1e-12);
    assertEquals(0.12 * 0.4, conference.departureProbability(), 1e-12);
    EventTruth release = events.get(1);
    assertEquals(EventKind.RELEASE, release.event().kind());
    assertTrue(release.noEffect());
  }
}
