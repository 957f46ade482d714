package io.github.communitymetrics.core.metrics.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricSeries;
import io.github.communitymetrics.core.registry.SeriesSpec;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GrowthTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Repository OTHER = Repository.github("acme/other");
  private static final Window FEB =
      new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
  private static int number = 1;

  private static Star star(String login, Repository repo, String at) {
    return new Star(Instant.parse(at), repo, Actor.github(login));
  }

  private static Fork fork(String login, String at) {
    return new Fork(Instant.parse(at), REPO, Actor.github(login), Optional.empty());
  }

  private static IssueComment comment(String login, Repository repo, String at) {
    return comment(login, repo, Instant.parse(at));
  }

  private static IssueComment comment(String login, Repository repo, Instant at) {
    return new IssueComment(at, repo, Actor.github(login), number++, false, Optional.empty(), OptionalLong.empty());
  }

  private static Commit commit(String login, Repository repo, Instant at, long sha) {
    Signature sig = new Signature(login, login + "@example.org", at);
    String hex = HexFormat.of().toHexDigits(sha);
    return new Commit(at, repo, Actor.github(login), hex + hex + hex.substring(0, 8), List.of(), sig, sig, List.of(), List.of());
  }

  private static Commit commit(String login, String at, long sha) {
    return commit(login, REPO, Instant.parse(at), sha);
  }

  private static final List<Event> EVENTS =
      List.of(
          star("alice", REPO, "2024-01-10T00:00:00Z"), // stargazer before February
          star("alice", REPO, "2024-02-05T00:00:00Z"), // unstar-restar: not new
          star("bob", REPO, "2024-02-06T00:00:00Z"), // new
          star("bob", OTHER, "2024-01-06T00:00:00Z"), // another repository: not in scope
          star("carol", REPO, "2024-03-01T00:00:00Z"), // at the window's end: after it
          fork("dave", "2024-01-20T00:00:00Z"),
          fork("dave", "2024-02-20T00:00:00Z"), // each fork counts
          fork("erin", "2024-02-21T00:00:00Z"),
          comment("frank", REPO, "2024-01-02T00:00:00Z"), // contributor before, not active
          comment("gina", REPO, "2024-01-03T00:00:00Z"), // contributor before, active
          commit("gina", "2024-02-03T00:00:00Z", 1), // first commit in February: new committer
          commit("hank", "2024-01-04T00:00:00Z", 2), // committer before, active in February
          comment("hank", REPO, "2024-02-04T00:00:00Z"),
          comment("ivy", REPO, "2024-02-10T00:00:00Z"), // new contributor, no commit
          comment("dependabot[bot]", REPO, "2024-02-11T00:00:00Z")); // a bot

  @Test
  void handComputedFebruary() {
    EventStore store = EventStore.of(EVENTS);
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), FEB);
    Growth.Result r = Growth.INSTANCE.metric(e).compute(store, People.resolve(store));
    assertEquals(new Growth.Count(1, 2), r.stargazers()); // bob; alice, bob
    assertEquals(new Growth.Count(2, 3), r.forks());
    assertEquals(new Growth.Count(1, 4), r.contributors()); // ivy; frank gina hank ivy
    assertEquals(new Growth.Count(1, 2), r.codeContributors()); // gina; gina hank
    assertEquals(3, r.activeContributors()); // gina hank ivy
    List<Measurement> m = Growth.INSTANCE.measure(r, e);
    assertEquals(Growth.INSTANCE.measurements().size(), m.size());
    assertEquals(OptionalDouble.of(1.0), value(m, "stargazerGrowth")); // 1 / 1
    assertEquals(OptionalDouble.of(2.0), value(m, "forkGrowth")); // 2 / 1
    assertEquals(OptionalDouble.of(1.0 / 3), value(m, "contributorGrowth")); // 1 / 3
    assertEquals(OptionalDouble.of(1.0), value(m, "codeContributorGrowth")); // 1 / 1
  }

  @Test
  void aGrowthRateOverNothingIsNoDataAndNoStarsAtAllIsNoData() {
    // Everything starts in February: no total before it, so no rate (not 0, not infinity).
    List<Event> events = List.of(star("bob", REPO, "2024-02-06T00:00:00Z"), comment("ivy", REPO, "2024-02-10T00:00:00Z"));
    EventStore store = EventStore.of(events);
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), FEB);
    Growth.Result r = Growth.INSTANCE.metric(e).compute(store, People.resolve(store));
    List<Measurement> m = Growth.INSTANCE.measure(r, e);
    assertEquals(OptionalDouble.of(1), value(m, "newStargazers"));
    assertEquals(OptionalDouble.empty(), value(m, "stargazerGrowth"));
    assertEquals(OptionalDouble.empty(), value(m, "contributorGrowth"));
    // No fork and no commit recorded at all: the counts are no data, not 0.
    assertEquals(OptionalDouble.empty(), value(m, "forks"));
    assertEquals(OptionalDouble.empty(), value(m, "newCodeContributors"));
    assertEquals(Optional.empty(), new Growth.Count(0, 0).rate().isPresent() ? Optional.of(1) : Optional.empty());
  }

  private static OptionalDouble value(List<Measurement> m, String name) {
    return m.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().value();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  /** Stars (with restars), forks, comments and commits of 12 people over 120 days, two repos. */
  static List<Event> random(long seed) {
    Random r = new Random(seed);
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    List<Event> events = new ArrayList<>();
    String[] people = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "renovate[bot]"};
    for (int i = 0; i < 150; i++) {
      Instant at = t0.plus(Duration.ofMinutes(r.nextInt(120 * 24 * 60)));
      String who = people[r.nextInt(people.length)];
      Repository repo = r.nextInt(5) == 0 ? OTHER : REPO;
      switch (r.nextInt(4)) {
        case 0 -> events.add(new Star(at, repo, Actor.github(who)));
        case 1 -> events.add(new Fork(at, repo, Actor.github(who), Optional.empty()));
        case 2 -> events.add(comment(who, repo, at));
        default -> events.add(commit(who, repo, at, r.nextLong()));
      }
    }
    return events;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everySplitMergesToTheWholeAndSurvivesTheCodec(long seed) {
    EventStore store = EventStore.of(random(seed));
    People people = People.resolve(store);
    Window w = new Window(Instant.parse("2024-02-10T00:00:00Z"), Instant.parse("2024-03-20T00:00:00Z"));
    @SuppressWarnings("unchecked")
    SliceMetric<Growth.State, Growth.Result> m =
        (SliceMetric<Growth.State, Growth.Result>) Growth.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), w));
    Growth.Result whole = m.compute(store, people);
    StateCodec<Growth.State> codec = m.stateCodec();
    Random r = new Random(seed);
    for (int k = 0; k < 10; k++) {
      Instant cut = store.instant(r.nextInt(store.size()));
      Instant far = Instant.parse("2030-01-01T00:00:00Z");
      Growth.State a = m.accumulate(store.slice(new Window(Instant.parse("2000-01-01T00:00:00Z"), cut)), people);
      Growth.State b = m.accumulate(store.slice(new Window(cut, far)), people);
      assertEquals(whole, m.finish(m.merge(a, b)), "seed " + seed + " cut " + cut);
      assertEquals(whole, m.finish(m.merge(b, a)), "seed " + seed + " cut " + cut);
      assertEquals(
          whole, m.finish(m.merge(codec.decode(codec.encode(a)), codec.decode(codec.encode(b)))),
          "seed " + seed + " cut " + cut);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aWeeklySeriesAddsUpToTheTotals(long seed) {
    EventStore store = EventStore.of(random(seed));
    People people = People.resolve(store);
    Instant since = Instant.parse("2024-01-01T00:00:00Z");
    Instant until = Instant.parse("2024-05-01T00:00:00Z");
    MetricSeries series =
        MetricSeries.compute(
            Growth.INSTANCE, store, people, Evaluation.of(RepositoryScope.of(REPO), new Window(since, until)),
            SeriesSpec.calendar(PeriodUnit.ISO_WEEK, ZoneOffset.UTC, since, until));
    Growth.Result all =
        Growth.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), new Window(Instant.parse("2023-12-25T00:00:00Z"), until)))
            .compute(store, people);
    long stars = 0;
    long previousTotal = 0;
    for (MetricSeries.Point p : series.points()) {
      long added = (long) value(p.measurements(), "newStargazers").orElse(0);
      long total = (long) value(p.measurements(), "stargazers").orElse(0);
      stars += added;
      assertEquals(previousTotal + added, total, "seed " + seed + " " + p.period());
      OptionalDouble rate = value(p.measurements(), "stargazerGrowth");
      assertEquals(previousTotal == 0, rate.isEmpty(), "seed " + seed + " " + p.period());
      if (previousTotal > 0) {
        assertEquals((double) added / previousTotal, rate.getAsDouble(), 1e-15, "seed " + seed);
      }
      previousTotal = total;
    }
    assertEquals(all.stargazers().total(), stars, "seed " + seed);
    assertFalse(series.points().isEmpty());
  }
}
