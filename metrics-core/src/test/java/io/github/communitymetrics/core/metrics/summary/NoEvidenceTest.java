package io.github.communitymetrics.core.metrics.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.busfactor.LotteryLevel;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A summary whose window holds no event has no evidence anywhere, and derives no level. */
class NoEvidenceTest {
  private static Event pr(String at, String login, int n) {
    return EventJsonLines.fromLine(
        "{\"type\":\"pull_request_opened\",\"at\":\"" + at + "\",\"repo\":\"acme/widget\","
            + "\"actor\":{\"login\":\"" + login + "\",\"bot\":false},\"number\":" + n
            + ",\"draft\":false,\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}");
  }

  private static Event star(String at, String login) {
    return EventJsonLines.fromLine(
        "{\"type\":\"star\",\"at\":\"" + at + "\",\"repo\":\"acme/widget\",\"actor\":{\"login\":\""
            + login + "\",\"bot\":false}}");
  }

  private static HealthSummary summary(List<Event> events, Instant asOf) {
    EventStore store = EventStore.of(events);
    return HealthSummary.compute(
        store, People.resolve(store), store.repositories().get(0), asOf, Duration.ofDays(90),
        Duration.ofDays(90), Affiliations.builder().build());
  }

  @Test
  void eventsOnlyAfterTheWindowAreNoEvidence() {
    List<Event> events =
        List.of(star("2024-03-01T00:00:00Z", "fan"), pr("2024-03-02T00:00:00Z", "alice", 1));
    HealthSummary s = summary(events, Instant.parse("2024-03-01T00:00:00Z"));
    assertFalse(s.openSauced().hasEvidence());
    assertFalse(s.absenceFactor().hasEvidence());
    assertFalse(s.lotteryFactor().factor().hasEvidence());
    assertFalse(s.ponyFactor().current().factor().hasEvidence());
    assertFalse(s.contributorDependency().factor().hasEvidence());
    assertFalse(s.elephantFactor().factor().hasEvidence());
    assertFalse(s.onion().hasEvidence());
    assertFalse(s.retention().hasEvidence());
    assertFalse(s.responsiveness().reviewConcentration().hasEvidence());
    // OpenSauced's grace period reads the empty window as "low" (young repository): that is no
    // evidence about who holds the work, so the evidenced level is empty.
    assertEquals(LotteryLevel.LOW, s.lotteryFactor().level());
    assertEquals(Optional.empty(), s.lotteryFactor().evidencedLevel());
    // Long after the events, OpenSauced reads the same emptiness as "very high".
    HealthSummary late = summary(events, Instant.parse("2025-03-01T00:00:00Z"));
    assertEquals(LotteryLevel.VERY_HIGH, late.lotteryFactor().level());
    assertEquals(Optional.empty(), late.lotteryFactor().evidencedLevel());
  }

  @Test
  void oneEventIsEvidence() {
    List<Event> events = List.of(pr("2024-03-02T00:00:00Z", "alice", 1));
    HealthSummary s = summary(events, Instant.parse("2024-03-03T00:00:00Z"));
    assertTrue(s.lotteryFactor().factor().hasEvidence());
    assertEquals(1, s.lotteryFactor().factor().factor());
    assertEquals(Optional.of(LotteryLevel.VERY_HIGH), s.lotteryFactor().evidencedLevel());
    assertTrue(s.retention().hasEvidence());
    assertFalse(s.openSauced().hasEvidence());
  }
}
