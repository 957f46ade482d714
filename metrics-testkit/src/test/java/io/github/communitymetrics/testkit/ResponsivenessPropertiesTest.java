package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.identity.Identities;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responsiveness over simulated communities: input order and slicing do not matter, bots change
 * nothing while excluded, and the planted first-response median is recovered.
 */
class ResponsivenessPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8).map(i -> i * 7_919 + 3);
  }

  private static SimulatedCommunity community(long seed) {
    return CommunitySimulator.simulate(SimulationConfig.small(seed));
  }

  /** Items opened in the middle of the history, as of its end, maintainers-only off. */
  private static Responsiveness metric(SimulatedCommunity c) {
    Instant start = c.config().start().plus(Duration.ofDays(30));
    return Responsiveness.chaoss(Window.of(start, c.config().end().minus(Duration.ofDays(20))), c.config().end());
  }

  private static ResponsivenessResult merged(
      Responsiveness metric, List<List<Event>> parts, Identities ids, Random rng) {
    List<ResponsivenessState> states = new ArrayList<>();
    for (List<Event> part : parts) {
      EventStore store = EventStore.of(part);
      states.add(metric.accumulate(store, People.of(store, ids)));
    }
    Collections.shuffle(states, rng);
    while (states.size() > 1) {
      int i = rng.nextInt(states.size() - 1);
      ResponsivenessState a = states.remove(i);
      ResponsivenessState b = states.remove(i);
      states.add(i, rng.nextBoolean() ? metric.merge(a, b) : metric.merge(b, a));
    }
    return metric.finish(states.get(0));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSlicesMergeIntoTheWholeInAnyOrder(long seed) {
    SimulatedCommunity c = community(seed);
    Random rng = new Random(seed);
    EventStore whole = EventStore.of(c.events());
    Identities ids = IdentityResolver.defaults().resolve(whole.actors());
    for (Responsiveness metric :
        List.of(metric(c), metric(c).withMaintainersOnly(true).withClosingIsResponse(true).withBots(true))) {
      ResponsivenessResult expected = metric.compute(whole, People.of(whole, ids));
      assertTrue(expected.firstResponse().completed() > 50, "seed " + seed + ": a trivial community");
      assertTrue(expected.timeToMerge().completed() > 10, "seed " + seed + ": too few merges");

      int parts = 2 + rng.nextInt(6);
      List<List<Event>> atRandom = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        atRandom.add(new ArrayList<>());
      }
      for (Event e : c.events()) {
        atRandom.get(rng.nextInt(parts)).add(e);
      }
      assertEquals(expected, merged(metric, atRandom, ids, rng), "seed " + seed + ", " + parts + " random parts, " + metric);

      List<Event> shuffled = new ArrayList<>(c.events());
      Collections.shuffle(shuffled, rng);
      EventStore again = EventStore.of(shuffled);
      assertEquals(expected, metric.compute(again, People.of(again, ids)), "seed " + seed + ", shuffled input");
    }
  }

  /** Bots' comments, reviews and review comments on people's threads, and bots' own threads. */
  private static List<Event> botEvents(SimulatedCommunity c, Random rng) {
    Actor appBot =
        new Actor(Forge.GITHUB, Optional.of("respond-helper[bot]"), OptionalLong.of(88_000_001L), Optional.empty(), List.of(), ActorKind.BOT);
    List<Event> threads =
        c.events().stream().filter(e -> e instanceof IssueOpened || e instanceof PullRequestOpened).toList();
    List<Event> out = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      Event thread = threads.get(rng.nextInt(threads.size()));
      int number = ((NumberedEvent) thread).number();
      // Soon after the opening, before any person answers.
      Instant at = thread.at().plusSeconds(1 + rng.nextInt(600));
      boolean pr = thread instanceof PullRequestOpened;
      switch (k % 4) {
        case 0:
          out.add(new IssueComment(at, thread.repo(), appBot, number, pr, Optional.empty(), OptionalLong.empty()));
          break;
        case 1:
          if (pr) {
            out.add(new Review(at, thread.repo(), appBot, number, ReviewState.APPROVED, Optional.of(thread.actor()), Optional.empty(), OptionalLong.empty()));
          }
          break;
        case 2:
          if (pr) {
            out.add(new ReviewComment(at, thread.repo(), appBot, number, Optional.empty(), OptionalLong.empty()));
          }
          break;
        default:
          int own = 800_000 + k;
          out.add(new PullRequestOpened(at, thread.repo(), appBot, own, false, Optional.empty(), Optional.empty()));
          out.add(new PullRequestMerged(at.plusSeconds(90), thread.repo(), appBot, own, Optional.of(appBot), Optional.empty(), Optional.empty()));
          break;
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void botsChangeNothingWhileExcluded(long seed) {
    SimulatedCommunity c = community(seed);
    Random rng = new Random(seed);
    List<Event> withBots = new ArrayList<>(c.events());
    withBots.addAll(botEvents(c, rng));
    EventStore plain = EventStore.of(c.events());
    EventStore botty = EventStore.of(withBots);
    Responsiveness metric = metric(c);
    ResponsivenessResult expected = metric.compute(plain, People.resolve(plain));
    assertEquals(expected, metric.compute(botty, People.resolve(botty)), "seed " + seed);
    assertEquals(
        metric.withMaintainersOnly(true).compute(plain, People.resolve(plain)),
        metric.withMaintainersOnly(true).compute(botty, People.resolve(botty)),
        "seed " + seed + ", maintainers only");
    // The added bot events are not inert: counted, they answer some threads sooner.
    assertNotEquals(
        metric.withBots(true).compute(plain, People.resolve(plain)).firstResponse(),
        metric.withBots(true).compute(botty, People.resolve(botty)).firstResponse(),
        "seed " + seed);
  }

  /**
   * The simulator draws each first response (a core member other than the author) after an
   * exponential delay with the planted median. Threads opened more than 60 days before the end
   * are all answered (an exponential with a 20-hour median exceeds 60 days with probability
   * 2^-72), so the order-statistic interval at 99.9% must contain the planted median (the delay
   * is rounded down to whole seconds, so the true median lies within a second below it).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void plantedFirstResponseMedianIsRecovered(long seed) {
    SimulationConfig config =
        SimulationConfig.builder().seed(seed).repositories(2).months(14).build();
    SimulatedCommunity c = CommunitySimulator.simulate(config);
    Duration planted = c.truth().firstResponseMedian();
    Window opened = Window.of(config.start(), config.end().minus(Duration.ofDays(60)));
    EventStore store = EventStore.of(c.events());
    DurationSummary s =
        Responsiveness.chaoss(opened, config.end()).withConfidence(0.999).compute(store, People.resolve(store)).firstResponse();
    assertEquals(0, s.censored(), "seed " + seed + ": every old thread is answered");
    assertTrue(s.completed() > 300, "seed " + seed + ": " + s.completed() + " threads");
    DurationSummary.MedianInterval ci = s.medianInterval().orElseThrow();
    assertTrue(
        !ci.lower().minusSeconds(1).isNegative() && ci.lower().compareTo(planted) <= 0 && planted.minusSeconds(1).compareTo(ci.upper()) <= 0,
        "seed " + seed + ": planted " + planted + " outside " + ci + " from " + s.completed());
    assertEquals(s.p50(), s.kaplanMeierMedian(), "seed " + seed + ": nothing censored");
  }
}
