package io.github.communitymetrics.core.metrics.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registered star-trend and star-bursts metrics. */
class StarMetricsTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private static Star star(String who, int day, int hour) {
    return new Star(T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)), REPO, Actor.github(who));
  }

  private static Window days(int from, int to) {
    return new Window(T0.plus(Duration.ofDays(from)), T0.plus(Duration.ofDays(to)));
  }

  private static OptionalDouble value(List<Measurement> m, String name) {
    return m.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().value();
  }

  private static <R> List<Measurement> measure(MetricDescriptor<R> d, List<Event> events, Evaluation e) {
    EventStore store = EventStore.of(events);
    return d.measure(d.metric(e).compute(store, People.resolve(store)), e);
  }

  @Test
  void starTrendOfOneThreeTwoFiveFourIsTheWorkedExample() {
    // New stargazers per day 1 3 2 5 4 on days 0-4 (TrendTest.fiveValuesWorkedByHand). A restar
    // on day 4 by day 0's stargazer and a star on day 5 (outside the window) do not count; the
    // window's half day 5 is not a whole period and is left out.
    int[] perDay = {1, 3, 2, 5, 4};
    List<Event> events = new ArrayList<>();
    for (int d = 0; d < perDay.length; d++) {
      for (int i = 0; i < perDay[d]; i++) {
        events.add(star("d" + d + "p" + i, d, i));
      }
    }
    events.add(star("d0p0", 4, 20));
    events.add(star("late", 5, 20));
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), new Window(T0, T0.plus(Duration.ofHours(5 * 24 + 12))));
    List<Measurement> m = measure(StarTrend.INSTANCE, events, e);
    assertEquals(0.875, value(m, "slope").getAsDouble(), 1e-12);
    assertEquals(-1.0, value(m, "slopeLow").getAsDouble(), 1e-12);
    assertEquals(3.0, value(m, "slopeHigh").getAsDouble(), 1e-12);
    assertEquals(6.0, value(m, "mannKendallS").getAsDouble());
    assertEquals(0.22067136191984693, value(m, "mannKendallP").getAsDouble(), 1e-12);
    // Two whole days are too few for a trend: no data, not a slope of 0.
    List<Measurement> short2 = measure(StarTrend.INSTANCE, events, Evaluation.of(RepositoryScope.of(REPO), days(0, 2)));
    assertEquals(OptionalDouble.empty(), value(short2, "slope"));
    assertThrows(
        IllegalArgumentException.class,
        () -> StarTrend.INSTANCE.metric(e.withParameter(StarTrend.INSTANCE, "period", "P2D")));
    assertThrows(
        IllegalArgumentException.class,
        () -> StarTrend.INSTANCE.metric(e.withParameter(StarTrend.INSTANCE, "period", "fortnight")));
  }

  @Test
  void hourlySpikesAndMonthlyTrends() {
    // Hourly: one star an hour for hours 0..29 of 2024-01-01/02, and a campaign of 8 new
    // accounts in hour 26 (02:00 on the 2nd). Bands of 24 hours: every earlier hour has 1 star
    // (sd 0), so hour 26 (9 stars) is the one burst; hours 27-29 against a band holding the spike
    // (mean 32/24 = 1.33, sd 1.60, band 4.53) are not.
    List<Event> events = new ArrayList<>();
    for (int h = 0; h < 30; h++) {
      events.add(star("hourly" + h, 0, h));
    }
    for (int i = 0; i < 8; i++) {
      events.add(star("bought" + i, 1, 2));
    }
    Window hours = new Window(T0, T0.plus(Duration.ofHours(30)).plusSeconds(1800));
    Evaluation e =
        Evaluation.of(RepositoryScope.of(REPO), hours)
            .withParameter(StarBursts.INSTANCE, "period", "hour")
            .withParameter(StarBursts.INSTANCE, "bands", "24");
    EventStore store = EventStore.of(events);
    StarBursts.Result r = StarBursts.INSTANCE.metric(e).compute(store, People.resolve(store));
    assertEquals(30, r.periods()); // the half hour at the end is not a whole period
    assertEquals(6, r.tested());
    assertEquals(1, r.bursts().size());
    Bursts.Burst b = r.bursts().get(0);
    assertEquals(new Window(T0.plus(Duration.ofHours(26)), T0.plus(Duration.ofHours(27))), b.window());
    assertEquals(9, b.size());
    assertEquals(9, b.newAccounts());

    // Monthly: new stargazers per calendar month Jan..May 2024 = 1 3 2 5 4 and a half of June
    // cut off by the window: the worked example of TrendTest again, now over months.
    int[] perMonth = {1, 3, 2, 5, 4, 9};
    List<Event> monthly = new ArrayList<>();
    for (int m = 0; m < perMonth.length; m++) {
      Instant first = java.time.ZonedDateTime.of(2024, m + 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC).toInstant();
      for (int i = 0; i < perMonth[m]; i++) {
        monthly.add(new Star(first.plus(Duration.ofDays(i)), REPO, Actor.github("m" + m + "p" + i)));
      }
    }
    Evaluation months =
        Evaluation.of(RepositoryScope.of(REPO), new Window(T0, Instant.parse("2024-06-16T00:00:00Z")))
            .withParameter(StarTrend.INSTANCE, "period", "month");
    EventStore ms = EventStore.of(monthly);
    StarTrend.Result t = StarTrend.INSTANCE.metric(months).compute(ms, People.resolve(ms));
    assertArrayEquals(new long[] {1, 3, 2, 5, 4}, t.counts());
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"), t.periods().get(4).start());
    assertEquals(0.875, t.trend().orElseThrow().theilSen().slope(), 1e-12);
  }

  @Test
  void starBurstOfNewAccounts() {
    // One star a day on days 0-10 by s0..s10; on day 6 also n1..n4 (new) and "veteran", who
    // commented on day 0 and so is not new. Bands of 5 days: days 1-5 all 1 (sd 0), so day 6 (6
    // stars) is a burst; day 7 against 1 1 1 1 6 (mean 2, sd 2, band 6 with k = 2) is not.
    List<Event> events = new ArrayList<>();
    for (int d = 0; d <= 10; d++) {
      events.add(star("s" + d, d, 1));
    }
    for (String n : List.of("n1", "n2", "n3", "n4", "veteran")) {
      events.add(star(n, 6, 3));
    }
    events.add(new IssueComment(T0.plusSeconds(60), REPO, Actor.github("veteran"), 1, false, Optional.empty(), OptionalLong.empty()));
    Evaluation e =
        Evaluation.of(RepositoryScope.of(REPO), days(0, 11)).withParameter(StarBursts.INSTANCE, "bands", "5");
    EventStore store = EventStore.of(events);
    StarBursts.Result r = StarBursts.INSTANCE.metric(e).compute(store, People.resolve(store));
    assertEquals(1, r.bursts().size());
    Bursts.Burst b = r.bursts().get(0);
    assertEquals(days(6, 7), b.window());
    assertEquals(6, b.size());
    assertEquals(5, b.newAccounts()); // s6 and n1..n4: their first event is in the burst
    assertEquals(5, b.newAccountEvents());
    assertEquals(6, r.tested()); // days 5..10 have 5 days before them
    List<Measurement> m = StarBursts.INSTANCE.measure(r, e);
    assertEquals(1.0, value(m, "bursts").getAsDouble());
    assertEquals(5.0 / 6, value(m, "newAccountShare").getAsDouble(), 1e-15);
    // Inter-star times: 11 stars at 01:00 of days 0..10 and 5 at 03:00 of day 6 -> gaps of 24 h
    // except 2 h, 0 h x4, 22 h around day 6. 15 gaps: mean = 240 h / 15 = 16 h.
    double[] gaps = {24, 24, 24, 24, 24, 24 - 22, 0, 0, 0, 0, 22, 24, 24, 24, 24};
    double mean = 16;
    double sq = 0;
    for (double g : gaps) {
      sq += (g - mean) * (g - mean);
    }
    double sd = Math.sqrt(sq / gaps.length);
    assertEquals((sd - mean) / (sd + mean), value(m, "burstiness").getAsDouble(), 1e-12);
    // A window no longer than the bands has no tested period: no data, not "0 bursts".
    Evaluation shortWindow = e.withWindow(days(0, 5));
    assertEquals(OptionalDouble.empty(), value(measure(StarBursts.INSTANCE, events, shortWindow), "bursts"));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothMetricsMergeExactlyAndSurviveTheCodec(long seed) {
    EventStore store = EventStore.of(GrowthTest.random(seed));
    People people = People.resolve(store);
    Evaluation e =
        Evaluation.of(RepositoryScope.of(REPO), new Window(Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-04-20T00:00:00Z")))
            .withParameter(StarBursts.INSTANCE, "bands", "4")
            .withParameter(StarBursts.INSTANCE, "k", "1");
    checkSplits(StarTrend.INSTANCE.metric(e), store, people, seed);
    checkSplits(StarBursts.INSTANCE.metric(e), store, people, seed);
  }

  private static <S, R> void checkSplits(SliceMetric<S, R> m, EventStore store, People people, long seed) {
    R whole = m.compute(store, people);
    StateCodec<S> codec = m.stateCodec();
    Random r = new Random(seed);
    for (int k = 0; k < 8; k++) {
      Instant cut = store.instant(r.nextInt(store.size()));
      S a = m.accumulate(store.slice(new Window(Instant.parse("2000-01-01T00:00:00Z"), cut)), people);
      S b = m.accumulate(store.slice(new Window(cut, Instant.parse("2030-01-01T00:00:00Z"))), people);
      String msg = "seed " + seed + " cut " + cut;
      assertEquals(whole, m.finish(m.merge(a, b)), msg);
      assertEquals(whole, m.finish(m.merge(b, a)), msg);
      assertEquals(whole, m.finish(m.merge(codec.decode(codec.encode(b)), codec.decode(codec.encode(a)))), msg);
    }
  }
}
