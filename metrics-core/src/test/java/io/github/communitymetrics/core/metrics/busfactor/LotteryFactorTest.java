package io.github.communitymetrics.core.metrics.busfactor;

import static io.github.communitymetrics.core.metrics.busfactor.Events.REPO;
import static io.github.communitymetrics.core.metrics.busfactor.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LotteryFactorTest {
  private static final Instant AS_OF = T0.plus(Duration.ofDays(100));

  /** Pull requests opened in the window, {@code counts[p]} by person {@code p}. */
  private static Events prs(int... counts) {
    Events e = new Events();
    int number = 1;
    for (int p = 0; p < counts.length; p++) {
      for (int i = 0; i < counts[p]; i++) {
        e.opened(AS_OF.minus(Duration.ofDays(1)).plusSeconds(number), REPO, Actor.github("p" + p), number++);
      }
    }
    return e;
  }

  @ParameterizedTest(name = "{0} -> factor {1}, {2}")
  @CsvSource({
    "'10', 1, VERY_HIGH",
    "'5,5', 1, VERY_HIGH", // 5 of 10 is half: enough for OpenSauced
    "'4,3,3', 2, HIGH",
    "'1,1,1,1,1,1', 3, MODERATE",
    "'1,1,1,1,1,1,1,1', 4, MODERATE",
    "'1,1,1,1,1,1,1,1,1', 5, LOW", // 5 of 9 >= 4.5; exactly 5 is low
    "'1,1,1,1,1,1,1,1,1,1,1,1', 6, LOW"
  })
  void repositoryLevelByFactor(String counts, int factor, LotteryLevel level) {
    int[] c = java.util.Arrays.stream(counts.split(",")).mapToInt(Integer::parseInt).toArray();
    LotteryFactorResult r = prs(c).compute(LotteryFactor.openSauced(AS_OF));
    assertEquals(factor, r.factor().factor());
    assertEquals(level, r.level());
  }

  @Test
  void levelOfFactor() {
    assertEquals(LotteryLevel.VERY_HIGH, LotteryLevel.ofFactor(1));
    assertEquals(LotteryLevel.HIGH, LotteryLevel.ofFactor(2));
    assertEquals(LotteryLevel.MODERATE, LotteryLevel.ofFactor(3));
    assertEquals(LotteryLevel.MODERATE, LotteryLevel.ofFactor(4));
    assertEquals(LotteryLevel.LOW, LotteryLevel.ofFactor(5));
    assertThrows(IllegalArgumentException.class, () -> LotteryLevel.ofFactor(0));
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "0, 10, LOW", "1, 10, LOW", "10, 100, LOW", "11, 100, MODERATE", "25, 100, MODERATE",
    "26, 100, HIGH", "1, 4, MODERATE", "1, 2, HIGH", "50, 100, HIGH", "51, 100, VERY_HIGH",
    "10, 10, VERY_HIGH"
  })
  void personLevelByShare(long count, long total, LotteryLevel level) {
    assertEquals(level, LotteryLevel.ofShare(count, total));
  }

  @Test
  void topFourPlusOther() {
    LotteryFactorResult r = prs(5, 4, 3, 2, 1, 1).compute(LotteryFactor.openSauced(AS_OF));
    assertEquals(16, r.factor().total());
    assertEquals(
        List.of("p0", "p1", "p2", "p3"),
        r.top().stream().map(t -> t.ranked().key().login().orElseThrow()).collect(Collectors.toList()));
    // 5/16 = 31% high, 4/16 = 25% moderate, 3/16 = 19% moderate, 2/16 = 12.5% moderate.
    assertEquals(
        List.of(LotteryLevel.HIGH, LotteryLevel.MODERATE, LotteryLevel.MODERATE, LotteryLevel.MODERATE),
        r.top().stream().map(LotteryFactor.TopContributor::level).collect(Collectors.toList()));
    assertEquals(Optional.of(new LotteryFactor.Others(2, 2, 2.0 / 16)), r.other());
    assertEquals(Optional.empty(), prs(3, 2).compute(LotteryFactor.openSauced(AS_OF)).other());
  }

  @Test
  void windowIsTheThirtyDaysBeforeAsOf() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Events e = new Events();
    e.opened(AS_OF.minus(Duration.ofDays(30)), REPO, a, 1); // first instant inside
    e.opened(AS_OF.minus(Duration.ofDays(30)).minusNanos(1), REPO, b, 2); // just before
    e.opened(AS_OF, REPO, b, 3); // the end is outside
    LotteryFactorResult r = e.compute(LotteryFactor.openSauced(AS_OF));
    assertEquals(1, r.factor().total());
    assertEquals(a, r.factor().members().get(0).key());
  }

  @Test
  void declaredBotsAndBotSuffixesAreExcluded() {
    Actor a = Actor.github("a");
    Events e = prs(0);
    e.opened(AS_OF.minusSeconds(10), REPO, a, 100);
    e.opened(AS_OF.minusSeconds(9), REPO, Actor.github("dependabot[bot]"), 101);
    e.opened(AS_OF.minusSeconds(8), REPO, Actor.github("helper").withKind(ActorKind.BOT), 102);
    assertEquals(1, e.compute(LotteryFactor.openSauced(AS_OF)).factor().total());
    assertEquals(3, e.compute(LotteryFactor.openSauced(AS_OF).withBots(true)).factor().total());
  }

  @Test
  void gracePeriodWithExplicitCreation() {
    Events none = new Events().star(T0, REPO, Actor.github("fan"));
    LotteryFactor m = LotteryFactor.openSauced(AS_OF);
    LotteryFactorResult young = none.compute(m.withCreatedAt(AS_OF.minus(Duration.ofDays(29))));
    assertEquals(0, young.factor().factor());
    assertEquals(LotteryLevel.LOW, young.level());
    assertEquals(Optional.of(AS_OF.minus(Duration.ofDays(29))), young.createdAt());
    // Exactly 30 days old is no longer younger than 30 days.
    assertEquals(
        LotteryLevel.VERY_HIGH, none.compute(m.withCreatedAt(AS_OF.minus(Duration.ofDays(30)))).level());
  }

  @Test
  void gracePeriodFallsBackToTheFirstEvent() {
    LotteryFactor m = LotteryFactor.openSauced(AS_OF);
    Instant tenDays = AS_OF.minus(Duration.ofDays(10));
    LotteryFactorResult young = new Events().star(tenDays, REPO, Actor.github("fan")).compute(m);
    assertEquals(LotteryLevel.LOW, young.level());
    assertEquals(Optional.of(tenDays), young.createdAt());
    Instant old = AS_OF.minus(Duration.ofDays(40));
    assertEquals(LotteryLevel.VERY_HIGH, new Events().star(old, REPO, Actor.github("fan")).compute(m).level());
    LotteryFactorResult unknown = new Events().compute(m);
    assertEquals(LotteryLevel.VERY_HIGH, unknown.level(), "nothing shows the repository is new");
    assertTrue(unknown.createdAt().isEmpty());
  }

  @Test
  void firstEventsMergeByMinimum() {
    Instant old = AS_OF.minus(Duration.ofDays(40));
    Instant recent = AS_OF.minus(Duration.ofDays(10));
    Events e = new Events().star(old, REPO, Actor.github("x")).star(recent, REPO, Actor.github("y"));
    EventStore all = e.store();
    People people = People.resolve(all);
    LotteryFactor m = LotteryFactor.openSauced(AS_OF);
    ContributionCounts<Actor> late = m.accumulate(all.slice(Window.of(recent, AS_OF)), people);
    ContributionCounts<Actor> early = m.accumulate(all.slice(Window.of(old, recent)), people);
    assertEquals(LotteryLevel.LOW, m.finish(late).level());
    assertEquals(Optional.of(old), m.finish(m.merge(late, early)).createdAt());
    assertEquals(LotteryLevel.VERY_HIGH, m.finish(m.merge(late, early)).level());
    assertEquals(m.compute(all, people), m.finish(m.merge(early, late)));
  }

  @Test
  void explicitCreationStopsTrackingFirstEvents() {
    LotteryFactor m = LotteryFactor.openSauced(AS_OF).withCreatedAt(T0);
    EventStore s = new Events().star(T0, REPO, Actor.github("x")).store();
    assertTrue(m.accumulate(s, People.resolve(s)).firstEvents().isEmpty());
    assertEquals(ContributionType.PULL_REQUEST_OPENED, m.selection().type());
  }
}
