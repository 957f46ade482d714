package io.github.communitymetrics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.retention.SurvivalStep;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.PlantedTruth.ClaimKind;
import io.github.communitymetrics.simulator.PlantedTruth.GoodFirstIssueTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code good-first-issues} metric of metrics-core recovers the claims that {@link
 * GoodFirstIssueClaims} planted, over seeds: every expectation comes from the planted truth or the
 * configuration, none from the metric.
 */
class GoodFirstIssueClaimsTest {
  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 5, 8, 13);
  }

  private static final Map<Long, Run> RUNS = new ConcurrentHashMap<>();

  /**
   * NewcomerWelcomeTest's configuration (one ordinary repository, 24 months, 5 core members acting
   * 8 times a month) with one profiled repository where every issue of the core team is a good
   * first issue, with the demo's claims: about 180 good first issues a run.
   */
  static SimulationConfig config(long seed) {
    WelcomeProfile claimed = new WelcomeProfile("claimed", Duration.ofHours(4), 0.0, 0.85, 0.5, 1.0);
    return NewcomerWelcomeTest.config(seed).toBuilder()
        .welcome(NewcomerWelcome.of(List.of(claimed)).withClaims(GoodFirstIssueClaims.demo()))
        .build();
  }

  record Run(SimulatedCommunity sim, Repository repo, List<GoodFirstIssueTruth> truth, EventStore store, People people) {
    static Run of(long seed) {
      SimulatedCommunity sim = CommunitySimulator.simulate(config(seed));
      Repository repo = sim.truth().welcome().repository("claimed").orElseThrow().repository();
      EventStore store = EventStore.of(sim.events().stream().filter(e -> e.repo().equals(repo)).toList());
      return new Run(sim, repo, sim.truth().welcome().goodFirstIssues(repo), store, People.resolve(store));
    }

    /**
     * The whole run from the end of the core team's first day (their first contributions are
     * before it, so only the people arriving later are newcomers, and every good first issue is
     * labelled after it), its first year (an as-of instant before the end: later claims and
     * closes are not seen) and its second year (issues labelled before it are left out).
     */
    List<Window> windows() {
      Instant from = sim.config().start().plus(Duration.ofDays(1));
      Instant middle = sim.config().start().plus(Duration.ofDays(366));
      return List.of(Window.of(from, sim.config().end()), Window.of(from, middle), Window.of(middle, sim.config().end()));
    }

    GoodFirstIssues.Result result(Window w) {
      return GoodFirstIssues.INSTANCE.metric(Evaluation.of(RepositoryScope.of(List.of(repo)), w)).compute(store, people);
    }

    /** The planted good first issues labelled in the window. */
    List<GoodFirstIssueTruth> truth(Window w) {
      return truth.stream().filter(g -> w.contains(g.labelled())).toList();
    }
  }

  static Run run(long seed) {
    return RUNS.computeIfAbsent(seed, Run::of);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theMetricCountsThePlantedClaimsAndCloses(long seed) {
    Run run = run(seed);
    Map<ClaimKind, Integer> kinds = new EnumMap<>(ClaimKind.class);
    run.truth().forEach(g -> kinds.merge(g.kind(), 1, Integer::sum));
    System.out.println("seed " + seed + ": planted " + kinds);
    // Every fate is planted, so every branch of the metric is exercised.
    assertEquals(ClaimKind.values().length, kinds.size(), "seed " + seed + ": " + kinds);
    for (Window w : run.windows()) {
      countsMatch(run, w, "seed " + seed + ", " + w);
    }
  }

  /**
   * The metric's counts in window w against the planted truth: a planted claim or close is seen
   * when it comes before the window's end (the as-of instant). Every planted newcomer's first
   * contribution (asking for the issue) falls between the issue's labelling and their claim, so
   * inside w when the labelling is; the core members' fall before any window.
   */
  private static void countsMatch(Run run, Window w, String label) {
    Instant asOf = w.end();
    List<GoodFirstIssueTruth> t = run.truth(w);
    int claimed = 0;
    int byNewcomers = 0;
    int closed = 0;
    int closedByNewcomers = 0;
    int oldEnough = 0;
    int openAfter90 = 0;
    for (GoodFirstIssueTruth g : t) {
      if (g.claimed().filter(c -> c.isBefore(asOf)).isPresent()) {
        claimed++;
        byNewcomers += g.newcomerClaim() ? 1 : 0;
      }
      Optional<Instant> close = g.closed().filter(c -> c.isBefore(asOf));
      if (close.isPresent()) {
        closed++;
        closedByNewcomers += g.closedByNewcomer() ? 1 : 0;
      }
      Instant horizon = g.labelled().plus(Duration.ofDays(90));
      if (!horizon.isAfter(asOf)) {
        oldEnough++;
        openAfter90 += close.isPresent() && !close.get().isAfter(horizon) ? 0 : 1;
      }
    }
    GoodFirstIssues.Result r = run.result(w);
    System.out.printf("%s: labelled %d, claimed %d (by newcomers %d), closed %d (by newcomers %d), open after 90 days %d of %d%n",
        label, r.labelled(), r.claimed(), r.claimedByNewcomers(), r.closed(), r.closedByNewcomers(), r.openAfter90Days(), r.oldEnough());
    assertEquals(t.size(), r.labelled(), label + ": labelled");
    assertEquals(claimed, r.claimed(), label + ": claimed");
    assertEquals(byNewcomers, r.claimedByNewcomers(), label + ": claimed by newcomers");
    assertEquals(claimed - byNewcomers, r.claimedByEstablished(), label + ": claimed by established");
    assertEquals(0, r.claimedBeforeLabelling(), label + ": claimed before labelling");
    assertEquals(closed, r.closed(), label + ": closed");
    assertEquals(closedByNewcomers, r.closedByNewcomers(), label + ": closed by newcomers");
    assertEquals(closed - closedByNewcomers, r.closedByEstablished(), label + ": closed by established");
    assertEquals(0, r.closedOtherwise(), label + ": closed otherwise");
    assertEquals(oldEnough, r.oldEnough(), label + ": labelled 90 days before the end");
    assertEquals(openAfter90, r.openAfter90Days(), label + ": open 90 days after labelling");
    assertTrue(closedByNewcomers > 0 && closed > closedByNewcomers && openAfter90 > 0, label + ": every outcome occurs");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theClaimDelaysAreThePlantedOnes(long seed) {
    Run run = run(seed);
    for (Window w : run.windows()) {
      String label = "seed " + seed + ", " + w;
      // Each planted claim before the as-of instant is one event of the Kaplan-Meier curve at its
      // planted delay; the unclaimed and those claimed later are censored.
      TreeMap<Long, Integer> planted = new TreeMap<>();
      int censored = 0;
      int claimedLater = 0;
      for (GoodFirstIssueTruth g : run.truth(w)) {
        if (g.claimed().filter(c -> c.isBefore(w.end())).isPresent()) {
          planted.merge(g.claimDelay().orElseThrow().getSeconds(), 1, Integer::sum);
        } else {
          censored++;
          claimedLater += g.claimed().isPresent() ? 1 : 0;
        }
      }
      // The first year's as-of instant cuts planted claims off: the censoring is exercised.
      assertTrue(!w.equals(run.windows().get(1)) || claimedLater > 0, label + ": no claim after the as-of instant");
      GoodFirstIssues.Result r = run.result(w);
      TreeMap<Long, Integer> seen = new TreeMap<>();
      for (SurvivalStep s : r.timeToClaim().curve().steps()) {
        seen.put(s.time(), s.events());
      }
      assertEquals(planted, seen, label);
      assertEquals(censored, r.timeToClaim().waiting(), label + ": waiting");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theMedianTimeToClaimIsThePlantedMedian(long seed) {
    Run run = run(seed);
    String label = "seed " + seed;
    Duration plantedMedian = GoodFirstIssueClaims.demo().timeToClaimMedian().orElseThrow();
    var times = run.result(run.windows().get(0)).timeToClaim();
    Duration km = times.median().orElseThrow(() -> new AssertionError(label + ": no median"));
    // The Kaplan-Meier share still unclaimed at the planted median is 1/2 up to sampling error:
    // within 3 Greenwood standard errors.
    SurvivalStep at = times.curve().steps().stream()
        .filter(s -> s.time() <= plantedMedian.getSeconds())
        .reduce((a, b) -> b).orElseThrow();
    double se = at.standardError().orElseThrow();
    // For the reader: the median of the drawn delays, the unclaimed counting as never claimed.
    List<Long> drawn = run.truth().stream()
        .map(g -> g.claimDelay().map(Duration::getSeconds).orElse(Long.MAX_VALUE)).sorted().toList();
    System.out.printf("%s: KM median %.1f h, planted %.1f h, drawn %.1f h, S(planted median) %.3f +- %.3f, %d issues%n",
        label, km.getSeconds() / 3600.0, plantedMedian.getSeconds() / 3600.0, drawn.get(drawn.size() / 2) / 3600.0,
        at.survival(), se, times.items());
    assertTrue(Math.abs(at.survival() - 0.5) <= 3 * se, label + ": S = " + at.survival() + ", SE " + se);
    // And the median itself within a factor of 1.5 of the planted one (about 180 issues, a
    // quarter never claimed: the standard error of the median, that of S there, 0.037, over the
    // density there, 0.25 ln 2 / 5 days, is about 26 hours, 13 % of it).
    double ratio = (double) km.getSeconds() / plantedMedian.getSeconds();
    assertTrue(ratio > 1 / 1.5 && ratio < 1.5, label + ": ratio " + ratio);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theEventsAreThePlantedClaims(long seed) {
    Run run = run(seed);
    String label = "seed " + seed;
    Map<String, String> loginOf = new HashMap<>();
    run.sim().truth().people().forEach(p -> p.actors().forEach(a -> loginOf.put(a.toString(), p.login())));
    Map<Integer, IssueAssigned> assigned = new HashMap<>();
    Map<Integer, PullRequestOpened> closing = new HashMap<>();
    for (Event e : run.sim().events()) {
      if (!e.repo().equals(run.repo())) {
        continue;
      }
      if (e instanceof IssueAssigned a) {
        assertEquals(null, assigned.put(a.number(), a), label + ": one assignment per issue");
      } else if (e instanceof PullRequestOpened p && !p.closes().isEmpty()) {
        assertEquals(1, p.closes().size(), label);
        assertEquals(null, closing.put(p.closes().get(0), p), label + ": one closing pull request per issue");
      }
    }
    for (GoodFirstIssueTruth g : run.truth()) {
      IssueAssigned a = assigned.remove(g.number());
      PullRequestOpened p = closing.remove(g.number());
      boolean assignment = g.kind() == ClaimKind.ASSIGNED_NEWCOMER || g.kind() == ClaimKind.ASSIGNED_ESTABLISHED;
      assertEquals(assignment && g.claimed().isPresent(), a != null, label + ": " + g);
      if (a != null) {
        assertEquals(g.claimed().get(), a.at(), label + ": " + g);
        assertEquals(g.claimant().get(), loginOf.get(a.assignee().toString()), label + ": " + g);
      }
      assertEquals(g.closingPullRequest().isPresent(), p != null, label + ": " + g);
      if (p != null) {
        assertEquals(g.closingPullRequest().get(), p.number(), label + ": " + g);
        if (g.kind() == ClaimKind.NEWCOMER_PULL_REQUEST) {
          assertEquals(g.claimed().get(), p.at(), label + ": " + g);
          assertEquals(g.claimant().get(), loginOf.get(p.actor().toString()), label + ": " + g);
        }
      }
    }
    assertEquals(Map.of(), assigned, label + ": unplanted assignments");
    assertEquals(Map.of(), closing, label + ": unplanted closing references");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHold(long seed) {
    CommunitySimulatorTest.check(run(seed).sim(), "seed " + seed, false);
  }

  @Test
  void withoutClaimsNothingIsPlanted() {
    SimulationConfig c = config(1).toBuilder().welcome(NewcomerWelcome.of(config(1).welcome().profiles())).build();
    PlantedTruth.WelcomeTruth w = CommunitySimulator.simulate(c).truth().welcome();
    assertEquals(Optional.empty(), w.claims());
    assertEquals(List.of(), w.goodFirstIssues());
  }

  @Test
  void theParametersAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GoodFirstIssueClaims(0.5, 0.4, 0.2, Duration.ofDays(1), 0.5, Duration.ofDays(1)));
    assertTrue(e.getMessage().contains("add up to at most 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new GoodFirstIssueClaims(0.5, 0, 0, Duration.ofMillis(1500), 0.5, Duration.ofDays(1)));
    // Half claimed or fewer: the median time to claim is infinite.
    assertEquals(Optional.empty(), new GoodFirstIssueClaims(0.3, 0.1, 0.1, Duration.ofDays(1), 0.5, Duration.ofDays(1)).timeToClaimMedian());
    // All claimed: the claim delay's median.
    assertEquals(Optional.of(Duration.ofDays(1)), new GoodFirstIssueClaims(1, 0, 0, Duration.ofDays(1), 0.5, Duration.ofDays(1)).timeToClaimMedian());
    // Three quarters claimed: S(t) = 1 - 0.75 (1 - 2^(-t/m)) = 1/2 at 2^(-t/m) = 1/3, t = m log2 3.
    assertEquals(Math.log(3) / Math.log(2) * 5 * 86_400,
        GoodFirstIssueClaims.demo().timeToClaimMedian().orElseThrow().getSeconds(), 1.0);
  }
}
