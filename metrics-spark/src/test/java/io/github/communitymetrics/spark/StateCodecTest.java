package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulatedCommunity;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The codec that carries core states and results across Spark's shuffle. */
class StateCodecTest {

  private static Object roundTrip(Object o) {
    return StateCodec.decode(StateCodec.encode(o), StateCodecTest.class.getClassLoader());
  }

  /** A record with every kind of component the codec knows. */
  record Sample(
      boolean b,
      int i,
      long l,
      double d,
      String s,
      Instant t,
      Duration dur,
      ZoneId zone,
      LocalDate date,
      TimeUnit unit,
      Optional<String> o,
      OptionalLong ol,
      OptionalInt oi,
      OptionalDouble od,
      List<Integer> list,
      Set<String> set,
      TreeMap<String, Long> sorted,
      Map<Window, long[]> arrays,
      EnumSet<TimeUnit> units,
      EnumMap<TimeUnit, String> byUnit,
      Object nothing) {}

  @Test
  void recordsOfJdkValuesAndCollectionsComeBackEqual() {
    Map<Window, long[]> arrays = new LinkedHashMap<>();
    arrays.put(Window.of(Instant.EPOCH, Instant.ofEpochSecond(60)), new long[] {3, -1});
    EnumMap<TimeUnit, String> byUnit = new EnumMap<>(TimeUnit.class);
    byUnit.put(TimeUnit.DAYS, "d");
    TreeMap<String, Long> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L));
    Sample s =
        new Sample(
            true, -7, Long.MAX_VALUE, Double.NaN, "é\u0000x", Instant.ofEpochSecond(5, 7),
            Duration.ofMillis(-3), ZoneId.of("Asia/Kolkata"), LocalDate.of(2024, 2, 29),
            TimeUnit.HOURS, Optional.of("x"), OptionalLong.empty(), OptionalInt.of(4),
            OptionalDouble.of(0.5), List.of(3, 1, 2), new TreeSet<>(Set.of("z", "y")), sorted,
            arrays, EnumSet.of(TimeUnit.SECONDS), byUnit, null);
    Sample back = (Sample) roundTrip(s);
    assertNotSame(s, back);
    // Arrays compare by identity inside records: compare them element-wise, the rest by equals.
    assertEquals(List.of(3L, -1L), boxed(back.arrays().values().iterator().next()));
    assertEquals(s.arrays().keySet(), back.arrays().keySet());
    Sample sameArrays =
        new Sample(
            back.b(), back.i(), back.l(), back.d(), back.s(), back.t(), back.dur(), back.zone(),
            back.date(), back.unit(), back.o(), back.ol(), back.oi(), back.od(), back.list(),
            back.set(), back.sorted(), s.arrays(), back.units(), back.byUnit(), back.nothing());
    assertEquals(s, sameArrays);
    assertEquals(List.of("a", "b"), new ArrayList<>(back.sorted().keySet()));
    assertEquals(List.of("y", "z"), new ArrayList<>(back.set()));
  }

  private static List<Long> boxed(long[] a) {
    List<Long> l = new ArrayList<>();
    for (long x : a) {
      l.add(x);
    }
    return l;
  }

  @Test
  void iterationOrderOfHashMapsIsKept() {
    Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < 100; i++) {
      m.put("k" + i, i);
    }
    @SuppressWarnings("unchecked")
    Map<String, Integer> back = (Map<String, Integer>) roundTrip(m);
    assertEquals(new ArrayList<>(m.entrySet()), new ArrayList<>(back.entrySet()));
  }

  @Test
  void sortedCollectionsWithAComparatorAreRefused() {
    TreeMap<String, Integer> m = new TreeMap<>(Comparator.reverseOrder());
    m.put("a", 1);
    assertThrows(IllegalArgumentException.class, () -> StateCodec.encode(m));
  }

  @Test
  void otherBytesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> StateCodec.decode(new byte[] {99}, getClass().getClassLoader()));
    byte[] ok = StateCodec.encode("x");
    byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
    assertThrows(IllegalArgumentException.class, () -> StateCodec.decode(longer, getClass().getClassLoader()));
  }

  /**
   * Every metric's state of half the events, after a round trip, merges with the other half's
   * into the state whose result is the whole's; and every result survives a round trip.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 1009, 77777})
  void everyMetricStateAndResultSurvivesARoundTrip(long seed) {
    SimulatedCommunity c =
        CommunitySimulator.simulate(SimulationConfig.builder().seed(seed).repositories(2).months(6).build());
    EventStore whole = EventStore.of(c.events());
    People people = People.of(whole, IdentityResolver.defaults().resolve(whole.actors()));
    List<Event> shuffled = new ArrayList<>(c.events());
    Collections.shuffle(shuffled, new Random(seed));
    EventStore a = EventStore.of(shuffled.subList(0, shuffled.size() / 2));
    EventStore b = EventStore.of(shuffled.subList(shuffled.size() / 2, shuffled.size()));
    for (Repository repo : whole.repositories()) {
      for (SparkMetric<?, ?> spec : SparkScorerTest.metrics(c.config())) {
        check(spec.metricFor(repo.fullName()), whole.slice(repo), a.slice(repo), b.slice(repo), people, seed + " " + spec.name());
      }
    }
  }

  private static <S, R> void check(
      SliceMetric<S, R> m, EventStore whole, EventStore a, EventStore b, People people, String what) {
    People pa = People.of(a, people.identities());
    People pb = People.of(b, people.identities());
    @SuppressWarnings("unchecked")
    S sa = (S) roundTrip(m.accumulate(a, pa));
    @SuppressWarnings("unchecked")
    S sb = (S) roundTrip(m.accumulate(b, pb));
    R expected = m.compute(whole, people);
    Structural.assertEqual(expected, m.finish(m.merge(sa, sb)), what);
    Structural.assertEqual(expected, roundTrip(expected), what);
  }
}
