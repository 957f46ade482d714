package io.github.communitymetrics.core.metrics;

import static io.github.communitymetrics.core.metrics.EachRepositoryTest.A;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.AS_OF;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.B;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.C;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.D;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.PEOPLE;
import static io.github.communitymetrics.core.metrics.EachRepositoryTest.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers-only all-repositories forms and {@link RepositoryTable} on the hand-built events of
 * {@link EachRepositoryTest}, whose class comment and tests work the numbers out by hand.
 */
class LeanFormsTest {

  @Test
  void confidence() {
    OpenSaucedConfidence preset = OpenSaucedConfidence.openSauced(A, AS_OF);
    RepositoryTable t = preset.confidenceEachRepository(STORE, PEOPLE);
    assertEquals(List.of(A, C), t.repositories());
    // A: stargazers alice (0.5), bob (1), the bot (1); forker carol (0): 41 %
    int a = t.indexOf(A);
    assertEquals(0, a);
    assertEquals(3, t.getLong(a, OpenSaucedConfidence.STARGAZERS));
    assertEquals(1, t.getLong(a, OpenSaucedConfidence.FORKERS));
    assertEquals(41, t.getLong(a, OpenSaucedConfidence.PERCENT));
    assertEquals(2.5, t.getDouble(a, OpenSaucedConfidence.STARGAZER_WEIGHT));
    assertEquals(0.0, t.getDouble(a, OpenSaucedConfidence.FORKER_WEIGHT));
    // C: dave, no pull request
    assertEquals(1, t.getLong(1, OpenSaucedConfidence.STARGAZERS));
    assertEquals(0, t.getLong(1, OpenSaucedConfidence.PERCENT));
    assertEquals(-1, t.indexOf(B));
    // bots excluded: alice 0.5 and bob 1 of 2 stargazers: 37 %
    RepositoryTable noBots = preset.withBotsExcluded(true).confidenceEachRepository(STORE, PEOPLE);
    assertEquals(2, noBots.getLong(0, OpenSaucedConfidence.STARGAZERS));
    assertEquals(37, noBots.getLong(0, OpenSaucedConfidence.PERCENT));
    assertEquals(1.5, noBots.getDouble(0, OpenSaucedConfidence.STARGAZER_WEIGHT));
  }

  @Test
  void lotteryFactor() {
    RepositoryTable t = LotteryFactor.openSauced(AS_OF).factorEachRepository(STORE, PEOPLE);
    // C has no pull request; A: bob 1 (the bot left out); B: alice 2, carol 1; D: alice 1
    Map<Repository, Map<String, Number>> expected = new LinkedHashMap<>();
    expected.put(A, Map.of(LotteryFactor.FACTOR, 1L, LotteryFactor.TOTAL, 1L));
    expected.put(B, Map.of(LotteryFactor.FACTOR, 1L, LotteryFactor.TOTAL, 3L));
    expected.put(D, Map.of(LotteryFactor.FACTOR, 1L, LotteryFactor.TOTAL, 1L));
    assertEquals(expected, t.toMap());
    assertEquals(List.of(A, B, D), List.copyOf(t.toMap().keySet()));
    // with bots: bob 1 and the bot 1 in A; either alone has half
    RepositoryTable bots = LotteryFactor.openSauced(AS_OF).withBots(true).factorEachRepository(STORE, PEOPLE);
    assertEquals(2, bots.getLong(bots.indexOf(A), LotteryFactor.TOTAL));
    assertEquals(1, bots.getLong(bots.indexOf(A), LotteryFactor.FACTOR));
    // more than half (exclusive): B needs alice and carol
    RepositoryTable strict = LotteryFactor.openSauced(AS_OF)
        .withRule(new ShareRule(1, 2, false)).factorEachRepository(STORE, PEOPLE);
    assertEquals(1, strict.getLong(strict.indexOf(B), LotteryFactor.FACTOR)); // 2 of 3 > half
    assertEquals(2, LotteryFactor.openSauced(AS_OF).withBots(true)
        .withRule(new ShareRule(1, 2, false)).factorEachRepository(STORE, PEOPLE)
        .getLong(0, LotteryFactor.FACTOR)); // A: 1 of 2 is not more than half
  }

  @Test
  void retention() {
    Retention lfx = Retention.lfx(Window.of(Instant.parse("2023-10-01T00:00:00Z"), AS_OF));
    assertEquals(2, lfx.periods().size()); // Q4 2023, Q1 2024 (partial)
    RepositoryTable t = lfx.retainedEachRepository(STORE, PEOPLE);
    assertEquals(List.of(A, B, D), t.repositories());
    assertEquals(
        List.of("active.0", "active.1", "retained.0", "retained.1"), t.longColumns());
    // A: bob in Q4; alice and bob in Q1, bob retained. B: alice; alice and carol. D: -; alice.
    long[][] expected = {{1, 2, 0, 1}, {1, 2, 0, 1}, {0, 1, 0, 0}};
    for (int row = 0; row < 3; row++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(expected[row][c], t.getLong(row, c), "row " + row + ", column " + c);
      }
    }
  }

  @Test
  void timeToFirstResponse() {
    Responsiveness chaoss = Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF);
    RepositoryTable t = chaoss.firstResponseEachRepository(STORE, PEOPLE);
    // A: issue 4 answered after 2 h, pull request 1 unanswered, the bot's 3 left out;
    // B: pull requests 1 to 3 and issue 4, none answered; D: pull request 1; C: no item
    Map<Repository, Map<String, Number>> expected = new LinkedHashMap<>();
    long twoHours = Duration.ofHours(2).toNanos();
    expected.put(A, Map.of(Responsiveness.ITEMS, 2L, Responsiveness.ANSWERED, 1L,
        Responsiveness.P50_NANOS, twoHours, Responsiveness.P90_NANOS, twoHours));
    expected.put(B, Map.of(Responsiveness.ITEMS, 4L, Responsiveness.ANSWERED, 0L,
        Responsiveness.P50_NANOS, -1L, Responsiveness.P90_NANOS, -1L));
    expected.put(D, Map.of(Responsiveness.ITEMS, 1L, Responsiveness.ANSWERED, 0L,
        Responsiveness.P50_NANOS, -1L, Responsiveness.P90_NANOS, -1L));
    assertEquals(expected, t.toMap());
    // with bots, the bot's pull request 3 in A is an item too, unanswered
    assertEquals(3, chaoss.withBots(true).firstResponseEachRepository(STORE, PEOPLE).getLong(0, Responsiveness.ITEMS));
    // the evidence form's path (closing counts as a response) gives the same numbers here
    assertEquals(t, chaoss.withClosingIsResponse(true).firstResponseEachRepository(STORE, PEOPLE));
  }

  @Test
  void emptyWindowAndOtherPeople() {
    Instant early = Instant.parse("2023-01-01T00:00:00Z");
    assertEquals(0, OpenSaucedConfidence.openSauced(A, early).confidenceEachRepository(STORE, PEOPLE).size());
    assertEquals(0, LotteryFactor.openSauced(early).factorEachRepository(STORE, PEOPLE).size());
    assertEquals(0, Retention.lfx(Window.endingAt(early, Duration.ofDays(90))).retainedEachRepository(STORE, PEOPLE).size());
    People other = People.resolve(EventStore.of(List.of(new Star(AS_OF.minusSeconds(5), A, EachRepositoryTest.ERIN))));
    assertThrows(IllegalArgumentException.class,
        () -> LotteryFactor.openSauced(AS_OF).factorEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> OpenSaucedConfidence.openSauced(A, AS_OF).confidenceEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> Retention.lfx(Window.endingAt(AS_OF, Duration.ofDays(90))).retainedEachRepository(STORE, other));
    assertThrows(IllegalArgumentException.class,
        () -> Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF).firstResponseEachRepository(STORE, other));
    assertEquals(0, Responsiveness.chaoss(Window.endingAt(early, Duration.ofDays(30)), early)
        .firstResponseEachRepository(STORE, PEOPLE).size());
  }

  @Test
  void tableChecksItsColumnsAndRows() {
    Map<String, long[]> one = Map.of("n", new long[] {1, 2});
    RepositoryTable t = RepositoryTable.of(List.of(A, B), one, Map.of("x", new double[] {0.5, 1.5}));
    assertEquals(2, t.size());
    assertEquals(B, t.repository(1));
    assertEquals(2, t.getLong(1, "n"));
    assertEquals(0.5, t.getDouble(0, t.doubleColumn("x")));
    assertEquals(Map.of("n", 1L, "x", 0.5), t.toMap().get(A));
    assertEquals(t, RepositoryTable.of(List.of(A, B), one, Map.of("x", new double[] {0.5, 1.5})));
    assertThrows(IllegalArgumentException.class, () -> t.longColumn("x"));
    assertThrows(IndexOutOfBoundsException.class, () -> t.getLong(2, 0));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(List.of(B, A), one, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(List.of(A, A), one, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RepositoryTable.of(List.of(A), one, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> RepositoryTable.of(List.of(A, B), one, Map.of("n", new double[2])));
    // rows by store index: the store's indices follow repository order
    int a = STORE.repositories().indexOf(A);
    int b = STORE.repositories().indexOf(B);
    assertEquals(t, RepositoryTable.of(STORE, new int[] {a, b}, one, Map.of("x", new double[] {0.5, 1.5})));
    assertThrows(IllegalArgumentException.class, () -> RepositoryTable.of(STORE, new int[] {b, a}, one, Map.of()));
    assertThrows(IndexOutOfBoundsException.class,
        () -> RepositoryTable.of(STORE, new int[] {a, STORE.repositories().size()}, one, Map.of()));
    long[] values = {7, 8};
    RepositoryTable copied = RepositoryTable.of(List.of(A, B), Map.of("n", values), Map.of());
    values[0] = 99;
    assertEquals(7, copied.getLong(0, "n"));
  }
}
