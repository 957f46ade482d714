package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.a;
import static io.github.communitymetrics.core.metrics.governance.Fixture.approve;
import static io.github.communitymetrics.core.metrics.governance.Fixture.grant;
import static io.github.communitymetrics.core.metrics.governance.Fixture.merge;
import static io.github.communitymetrics.core.metrics.governance.Fixture.pr;
import static io.github.communitymetrics.core.metrics.governance.Fixture.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalRuleTest {
  static final Window FEB = Window.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
  /** m2 works for Acme until 10 February, then for Initech. */
  static final Affiliations AFFILIATIONS =
      Affiliations.builder()
          .enrollment("m1", "Acme", Window.ALL)
          .enrollment("m2", "Acme", Window.of(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2024-02-10T00:00:00Z")))
          .enrollment("m2", "Initech", Window.of(Instant.parse("2024-02-10T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")))
          .enrollment("m3", "Initech", Window.ALL)
          .enrollment("m4", "Globex", Window.ALL)
          .enrollment("m5", "Globex", Window.ALL)
          .build();

  /**
   * m1, m2, m3 are granted access in January; m4 shows as a maintainer by a review with author
   * association collaborator; m5 is granted access only on 24 February; ext never.
   */
  static final List<Event> EVENTS =
      List.of(
          grant(REPO, "m1", "01-02"), grant(REPO, "m2", "01-02"), grant(REPO, "m3", "01-02"),
          // #8: merged before the window (only Scorecard reads it); approved by m1.
          pr(REPO, 8, "frank", "01-18"), approve(8, "m1", "01-19"), merge(REPO, 8, "m1", "01-20"),
          // #1: m1 (Acme) and m2 (Acme on 3 February): 2 approvers, 1 organisation.
          pr(REPO, 1, "alice", "02-01"), approve(1, "m1", "02-02"), approve(1, "m2", "02-03"), merge(REPO, 1, "m1", "02-04"),
          // #2: m1 (Acme) and m2 (Initech since 10 February): 2 approvers, 2 organisations.
          pr(REPO, 2, "bob", "02-10"), approve(2, "m1", "02-11"), approve(2, "m2", "02-12"), merge(REPO, 2, "m1", "02-13"),
          // #3 by m1: m1's own approval is left out; m2, m3 (Initech), m4 (Globex, collaborator) and
          // ext (no maintainer): 3 maintainers, 2 organisations.
          pr(REPO, 3, "m1", "02-14"), approve(3, "m1", "02-14"), approve(3, "m2", "02-15"), approve(3, "m3", "02-15"),
          review(REPO, 3, "m4", "02-16", ReviewState.APPROVED, true), approve(3, "ext", "02-16"), merge(REPO, 3, "m1", "02-17"),
          // #4: m3 approves, then asks for changes; m4 approves: 1 standing approval.
          pr(REPO, 4, "carol", "02-17"), approve(4, "m3", "02-18"),
          review(REPO, 4, "m3", "02-19", ReviewState.CHANGES_REQUESTED, false),
          review(REPO, 4, "m4", "02-19", ReviewState.APPROVED, true), merge(REPO, 4, "m1", "02-20"),
          // #5 by a bot, never approved: left out of the rules, an unapproved Scorecard changeset.
          pr(REPO, 5, "renovate[bot]", "02-20"), merge(REPO, 5, "m1", "02-21"),
          // #6: ext and m5 approve; m5 is granted access two days after approving: no maintainer approval.
          pr(REPO, 6, "dave", "02-21"), approve(6, "ext", "02-22"), approve(6, "m5", "02-22"),
          grant(REPO, "m5", "02-24"), merge(REPO, 6, "m1", "02-23"),
          // #7: m1's approval is dismissed before the merge.
          pr(REPO, 7, "erin", "02-23"), approve(7, "m1", "02-24"),
          review(REPO, 7, "m1", "02-25", ReviewState.DISMISSED, false), merge(REPO, 7, "m1", "02-26"),
          // #9: approved by a bot only.
          pr(REPO, 9, "gina", "02-26"), approve(9, "renovate[bot]", "02-26"), merge(REPO, 9, "m1", "02-27"),
          // #10: merged after the window.
          pr(REPO, 10, "hal", "02-28"), approve(10, "m1", "02-28"), merge(REPO, 10, "m1", "03-02"));

  private static ApprovalRule.Result compute(Evaluation e, List<Event> events) {
    EventStore store = EventStore.of(events);
    @SuppressWarnings("unchecked")
    SliceMetric<GovernanceState, ApprovalRule.Result> m =
        (SliceMetric<GovernanceState, ApprovalRule.Result>) ApprovalRule.INSTANCE.metric(e);
    return m.compute(store, People.resolve(store));
  }

  private static Evaluation feb() {
    return Evaluation.of(RepositoryScope.of(REPO), FEB).withAffiliations(AFFILIATIONS);
  }

  private static List<PullRequestRef> refs(int... numbers) {
    return java.util.Arrays.stream(numbers).mapToObj(n -> new PullRequestRef(REPO, n)).toList();
  }

  @Test
  void twoCompaniesRustVmmAndScorecardWorkedByHand() {
    ApprovalRule.Result r = compute(feb(), EVENTS);
    // Merged in February with a human author: #1, #2, #3, #4, #6, #7, #9 (in merge order); #5 is a bot's.
    assertEquals(refs(1, 2, 3, 4, 6, 7, 9), r.rule().verdicts().stream().map(ApprovalRule.Verdict::pullRequest).toList());
    assertEquals(1, r.botAuthored());
    // Two maintainers of two organisations: #2 (Acme + Initech after m2's move) and #3.
    assertEquals(refs(1, 4, 6, 7, 9), r.rule().unmet());
    assertEquals(2.0 / 7, r.rule().share().getAsDouble(), 1e-12);
    // #1 counts m2 for Acme (at the approval), not Initech (at the end).
    assertEquals(List.of("Acme"), r.rule().verdicts().get(0).organizations());
    // #3: the author's own approval and ext's (no maintainer) are left out.
    assertEquals(List.of(a("m2"), a("m3"), a("m4")), r.rule().verdicts().get(2).approvers());
    assertEquals(List.of("Globex", "Initech"), r.rule().verdicts().get(2).organizations());
    // #4: m3's approval was withdrawn by a request for changes; m4's stands.
    assertEquals(List.of(a("m4")), r.rule().verdicts().get(3).approvers());
    // #6: m5 was not yet a maintainer when approving.
    assertEquals(List.of(), r.rule().verdicts().get(4).approvers());
    // rust-vmm: 3 maintainers on #3 only; with 3 organisations none.
    assertEquals(1.0 / 7, r.rustVmm().share().getAsDouble(), 1e-12);
    assertEquals(0.0, r.rustVmmDiverse().share().getAsDouble());
    // Scorecard, newest first: #9 yes (a bot's approval counts there), #7 no (dismissed), #6 yes
    // (anyone's approval), #5 no (a bot's unapproved changeset counts), #4 yes (the request for
    // changes does not remove the approving review), #3, #2, #1, #8 yes: 7 of 9, floor(70/9) = 7.
    assertEquals(9, r.scorecard().changesets());
    assertEquals(7, r.scorecard().approved());
    assertEquals(7, r.scorecard().score().getAsInt());
    assertEquals(refs(7, 5), r.scorecard().unapproved());
    List<Measurement> m = ApprovalRule.INSTANCE.measure(r, feb());
    assertEquals(7.0, m.get(0).value().getAsDouble());
    assertEquals(0.0, m.get(3).value().getAsDouble()); // a value of 0, with evidence 7
    assertEquals(7, m.get(3).evidence());
    assertEquals(7.0, m.get(5).value().getAsDouble());
  }

  @Test
  void theLastChangesetsParameterLimitsScorecard() {
    ApprovalRule.Result r = compute(feb().withParameter(ApprovalRule.INSTANCE, "changesets", "3"), EVENTS);
    // #9 yes, #7 no, #6 yes: 2 of 3, floor(20/3) = 6.
    assertEquals(3, r.scorecard().changesets());
    assertEquals(6, r.scorecard().score().getAsInt());
  }

  @Test
  void everyoneSApprovalsCountWithoutMaintainersOnly() {
    ApprovalRule.Result r = compute(
        feb().withParameter(ApprovalRule.INSTANCE, "maintainersOnly", "0")
            .withParameter(ApprovalRule.INSTANCE, "organizations", "0")
            .withParameter(ApprovalRule.INSTANCE, "approvers", "1"), EVENTS);
    // One human approval other than the author's standing at the merge: all but #7 (dismissed)
    // and #9 (a bot's).
    assertEquals(refs(7, 9), r.rule().unmet());
    assertEquals(List.of(a("ext"), a("m5")), r.rule().verdicts().get(4).approvers());
  }

  @Test
  void noMergedPullRequestIsNoData() {
    Evaluation april = Evaluation.of(RepositoryScope.of(REPO),
        Window.of(Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z")));
    ApprovalRule.Result r = compute(april, EVENTS);
    List<Measurement> m = ApprovalRule.INSTANCE.measure(r, april);
    for (int i = 0; i < 4; i++) {
      assertFalse(m.get(i).hasValue(), m.get(i).name());
    }
    assertTrue(m.get(5).hasValue()); // Scorecard reads the last merges before the end, whenever
    ApprovalRule.Result none = compute(april, List.of());
    assertFalse(ApprovalRule.INSTANCE.measure(none, april).get(5).hasValue());
  }

  @Test
  void everyCutMergesToTheWhole() {
    Evaluation e = feb();
    ApprovalRule.Result whole = compute(e, EVENTS);
    @SuppressWarnings("unchecked")
    SliceMetric<GovernanceState, ApprovalRule.Result> m =
        (SliceMetric<GovernanceState, ApprovalRule.Result>) ApprovalRule.INSTANCE.metric(e);
    for (int cut = 0; cut <= EVENTS.size(); cut++) {
      EventStore x = EventStore.of(EVENTS.subList(0, cut));
      EventStore y = EventStore.of(EVENTS.subList(cut, EVENTS.size()));
      GovernanceState merged = m.merge(m.accumulate(y, People.resolve(y)), m.accumulate(x, People.resolve(x)));
      assertEquals(whole, m.finish(merged), "cut " + cut);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomSplitsMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("ApprovalRuleTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 500);
    Evaluation e = Evaluation.of(RepositoryScope.all(),
        Window.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")))
        .withParameter(ApprovalRule.INSTANCE, "organizations", "0");
    ApprovalRule.Result whole = compute(e, events);
    assertTrue(whole.rule().verdicts().size() >= 3, "merged pull requests, seed " + seed);
    @SuppressWarnings("unchecked")
    SliceMetric<GovernanceState, ApprovalRule.Result> m =
        (SliceMetric<GovernanceState, ApprovalRule.Result>) ApprovalRule.INSTANCE.metric(e);
    assertEquals(whole, Fixture.splitMerged(m, events, r), "seed " + seed);
  }

  /**
   * A MAINTAINERS or CODEOWNERS file's logins make their people maintainers at every instant: ext
   * (never granted access) and m5 (granted after approving) count on #6 when named.
   */
  @Test
  void maintainersNamedByAFileCountFromTheStart() {
    Evaluation named = feb().withParameter(ApprovalRule.INSTANCE, "maintainers", "@EXT,m5")
        .withParameter(ApprovalRule.INSTANCE, "organizations", "1");
    ApprovalRule.Result r = compute(named, EVENTS);
    ApprovalRule.Verdict six = r.rule().verdicts().get(4);
    assertEquals(refs(6), List.of(six.pullRequest()));
    assertEquals(List.of(a("ext"), a("m5")), six.approvers());
    assertTrue(six.met());
    // Without the file, #6 has no maintainer approval.
    assertEquals(List.of(), compute(feb(), EVENTS).rule().verdicts().get(4).approvers());
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void namedMaintainersMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("ApprovalRuleTest named seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 500);
    Evaluation e = Evaluation.of(RepositoryScope.all(),
        Window.of(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z")))
        .withParameter(ApprovalRule.INSTANCE, "organizations", "0")
        .withParameter(ApprovalRule.INSTANCE, "maintainers", "ann,ben");
    ApprovalRule.Result whole = compute(e, events);
    ApprovalRule.Result without = compute(e.withParameter(ApprovalRule.INSTANCE, "maintainers", ""), events);
    assertTrue(whole.rule().met() >= without.rule().met(), "named maintainers never approve less, seed " + seed);
    @SuppressWarnings("unchecked")
    SliceMetric<GovernanceState, ApprovalRule.Result> m =
        (SliceMetric<GovernanceState, ApprovalRule.Result>) ApprovalRule.INSTANCE.metric(e);
    assertEquals(whole, Fixture.splitMerged(m, events, r), "seed " + seed);
  }
}
