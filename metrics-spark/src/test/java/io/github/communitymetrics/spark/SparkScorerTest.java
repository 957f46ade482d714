package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark (local, 2 threads) gives exactly the single-machine result on simulated communities, for
 * every exactly-merging metric, whatever the partitioning and the order of the events, and with
 * some events given twice.
 */
class SparkScorerTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(11L, 1, Grouping.REPOSITORY, false),
        Arguments.of(11L, 3, Grouping.REPOSITORY, false),
        Arguments.of(11L, 7, Grouping.REPOSITORY, false),
        Arguments.of(11L, 3, Grouping.REPOSITORY, true),
        Arguments.of(6029L, 7, Grouping.REPOSITORY, true),
        Arguments.of(6029L, 3, Grouping.OWNER, false),
        Arguments.of(6029L, 7, Grouping.OWNER, true));
  }

  /**
   * A community of 3 repositories over 8 months. Half of the merges lose their author (as in GH
   * Archive's older events), so their credit goes through the pull request's opener, which is
   * often in another partition.
   */
  private static SimulatedCommunity community(long seed) {
    SimulationConfig config =
        SimulationConfig.builder()
            .seed(seed)
            .repositories(3)
            .months(8)
            .stargazersPerMonth(6)
            .conversionProbability(0.3)
            .promotionMergedPullRequests(4)
            .twoEmailShare(0.3)
            .build();
    return CommunitySimulator.simulate(config);
  }

  private static List<Event> withoutSomeMergeAuthors(List<Event> events, Random random) {
    List<Event> out = new ArrayList<>(events.size());
    for (Event e : events) {
      if (e.type() == EventType.PULL_REQUEST_MERGED && random.nextBoolean()) {
        PullRequestMerged m = (PullRequestMerged) e;
        out.add(
            new PullRequestMerged(
                m.at(), m.repo(), m.actor(), m.number(), Optional.empty(), m.baseBranch(), m.mergeCommitSha()));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** The window of the simulation, with the simulated companies' e-mail domains. */
  static SparkEvaluation evaluation(SimulationConfig config) {
    Map<String, String> domains = new LinkedHashMap<>();
    config.companies().forEach(c -> domains.put(c.domain(), c.name()));
    return SparkEvaluation.of(config.start(), config.end()).withDomains(domains);
  }

  /** The name of the absence factor of merged pull requests, a second evaluation of one metric. */
  static final String MERGED = "absence-factor-merged";

  /**
   * Every standard metric that runs on a group's events, and the absence factor once more over
   * merged pull requests: they are credited to their authors, found through openers across slices.
   */
  static List<SparkMetric<?, ?>> metrics(SimulationConfig config) {
    List<SparkMetric<?, ?>> all = new ArrayList<>(CoreMetrics.all(RegistrySource.standard(), evaluation(config)));
    all.add(
        SparkMetric.of(
                StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR.id(),
                evaluation(config).withCommitBasis(ContributionType.PULL_REQUEST_MERGED))
            .named(MERGED));
    return all;
  }

  /** The descriptor and core evaluation of each metric of {@link #metrics}, by Spark name. */
  static Map<String, LocalSpark.Described> described(SimulationConfig config) {
    Map<String, LocalSpark.Described> out = new LinkedHashMap<>();
    Evaluation e = evaluation(config).evaluation();
    for (SparkMetric<?, ?> m : metrics(config)) {
      out.put(
          m.name(),
          m.name().equals(MERGED)
              ? new LocalSpark.Described(
                  StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR,
                  e.withCommitBasis(ContributionType.PULL_REQUEST_MERGED))
              : new LocalSpark.Described(MetricRegistry.standard().get(m.name()), e));
    }
    return out;
  }

  /**
   * Scattered: the input in {@code partitions} round-robin partitions, each group's partial
   * states merged by the aggregator. Colocated: the events shuffled by group into {@code
   * partitions} partitions.
   */
  @ParameterizedTest(name = "seed {0}, {1} partitions, per {2}, colocated {3}")
  @MethodSource("cases")
  void sparkGivesTheSingleMachineResults(long seed, int partitions, Grouping grouping, boolean colocate) {
    SimulatedCommunity c = community(seed);
    Random random = new Random(seed);
    List<Event> events = withoutSomeMergeAuthors(c.events(), random);
    // Some events twice (overlapping archive hours): one store keeps them once, so must Spark.
    int n = events.size();
    for (int i = 0; i < n / 10; i++) {
      events.add(events.get(random.nextInt(n)));
    }
    Collections.shuffle(events, random);
    List<SparkMetric<?, ?>> metrics = metrics(c.config());

    Map<String, Map<String, Object>> expected =
        LocalSpark.singleMachine(EventStore.of(events), metrics, grouping);
    Scores scores =
        SparkScorer.builder()
            .metrics(metrics)
            .grouping(grouping)
            .colocateGroups(colocate)
            .partitions(partitions)
            .build()
            .score(LocalSpark.dataset(spark, events, partitions));
    Map<String, Map<String, Object>> actual = scores.collect();

    assertEquals(expected.keySet(), actual.keySet(), "groups, seed " + seed);
    assertEquals(grouping == Grouping.REPOSITORY ? 3 : 1, expected.size(), "seed " + seed);
    for (String group : expected.keySet()) {
      for (SparkMetric<?, ?> m : metrics) {
        Structural.assertEqual(
            expected.get(group).get(m.name()),
            actual.get(group).get(m.name()),
            "seed " + seed + ", " + partitions + " partitions, " + group + ", " + m.name());
      }
    }
    // The comparison is not vacuous: the metrics found people and numbers.
    for (String group : expected.keySet()) {
      assertTrue(
          ((io.github.communitymetrics.core.metrics.busfactor.FactorResult<?>)
                      expected.get(group).get("contributor-absence-factor"))
                  .concentration()
                  .total()
              > 0,
          "seed " + seed + ", " + group);
    }
    // Every measurement of every metric is the CLI's: descriptor.evaluate on the group's slice.
    List<ResultRow> rows = new ArrayList<>(scores.rows().collectAsList());
    rows.sort(LocalSpark.ORDER);
    assertEquals(
        LocalSpark.evaluatedRows(EventStore.of(events), described(c.config()), grouping),
        rows,
        "seed " + seed + ", " + partitions + " partitions");
    assertFalse(scores.rows().filter("value is not null").isEmpty(), "seed " + seed);
    assertEquals(
        metrics.size() * expected.size(), scores.headlines().count(), "one headline per group and metric");
  }
}
