package io.github.communitymetrics.core.metrics.governance;

import static io.github.communitymetrics.core.metrics.governance.Fixture.REPO;
import static io.github.communitymetrics.core.metrics.governance.Fixture.a;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Criterion;
import io.github.communitymetrics.core.metrics.governance.MaturityProfile.Outcome;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaturityProfileTest {
  static final Window YEAR = Window.of(Instant.parse("2023-07-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
  static final Affiliations AFFILIATIONS =
      Affiliations.builder()
          .enrollment("m1", "Acme", Window.ALL).enrollment("dev", "Acme", Window.ALL)
          .enrollment("m2", "Initech", Window.ALL).enrollment("m3", "Globex", Window.ALL)
          .build();

  static Instant at(String day) {
    return Instant.parse(day + "T12:00:00Z");
  }

  static Event commit(String login, String day, int n) {
    Signature sig = new Signature(login, login + "@example.org", at(day));
    return new Commit(at(day), REPO, a(login), String.format("%040x", n), List.of(), sig, sig, List.of(), List.of());
  }

  static Event grant(String who, String day) {
    return new MemberAdded(at(day), REPO, a("owner"), a(who), Permission.WRITE);
  }

  static Event pr(int n, String who, String day, String... labels) {
    return new PullRequestOpened(at(day), REPO, a(who), n, false, Optional.empty(), Optional.empty(), List.of(labels));
  }

  static Event approve(int n, String who, String day) {
    return new Review(at(day), REPO, a(who), n, ReviewState.APPROVED, Optional.empty(), Optional.empty(), OptionalLong.empty());
  }

  static Event merge(int n, String who, String day) {
    return new PullRequestMerged(at(day), REPO, a(who), n, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Event close(int n, String who, String day) {
    return new PullRequestClosed(at(day), REPO, a(who), n, Optional.empty());
  }

  static Event memberComment(int n, String who, String day, boolean pullRequest) {
    return new IssueComment(at(day), REPO, a(who), n, pullRequest, Optional.of(AuthorAssociation.MEMBER), OptionalLong.empty());
  }

  /**
   * Granted in January 2023 (the first event); 12 commits in the window, 10 in the last 90 days;
   * one issue a member commented on in them; two merged pull requests (one approved across two
   * organisations); two RFCs, one decided by Acme alone.
   */
  static List<Event> events() {
    List<Event> e = new ArrayList<>(List.of(
        grant("m1", "2023-01-10"), grant("m2", "2023-01-11"), grant("m3", "2023-01-12"),
        commit("m3", "2023-08-01", 1), commit("m3", "2023-08-02", 2),
        pr(1, "dev", "2023-11-01"), approve(1, "m1", "2023-11-02"), approve(1, "m2", "2023-11-02"), merge(1, "m1", "2023-11-03"),
        pr(2, "dev", "2023-12-01"), approve(2, "m1", "2023-12-02"), merge(2, "m1", "2023-12-03"),
        pr(30, "u", "2023-09-01", "rfc"), memberComment(30, "m1", "2023-09-02", true), close(30, "m1", "2023-09-10"),
        pr(31, "u", "2023-10-01", "rfc"), memberComment(31, "m1", "2023-10-02", true),
        memberComment(31, "m2", "2023-10-03", true), close(31, "m2", "2023-10-10"),
        new IssueOpened(at("2024-04-20"), REPO, a("u"), 20, Optional.empty(), List.of()),
        memberComment(20, "m1", "2024-05-01", false)));
    for (int i = 0; i < 6; i++) {
      e.add(commit("dev", "2024-05-0" + (i + 1), 10 + i));
    }
    for (int i = 0; i < 4; i++) {
      e.add(commit("m2", "2024-06-0" + (i + 1), 20 + i));
    }
    return e;
  }

  private static Evaluation year() {
    return Evaluation.of(RepositoryScope.of(REPO), YEAR).withAffiliations(AFFILIATIONS);
  }

  @SuppressWarnings("unchecked")
  private static SliceMetric<MaturityProfile.State, MaturityProfile.Result> metric(Evaluation e) {
    return (SliceMetric<MaturityProfile.State, MaturityProfile.Result>) MaturityProfile.INSTANCE.metric(e);
  }

  private static MaturityProfile.Result compute(Evaluation e, List<Event> events) {
    EventStore store = EventStore.of(events);
    return metric(e).compute(store, People.resolve(store));
  }

  private static List<Optional<Outcome>> outcomes(MaturityProfile.Result r) {
    return r.checks().stream().map(MaturityProfile.Check::outcome).toList();
  }

  @Test
  void eachCriterionWorkedByHand() {
    MaturityProfile.Result r = compute(year(), events());
    // Age: from the first grant to the end.
    assertEquals(Duration.between(at("2023-01-10"), YEAR.end()).toSeconds() / 86_400.0,
        r.check(Criterion.AGE).value().getAsDouble(), 1e-9);
    assertEquals(365.0, r.check(Criterion.AGE).threshold());
    // Scorecard Maintained: 10 commits + 1 issue in 90 days, floor(10 * 11 / 12) = 9 < 10.
    assertEquals(10, r.maintained().commits());
    assertEquals(1, r.maintained().issues());
    assertEquals(9.0, r.check(Criterion.ACTIVITY).value().getAsDouble());
    // Maintainers of Acme, Initech, Globex: 3.
    assertEquals(3.0, r.check(Criterion.MAINTAINER_ORGANIZATIONS).value().getAsDouble());
    // Commits in the window: dev 6, m2 4, m3 2 of 12: two people, two organisations (Acme 6, Initech 4).
    assertEquals(2.0, r.check(Criterion.ABSENCE_FACTOR).value().getAsDouble());
    assertEquals(2.0, r.check(Criterion.ELEPHANT_FACTOR).value().getAsDouble());
    // #1 approved by m1 (Acme) and m2 (Initech); #2 by m1 only: 1 of 2.
    assertEquals(0.5, r.check(Criterion.APPROVAL_DIVERSITY).value().getAsDouble());
    // RFC #30 decided by Acme alone, #31 by Acme and Initech: 1 of 2 not by one organisation.
    assertEquals(0.5, r.check(Criterion.DECISION_TRANSPARENCY).value().getAsDouble());
    assertEquals(
        List.of(Optional.of(Outcome.PASS), Optional.of(Outcome.FAIL), Optional.of(Outcome.PASS), Optional.of(Outcome.PASS),
            Optional.of(Outcome.PASS), Optional.of(Outcome.PASS), Optional.of(Outcome.PASS)),
        outcomes(r));
    List<Measurement> m = MaturityProfile.INSTANCE.measure(r, year());
    assertEquals(14, m.size());
    assertEquals("maintainedScoreCheck", m.get(3).name());
    assertEquals(Optional.of("fail"), m.get(3).category());
    assertEquals(11, m.get(2).evidence());
  }

  @Test
  void thresholdsComeFromThePresetUnlessSetOnTheirOwn() {
    // rust-vmm asks 3 approving maintainers: neither pull request has them.
    Evaluation rustVmm = year().withParameter(MaturityProfile.INSTANCE, "thresholds", "rust-vmm");
    MaturityProfile.Result r = compute(rustVmm, events());
    assertEquals(0.0, r.check(Criterion.APPROVAL_DIVERSITY).value().getAsDouble());
    assertEquals(Optional.of(Outcome.FAIL), r.check(Criterion.APPROVAL_DIVERSITY).outcome());
    assertEquals(3, r.thresholds().approvers());
    // A threshold set on its own wins over the preset's.
    MaturityProfile.Result nine = compute(
        rustVmm.withParameter(MaturityProfile.INSTANCE, "minMaintainedScore", "9")
            .withParameter(MaturityProfile.INSTANCE, "minAge", "P600D"), events());
    assertEquals(Optional.of(Outcome.PASS), nine.check(Criterion.ACTIVITY).outcome());
    assertEquals(Optional.of(Outcome.FAIL), nine.check(Criterion.AGE).outcome());
    assertEquals(3, nine.thresholds().approvers());
    assertThrows(IllegalArgumentException.class,
        () -> MaturityProfile.INSTANCE.metric(year().withParameter(MaturityProfile.INSTANCE, "thresholds", "apache")));
    // Proposals are what the decisions metric's parameters say: with label kep only, none here.
    MaturityProfile.Result kep = compute(year().withParameter(Decisions.INSTANCE, "labels", "kep"), events());
    assertEquals(Optional.empty(), kep.check(Criterion.DECISION_TRANSPARENCY).outcome());
  }

  @Test
  void aProjectCreatedInTheLastNinetyDaysScoresZeroAsScorecardDoes() {
    List<Event> young = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      young.add(commit("dev", "2024-06-0" + (i + 1), 40 + i));
    }
    MaturityProfile.Result r = compute(year(), young);
    assertEquals(9, r.maintained().commits());
    assertEquals(0.0, r.check(Criterion.ACTIVITY).value().getAsDouble());
    assertEquals(Optional.of(Outcome.FAIL), r.check(Criterion.AGE).outcome());
  }

  @Test
  void noEvidenceIsNoDataNeverZero() {
    MaturityProfile.Result r = compute(year(), List.of());
    for (MaturityProfile.Check c : r.checks()) {
      assertEquals(OptionalDouble.empty(), c.value(), c.criterion().name());
      assertEquals(Optional.empty(), c.outcome(), c.criterion().name());
    }
    for (Measurement m : MaturityProfile.INSTANCE.measure(r, year())) {
      assertFalse(m.hasValue(), m.name());
    }
    // Commits but no affiliations, no merges, no proposals: those criteria stay without data.
    MaturityProfile.Result some = compute(Evaluation.of(RepositoryScope.of(REPO), YEAR), List.of(commit("dev", "2024-05-01", 1)));
    assertTrue(some.check(Criterion.ABSENCE_FACTOR).value().isPresent());
    assertEquals(Optional.empty(), some.check(Criterion.ELEPHANT_FACTOR).outcome()); // nobody affiliated
    assertEquals(Optional.empty(), some.check(Criterion.MAINTAINER_ORGANIZATIONS).outcome());
    assertEquals(Optional.empty(), some.check(Criterion.APPROVAL_DIVERSITY).outcome());
    assertEquals(Optional.empty(), some.check(Criterion.DECISION_TRANSPARENCY).outcome());
  }

  @ParameterizedTest
  @ValueSource(longs = {51, 52, 53, 54, 55})
  void randomSplitsMergeThroughTheCodecToTheWhole(long seed) {
    System.out.println("MaturityProfileTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = new ArrayList<>(Fixture.random(r, 400));
    String[] people = {"ann", "ben", "cat"};
    for (int i = 0; i < 60; i++) {
      events.add(commit(people[r.nextInt(3)], String.format("2024-%02d-%02d", 1 + r.nextInt(6), 1 + r.nextInt(28)), 100 + i));
    }
    Evaluation e = Evaluation.of(RepositoryScope.all(),
            Window.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-06-15T00:00:00Z")))
        .withAffiliations(ApprovalRuleTest.AFFILIATIONS)
        .withParameter(MaturityProfile.INSTANCE, "maintainers", "ann");
    MaturityProfile.Result whole = compute(e, events);
    assertTrue(whole.check(Criterion.ABSENCE_FACTOR).value().isPresent(), "seed " + seed);
    assertEquals(whole, Fixture.splitMerged(metric(e), events, r), "seed " + seed);
  }
}
