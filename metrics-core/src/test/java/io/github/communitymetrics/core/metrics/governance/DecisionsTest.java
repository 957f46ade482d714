package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.RFCS;
import static io.github.communitymetrics.core.metrics.governance.Fixture.a;
import static io.github.communitymetrics.core.metrics.governance.Fixture.close;
import static io.github.communitymetrics.core.metrics.governance.Fixture.comment;
import static io.github.communitymetrics.core.metrics.governance.Fixture.grant;
import static io.github.communitymetrics.core.metrics.governance.Fixture.issue;
import static io.github.communitymetrics.core.metrics.governance.Fixture.label;
import static io.github.communitymetrics.core.metrics.governance.Fixture.merge;
import static io.github.communitymetrics.core.metrics.governance.Fixture.pr;
import static io.github.communitymetrics.core.metrics.governance.Fixture.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionsTest {
  static final Window JAN_FEB = Window.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));

  /** Affiliations of {@link ApprovalRuleTest}: m1 Acme, m2 Acme then (10 February) Initech, m3 Initech, m4 Globex. */
  static final List<Event> EVENTS =
      List.of(
          grant(RFCS, "m1", "01-02"), grant(RFCS, "m3", "01-02"),
          grant(REPO, "m1", "01-02"), grant(REPO, "m2", "01-02"), grant(REPO, "m3", "01-02"),
          pr(RFCS, 8, "zed", "01-01"), // opened at noon on 1 January: in the window (kept to test the RFC repository rule)
          // P1: a pull request to the RFC repository; bob (no maintainer) comments; m1, m3 comment, m1
          // approves and merges: accepted after 5 days; deciders Acme and Initech.
          pr(RFCS, 1, "alice", "01-10"),
          comment(RFCS, 1, "bob", "01-11", true, false), comment(RFCS, 1, "m1", "01-12", true, true),
          comment(RFCS, 1, "m3", "01-13", true, true),
          review(RFCS, 1, "m1", "01-14", ReviewState.APPROVED, false), merge(RFCS, 1, "m1", "01-15"),
          // P2: an issue labelled RFC at opening (case ignored); m1 and m2 (both Acme in January)
          // comment, m2 closes: rejected after 5 days by one organisation.
          issue(REPO, 2, "carol", "01-20", "RFC"),
          comment(REPO, 2, "m1", "01-21", false, true), comment(REPO, 2, "m2", "01-22", false, true),
          close(REPO, 2, "m2", "01-25"),
          // P3: labelled kep after opening; a bot's comment is left out; erin (unaffiliated) comments;
          // open at the end: censored after 28.5 days.
          issue(REPO, 3, "dave", "02-01"), label(REPO, 3, "m1", "02-02", false, "kep", true),
          comment(REPO, 3, "renovate[bot]", "02-03", false, false), comment(REPO, 3, "erin", "02-04", false, false),
          // P4: a proposal postponed by m3 (Initech) after 3 days.
          pr(REPO, 4, "frank", "02-05", "proposal"), label(REPO, 4, "m3", "02-08", true, "postponed", true),
          // P5: a KEP accepted by label and closed by m4 (Globex; a maintainer by association) after 4 days.
          issue(REPO, 5, "gina", "02-10", "kep"), comment(REPO, 5, "m4", "02-11", false, true),
          label(REPO, 5, "m4", "02-12", false, "accepted", true), close(REPO, 5, "m4", "02-14"),
          // No proposals: a bug, and an issue (not a pull request) in the RFC repository.
          issue(REPO, 6, "hal", "02-15", "bug"), issue(RFCS, 7, "ivy", "02-16"));

  private static Evaluation janFeb() {
    return Evaluation.of(RepositoryScope.all(), JAN_FEB).withAffiliations(ApprovalRuleTest.AFFILIATIONS);
  }

  @SuppressWarnings("unchecked")
  private static SliceMetric<GovernanceState, Decisions.Result> metric(Evaluation e) {
    return (SliceMetric<GovernanceState, Decisions.Result>) Decisions.INSTANCE.metric(e);
  }

  private static Decisions.Result compute(Evaluation e, List<Event> events) {
    EventStore store = EventStore.of(events);
    return metric(e).compute(store, People.resolve(store));
  }

  private static Duration days(double d) {
    return Duration.ofMinutes(Math.round(d * 24 * 60));
  }

  @Test
  void proposalsOutcomesAndParticipationWorkedByHand() {
    Decisions.Result r = compute(janFeb(), EVENTS);
    List<Decisions.Proposal> p = r.all().proposals();
    assertEquals(
        List.of(new PullRequestRef(RFCS, 8), new PullRequestRef(RFCS, 1), new PullRequestRef(REPO, 2),
            new PullRequestRef(REPO, 3), new PullRequestRef(REPO, 4), new PullRequestRef(REPO, 5)),
        p.stream().map(Decisions.Proposal::item).toList());
    // #8: no comment, still open: censored at 1 March, 59.5 days after noon on 1 January.
    assertEquals(Decisions.Outcome.OPEN, p.get(0).outcome());
    assertEquals(days(59.5), p.get(0).time());
    Decisions.Proposal p1 = p.get(1);
    assertEquals(Decisions.Outcome.ACCEPTED, p1.outcome());
    assertEquals(days(5), p1.time());
    assertEquals(List.of(a("bob"), a("m1"), a("m3")), p1.participants());
    // Comments and reviews: Acme 2 (m1's comment and approval), Initech 1: H = -(2/3 ln 2/3 + 1/3 ln 1/3).
    double h = -(2.0 / 3 * Math.log(2.0 / 3) + 1.0 / 3 * Math.log(1.0 / 3));
    assertEquals(Math.exp(h), p1.effectiveOrganizations().getAsDouble(), 1e-12);
    assertEquals(4, p1.comments());
    assertEquals(1, p1.outsideMaintainers()); // bob
    assertEquals(Optional.of(false), p1.singleOrganization()); // Acme and Initech
    Decisions.Proposal p2 = p.get(2);
    assertEquals(Decisions.Outcome.REJECTED, p2.outcome());
    // m2 was at Acme in January: one organisation (Initech at the end would make two).
    assertEquals(List.of("Acme"), p2.organizations());
    assertEquals(Optional.of(true), p2.singleOrganization());
    Decisions.Proposal p3 = p.get(3);
    assertEquals(Decisions.Outcome.OPEN, p3.outcome());
    assertEquals(days(28.5), p3.time());
    assertEquals(List.of(a("erin")), p3.participants()); // the bot is left out
    assertTrue(p3.effectiveOrganizations().isEmpty());
    assertEquals(Optional.empty(), p3.singleOrganization());
    assertEquals(Decisions.Outcome.POSTPONED, p.get(4).outcome());
    assertEquals(days(3), p.get(4).time());
    assertEquals(Decisions.Outcome.ACCEPTED, p.get(5).outcome()); // closed with "accepted"
    assertEquals(days(4), p.get(5).time());
    assertEquals(0, p.get(5).outsideMaintainers()); // m4 commented as a member
    // Accepted 2 (P1, P5) of 3 accepted or rejected.
    assertEquals(2.0 / 3, r.all().acceptance().getAsDouble(), 1e-12);
    // Kaplan-Meier over 3 (P4), 4 (P5), 5, 5 (P1, P2), censored 28.5 and 59.5: S(3) = 5/6 (6 at risk),
    // S(4) = 5/6 * 4/5 = 2/3, S(5) = 2/3 * 2/4 = 1/3 <= 1/2: 5 days.
    assertEquals(Optional.of(days(5)), r.all().medianTimeToDecision());
    // Participants 0, 3, 2, 1, 0, 1: mean 7/6. e^H: P1, P2 (1), P5 (1).
    assertEquals(7.0 / 6, r.all().participantsMean().getAsDouble(), 1e-12);
    assertEquals((Math.exp(h) + 2) / 3, r.all().effectiveOrganizationsMean().getAsDouble(), 1e-12);
    // Comments 4 + 2 + 1 + 1 = 8, outside the maintainers bob and erin: 0.25.
    assertEquals(0.25, r.all().outsideMaintainersShare().getAsDouble(), 1e-12);
    // Decided with known deciders: P1 (no), P2, P4, P5 (yes): 3/4.
    assertEquals(0.75, r.all().singleOrganizationShare().getAsDouble(), 1e-12);
    // January: #8, P1, P2; February: P3, P4, P5.
    assertEquals(List.of(3, 3), r.perPeriod().stream().map(s -> s.proposals().size()).toList());
    assertEquals(0.5, r.perPeriod().get(0).acceptance().getAsDouble(), 1e-12);
    // February: 3 (P4), 4 (P5), censored 28.5: S(3) = 2/3, S(4) = 1/3: 4 days.
    assertEquals(Optional.of(days(4)), r.perPeriod().get(1).medianTimeToDecision());
    List<Measurement> m = Decisions.INSTANCE.measure(r, janFeb());
    assertEquals(6.0, m.get(0).value().getAsDouble());
    assertEquals(5.0, m.get(2).value().getAsDouble(), 1e-12);
  }

  /** Named by a MAINTAINERS file, bob and erin comment as maintainers: no comment comes from outside. */
  @Test
  void maintainersNamedByAFileAreNotOutsiders() {
    Decisions.Result r = compute(janFeb().withParameter(Decisions.INSTANCE, "maintainers", "bob,@Erin"), EVENTS);
    assertEquals(0.0, r.all().outsideMaintainersShare().getAsDouble());
    assertEquals(0, r.all().proposals().get(1).outsideMaintainers());
  }

  @Test
  void labelsAndRepositoriesAreParameters() {
    Evaluation e = janFeb()
        .withParameter(Decisions.INSTANCE, "rfcRepositories", "acme/other")
        .withParameter(Decisions.INSTANCE, "labels", "Bug");
    // Only #6 (bug) is a proposal now; it is open.
    Decisions.Result r = compute(e, EVENTS);
    assertEquals(List.of(new PullRequestRef(REPO, 6)), r.all().proposals().stream().map(Decisions.Proposal::item).toList());
    assertTrue(r.all().acceptance().isEmpty());
  }

  @Test
  void openProposalsAreCensoredAtTheEndNotDecidedNorDropped() {
    // A: rejected after 10 days; B, C: open at 1 March, censored after 30.5 and 40.5 days.
    // Kaplan-Meier: S(10) = 2/3 and no later decision: no median. Counting the open ones as
    // decided would give 30.5 days; dropping them, 10 days.
    List<Event> events = List.of(
        issue(REPO, 1, "ann", "01-10", "rfc"), close(REPO, 1, "m1", "01-20"),
        issue(REPO, 2, "ben", "01-30", "rfc"), issue(REPO, 3, "cat", "01-20", "rfc"));
    Decisions.Result r = compute(janFeb(), events);
    assertEquals(Optional.empty(), r.all().medianTimeToDecision());
    assertEquals(List.of(days(10), days(40.5), days(30.5)), r.all().proposals().stream().map(Decisions.Proposal::time).toList());
    assertEquals(Optional.empty(), r.all().proposals().get(2).decided());
    Measurement median = Decisions.INSTANCE.measure(r, janFeb()).get(2);
    assertFalse(median.hasValue());
  }

  @Test
  void aCloseBeforeTheOpeningIsNoDecision() {
    // Issue 1 is closed on 15 January, before it is opened on 20 January (clock skew, a number
    // reused): the close is not a decision on it, which is open at 1 March, censored after 41
    // days. Counting the close gave a time to decision of minus 5 days, which the Kaplan-Meier
    // median refused with an exception. Issue 2 is closed after its opening, as usual.
    List<Event> events = List.of(
        close(REPO, 1, "m1", "01-15"), issue(REPO, 1, "ann", "01-20", "rfc"),
        issue(REPO, 2, "ben", "01-10", "rfc"), close(REPO, 2, "m1", "01-12"));
    Decisions.Result r = compute(janFeb(), events);
    assertEquals(List.of(days(2), days(40.5)), r.all().proposals().stream().map(Decisions.Proposal::time).toList());
    assertEquals(Optional.empty(), r.all().proposals().get(1).decided());
    assertTrue(Decisions.INSTANCE.measure(r, janFeb()).get(2).hasValue());
  }

  @Test
  void noProposalIsNoData() {
    Decisions.Result r = compute(janFeb(), List.of(issue(REPO, 6, "hal", "02-15", "bug")));
    for (Measurement m : Decisions.INSTANCE.measure(r, janFeb())) {
      assertFalse(m.hasValue(), m.name());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void randomSplitsMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("DecisionsTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = Fixture.random(r, 400);
    Evaluation e = Evaluation.of(RepositoryScope.all(),
        Window.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z")));
    Decisions.Result whole = metric(e).compute(EventStore.of(events), People.resolve(EventStore.of(events)));
    assertTrue(whole.all().proposals().size() >= 3, "proposals, seed " + seed);
    assertEquals(whole, Fixture.splitMerged(metric(e), events, r), "seed " + seed);
  }
}
