package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.metrics.stars.FakeStars;
import io.github.communitymetrics.core.metrics.stars.FakeStarsResult;
import io.github.communitymetrics.core.metrics.stars.LockstepParameters;
import io.github.communitymetrics.core.metrics.stars.LowActivityParameters;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * StarScout's signals on planted campaigns over a simulated community: recall and precision of
 * each signal per seed, and organic bursts not flagged.
 */
class StarCampaignsTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 19, 2024, 31337})
  void signalsFindPlantedCampaignsAndLeaveOrganicBurstsAlone(long seed) {
    SimulatedCommunity base = CommunitySimulator.simulate(SimulationConfig.small(seed));
    StarCampaigns.Planted planted =
        StarCampaigns.plant(base.events(), StarCampaignConfig.typical(seed, base.config().start().plusSeconds(30 * 86_400L)));
    EventStore store = EventStore.of(planted.events());
    FakeStarsResult r = new FakeStars(RepositoryScope.all(), Window.ALL, LowActivityParameters.STARSCOUT,
        LockstepParameters.STARSCOUT).compute(store, People.resolve(store));

    Map<StarCampaigns.Kind, Set<Repository>> targets = new HashMap<>();
    int[] planted3 = new int[3];
    for (StarCampaigns.Campaign c : planted.campaigns()) {
      targets.computeIfAbsent(c.kind(), k -> new java.util.HashSet<>())
          .addAll(c.stars().stream().map(StarCampaigns.PlantedStar::repository).collect(Collectors.toSet()));
      planted3[c.kind().ordinal()] += c.stars().size();
    }
    // Per signal: stars flagged on each kind's repositories (planted accounts are their only stargazers).
    long[][] flagged = new long[4][2]; // [kind or 3 = base community][0 low, 1 lockstep]
    for (FakeStarMonth m : r.months()) {
      int kind = 3;
      for (StarCampaigns.Kind k : StarCampaigns.Kind.values()) {
        if (targets.getOrDefault(k, Set.of()).contains(m.repository())) {
          kind = k.ordinal();
        }
      }
      flagged[kind][0] += m.lowActivity().orElseThrow();
      flagged[kind][1] += m.lockstep().orElseThrow();
    }
    int low = StarCampaigns.Kind.LOW_ACTIVITY.ordinal();
    int lock = StarCampaigns.Kind.LOCKSTEP.ordinal();
    int organic = StarCampaigns.Kind.ORGANIC.ordinal();
    double lowRecall = (double) flagged[low][0] / planted3[low];
    double lockRecall = (double) flagged[lock][1] / planted3[lock];
    // Precision over the planted and organic repositories, where the truth is known.
    double lowPrecision = (double) flagged[low][0] / (flagged[low][0] + flagged[lock][0] + flagged[organic][0]);
    double lockPrecision = (double) flagged[lock][1] / (flagged[low][1] + flagged[lock][1] + flagged[organic][1]);
    System.out.printf(
        "seed %d: low-activity recall %.3f precision %.3f; lockstep recall %.3f precision %.3f;"
            + " organic flagged %d low, %d lockstep of %d; base community stars flagged %d low, %d lockstep%n",
        seed, lowRecall, lowPrecision, lockRecall, lockPrecision, flagged[organic][0], flagged[organic][1],
        planted3[organic], flagged[3][0], flagged[3][1]);
    assertEquals(1.0, lowRecall, "seed " + seed);
    assertEquals(1.0, lowPrecision, "seed " + seed);
    assertEquals(1.0, lockRecall, "seed " + seed);
    assertEquals(1.0, lockPrecision, "seed " + seed);
    assertEquals(0, flagged[organic][0], "organic burst flagged low-activity, seed " + seed);
    assertEquals(0, flagged[organic][1], "organic burst flagged lockstep, seed " + seed);
    assertTrue(planted3[organic] > 0 && planted3[lock] >= 50 * 10 && planted3[low] > 0);
  }
}
