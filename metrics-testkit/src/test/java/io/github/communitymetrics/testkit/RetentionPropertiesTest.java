package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.PlantedTruth;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.retention.BandScale;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.RetentionState;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention on simulated communities: merged random slices equal the whole, event order and
 * extra bots change nothing, and the survival curve recovers the planted monthly departure
 * probability.
 */
class RetentionPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10).map(i -> i * 7_919 + 3);
  }

  /** The presets, in UTC and in zones whose local midnight is not a UTC hour boundary. */
  private static List<Retention> metrics(SimulationConfig cfg) {
    return List.of(
        Retention.lfx(cfg.window()),
        Retention.chaoss(cfg.window(), ZoneId.of("Asia/Kolkata")),
        Retention.chaoss(cfg.window(), ZoneId.of("America/Sao_Paulo"))
            .withUnit(PeriodUnit.ISO_WEEK)
            .withBands(0.9, BandScale.PLAIN),
        Retention.openSauced(cfg.window()),
        Retention.lfx(cfg.window())
            .withContributionTypes(
                EnumSet.of(ContributionType.PULL_REQUEST_MERGED, ContributionType.REVIEW)));
  }

  /** Splits the events at random instants and by a random coin per event, merges in random order. */
  private static RetentionState mergedSlices(
      Retention metric, List<Event> events, Identities identities, Random random) {
    int pieces = 2 + random.nextInt(4);
    List<List<Event>> parts = new ArrayList<>();
    for (int i = 0; i < pieces; i++) {
      parts.add(new ArrayList<>());
    }
    for (Event e : events) {
      parts.get(random.nextInt(pieces)).add(e);
    }
    List<RetentionState> states = new ArrayList<>();
    for (List<Event> part : parts) {
      EventStore s = EventStore.of(part);
      states.add(metric.accumulate(s, People.of(s, identities)));
    }
    Collections.shuffle(states, random);
    RetentionState merged = states.get(0);
    for (int i = 1; i < states.size(); i++) {
      merged = metric.merge(merged, states.get(i));
    }
    return merged;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergedRandomSlicesEqualTheWhole(long seed) {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.small(seed));
    EventStore whole = EventStore.of(c.events());
    Identities identities = IdentityResolver.defaults().resolve(whole.actors());
    People people = People.of(whole, identities);
    Random random = new Random(seed);
    for (Retention m : metrics(c.config())) {
      RetentionState all = m.accumulate(whole, people);
      assertTrue(all.people() > 5, "seed " + seed + ": " + all);
      RetentionState merged = mergedSlices(m, c.events(), identities, random);
      assertEquals(all, merged, "seed " + seed + ", " + m);
      assertEquals(m.finish(all), m.finish(merged), "seed " + seed + ", " + m);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultsDoNotDependOnEventOrder(long seed) {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.small(seed));
    List<Event> shuffled = new ArrayList<>(c.events());
    Collections.shuffle(shuffled, new Random(seed));
    EventStore a = EventStore.of(c.events());
    EventStore b = EventStore.of(shuffled);
    for (Retention m : metrics(c.config())) {
      assertEquals(m.compute(a, People.resolve(a)), m.compute(b, People.resolve(b)), "seed " + seed + ", " + m);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingBotsChangesNothingWhenBotsAreExcluded(long seed) {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.small(seed));
    Random random = new Random(seed);
    List<Event> withBots = new ArrayList<>(c.events());
    long span = Duration.between(c.config().start(), c.config().end()).getSeconds();
    for (int b = 0; b < 4; b++) {
      Actor bot =
          b % 2 == 0 ? Actor.github("renovate-" + b + "[bot]") : Actor.github("ci-" + b).withKind(ActorKind.BOT);
      for (PlantedTruth.RepositoryTruth rt : c.truth().repositories()) {
        for (int k = 0; k < 5; k++) {
          Instant at = c.config().start().plusSeconds(random.nextLong(span));
          withBots.add(new IssueOpened(at, rt.repository(), bot, 80_000 + 10 * b + k, Optional.empty()));
          withBots.add(
              new IssueComment(
                  at.plusSeconds(30), rt.repository(), bot, 80_000 + 10 * b + k, false, Optional.empty(),
                  OptionalLong.empty()));
        }
      }
    }
    EventStore plain = EventStore.of(c.events());
    EventStore botty = EventStore.of(withBots);
    for (Retention m : metrics(c.config())) {
      RetentionResult before = m.compute(plain, People.resolve(plain));
      assertEquals(before, m.compute(botty, People.resolve(botty)), "seed " + seed + ", " + m);
    }
    // Not vacuous: counted, each of the 4 bots has 20 contributions within the 8 simulated
    // months, so each becomes an Augur repeat contributor.
    Retention lfx = Retention.lfx(c.config().window());
    RetentionResult kept = lfx.withBots(true).compute(botty, People.resolve(botty));
    assertEquals(
        lfx.withBots(true).compute(plain, People.resolve(plain)).repeat().size() + 4,
        kept.repeat().size(),
        "seed " + seed);
  }

  /**
   * What a newcomer does themselves while they stay. Commits are left out: a merged pull
   * request's commits reach the branch when a core member merges it, which can be after the
   * author left, and would stretch their activity past their departure.
   */
  static final EnumSet<ContributionType> OWN_ACTIONS =
      EnumSet.of(
          ContributionType.PULL_REQUEST_OPENED, ContributionType.ISSUE_OPENED,
          ContributionType.COMMENT, ContributionType.REVIEW);

  /**
   * Newcomers stay a geometric number L of calendar months, P(L >= 2) = 1 - p with p the planted
   * monthly departure probability (CommunitySimulator). With at least 30 actions a month each
   * (truncated Pareto weight >= 1), a contributor's last action is days before their departure,
   * so their first-to-last duration is under a month for L = 1 and over 45 days for L >= 2 (a
   * two-month stay lasts at least 59 days). Hence S(45 days) estimates 1 - p and the monthly
   * hazard interval is [1 - upper, 1 - lower] of the 95 % log(-log) band there. Core members
   * never leave and are censored; 4 of about 480 people shift S by well under its standard
   * error (about 0.016). Coverage should be about 95 %: at least 8 of 10 fixed seeds (P = 0.99).
   */
  @Test
  void plantedMonthlyDepartureProbabilityIsInsideTheInterval() {
    int covered = 0;
    StringBuilder log = new StringBuilder();
    for (long seed : seeds().toArray()) {
      SimulationConfig cfg =
          SimulationConfig.builder()
              .seed(seed)
              .repositories(1)
              .months(24)
              .newcomersPerMonth(20)
              .stargazersPerMonth(0)
              .contributorActionsPerMonth(30)
              .twoEmailShare(0)
              .departureProbability(0.12)
              .build();
      SimulatedCommunity c = CommunitySimulator.simulate(cfg);
      EventStore store = EventStore.of(c.events());
      RetentionResult r =
          Retention.lfx(cfg.window())
              .withDepartureGap(Duration.ofDays(90))
              .withContributionTypes(OWN_ACTIONS)
              .compute(store, People.resolve(store));
      assertTrue(r.departed().size() > 200, "seed " + seed + ": departed " + r.departed().size());
      SurvivalStep st = r.survival().at(Duration.ofDays(45).getSeconds()).orElseThrow();
      double lo = 1 - st.upper().getAsDouble();
      double hi = 1 - st.lower().getAsDouble();
      double p = c.truth().departureProbability();
      log.append(String.format(" seed %d: %.4f [%.4f, %.4f]", seed, 1 - st.survival(), lo, hi));
      if (lo <= p && p <= hi) {
        covered++;
      }
    }
    assertTrue(covered >= 8, "covered " + covered + " of 10;" + log);
    System.out.println("planted departure 0.12, monthly hazard from KM at 45 days:" + log);
  }
}
