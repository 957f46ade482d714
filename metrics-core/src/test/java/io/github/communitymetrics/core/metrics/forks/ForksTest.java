package io.github.communitymetrics.core.metrics.forks;

import static io.github.communitymetrics.core.metrics.forks.ForkFixture.day;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.closed;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.fork;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.merged;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.pr;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.push;
import static io.github.communitymetrics.core.metrics.forks.ForkFixture.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity.Flow;
import io.github.communitymetrics.core.metrics.forks.ForkActivity.ForkFacts;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals.ForkSignals;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals.Kind;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals.Mover;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A worked history of acme/widget (values computed by hand in the comments): carol's social fork
 * that never changes, dave's contributing fork, bob's renamed fork bob/gizmo that takes him and a
 * newcomer away, and erin's pull request from a fork no fork event names.
 */
class ForksTest {
  private static final Repository WIDGET = Repository.github("acme/widget");
  private static final Window H1 = new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
  private static final RepositoryScope SCOPE = RepositoryScope.of(WIDGET);

  static List<Event> history() {
    return List.of(
        // The core team works upstream: alice throughout, bob in January and February only.
        push("acme/widget", "alice", "01-10"), push("acme/widget", "bob", "01-11"),
        push("acme/widget", "bob", "02-20"), push("acme/widget", "alice", "05-10"),
        // carol's social fork: never changes.
        fork(WIDGET, "carol", "carol/widget", "02-01"),
        // dave's contributing fork: one push, a pull request back two days before its merge.
        fork(WIDGET, "dave", "dave/widget", "02-05"), push("dave/widget", "dave", "02-06"),
        pr(WIDGET, 1, "dave", "dave/widget", "02-07"), merged(WIDGET, 1, "alice", "dave", "02-09"),
        // bob's hard fork: renamed, pushes in March, April and May, eve joins, a release.
        fork(WIDGET, "bob", "bob/gizmo", "03-01"), push("bob/gizmo", "bob", "03-02"),
        push("bob/gizmo", "eve", "04-03"), push("bob/gizmo", "bob", "05-04"),
        release("bob/gizmo", "bob", "v1.0", "05-05"),
        // erin's pull request from a fork no event names; still open at the end.
        pr(WIDGET, 2, "erin", "erin/widget", "04-10"),
        // Outside the scope and not a fork of it.
        push("other/thing", "zed", "03-03"));
  }

  private static <R> R compute(io.github.communitymetrics.core.metrics.SliceMetric<?, R> m, List<Event> events) {
    EventStore store = EventStore.of(events);
    return m.compute(store, People.resolve(store));
  }

  private static ForkActivity.Result activity(List<Event> events, ForkEvents forkEvents) {
    return compute(ForkActivity.of(SCOPE, H1, Granularity.MONTH, forkEvents), events);
  }

  @Test
  void forksChangesAndTheFlowBackOfTheWorkedHistory() {
    ForkActivity.Result r = activity(history(), ForkEvents.AUTO);
    assertEquals(new Coverage(true, true), r.coverage());
    assertEquals(
        List.of(
            new ForkFacts(Repository.github("bob/gizmo"), WIDGET, Optional.of(day("03-01")), Optional.of(true),
                Optional.of(day("05-04")), 3, 0, 0),
            new ForkFacts(Repository.github("carol/widget"), WIDGET, Optional.of(day("02-01")), Optional.of(false),
                Optional.empty(), 0, 0, 0),
            new ForkFacts(Repository.github("dave/widget"), WIDGET, Optional.of(day("02-05")), Optional.of(true),
                Optional.of(day("02-06")), 1, 1, 1),
            new ForkFacts(Repository.github("erin/widget"), WIDGET, Optional.empty(), Optional.of(false),
                Optional.empty(), 0, 1, 0)),
        r.forks());
    assertEquals(OptionalInt.of(2), r.changedForks());
    // Two pull requests from forks: #1 merged after 2 days, #2 censored at the end (82 days);
    // Kaplan-Meier: S(2 days) = 1/2, so the median is 2 days.
    assertEquals(new Flow(H1, 3, OptionalInt.of(2), 2, 2, 1, Optional.of(Duration.ofDays(2))), r.total());
    List<Flow> months = r.perRepository().get(WIDGET);
    assertEquals(6, months.size());
    assertEquals(new Flow(months.get(0).period(), 0, OptionalInt.of(0), 0, 0, 0, Optional.empty()), months.get(0));
    assertEquals(new Flow(months.get(1).period(), 2, OptionalInt.of(1), 1, 1, 1, Optional.of(Duration.ofDays(2))), months.get(1));
    assertEquals(new Flow(months.get(2).period(), 1, OptionalInt.of(1), 0, 0, 0, Optional.empty()), months.get(2));
    // April: bob/gizmo active (eve), erin's pull request opened and not merged: no median.
    assertEquals(new Flow(months.get(3).period(), 0, OptionalInt.of(1), 1, 1, 0, Optional.empty()), months.get(3));
  }

  @Test
  void windowTotalsPerUpstream() {
    // A second upstream, acme/gadget: frank's fork, a push of it, a pull request back closed unmerged.
    Repository gadget = Repository.github("acme/gadget");
    List<Event> events = new ArrayList<>(history());
    events.addAll(List.of(fork(gadget, "frank", "frank/gadget", "03-10"), push("frank/gadget", "frank", "03-11"),
        pr(gadget, 1, "frank", "frank/gadget", "03-12"), closed(gadget, 1, "alice", "frank", "03-20")));
    ForkActivity.Result r = compute(ForkActivity.of(RepositoryScope.of(WIDGET, gadget), H1, Granularity.MONTH, ForkEvents.AUTO), events);
    // acme/widget's as in the worked history; acme/gadget: 1 created, active, contributing, 1 opened,
    // none merged (closed unmerged: censored, so no median).
    assertEquals(new Flow(H1, 3, OptionalInt.of(2), 2, 2, 1, Optional.of(Duration.ofDays(2))), r.totalPerRepository().get(WIDGET));
    assertEquals(new Flow(H1, 1, OptionalInt.of(1), 1, 1, 0, Optional.empty()), r.totalPerRepository().get(gadget));
    assertEquals(2, r.totalPerRepository().size());
    // The whole scope's: 4 created, 3 active, 3 contributing, 3 opened, 1 merged.
    assertEquals(new Flow(H1, 4, OptionalInt.of(3), 3, 3, 1, Optional.empty()), r.total());
  }

  @Test
  void withoutTheForksOwnEventsChangeAndActivityAreNoDataNotZero() {
    List<Event> upstreamOnly = new ArrayList<>(history().stream().filter(e -> e.repo().equals(WIDGET)).toList());
    ForkActivity.Result auto = activity(upstreamOnly, ForkEvents.AUTO);
    assertEquals(new Coverage(false, true), auto.coverage());
    assertEquals(OptionalInt.empty(), auto.changedForks());
    assertTrue(auto.forks().stream().allMatch(f -> f.changed().isEmpty() && f.lastActive().isEmpty()));
    assertEquals(OptionalInt.empty(), auto.total().activeForks());
    assertEquals(2, auto.total().contributingForks()); // the pull requests are the upstream's own events
    List<Measurement> ms = ForkActivity.INSTANCE.measure(auto, Evaluation.of(SCOPE, H1));
    assertFalse(ms.stream().filter(m -> m.name().equals("changedForks")).findFirst().orElseThrow().hasValue());
    assertFalse(ms.stream().filter(m -> m.name().equals("activeForks")).findFirst().orElseThrow().hasValue());
    // The caller may say so even when forks had events.
    assertEquals(OptionalInt.empty(), activity(history(), ForkEvents.ABSENT).changedForks());
  }

  @Test
  void theHardForkShowsEverySignalWithEvidenceAndTheOthersNone() {
    HardForkSignals.Result r = compute(HardForkSignals.of(SCOPE, H1, 3, ForkEvents.AUTO), history());
    assertEquals(4, r.forks());
    assertEquals(1, r.withSignals().size(), r.withSignals().toString());
    ForkSignals g = r.withSignals().get(0);
    assertEquals(Repository.github("bob/gizmo"), g.fork());
    assertEquals(
        List.of(Kind.NEW_NAME, Kind.OWN_RELEASES, Kind.OWN_CONTRIBUTORS, Kind.SUSTAINED_WITHOUT_RETURN, Kind.PEOPLE_FROM_UPSTREAM),
        g.signals().stream().map(HardForkSignals.Signal::kind).toList());
    assertEquals(
        List.of(Optional.of(day("03-01")), Optional.of(day("05-05")), Optional.of(day("04-03")),
            Optional.of(Instant.parse("2024-05-01T00:00:00Z")), Optional.of(day("03-02"))),
        g.signals().stream().map(HardForkSignals.Signal::since).toList());
    assertEquals("named gizmo, upstream widget", g.signals().get(0).evidence());
    assertTrue(g.signals().get(2).evidence().contains("eve"), g.signals().get(2).evidence());
    // bob moved on March 2 and has not pushed upstream since February 20.
    assertEquals(List.of(new Mover(Actor.github("bob"), day("01-11"), day("02-20"), day("03-02"), false)), g.movers());
    assertEquals(
        List.of(day("03-01"), day("03-02"), day("03-02"), day("04-03"), Instant.parse("2024-05-01T00:00:00Z"), day("05-05")),
        g.timeline().stream().map(HardForkSignals.Step::at).toList());
    assertEquals(1, r.peopleMoved());
  }

  @Test
  void sustainedWorkNeedsTheMonthsAndNoPullRequestBack() {
    // Two months of changes do not reach four; the other signals remain.
    HardForkSignals.Result r = compute(HardForkSignals.of(SCOPE, H1, 4, ForkEvents.AUTO), history());
    assertFalse(r.withSignals().get(0).shows(Kind.SUSTAINED_WITHOUT_RETURN));
    // dave's fork changes in three months but sent a pull request back.
    List<Event> events = new ArrayList<>(history());
    events.add(push("dave/widget", "dave", "03-06"));
    events.add(push("dave/widget", "dave", "04-06"));
    HardForkSignals.Result d = compute(HardForkSignals.of(SCOPE, H1, 3, ForkEvents.AUTO), events);
    assertTrue(d.of(Repository.github("dave/widget")).isEmpty(), d.withSignals().toString());
  }

  @Test
  void withoutTheForksOwnEventsOnlyTheNameIsKnown() {
    List<Event> upstreamOnly = history().stream().filter(e -> e.repo().equals(WIDGET)).toList();
    HardForkSignals.Result r = compute(HardForkSignals.of(SCOPE, H1, 3, ForkEvents.AUTO), upstreamOnly);
    ForkSignals g = r.of(Repository.github("bob/gizmo")).orElseThrow();
    assertEquals(List.of(Kind.NEW_NAME), g.signals().stream().map(HardForkSignals.Signal::kind).toList());
    assertEquals(
        List.of(Kind.OWN_RELEASES, Kind.OWN_CONTRIBUTORS, Kind.SUSTAINED_WITHOUT_RETURN, Kind.PEOPLE_FROM_UPSTREAM), g.unknown());
    assertFalse(HardForkSignals.INSTANCE.measure(r, Evaluation.of(SCOPE, H1)).get(3).hasValue());
  }

  @Test
  void registeredWithParametersAndRejectsHourlyPeriods() {
    assertTrue(StandardMetrics.all().contains(ForkActivity.INSTANCE));
    assertTrue(StandardMetrics.all().contains(HardForkSignals.INSTANCE));
    Evaluation e = Evaluation.of(SCOPE, H1).withParameter(ForkActivity.INSTANCE, "forkEvents", "absent");
    EventStore store = EventStore.of(history());
    ForkActivity.Result r = ForkActivity.INSTANCE.metric(e).compute(store, People.resolve(store));
    assertEquals(new Coverage(false, false), r.coverage());
    Evaluation bad = Evaluation.of(SCOPE, H1).withParameter(ForkActivity.INSTANCE, "forkEvents", "maybe");
    assertThrows(IllegalArgumentException.class, () -> ForkActivity.INSTANCE.metric(bad));
    Evaluation hourly = Evaluation.of(SCOPE, H1).withParameter(ForkActivity.INSTANCE, "period", "hour");
    assertThrows(IllegalArgumentException.class, () -> ForkActivity.INSTANCE.metric(hourly));
  }
}
