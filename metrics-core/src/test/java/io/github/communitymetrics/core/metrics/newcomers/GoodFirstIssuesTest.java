package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Good first issues on hand-built histories; every expected value is worked by hand in comments. */
class GoodFirstIssuesTest {
  static final Repository REPO = Repository.github("acme/widget");
  static final Repository OTHER = Repository.github("acme/other");
  /** The first half of 2024 (182 days); the as-of instant is 1 July 2024. */
  static final Window H1 = new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
  static final Evaluation BOTH = Evaluation.of(RepositoryScope.of(REPO, OTHER), H1);
  static final Actor MAINT = Actor.github("maint");
  static final Actor EST = Actor.github("est");
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = Actor.github("carol");
  static final Actor BOT = Actor.github("dependabot[bot]");
  static final Actor PROW = Actor.github("k8s-ci-robot[bot]");

  static Instant at(String s) {
    return Instant.parse(s);
  }

  static IssueOpened issue(String when, Repository repo, int n, String... labels) {
    return new IssueOpened(at(when), repo, MAINT, n, Optional.empty(), List.of(labels));
  }

  static LabelChanged label(String when, int n, String label, boolean added) {
    return new LabelChanged(at(when), REPO, MAINT, n, false, label, added);
  }

  static IssueAssigned assigned(String when, Actor by, int n, Actor assignee) {
    return new IssueAssigned(at(when), REPO, by, n, false, assignee);
  }

  static PullRequestOpened pr(String when, Repository repo, Actor who, int n, Integer... closes) {
    return new PullRequestOpened(
        at(when), repo, who, n, false, Optional.of("main"), Optional.empty(), List.of(),
        Optional.of(repo.fullName()), List.of(closes));
  }

  static PullRequestMerged merged(String when, Repository repo, int n, Actor author) {
    return new PullRequestMerged(at(when), repo, MAINT, n, Optional.of(author), Optional.of("main"), Optional.empty());
  }

  static IssueComment comment(String when, Actor who, int n) {
    return new IssueComment(at(when), REPO, who, n, false, Optional.empty(), OptionalLong.empty());
  }

  static IssueClosed closed(String when, int n) {
    return new IssueClosed(at(when), REPO, MAINT, n);
  }

  static GoodFirstIssues.Result result(List<Event> events, Evaluation e) {
    return result(GoodFirstIssues.INSTANCE, events, e);
  }

  static GoodFirstIssues.Result result(GoodFirstIssues d, List<Event> events, Evaluation e) {
    EventStore store = EventStore.of(events);
    return d.metric(e).compute(store, People.resolve(store));
  }

  static Map<String, OptionalDouble> values(GoodFirstIssues.Result r, Evaluation e) {
    Map<String, OptionalDouble> out = new LinkedHashMap<>();
    for (Measurement m : GoodFirstIssues.INSTANCE.measure(r, e)) {
      out.put(m.name(), m.value());
    }
    return out;
  }

  /**
   * The worked history. maint and est contributed in 2023 (established); alice, bob and carol
   * arrive in 2024 (newcomers). Issues of acme/widget:
   *
   * <ul>
   *   <li>#1 opened 10 Jan with "Good First Issue" (case ignored): labelled 10 Jan. alice comments
   *       11 Jan (her first contribution), opens PR #100 "fixes #1" 12 Jan: claimed after 48 h by a
   *       newcomer; merged and closed 15 Jan: closed by a newcomer. 90 days after: closed.
   *   <li>#2 opened 20 Jan unlabelled, "help wanted" added 1 Feb: labelled 1 Feb. est assigned 4
   *       Feb: claimed after 72 h by an established contributor; est's PR #101 closes it, merged
   *       and closed 6 Feb: closed by an established contributor.
   *   <li>#3 opened 10 Feb with "bug" and "good-first-issue", the label removed 20 Feb: not
   *       labelled at the end, not counted (bob's PR #102 naming it changes nothing).
   *   <li>#4 opened 1 Mar with "beginner". bob's PR #4 of acme/other "fixes #4" (2 Mar) names
   *       acme/other#4, not this issue; dependabot[bot] is assigned 3 Mar (no claim); carol says
   *       "/assign" 10 Mar and the Prow bot assigns her 11 Mar 00:00: claimed after 10 days = 240 h
   *       by a newcomer. Still open at the end, and on 30 May (90 days after labelling): open.
   *   <li>#5 opened 1 May with "easy". dependabot's PR #103 "fixes #5" (2 May) is no claim; merged
   *       and the issue closed 3 May: closed, by no person's pull request. Unclaimed: censored at
   *       1 July, 61 days = 1464 h. Labelled less than 90 days before the end: not in the share.
   *   <li>#6 opened 1 Apr unlabelled; alice's PR #104 "fixes #6" 20 May; "first-timers-only" added
   *       1 June: claimed before its labelling (counted apart, not in the time to claim).
   *   <li>#7 opened 1 Dec 2023 with "good first issue": labelled before the window, not counted.
   * </ul>
   */
  static List<Event> history() {
    return List.of(
        issue("2023-06-01T00:00:00Z", REPO, 50),
        comment("2023-07-01T00:00:00Z", EST, 50),
        issue("2023-12-01T00:00:00Z", REPO, 7, "good first issue"),
        issue("2024-01-10T00:00:00Z", REPO, 1, "Good First Issue"),
        comment("2024-01-11T00:00:00Z", ALICE, 1),
        pr("2024-01-12T00:00:00Z", REPO, ALICE, 100, 1),
        merged("2024-01-15T00:00:00Z", REPO, 100, ALICE),
        closed("2024-01-15T00:00:00Z", 1),
        issue("2024-01-20T00:00:00Z", REPO, 2),
        label("2024-02-01T00:00:00Z", 2, "help wanted", true),
        assigned("2024-02-04T00:00:00Z", MAINT, 2, EST),
        pr("2024-02-05T00:00:00Z", REPO, EST, 101, 2),
        merged("2024-02-06T00:00:00Z", REPO, 101, EST),
        closed("2024-02-06T00:00:00Z", 2),
        issue("2024-02-10T00:00:00Z", REPO, 3, "bug", "good-first-issue"),
        pr("2024-02-12T00:00:00Z", REPO, BOB, 102, 3),
        label("2024-02-20T00:00:00Z", 3, "good-first-issue", false),
        issue("2024-03-01T00:00:00Z", REPO, 4, "beginner"),
        pr("2024-03-02T00:00:00Z", OTHER, BOB, 4, 4),
        assigned("2024-03-03T00:00:00Z", MAINT, 4, BOT),
        comment("2024-03-10T00:00:00Z", CAROL, 4),
        assigned("2024-03-11T00:00:00Z", PROW, 4, CAROL),
        issue("2024-04-01T00:00:00Z", REPO, 6),
        issue("2024-05-01T00:00:00Z", REPO, 5, "easy"),
        pr("2024-05-02T00:00:00Z", REPO, BOT, 103, 5),
        merged("2024-05-03T00:00:00Z", REPO, 103, BOT),
        closed("2024-05-03T00:00:00Z", 5),
        pr("2024-05-20T00:00:00Z", REPO, ALICE, 104, 6),
        label("2024-06-01T00:00:00Z", 6, "first-timers-only", true));
  }

  @Test
  void theWorkedHistoryGivesTheHandWorkedValues() {
    GoodFirstIssues.Result r = result(history(), BOTH);
    // #1, #2, #4, #5, #6.
    assertEquals(5, r.labelled());
    // #1 (alice), #2 (est), #4 (carol); #6 apart.
    assertEquals(3, r.claimed());
    assertEquals(2, r.claimedByNewcomers());
    assertEquals(1, r.claimedByEstablished());
    assertEquals(1, r.claimedBeforeLabelling());
    // Waits 48 h, 72 h, 240 h and 1464 h censored. KM: S(48) = 3/4, S(72) = 3/4 * 2/3 = 1/2,
    // S(240) = 1/2 * 1/2 = 1/4. Median: the first time S <= 1/2, 72 h.
    assertEquals(3, r.timeToClaim().answered());
    assertEquals(1, r.timeToClaim().waiting());
    assertEquals(Optional.of(Duration.ofHours(72)), r.timeToClaim().median());
    // #1, #2, #5 closed: by alice (newcomer), est, and a bot's PR.
    assertEquals(3, r.closed());
    assertEquals(1, r.closedByNewcomers());
    assertEquals(1, r.closedByEstablished());
    assertEquals(1, r.closedOtherwise());
    // Labelled 90 days before 1 July: #1 (10 Jan), #2 (1 Feb), #4 (1 Mar); open then: #4.
    assertEquals(3, r.oldEnough());
    assertEquals(1, r.openAfter90Days());

    Map<String, OptionalDouble> v = values(r, BOTH);
    assertEquals(OptionalDouble.of(5), v.get("labelledIssues"));
    assertEquals(OptionalDouble.of(72), v.get("timeToClaimMedianHours"));
    // 1 - S(168 h) = 1 - 1/2; 1 - S(720 h) = 1 - 1/4.
    assertEquals(0.5, v.get("claimedWithin7Days").getAsDouble(), 1e-12);
    assertEquals(0.75, v.get("claimedWithin30Days").getAsDouble(), 1e-12);
    assertEquals(1.0 / 3, v.get("closedByNewcomerShare").getAsDouble(), 1e-12);
    assertEquals(1.0 / 3, v.get("openAfter90Days").getAsDouble(), 1e-12);
    assertEquals(OptionalDouble.of(1), v.get("claimedBeforeLabelling"));
    assertEquals(
        GoodFirstIssues.INSTANCE.measurements().stream().map(m -> m.name()).toList(),
        List.copyOf(v.keySet()), "one measurement per spec, in order");
  }

  @Test
  void aLabelAddedLaterStartsTheClockAndARemovalUndoesItIgnoringCase() {
    // Opened 1 Feb with "good first issue"; "GOOD FIRST ISSUE" removed 5 Feb (the same label,
    // case ignored): unlabelled. "Help Wanted" added 10 Feb: labelled again from 10 Feb. bob's PR
    // "fixes #9" on 8 Feb came before that labelling; nothing else claims it.
    List<Event> events = List.of(
        issue("2024-02-01T00:00:00Z", REPO, 9, "good first issue"),
        label("2024-02-05T00:00:00Z", 9, "GOOD FIRST ISSUE", false),
        pr("2024-02-08T00:00:00Z", REPO, BOB, 200, 9),
        label("2024-02-10T00:00:00Z", 9, "Help Wanted", true));
    GoodFirstIssues.Result r = result(events, BOTH);
    assertEquals(1, r.labelled());
    assertEquals(1, r.claimedBeforeLabelling(), "the claim of 8 Feb precedes the labelling of 10 Feb");
    assertEquals(0, r.timeToClaim().items());
    // Labelled 10 Feb + 90 days = 10 May, before 1 July; open then.
    assertEquals(1, r.oldEnough());
    assertEquals(1, r.openAfter90Days());

    // Without the re-labelling: the removal of 5 Feb leaves it unlabelled at the end: no data.
    GoodFirstIssues.Result removed = result(events.subList(0, 3), BOTH);
    assertEquals(0, removed.labelled());

    // A label added later: opened 1 Feb, "easy" added 3 Feb 12:00, alice assigned 4 Feb 00:00:
    // 12 h from the labelling, not 72 h from the opening.
    GoodFirstIssues.Result later = result(List.of(
        issue("2024-02-01T00:00:00Z", REPO, 9),
        label("2024-02-03T12:00:00Z", 9, "easy", true),
        assigned("2024-02-04T00:00:00Z", MAINT, 9, ALICE)), BOTH);
    assertEquals(Optional.of(Duration.ofHours(12)), later.timeToClaim().median());
  }

  @Test
  void aLabelListedAtOpeningButAddedByALaterEventCountsFromTheAddition() {
    // The REST and GitLab lists give an issue's current labels as its opening's: #9 "opened with"
    // "easy", which the label events say was added on 3 Feb 12:00 (GitHub records no addition of
    // a label already there). alice is assigned 4 Feb 00:00: 12 h after the labelling.
    GoodFirstIssues.Result r = result(List.of(
        issue("2024-02-01T00:00:00Z", REPO, 9, "easy"),
        label("2024-02-03T12:00:00Z", 9, "easy", true),
        assigned("2024-02-04T00:00:00Z", MAINT, 9, ALICE)), BOTH);
    assertEquals(Optional.of(Duration.ofHours(12)), r.timeToClaim().median());
    // Its first change a removal: it was there at the opening, and the spell ended.
    GoodFirstIssues.Result removed = result(List.of(
        issue("2024-02-01T00:00:00Z", REPO, 9, "easy"),
        label("2024-02-03T12:00:00Z", 9, "easy", false)), BOTH);
    assertEquals(0, removed.labelled());
  }

  @Test
  void aClosingReferenceInAnotherRepositoryIsNoClaimNorClose() {
    // acme/widget#4 labelled 1 Mar; acme/other's PR #4 says "fixes #4" (its own #4), merged 3 Mar,
    // and acme/widget#4 is closed by hand on 4 Mar. Neither a claim nor a newcomer's close.
    GoodFirstIssues.Result r = result(List.of(
        issue("2024-03-01T00:00:00Z", REPO, 4, "beginner"),
        pr("2024-03-02T00:00:00Z", OTHER, BOB, 4, 4),
        merged("2024-03-03T00:00:00Z", OTHER, 4, BOB),
        closed("2024-03-04T00:00:00Z", 4)), BOTH);
    assertEquals(1, r.labelled());
    assertEquals(0, r.claimed());
    assertEquals(1, r.closed());
    assertEquals(0, r.closedByNewcomers());
    assertEquals(1, r.closedOtherwise());
    // The same PR in the issue's repository claims it after 24 h and closes it as bob's.
    GoodFirstIssues.Result same = result(List.of(
        issue("2024-03-01T00:00:00Z", REPO, 4, "beginner"),
        pr("2024-03-02T00:00:00Z", REPO, BOB, 40, 4),
        merged("2024-03-03T00:00:00Z", REPO, 40, BOB),
        closed("2024-03-04T00:00:00Z", 4)), BOTH);
    assertEquals(Optional.of(Duration.ofHours(24)), same.timeToClaim().median());
    assertEquals(1, same.closedByNewcomers());
  }

  @Test
  void botsClaimNothingButABotAssigningAPersonRecordsTheirClaim() {
    // Labelled 1 Mar. A bot's PR "fixes #4" (2 Mar) and an assignment of a bot (3 Mar) are no
    // claims; the Prow bot assigning carol on 11 Mar is carol's claim: 240 h.
    List<Event> events = new ArrayList<>(List.of(
        issue("2024-03-01T00:00:00Z", REPO, 4, "beginner"),
        pr("2024-03-02T00:00:00Z", REPO, BOT, 41, 4),
        assigned("2024-03-03T00:00:00Z", MAINT, 4, BOT)));
    GoodFirstIssues.Result bots = result(events, BOTH);
    assertEquals(0, bots.claimed());
    assertEquals(1, bots.timeToClaim().waiting());
    events.add(assigned("2024-03-11T00:00:00Z", PROW, 4, CAROL));
    GoodFirstIssues.Result prow = result(events, BOTH);
    assertEquals(1, prow.claimed());
    assertEquals(Optional.of(Duration.ofHours(240)), prow.timeToClaim().median());
    // carol made no contribution (an assignment is none), so she has no first contribution: not
    // a newcomer by the New Contributors rule.
    assertEquals(0, prow.claimedByNewcomers());
  }

  @Test
  void unclaimedIssuesAreCensoredAtTheAsOfInstant() {
    // Three issues labelled 1, 2 and 3 June; only the first is claimed, after 48 h (3 June).
    // The others wait 28 and 27 days at 1 July (censored). KM: S(48 h) = 2/3, never at most 1/2:
    // no median, though the one claimed issue's own median is 48 h.
    GoodFirstIssues.Result r = result(List.of(
        issue("2024-06-01T00:00:00Z", REPO, 1, "easy"),
        issue("2024-06-02T00:00:00Z", REPO, 2, "easy"),
        issue("2024-06-03T00:00:00Z", REPO, 3, "easy"),
        assigned("2024-06-03T00:00:00Z", MAINT, 1, ALICE),
        // At or after the as-of instant: ignored.
        assigned("2024-07-01T00:00:00Z", MAINT, 2, ALICE)), BOTH);
    assertEquals(1, r.timeToClaim().answered());
    assertEquals(2, r.timeToClaim().waiting());
    assertEquals(Optional.empty(), r.timeToClaim().median());
    Map<String, OptionalDouble> v = values(r, BOTH);
    assertEquals(OptionalDouble.empty(), v.get("timeToClaimMedianHours"));
    // 1 - S(7 days) = 1 - 2/3: a value, from censored data.
    assertEquals(1.0 / 3, v.get("claimedWithin7Days").getAsDouble(), 1e-12);
    // None labelled 90 days before the end: the share has no data, it is not 0.
    assertEquals(OptionalDouble.empty(), v.get("openAfter90Days"));
    // None closed: no share closed by newcomers.
    assertEquals(OptionalDouble.empty(), v.get("closedByNewcomerShare"));
  }

  @Test
  void aReopenedIssueIsOpenAndTheNinetyDayShareReadsTheStateThen() {
    // Labelled 1 Jan; closed 1 Feb, reopened 1 Mar: open on 31 Mar (90 days on) and at the end.
    // Issue #2 labelled 1 Jan, closed 1 Apr (after its 90 days): open on 31 Mar, closed at the end.
    GoodFirstIssues.Result r = result(List.of(
        issue("2024-01-01T00:00:00Z", REPO, 1, "easy"),
        closed("2024-02-01T00:00:00Z", 1),
        new IssueReopened(at("2024-03-01T00:00:00Z"), REPO, MAINT, 1),
        issue("2024-01-01T00:00:00Z", REPO, 2, "easy"),
        closed("2024-04-01T00:00:00Z", 2)), BOTH);
    assertEquals(1, r.closed());
    assertEquals(2, r.oldEnough());
    assertEquals(2, r.openAfter90Days());
  }

  @Test
  void noLabelledIssueIsNoDataNotZero() {
    for (List<Event> events : List.of(
        List.<Event>of(),
        List.<Event>of(issue("2024-02-01T00:00:00Z", REPO, 1, "bug"), assigned("2024-02-02T00:00:00Z", MAINT, 1, ALICE)))) {
      GoodFirstIssues.Result r = result(events, BOTH);
      assertEquals(0, r.labelled());
      for (Measurement m : GoodFirstIssues.INSTANCE.measure(r, BOTH)) {
        assertFalse(m.value().isPresent(), m.name() + " has no value without labelled issues");
      }
    }
  }

  @Test
  void theLabelSetIsConfigurable() {
    // "kind/docs" is no default label; with it as the set, #1 counts and "easy" does not.
    List<Event> events = List.of(
        issue("2024-02-01T00:00:00Z", REPO, 1, "Kind/Docs"),
        issue("2024-02-01T00:00:00Z", REPO, 2, "easy"));
    assertEquals(1, result(events, BOTH).labelled());
    GoodFirstIssues docs = GoodFirstIssues.withLabels(List.of("kind/docs"));
    assertEquals(Set.of("kind/docs"), docs.labels());
    GoodFirstIssues.Result r = result(docs, events, BOTH);
    assertEquals(1, r.labelled());
    assertEquals(2, result(GoodFirstIssues.withLabels(List.of("KIND/DOCS", "easy")), events, BOTH).labelled());
    assertThrows(IllegalArgumentException.class, () -> GoodFirstIssues.withLabels(List.of()));
    assertThrows(IllegalArgumentException.class, () -> GoodFirstIssues.withLabels(List.of(" ")));
    // Registered in place of the standard one, under the same id.
    MetricRegistry registry = MetricRegistry.builder().register(docs).build();
    assertEquals(docs, registry.get("good-first-issues"));
    // Or chosen per evaluation through the labels parameter, whose default is the instance's set.
    assertEquals("beginner,easy,first-timers-only,good first issue,good-first-issue,help wanted",
        GoodFirstIssues.INSTANCE.parameters().get(0).defaultValue());
    assertEquals("kind/docs", docs.parameters().get(0).defaultValue());
    Evaluation onlyDocs = BOTH.withParameter(GoodFirstIssues.INSTANCE, "labels", " Kind/Docs ");
    assertEquals(1, result(events, onlyDocs).labelled(), "#1 only: easy is not in the set");
    assertEquals(2, result(events, BOTH.withParameter(GoodFirstIssues.INSTANCE, "labels", "easy,kind/docs")).labelled());
    assertEquals(1, result(docs, events, BOTH.withParameter(docs, "labels", "easy")).labelled());
  }

  @Test
  void isRegisteredWithItsChaossPreset() {
    assertTrue(StandardMetrics.all().contains(GoodFirstIssues.INSTANCE));
    assertEquals("chaoss", GoodFirstIssues.INSTANCE.preset().name());
    assertEquals(GoodFirstIssues.DEFAULT_LABELS, GoodFirstIssues.INSTANCE.labels());
  }
}
