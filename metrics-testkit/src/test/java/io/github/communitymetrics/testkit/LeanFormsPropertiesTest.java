package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.RepositoryTable;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbers-only all-repositories forms ({@code factorEachRepository}, {@code
 * confidenceEachRepository}, {@code retainedEachRepository}, {@code firstResponseEachRepository}) hold exactly the numbers of the
 * evidence forms ({@code computeEachRepository}, themselves tested against the one-repository
 * forms in {@link AllRepositoriesPropertiesTest}), on the same random communities.
 */
class LeanFormsPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12).map(i -> i * 7_919 + 3);
  }

  private static Instant asOf(long seed) {
    return SimulationConfig.builder().seed(seed).months(8).build().start().plus(Duration.ofDays(200));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lotteryFactorNumbersEqualTheEvidenceForm(long seed) {
    EventStore store = EventStore.of(AllRepositoriesPropertiesTest.events(seed));
    People people = People.resolve(store);
    LotteryFactor preset = LotteryFactor.openSauced(asOf(seed));
    int factorsAboveOne = 0;
    for (LotteryFactor metric :
        List.of(
            preset,
            preset.withWindow(Window.endingAt(asOf(seed), Duration.ofDays(150))),
            preset.withBots(true).withWindow(Window.endingAt(asOf(seed), Duration.ofDays(90))),
            preset.withRule(new ShareRule(2, 3, false)).withWindow(Window.endingAt(asOf(seed), Duration.ofDays(120))),
            preset.withContributionType(ContributionType.PULL_REQUEST_MERGED),
            preset.withScope(RepositoryScope.organization(Forge.GITHUB, "elsewhere")))) {
      SortedMap<Repository, Map<String, Number>> expected = new TreeMap<>();
      metric.computeEachRepository(store, people).forEach((repo, r) -> {
        if (r.factor().total() > 0) {
          expected.put(repo, row(LotteryFactor.FACTOR, (long) r.factor().factor(), LotteryFactor.TOTAL, r.factor().total()));
        }
      });
      RepositoryTable lean = metric.factorEachRepository(store, people);
      assertEquals(expected, lean.toMap(), "seed " + seed + ", " + metric);
      for (int row = 0; row < lean.size(); row++) {
        factorsAboveOne += lean.getLong(row, LotteryFactor.FACTOR) > 1 ? 1 : 0;
      }
    }
    assertTrue(factorsAboveOne > 0, "seed " + seed + ": no factor above 1 anywhere");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void confidenceNumbersEqualTheEvidenceForm(long seed) {
    EventStore store = EventStore.of(AllRepositoriesPropertiesTest.events(seed));
    People people = People.resolve(store);
    OpenSaucedConfidence preset = OpenSaucedConfidence.openSauced(Repository.github("a/b"), asOf(seed)).withRange(90);
    int weighted = 0;
    for (OpenSaucedConfidence metric :
        List.of(
            preset,
            preset.withBotsExcluded(false),
            preset.withRange(30),
            preset.withWeights(OpenSaucedConfidence.Weights.MARCH_2024),
            preset.withWeights(new OpenSaucedConfidence.Weights(java.util.OptionalDouble.of(0.3), 0.1, 0.7, 3)),
            preset.withPullRequestEvents(Set.of(EventType.PULL_REQUEST_OPENED)))) {
      SortedMap<Repository, Map<String, Number>> expected = new TreeMap<>();
      metric.computeEachRepository(store, people).forEach((repo, r) -> {
        Map<String, Number> values = row(
            OpenSaucedConfidence.STARGAZERS, (long) r.stargazers(),
            OpenSaucedConfidence.FORKERS, (long) r.forkers());
        values.put(OpenSaucedConfidence.PERCENT, (long) r.percent());
        values.put(OpenSaucedConfidence.STARGAZER_WEIGHT, r.stargazerWeight());
        values.put(OpenSaucedConfidence.FORKER_WEIGHT, r.forkerWeight());
        expected.put(repo, values);
      });
      RepositoryTable lean = metric.confidenceEachRepository(store, people);
      assertEquals(expected, lean.toMap(), "seed " + seed + ", " + metric);
      for (int row = 0; row < lean.size(); row++) {
        weighted += lean.getLong(row, OpenSaucedConfidence.PERCENT) > 0 ? 1 : 0;
      }
    }
    assertTrue(weighted > 0, "seed " + seed + ": no repository with a positive percent");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void retentionNumbersEqualTheEvidenceForm(long seed) {
    EventStore store = EventStore.of(AllRepositoriesPropertiesTest.events(seed));
    People people = People.resolve(store);
    Window window = Window.endingAt(asOf(seed), Duration.ofDays(150));
    long retained = 0;
    for (Retention metric :
        List.of(
            Retention.lfx(window),
            Retention.lfx(window).withUnit(PeriodUnit.ISO_WEEK),
            Retention.openSauced(window).withBots(true),
            Retention.lfx(window).withContributionTypes(Set.of(ContributionType.PULL_REQUEST_MERGED)),
            Retention.lfx(window).withScope(RepositoryScope.organization(Forge.GITHUB, "elsewhere")))) {
      int np = metric.periods().size();
      SortedMap<Repository, Map<String, Number>> expected = new TreeMap<>();
      metric.computeEachRepository(store, people).forEach((repo, r) -> {
        assertEquals(np, r.periods().size(), "seed " + seed);
        Map<String, Number> values = new LinkedHashMap<>();
        for (int k = 0; k < np; k++) {
          values.put(Retention.activeColumn(k), (long) r.periods().get(k).active().size());
        }
        for (int k = 0; k < np; k++) {
          PeriodRetention p = r.periods().get(k);
          assertEquals(metric.periods().get(k), p.period(), "seed " + seed);
          values.put(Retention.retainedColumn(k), (long) p.retained().size());
        }
        expected.put(repo, values);
      });
      RepositoryTable lean = metric.retainedEachRepository(store, people);
      assertEquals(expected, lean.toMap(), "seed " + seed + ", " + metric);
      for (int row = 0; row < lean.size(); row++) {
        for (int k = 1; k < np; k++) {
          retained += lean.getLong(row, Retention.retainedColumn(k));
        }
      }
    }
    assertTrue(retained > 0, "seed " + seed + ": nobody retained anywhere");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void firstResponseNumbersEqualTheEvidenceForm(long seed) {
    EventStore store = EventStore.of(AllRepositoriesPropertiesTest.events(seed));
    People people = People.resolve(store);
    Instant asOf = asOf(seed);
    Responsiveness preset = Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(120)), asOf);
    long answered = 0;
    for (Responsiveness metric :
        List.of(
            preset,
            preset.withBots(true),
            Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(30)), asOf.plus(Duration.ofDays(10))),
            preset.withMaintainersOnly(true),
            preset.withClosingIsResponse(true),
            preset.withScope(RepositoryScope.organization(Forge.GITHUB, "elsewhere")))) {
      SortedMap<Repository, Map<String, Number>> expected = new TreeMap<>();
      metric.computeEachRepository(store, people).forEach((repo, r) -> {
        DurationSummary d = r.firstResponse();
        if (d.completed() + d.censored() > 0) {
          Map<String, Number> values = row(Responsiveness.ITEMS, d.completed() + d.censored(),
              Responsiveness.ANSWERED, d.completed());
          values.put(Responsiveness.P50_NANOS, d.p50().map(Duration::toNanos).orElse(-1L));
          values.put(Responsiveness.P90_NANOS, d.p90().map(Duration::toNanos).orElse(-1L));
          expected.put(repo, values);
        }
      });
      RepositoryTable lean = metric.firstResponseEachRepository(store, people);
      assertEquals(expected, lean.toMap(), "seed " + seed + ", " + metric);
      for (int row = 0; row < lean.size(); row++) {
        answered += lean.getLong(row, Responsiveness.ANSWERED);
      }
    }
    assertTrue(answered > 0, "seed " + seed + ": no item answered anywhere");
  }

  private static Map<String, Number> row(String a, Number x, String b, Number y) {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put(a, x);
    m.put(b, y);
    return m;
  }
}
