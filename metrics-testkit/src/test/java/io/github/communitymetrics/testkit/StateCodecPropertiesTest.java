package io.github.communitymetrics.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependency;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ContributorDependencyResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactor;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.ElephantFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.OnionModelResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactor;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.PonyFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.UnaffiliatedPolicy;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.state.StateCodecs;
import io.github.communitymetrics.core.state.StateFormatException;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric's state codec on simulated communities: states of random repository-and-time
 * slices survive encoding exactly (the same result, the same bytes again), merging commutes
 * with encoding, and corrupt encodings (every truncation, flipped bytes, another version, id or
 * length) throw only {@link StateFormatException}. Each failure names its seed.
 */
class StateCodecPropertiesTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6).map(i -> i * 7919 + 3);
  }

  /** Every built-in slice metric, with parameters drawn from {@code random}. */
  static List<SliceMetric<?, ?>> allMetrics(Random random, SimulationConfig config, EventStore store) {
    Window w = config.window();
    Instant asOf = config.end();
    Affiliations.Builder aff = Affiliations.builder();
    for (SimulationConfig.Company c : config.companies()) {
      aff.domain(c.domain(), c.name());
    }
    Repository repo = store.repositories().get(random.nextInt(store.repositories().size()));
    return List.of(
        ContributorAbsenceFactor.chaoss(w),
        LotteryFactor.openSauced(asOf),
        ContributorDependency.lfx(w),
        ElephantFactor.chaoss(w, aff.build())
            .withUnaffiliated(UnaffiliatedPolicy.values()[random.nextInt(UnaffiliatedPolicy.values().length)]),
        OnionModel.grimoireLab(w),
        PonyFactor.kibble(asOf, 1 + random.nextInt(4)),
        CohortConfidence.defaults(RepositoryScope.all(), w, asOf),
        OpenSaucedConfidence.openSauced(repo, asOf).withRange(365),
        ContributorLadder.over(w),
        Retention.lfx(w),
        Responsiveness.chaoss(w, asOf));
  }

  /** The simulated events, half the merges without their author (credited through openers). */
  static EventStore store(long seed) {
    SimulatedCommunity c = CommunitySimulator.simulate(SimulationConfig.small(seed));
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (Event e : c.events()) {
      if (e instanceof PullRequestMerged && random.nextBoolean()) {
        PullRequestMerged m = (PullRequestMerged) e;
        events.add(
            new PullRequestMerged(
                m.at(), m.repo(), m.actor(), m.number(), Optional.empty(), m.baseBranch(), m.mergeCommitSha()));
      } else {
        events.add(e);
      }
    }
    return EventStore.of(events);
  }

  /** States of random repository-and-time slices of {@code store}, in random order. */
  static <S> List<S> sliceStates(SliceMetric<S, ?> metric, EventStore store, People people, Random random) {
    Window span = store.timeSpan().orElseThrow();
    List<Instant> cuts = new ArrayList<>(List.of(Instant.MIN, Instant.MAX));
    for (int i = random.nextInt(4); i > 0; i--) {
      cuts.add(span.start().plusSeconds(random.nextLong(span.duration().getSeconds() + 1)));
    }
    Collections.sort(cuts);
    List<S> states = new ArrayList<>();
    for (Repository r : store.repositories()) {
      EventStore byRepo = store.slice(r);
      for (int i = 1; i < cuts.size(); i++) {
        states.add(metric.accumulate(byRepo.slice(Window.of(cuts.get(i - 1), cuts.get(i))), people));
      }
    }
    Collections.shuffle(states, random);
    return states;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void decodedStatesFinishAlikeAndReencodeToTheSameBytes(long seed) {
    EventStore store = store(seed);
    People people = People.resolve(store);
    Random random = new Random(seed);
    for (SliceMetric<?, ?> m : allMetrics(random, SimulationConfig.small(seed), store)) {
      roundTrips(m, store, people, random, "seed " + seed + ", " + m);
    }
  }

  private static <S, R> void roundTrips(
      SliceMetric<S, R> m, EventStore store, People people, Random random, String where) {
    StateCodec<S> codec = m.stateCodec();
    List<S> states = sliceStates(m, store, people, random);
    S merged = null;
    S mergedDecoded = null;
    for (S s : states) {
      byte[] bytes = codec.encode(s);
      S d = codec.decode(bytes);
      assertArrayEquals(bytes, codec.encode(d), where);
      assertEquals(m.finish(s), m.finish(d), where);
      if (merged == null) {
        merged = s;
        mergedDecoded = d;
      } else {
        // Merge then encode == encode, decode, then merge: the same bytes.
        merged = m.merge(merged, s);
        mergedDecoded = m.merge(codec.decode(codec.encode(mergedDecoded)), d);
        assertArrayEquals(codec.encode(merged), codec.encode(mergedDecoded), where);
      }
    }
    assertEquals(m.compute(store, people), m.finish(mergedDecoded), where);
    S whole = m.accumulate(store, people);
    assertArrayEquals(codec.encode(whole), codec.encode(codec.decode(codec.encode(whole))), where);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void corruptEncodingsThrowOnlyStateFormatException(long seed) {
    EventStore store = store(seed);
    People people = People.resolve(store);
    Random random = new Random(seed);
    for (SliceMetric<?, ?> m : allMetrics(random, SimulationConfig.small(seed), store)) {
      corrupt(m, store, people, random, "seed " + seed + ", " + m);
    }
  }

  private static <S> void corrupt(
      SliceMetric<S, ?> m, EventStore store, People people, Random random, String where) {
    StateCodec<S> codec = m.stateCodec();
    // The largest slice state under 4 KiB (else the smallest): every truncation of it, and the
    // whole state's at 300 random lengths (every one of a large state would be quadratic).
    byte[] small = null;
    for (S s : sliceStates(m, store, people, random)) {
      byte[] b = codec.encode(s);
      boolean better =
          small == null
              || (b.length < 4096 ? small.length >= 4096 || b.length > small.length : b.length < small.length);
      if (better) {
        small = b;
      }
    }
    byte[] whole = codec.encode(m.accumulate(store, people));
    for (int n = 0; n < small.length; n++) {
      byte[] cut = Arrays.copyOf(small, n);
      assertThrows(StateFormatException.class, () -> codec.decode(cut), where + ", cut at " + n);
    }
    for (int i = 0; i < 300; i++) {
      byte[] cut = Arrays.copyOf(whole, random.nextInt(whole.length));
      assertThrows(StateFormatException.class, () -> codec.decode(cut), where + ", cut at " + cut.length);
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    StateFormatException trailing = assertThrows(StateFormatException.class, () -> codec.decode(longer), where);
    assertTrue(trailing.getMessage().contains("trailing"), trailing.getMessage());
    // Flipped bytes: a flip may still be a valid state, but nothing but the typed exception.
    for (byte[] real : List.of(small, whole)) {
      for (int i = 0; i < 400; i++) {
        byte[] flipped = real.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        decodesOrThrowsTyped(codec, flipped, where);
      }
    }
    // Random bytes after a valid header.
    int header = 3 + 1 + codec.id().length() + 1;
    for (int i = 0; i < 200; i++) {
      byte[] noise = Arrays.copyOf(whole, header + random.nextInt(64));
      for (int k = header; k < noise.length; k++) {
        noise[k] = (byte) random.nextInt(256);
      }
      decodesOrThrowsTyped(codec, noise, where);
    }
    // Another version, another codec's id.
    byte[] v2 = whole.clone();
    v2[header - 1] = 2;
    StateFormatException version = assertThrows(StateFormatException.class, () -> codec.decode(v2), where);
    assertTrue(version.getMessage().contains("unsupported version 2"), version.getMessage());
    StateFormatException other =
        assertThrows(StateFormatException.class, () -> StateCodecs.actors().decode(whole), where);
    assertTrue(other.getMessage().contains("unknown codec id '" + codec.id() + "'"), other.getMessage());
  }

  private static <S> void decodesOrThrowsTyped(StateCodec<S> codec, byte[] bytes, String where) {
    try {
      codec.decode(bytes);
    } catch (StateFormatException expected) {
      // the only exception allowed
    } catch (RuntimeException | Error e) {
      fail(where + ": " + e + " on " + Arrays.toString(bytes), e);
    }
  }

  @Test
  void everyMetricHasItsOwnCodecId() {
    EventStore store = store(1);
    Set<String> ids = new HashSet<>();
    for (SliceMetric<?, ?> m : allMetrics(new Random(1), SimulationConfig.small(1), store)) {
      ids.add(m.stateCodec().id() + "/" + m.stateCodec().version());
      assertTrue(m.stateCodec().id().getBytes(StandardCharsets.US_ASCII).length < 64);
    }
    // The four person-keyed bus-factor metrics share one state type and codec.
    assertEquals(8, ids.size(), ids.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void actorListsRoundTrip(long seed) {
    EventStore store = store(seed);
    List<Actor> actors = new ArrayList<>(store.actors());
    Collections.shuffle(actors, new Random(seed));
    byte[] bytes = StateCodecs.actors().encode(actors);
    assertEquals(actors, StateCodecs.actors().decode(bytes), "seed " + seed);
    for (int n = 0; n < Math.min(bytes.length, 2000); n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThrows(StateFormatException.class, () -> StateCodecs.actors().decode(cut), "seed " + seed);
    }
  }
}
