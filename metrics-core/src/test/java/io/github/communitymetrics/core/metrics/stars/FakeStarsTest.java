package io.github.communitymetrics.core.metrics.stars;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FakeStarsTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Repository SIBLING = Repository.github("acme/gadget");
  private static final Repository ELSEWHERE = Repository.github("other/thing");
  private static final Window Q1 =
      new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));
  private static int number = 1;

  private static Star star(String login, Repository repo, String at) {
    return new Star(Instant.parse(at), repo, Actor.github(login));
  }

  private static IssueOpened issue(String login, Repository repo, String at) {
    return new IssueOpened(Instant.parse(at), repo, Actor.github(login), number++, Optional.empty());
  }

  /** Each account's verdict is written next to it; the counts below follow from these lines alone. */
  private static final List<Event> EVENTS = List.of(
      star("a", REPO, "2024-01-05T10:00:00Z"), // low: one event, one day
      star("b", REPO, "2024-01-06T10:00:00Z"),
      star("b", REPO, "2024-01-06T11:00:00Z"), // low: two events (a repeated star), one day; one star counted
      star("c", REPO, "2024-01-07T10:00:00Z"),
      issue("c", REPO, "2024-01-07T12:00:00Z"),
      issue("c", REPO, "2024-01-07T13:00:00Z"), // not low: three events
      star("d", REPO, "2024-01-08T23:00:00Z"),
      issue("d", REPO, "2024-01-09T01:00:00Z"), // not low: two UTC days
      star("e", REPO, "2024-02-01T00:00:00Z"),
      star("e", SIBLING, "2024-02-01T01:00:00Z"), // not low: two repositories (same owner)
      star("f", REPO, "2024-02-02T00:00:00Z"),
      issue("f", ELSEWHERE, "2024-02-02T05:00:00Z"), // not low: two repositories and two owners
      star("g", REPO, "2024-02-03T00:00:00Z"), // low
      star("h", REPO, "2024-04-01T00:00:00Z"), // after the window: not counted
      star("i", REPO, "2023-12-31T23:59:59Z"), // before the window: not counted
      issue("j", REPO, "2024-03-03T00:00:00Z")); // no star

  private static FakeStarsResult compute(List<Event> events, RepositoryScope scope) {
    EventStore store = EventStore.of(events);
    return new FakeStars(scope, Q1, LowActivityParameters.STARSCOUT, LockstepParameters.STARSCOUT)
        .compute(store, People.resolve(store));
  }

  @Test
  void handComputedMonths() {
    FakeStarsResult r = compute(EVENTS, RepositoryScope.of(REPO));
    assertEquals(7, r.stars()); // a b c d e f g
    assertEquals(OptionalInt.of(3), r.lowActivity()); // a b g
    assertEquals(OptionalInt.of(0), r.lockstep());
    assertEquals(OptionalInt.of(3), r.either());
    assertEquals(3.0 / 7, r.share().getAsDouble(), 1e-12);
    assertEquals(
        List.of(
            new FakeStarMonth(REPO, YearMonth.of(2024, 1), 4, OptionalInt.of(2), OptionalInt.of(0), OptionalInt.of(2)),
            new FakeStarMonth(REPO, YearMonth.of(2024, 2), 3, OptionalInt.of(1), OptionalInt.of(0), OptionalInt.of(1))),
        r.months());
    assertEquals(0.5, r.months().get(0).share().getAsDouble());
  }

  @Test
  void eventsInTheSameSecondCountOnce() {
    // StarScout counts COUNT(DISTINCT created_at): k's three events share one second, so k has one
    // event time and is low-activity; m's three events have three seconds, so m is not; f makes
    // the signals available (activity elsewhere).
    List<Event> events = List.of(
        star("k", REPO, "2024-01-10T10:00:00Z"),
        issue("k", REPO, "2024-01-10T10:00:00Z"),
        issue("k", REPO, "2024-01-10T10:00:00Z"),
        star("m", REPO, "2024-01-11T10:00:00Z"),
        issue("m", REPO, "2024-01-11T10:00:01Z"),
        issue("m", REPO, "2024-01-11T10:00:02Z"),
        star("f", REPO, "2024-02-02T00:00:00Z"),
        issue("f", ELSEWHERE, "2024-02-02T05:00:00Z"));
    FakeStarsResult r = compute(events, RepositoryScope.of(REPO));
    assertEquals(3, r.stars());
    assertEquals(OptionalInt.of(1), r.lowActivity()); // k
  }

  @Test
  void theOrganisationThresholdIsTheOwner() {
    // With two repositories allowed, e (two repositories of one owner) becomes low; f (two owners) does not.
    EventStore store = EventStore.of(EVENTS);
    FakeStarsResult r = new FakeStars(RepositoryScope.of(REPO), Q1, new LowActivityParameters(2, 2, 1), LockstepParameters.STARSCOUT)
        .compute(store, People.resolve(store));
    assertEquals(OptionalInt.of(4), r.lowActivity()); // a b e g
  }

  @Test
  void aStargazerListWithoutOtherActivityHasNoData() {
    // What the GitHub API gives for one repository: its stargazers and its own issues, nothing elsewhere.
    List<Event> listOnly = List.of(
        star("a", REPO, "2024-01-05T10:00:00Z"),
        star("b", REPO, "2024-02-05T10:00:00Z"),
        issue("b", REPO, "2024-03-05T10:00:00Z"));
    FakeStarsResult r = compute(listOnly, RepositoryScope.of(REPO));
    assertEquals(2, r.stars());
    assertFalse(r.signalsAvailable());
    assertTrue(r.lowActivity().isEmpty());
    assertTrue(r.lockstep().isEmpty());
    assertTrue(r.share().isEmpty());
    assertTrue(r.months().get(0).share().isEmpty());
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), Q1);
    for (Measurement m : StarScoutMetrics.LOW_ACTIVITY.measure(r, e)) {
      assertEquals(m.name().equals("stars"), m.value().isPresent(), m.name());
    }
    for (Measurement m : StarScoutMetrics.LOCKSTEP.measure(r, e)) {
      assertEquals(m.name().equals("stars"), m.value().isPresent(), m.name());
    }
  }

  @Test
  void noStarsIsNoShare() {
    FakeStarsResult r = compute(List.of(issue("x", REPO, "2024-01-01T00:00:00Z"), issue("x", ELSEWHERE, "2024-01-02T00:00:00Z")),
        RepositoryScope.of(REPO));
    assertEquals(0, r.stars());
    assertTrue(r.share().isEmpty());
    assertTrue(r.months().isEmpty());
  }

  @Test
  void everySplitOfTheEventsMergesToTheWhole() {
    FakeStars metric = new FakeStars(RepositoryScope.of(REPO), Q1, LowActivityParameters.STARSCOUT, LockstepParameters.STARSCOUT);
    EventStore all = EventStore.of(EVENTS);
    FakeStarsResult whole = metric.compute(all, People.resolve(all));
    for (int cut = 0; cut <= EVENTS.size(); cut++) {
      List<Event> left = new ArrayList<>();
      List<Event> right = new ArrayList<>();
      for (int i = 0; i < EVENTS.size(); i++) {
        ((i * 7 + cut) % EVENTS.size() < cut ? left : right).add(EVENTS.get(i));
      }
      assertEquals(whole, merged(metric, left, right), "cut " + cut);
    }
  }

  private static <S> FakeStarsResult merged(SliceMetric<S, FakeStarsResult> m, List<Event> a, List<Event> b) {
    EventStore sa = EventStore.of(a);
    EventStore sb = EventStore.of(b);
    return m.finish(m.merge(m.accumulate(sa, People.resolve(sa)), m.accumulate(sb, People.resolve(sb))));
  }

  @Test
  void statesRoundTripThroughTheirCodec() {
    // Every account kind of EVENTS (one or several seconds, repositories and owners), whole and
    // merged from two halves: decoding gives an equal state, the same result and the same bytes.
    FakeStars metric = new FakeStars(RepositoryScope.of(REPO), Q1, LowActivityParameters.STARSCOUT, LockstepParameters.STARSCOUT);
    StateCodec<FakeStars.State> codec = metric.stateCodec();
    EventStore all = EventStore.of(EVENTS);
    EventStore left = EventStore.of(EVENTS.subList(0, 7));
    EventStore right = EventStore.of(EVENTS.subList(7, EVENTS.size()));
    for (FakeStars.State state : List.of(
        metric.accumulate(all, People.resolve(all)),
        metric.merge(metric.accumulate(left, People.resolve(left)), metric.accumulate(right, People.resolve(right))))) {
      byte[] bytes = codec.encode(state);
      FakeStars.State decoded = codec.decode(bytes);
      assertEquals(state, decoded);
      assertEquals(metric.finish(state), metric.finish(decoded));
      assertArrayEquals(bytes, codec.encode(decoded));
    }
    assertEquals("fake-stars", codec.id());
  }

  @Test
  void anAccountOnTwoDaysKeepsNoSeconds() {
    // It can no longer be low-activity, so its state drops the seconds (and merging more events
    // keeps them dropped); one day keeps them.
    FakeStars.Activity twoDays = new FakeStars.Activity(
        0, 2 * 86_400L, java.util.Set.of(0L, 2 * 86_400L), java.util.Set.of(REPO), java.util.Set.of("acme"));
    assertTrue(twoDays.seconds().isEmpty());
    assertEquals(java.util.Set.of(5L, 9L),
        new FakeStars.Activity(5, 9, java.util.Set.of(5L, 9L), java.util.Set.of(REPO), java.util.Set.of("acme")).seconds());
  }

  @Test
  void aDecodedActivityIsChecked() {
    // An account whose last second precedes its first is refused as a format error, not accepted.
    FakeStars metric = new FakeStars(RepositoryScope.of(REPO), Q1, LowActivityParameters.STARSCOUT, LockstepParameters.STARSCOUT);
    FakeStars.Activity a = new FakeStars.Activity(10, 20, java.util.Set.of(10L, 20L), java.util.Set.of(REPO), java.util.Set.of("acme"));
    byte[] bytes = metric.stateCodec().encode(new FakeStars.State(java.util.Map.of(Actor.github("a"), a), java.util.Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new FakeStars.Activity(20, 10, java.util.Set.of(10L), java.util.Set.of(REPO), java.util.Set.of("acme")));
    assertEquals(a, metric.stateCodec().decode(bytes).activity().get(Actor.github("a")));
  }

  @Test
  void theRegistryEvaluatesBothWithExplicitParameters() {
    MetricRegistry registry = MetricRegistry.builder().registerAll(new StarScoutMetrics().metrics()).build();
    EventStore store = EventStore.of(EVENTS);
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), Q1)
        .withParameter(StarScoutMetrics.LOW_ACTIVITY, "maxRepositories", "2");
    assertEquals(2, StarScoutMetrics.low(e).maxRepositories());
    assertEquals(LockstepParameters.STARSCOUT, StarScoutMetrics.lockstep(e));
    assertEquals("starscout", StarScoutMetrics.LOCKSTEP.preset().name());
    assertTrue(StarScoutMetrics.LOCKSTEP.preset().definition().isPresent());
    var evaluated = registry.evaluate(store, People.resolve(store), e);
    assertEquals(2, evaluated.size());
    // The override reaches the algorithm: e (two repositories of one owner) is now low-activity.
    assertEquals(4.0, evaluated.get(0).measurement("lowActivity").orElseThrow().value().getAsDouble());
    assertEquals(7.0, evaluated.get(1).measurement("stars").orElseThrow().value().getAsDouble());
    assertEquals(4.0 / 7, evaluated.get(1).measurement("share").orElseThrow().value().getAsDouble(), 1e-12);
    Evaluation badRho = e.withParameter(StarScoutMetrics.LOCKSTEP, "rho", "1.5");
    assertThrows(IllegalArgumentException.class, () -> StarScoutMetrics.lockstep(badRho));
  }
}
