package io.github.communitymetrics.core.metrics.busfactor;

import static io.github.communitymetrics.core.metrics.busfactor.Events.REPO;
import static io.github.communitymetrics.core.metrics.busfactor.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnionModelTest {
  private static final Window YEAR = Window.startingAt(T0, Duration.ofDays(365));

  private static OnionModelResult onion(OnionModel m, int... counts) {
    Events e = new Events();
    for (int p = 0; p < counts.length; p++) {
      e.commits(counts[p], T0.plusSeconds(1000L * p), REPO, Actor.github("p" + p));
    }
    return e.compute(m);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'80,15,5', 'CORE,REGULAR,CASUAL'", // 80% exactly is still core, 95% exactly still regular
    "'81,14,5', 'REGULAR,REGULAR,CASUAL'", // the person crossing 80% is regular: empty core
    "'79,15,5,1', 'CORE,REGULAR,CASUAL,CASUAL'",
    "'40,40,15,4,1', 'CORE,CORE,REGULAR,CASUAL,CASUAL'",
    "'100', 'CASUAL'" // one person: cumulative 100% is past both thresholds
  })
  void layersFollowGrimoireLabsRightClosedBins(String counts, String layers) {
    int[] c = Arrays.stream(counts.split(",")).mapToInt(Integer::parseInt).toArray();
    OnionModelResult r = onion(OnionModel.grimoireLab(YEAR), c);
    assertEquals(
        Arrays.stream(layers.split(",")).map(OnionLayer::valueOf).collect(Collectors.toList()),
        r.members().stream().map(OnionModel.Member::layer).collect(Collectors.toList()));
    assertEquals(Arrays.stream(c).sum(), r.total());
  }

  @Test
  void layersListTheirMembers() {
    OnionModelResult r = onion(OnionModel.grimoireLab(YEAR), 40, 40, 15, 4, 1);
    assertEquals(
        List.of(Actor.github("p0"), Actor.github("p1")),
        r.layer(OnionLayer.CORE).stream().map(m -> m.ranked().key()).collect(Collectors.toList()));
    assertEquals(1, r.layer(OnionLayer.REGULAR).size());
    assertEquals(2, r.layer(OnionLayer.CASUAL).size());
  }

  @Test
  void thresholdsAreParameters() {
    OnionModel half =
        OnionModel.grimoireLab(YEAR).withThresholds(new ShareRule(1, 2, true), new ShareRule(9, 10, true));
    // Ranked 40, 40, 10, 10: cumulative 40% is core, 80% reaches ">= 1/2", 90% reaches ">= 9/10".
    OnionModelResult r = onion(half, 40, 10, 40, 10);
    assertEquals(
        List.of(OnionLayer.CORE, OnionLayer.REGULAR, OnionLayer.CASUAL, OnionLayer.CASUAL),
        r.members().stream().map(OnionModel.Member::layer).collect(Collectors.toList()));
    assertThrows(
        IllegalArgumentException.class,
        () -> OnionModel.grimoireLab(YEAR).withThresholds(new ShareRule(9, 10, false), new ShareRule(8, 10, false)));
  }

  @Test
  void emptyInput() {
    OnionModelResult r = onion(OnionModel.grimoireLab(YEAR));
    assertEquals(0, r.total());
    assertTrue(r.members().isEmpty());
  }
}
