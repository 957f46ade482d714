package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.simulator.PlantedTruth.PersonTruth;
import io.github.communitymetrics.simulator.PlantedTruth.Role;
import io.github.communitymetrics.simulator.PlantedTruth.StargazerTruth;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The planted random choices follow their planted distributions, on one medium community. */
class PlantedRatesTest {
  private static SimulationConfig config;
  private static SimulatedCommunity sim;

  @BeforeAll
  static void simulate() {
    config =
        SimulationConfig.builder()
            .seed(2024)
            .repositories(2)
            .months(24)
            .stargazersPerMonth(80)
            .newcomersPerMonth(10)
            .contributorActionsPerMonth(0.5)
            .conversionProbability(0.2)
            .departureProbability(0.1)
            .build();
    sim = CommunitySimulator.simulate(config);
  }

  @Test
  void conversionShareIsWithinTheBinomialInterval() {
    int n = sim.truth().stargazers().size();
    int chosen = (int) sim.truth().stargazers().stream().filter(StargazerTruth::chosenToConvert).count();
    long[] bounds = Binomial.centralInterval(n, config.conversionProbability(), 0.999);
    assertTrue(
        chosen >= bounds[0] && chosen <= bounds[1],
        "seed " + config.seed() + ": " + chosen + " of " + n + " converted, expected " + bounds[0] + ".." + bounds[1]);
    assertTrue(n == 2 * 24 * 80, "stargazers " + n);
  }

  @Test
  void conversionDelaysHaveThePlantedMedian() {
    // Only conversions whose whole possible delay fits in the window are free of censoring: stars
    // more than a year before the end, with a 30-day median, lose 2^-12 of their delays.
    Instant cutoff = config.end().atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
    int n = 0;
    int withinMedian = 0;
    for (StargazerTruth s : sim.truth().stargazers()) {
      if (s.chosenToConvert() && s.at().isBefore(cutoff) && s.firstContribution().isPresent()) {
        n++;
        long delay = s.firstContribution().get().getEpochSecond() - s.at().getEpochSecond();
        withinMedian += delay < config.conversionDelayMedian().getSeconds() ? 1 : 0;
      }
    }
    long[] bounds = Binomial.centralInterval(n, 0.5, 0.999);
    assertTrue(
        withinMedian >= bounds[0] && withinMedian <= bounds[1],
        "seed " + config.seed() + ": " + withinMedian + " of " + n + " within the median");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 6})
  void survivalIsGeometric(int months) {
    // Everyone who joined more than `months` months before the end either left by then (L <=
    // months) or not; censored people then have L > months. So survivors ~ Binomial(n, (1-p)^k).
    int n = 0;
    int survived = 0;
    for (PersonTruth p : sim.truth().people()) {
      if (p.role() == Role.CORE || p.joined().isEmpty()) {
        continue;
      }
      Instant horizon = p.joined().get().atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
      if (!horizon.isBefore(config.end())) {
        continue;
      }
      n++;
      survived += p.departed().map(d -> d.isAfter(horizon)).orElse(true) ? 1 : 0;
    }
    long[] bounds = Binomial.centralInterval(n, config.plannedSurvival(months), 0.999);
    assertTrue(
        survived >= bounds[0] && survived <= bounds[1],
        "seed " + config.seed() + ": " + survived + " of " + n + " survived " + months
            + " months, expected " + bounds[0] + ".." + bounds[1]);
  }

  @Test
  void activityIsHeavyTailed() {
    // Pareto(1.5) weights: P(weight > 10) = 10^-1.5 = 3.2 %. Check it is neither absent nor common.
    int n = 0;
    int heavy = 0;
    for (PersonTruth p : sim.truth().people()) {
      if (p.role() != Role.CORE && p.joined().isPresent()) {
        n++;
        heavy += p.activityWeight() > 10 ? 1 : 0;
      }
    }
    long[] bounds = Binomial.centralInterval(n, Math.pow(10, -config.activityTailExponent()), 0.999);
    assertTrue(heavy >= bounds[0] && heavy <= bounds[1], heavy + " of " + n);
  }
}
