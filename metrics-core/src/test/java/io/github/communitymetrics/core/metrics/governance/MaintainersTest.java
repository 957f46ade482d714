package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.a;
import static io.github.communitymetrics.core.metrics.governance.Fixture.comment;
import static io.github.communitymetrics.core.metrics.governance.Fixture.grant;
import static io.github.communitymetrics.core.metrics.governance.Fixture.merge;
import static io.github.communitymetrics.core.metrics.governance.Fixture.pr;
import static io.github.communitymetrics.core.metrics.governance.Fixture.review;
import static io.github.communitymetrics.core.metrics.governance.Fixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaintainersTest {
  static final Window H1 = Window.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));

  static final List<Event> EVENTS =
      List.of(
          grant(REPO, "m1", "01-02"), grant(REPO, "m2", "01-02"), grant(REPO, "dependabot[bot]", "01-02"),
          pr(REPO, 1, "alice", "02-20"),
          review(REPO, 1, "m1", "02-27", ReviewState.APPROVED, false),
          review(REPO, 1, "ext", "02-28", ReviewState.APPROVED, false), // anyone may review: no maintainer
          merge(REPO, 1, "m3", "03-01"), // merging shows write access
          comment(REPO, 1, "m4", "04-01", true, true), // author association member
          pr(REPO, 2, "bob", "05-20"), merge(REPO, 2, "renovate[bot]", "06-01"), // bots govern nothing
          review(REPO, 2, "m2", "06-20", ReviewState.COMMENTED, false));

  private static Evaluation h1() {
    return Evaluation.of(RepositoryScope.of(REPO), H1)
        .withAffiliations(ApprovalRuleTest.AFFILIATIONS)
        .withParameter(Maintainers.INSTANCE, "inactiveAfter", "P30D");
  }

  @SuppressWarnings("unchecked")
  private static SliceMetric<GovernanceState, Maintainers.Result> metric(Evaluation e) {
    return (SliceMetric<GovernanceState, Maintainers.Result>) Maintainers.INSTANCE.metric(e);
  }

  private static Maintainers.Result compute(Evaluation e, List<Event> events) {
    EventStore store = EventStore.of(events);
    return metric(e).compute(store, People.resolve(store));
  }

  @Test
  void maintainersTheirOrganisationsAndActivityWorkedByHand() {
    Maintainers.Result r = compute(h1(), EVENTS);
    // m1, m2 granted; m3 by merging; m4 by association; ext, the bots: no.
    assertEquals(List.of(a("m1"), a("m2"), a("m3"), a("m4")), r.maintainers().stream().map(Maintainers.Maintainer::person).toList());
    assertEquals(
        List.of(Maintainers.Evidence.GRANT, Maintainers.Evidence.GRANT, Maintainers.Evidence.MERGE, Maintainers.Evidence.ASSOCIATION),
        r.maintainers().stream().map(Maintainers.Maintainer::evidence).toList());
    // m2 moved from Acme to Initech on 10 February: Initech at the end.
    assertEquals(Optional.of("Initech"), r.maintainers().get(1).organization());
    // Active within 30 days of 1 July (from 1 June): m2's review of 20 June only; m4 never merged or reviewed.
    assertEquals(List.of(false, true, false, false), r.maintainers().stream().map(Maintainers.Maintainer::active).toList());
    assertEquals(Optional.of(t("02-27")), r.maintainers().get(0).lastActivity());
    // Acme 1 (m1), Initech 2 (m2, m3), Globex 1 (m4): more than half of 4 takes Initech and one more.
    assertEquals(2, r.elephant().factor());
    assertEquals(3, r.organizations());
    assertEquals(Optional.of(Maintainers.Check.PASS), r.lfxThreeOrganizations());
    // End of each month: maintainers 2, 2, 3, 4, 4, 4; active within 30 days: 0, 1 (m1 on 27 Feb), 0, 0, 0, 1.
    assertEquals(List.of(2, 2, 3, 4, 4, 4), r.perPeriod().stream().map(Maintainers.PeriodCount::maintainers).toList());
    assertEquals(List.of(0, 1, 0, 0, 0, 1), r.perPeriod().stream().map(Maintainers.PeriodCount::active).toList());
    List<Measurement> m = Maintainers.INSTANCE.measure(r, h1());
    assertEquals(4.0, m.get(0).value().getAsDouble());
    assertEquals(1.0, m.get(1).value().getAsDouble());
    assertEquals(Optional.of("pass"), m.get(4).category());
  }

  @Test
  void twoOrganisationsFailLfxsCheck() {
    // Before m4 acted (window to 1 April): m1 Acme, m2 and m3 Initech.
    Evaluation q1 = h1().withWindow(Window.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z")));
    Maintainers.Result r = compute(q1, EVENTS);
    assertEquals(3, r.maintainers().size());
    assertEquals(Optional.of(Maintainers.Check.FAIL), r.lfxThreeOrganizations());
    assertEquals(1, r.elephant().factor()); // Initech holds 2 of 3
  }

  @Test
  void noMaintainerIsNoData() {
    Maintainers.Result r = compute(h1(), List.of(pr(REPO, 1, "alice", "02-20")));
    for (Measurement m : Maintainers.INSTANCE.measure(r, h1())) {
      assertFalse(m.hasValue(), m.name());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void randomSplitsMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("MaintainersTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 400);
    Evaluation e = Evaluation.of(RepositoryScope.all(), H1).withAffiliations(ApprovalRuleTest.AFFILIATIONS);
    Maintainers.Result whole = metric(e).compute(EventStore.of(events), People.resolve(EventStore.of(events)));
    assertEquals(whole, Fixture.splitMerged(metric(e), events, r), "seed " + seed);
  }

  /**
   * A MAINTAINERS file names alice (who only opened a pull request) and nobody (who never shows):
   * alice is a maintainer from her first act, nobody is listed as unseen and counted nowhere.
   */
  @Test
  void maintainersNamedByAFileJoinThoseTheEventsShow() {
    Evaluation named = h1().withParameter(Maintainers.INSTANCE, "maintainers", "Alice,@nobody");
    Maintainers.Result r = compute(named, EVENTS);
    assertEquals(List.of(a("alice"), a("m1"), a("m2"), a("m3"), a("m4")),
        r.maintainers().stream().map(Maintainers.Maintainer::person).toList());
    Maintainers.Maintainer alice = r.maintainers().get(0);
    assertEquals(Maintainers.Evidence.FILE, alice.evidence());
    assertEquals(t("02-20"), alice.since());
    assertEquals(List.of("nobody"), r.unseen());
    // Named, m1 keeps its earlier evidence (the grant).
    assertEquals(Maintainers.Evidence.GRANT, r.maintainers().get(1).evidence());
    // End of each month: alice counts from February.
    assertEquals(List.of(2, 3, 4, 5, 5, 5), r.perPeriod().stream().map(Maintainers.PeriodCount::maintainers).toList());
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void namedMaintainersMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("MaintainersTest named seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 400);
    Evaluation e = Evaluation.of(RepositoryScope.all(), H1).withAffiliations(ApprovalRuleTest.AFFILIATIONS)
        .withParameter(Maintainers.INSTANCE, "maintainers", "fay,eve,ghost");
    Maintainers.Result whole = metric(e).compute(EventStore.of(events), People.resolve(EventStore.of(events)));
    assertEquals(List.of("ghost"), whole.unseen());
    assertEquals(whole, Fixture.splitMerged(metric(e), events, r), "seed " + seed);
  }
}
