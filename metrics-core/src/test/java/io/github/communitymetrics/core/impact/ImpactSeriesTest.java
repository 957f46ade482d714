package io.github.communitymetrics.core.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The daily series counted by hand from a dozen events. */
class ImpactSeriesTest {
  static final Repository REPO = Repository.github("acme/widget");
  static final Repository OTHER = Repository.github("acme/other");
  static final Actor ALICE = Actor.github("alice");
  static final Actor BOB = Actor.github("bob");
  static final Actor CAROL = new Actor(
      io.github.communitymetrics.core.event.Forge.GITHUB, Optional.of("carol"), OptionalLong.empty(),
      Optional.empty(), List.of("carol@example.org"), io.github.communitymetrics.core.event.ActorKind.USER);
  static final Actor BOT = Actor.github("dependabot[bot]");

  static Instant at(String s) {
    return Instant.parse(s);
  }

  static IssueOpened issue(Repository r, Actor who, String when, int n) {
    return new IssueOpened(at(when), r, who, n, Optional.empty());
  }

  static IssueComment comment(Actor who, String when, int n) {
    return new IssueComment(at(when), REPO, who, n, false, Optional.empty(), OptionalLong.empty());
  }

  static PullRequestOpened pr(Actor who, String when, int n) {
    return new PullRequestOpened(at(when), REPO, who, n, false, Optional.empty(), Optional.empty());
  }

  /**
   * In acme/widget: alice comments on Feb 28 (before the series) and opens a PR on Mar 2; bob
   * opens an issue at 23:59:59 on Mar 1 and a PR and a comment on Mar 2, another PR on Mar 3;
   * carol stars on Mar 1 and Mar 3 and opens a PR at 00:00 on Mar 3; a bot opens PRs on Mar 1
   * and 2. In acme/other: carol opens an issue on Mar 1.
   */
  static List<Event> events() {
    return List.of(
        comment(ALICE, "2025-02-28T12:00:00Z", 1),
        pr(ALICE, "2025-03-02T08:00:00Z", 2),
        issue(REPO, BOB, "2025-03-01T23:59:59Z", 3),
        pr(BOB, "2025-03-02T10:00:00Z", 4),
        comment(BOB, "2025-03-02T11:00:00Z", 4),
        pr(BOB, "2025-03-03T10:00:00Z", 5),
        new Star(at("2025-03-01T09:00:00Z"), REPO, CAROL),
        new Star(at("2025-03-03T09:00:00Z"), REPO, CAROL),
        pr(CAROL, "2025-03-03T00:00:00Z", 6),
        pr(BOT, "2025-03-01T01:00:00Z", 7),
        pr(BOT, "2025-03-02T01:00:00Z", 8),
        issue(OTHER, CAROL, "2025-03-01T05:00:00Z", 1));
  }

  static Map<ImpactSeriesId, DailySeries> widget() {
    EventStore s = EventStore.of(events());
    return ImpactSeries.daily(
        s, People.resolve(s), RepositoryScope.of(REPO), LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-04"));
  }

  @Test
  void countsPerUtcDayInTheScopeWithoutBots() {
    Map<ImpactSeriesId, DailySeries> d = widget();
    assertEquals(LocalDate.parse("2025-03-01"), d.get(ImpactSeriesId.PRS_OPENED).origin());
    // Mar 1: bob (issue); Mar 2: nobody new (alice commented in February); Mar 3: carol (PR).
    assertArrayEquals(new double[] {1, 0, 1, 0}, d.get(ImpactSeriesId.NEW_CONTRIBUTORS).values());
    // First PRs: alice and bob on Mar 2, carol on Mar 3; bob's second PR is not a first.
    assertArrayEquals(new double[] {0, 2, 1, 0}, d.get(ImpactSeriesId.FIRST_TIME_PR_AUTHORS).values());
    // PRs: alice and bob on Mar 2; bob and carol on Mar 3; the bot's two are left out.
    assertArrayEquals(new double[] {0, 2, 2, 0}, d.get(ImpactSeriesId.PRS_OPENED).values());
    // carol's second star does not count again.
    assertArrayEquals(new double[] {1, 0, 0, 0}, d.get(ImpactSeriesId.STARS).values());
    // Mar 1: bob; Mar 2: alice, bob (twice, once counted); Mar 3: bob, carol. Stars are no contribution.
    assertArrayEquals(new double[] {1, 2, 2, 0}, d.get(ImpactSeriesId.ACTIVE_CONTRIBUTORS).values());
    // carol's issue is in acme/other.
    assertArrayEquals(new double[] {1, 0, 0, 0}, d.get(ImpactSeriesId.ISSUES_OPENED).values());
  }

  @Test
  void theWholeScopeCountsEveryRepository() {
    EventStore s = EventStore.of(events());
    Map<ImpactSeriesId, DailySeries> d = ImpactSeries.daily(
        s, People.resolve(s), RepositoryScope.all(), LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-03"));
    // carol's first contribution is now her issue in acme/other on Mar 1.
    assertArrayEquals(new double[] {2, 0, 0}, d.get(ImpactSeriesId.NEW_CONTRIBUTORS).values());
    assertArrayEquals(new double[] {2, 0, 0}, d.get(ImpactSeriesId.ISSUES_OPENED).values());
  }

  @Test
  void contributionsAndAttendees() {
    EventStore s = EventStore.of(events());
    People people = People.resolve(s);
    List<PersonContributions> c = ImpactSeries.contributions(s, people, RepositoryScope.of(REPO));
    Map<String, List<Instant>> byName = new java.util.HashMap<>();
    c.forEach(p -> byName.put(p.person(), p.contributions()));
    assertEquals(Set.of("alice", "bob", "carol"), byName.keySet());
    assertEquals(
        List.of(at("2025-03-01T23:59:59Z"), at("2025-03-02T10:00:00Z"), at("2025-03-02T11:00:00Z"), at("2025-03-03T10:00:00Z")),
        byName.get("bob"));
    assertEquals(List.of(at("2025-03-03T00:00:00Z")), byName.get("carol"));
    // By login or address, any case; unknown people and bots match nobody.
    assertEquals(
        Map.of("ALICE", "alice", "Carol@Example.org", "carol"),
        ImpactSeries.attendees(s, people, Set.of("ALICE", "Carol@Example.org", "zoe", "dependabot[bot]")));
  }

  @Test
  void itemsAwaitingAFirstResponseAndTheFirstResponsesGiven() {
    // Series Mar 1..4. Issue 1 (alice, Mar 1) is answered by bob on Mar 3: waits Mar 1 and 2; bob's
    // comment on pull request 1 does not answer it. PR 2 (carol, Mar 1) gets only her own comment
    // and a bot's, and she closes it on Mar 4: waits Mar 1..3, never answered. Issue 3 (dave, Mar
    // 2) is answered the same day: never waits at a day's end. A bot's PR 4 is not followed. Issue
    // 6 (erin, Feb 27) is never answered: it waits on every day of the series.
    Actor dave = Actor.github("dave");
    Actor erin = Actor.github("erin");
    EventStore s = EventStore.of(List.of(
        issue(REPO, erin, "2025-02-27T10:00:00Z", 6),
        issue(REPO, ALICE, "2025-03-01T10:00:00Z", 1),
        pr(CAROL, "2025-03-01T11:00:00Z", 2),
        new IssueComment(at("2025-03-01T12:00:00Z"), REPO, CAROL, 2, true, Optional.empty(), OptionalLong.empty()),
        pr(BOT, "2025-03-01T13:00:00Z", 4),
        new IssueComment(at("2025-03-02T09:00:00Z"), REPO, BOT, 2, true, Optional.empty(), OptionalLong.empty()),
        new IssueComment(at("2025-03-02T09:30:00Z"), REPO, BOB, 1, true, Optional.empty(), OptionalLong.empty()),
        issue(REPO, dave, "2025-03-02T10:00:00Z", 3),
        comment(ALICE, "2025-03-02T18:00:00Z", 3),
        comment(BOB, "2025-03-03T08:00:00Z", 1),
        comment(ALICE, "2025-03-03T09:00:00Z", 1),
        new io.github.communitymetrics.core.event.PullRequestClosed(
            at("2025-03-04T10:00:00Z"), REPO, CAROL, 2, Optional.of(CAROL))));
    Map<ImpactSeriesId, DailySeries> d = ImpactSeries.daily(
        s, People.resolve(s), RepositoryScope.of(REPO), LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-04"));
    assertArrayEquals(new double[] {3, 3, 2, 1}, d.get(ImpactSeriesId.AWAITING_FIRST_RESPONSE).values());
    assertArrayEquals(new double[] {0, 1, 1, 0}, d.get(ImpactSeriesId.FIRST_RESPONSES).values());
  }

  @Test
  void labelledFirstIssuesAndPullRequestsAsOfAnInstant() {
    // On GitLab issue 1 and merge request 1 are two items. dave's first item is issue 1, opened
    // without labels, tagged "Hackday" by alice (any case) on Mar 2: his. erin's first item is MR 1
    // with the label at opening, but alice removes it on Mar 4: hers only as of Mar 3. frank's
    // first item (issue 2) is unlabelled; his second (issue 3) has the label: not his. The bot's
    // labelled MR 2 is nobody's. A label added to MR 1 counts for MR 1, not issue 1.
    io.github.communitymetrics.core.event.Forge gl = io.github.communitymetrics.core.event.Forge.GITLAB;
    Repository lab = Repository.of(gl, "acme/widget");
    Actor alice = Actor.user(gl, "alice");
    Actor dave = Actor.user(gl, "dave");
    Actor erin = Actor.user(gl, "erin");
    Actor frank = Actor.user(gl, "frank");
    Actor bot = new Actor(gl, Optional.of("renovate-bot"), OptionalLong.empty(), Optional.empty(), List.of(),
        io.github.communitymetrics.core.event.ActorKind.BOT);
    EventStore s = EventStore.of(List.of(
        new IssueOpened(at("2025-03-01T10:00:00Z"), lab, dave, 1, Optional.empty(), List.of()),
        new PullRequestOpened(at("2025-03-01T11:00:00Z"), lab, erin, 1, false, Optional.empty(), Optional.empty(),
            List.of("hackday")),
        new IssueOpened(at("2025-03-01T12:00:00Z"), lab, frank, 2, Optional.empty(), List.of()),
        new IssueOpened(at("2025-03-01T13:00:00Z"), lab, frank, 3, Optional.empty(), List.of("hackday")),
        new PullRequestOpened(at("2025-03-01T14:00:00Z"), lab, bot, 2, false, Optional.empty(), Optional.empty(),
            List.of("hackday")),
        io.github.communitymetrics.core.event.LabelChanged.of(
            io.github.communitymetrics.core.event.EventType.ISSUE_LABELED, at("2025-03-02T10:00:00Z"), lab, alice, 1,
            "Hackday"),
        io.github.communitymetrics.core.event.LabelChanged.of(
            io.github.communitymetrics.core.event.EventType.PULL_REQUEST_UNLABELED, at("2025-03-04T10:00:00Z"), lab,
            alice, 1, "hackday")));
    People people = People.resolve(s);
    RepositoryScope all = RepositoryScope.all();
    assertEquals(
        Map.of("erin", at("2025-03-01T11:00:00Z")),
        ImpactSeries.labelled(s, people, all, Set.of("HackDay"), at("2025-03-02T10:00:00Z")),
        "before alice tags dave's issue (as of is exclusive)");
    assertEquals(
        Map.of("dave", at("2025-03-01T10:00:00Z"), "erin", at("2025-03-01T11:00:00Z")),
        ImpactSeries.labelled(s, people, all, Set.of("HackDay", "sprint"), at("2025-03-03T00:00:00Z")));
    assertEquals(
        Map.of("dave", at("2025-03-01T10:00:00Z")),
        ImpactSeries.labelled(s, people, all, Set.of("hackday"), at("2025-03-05T00:00:00Z")));
    assertEquals(Map.of(), ImpactSeries.labelled(s, people, all, Set.of(), at("2025-03-05T00:00:00Z")));
    assertEquals(Map.of(), ImpactSeries.labelled(s, people, RepositoryScope.of(REPO), Set.of("hackday"),
        at("2025-03-05T00:00:00Z")), "GitHub's acme/widget is another repository");
  }

  @Test
  void twoPeopleWithOneLabelKeepTwoNames() {
    Repository lab = Repository.of(io.github.communitymetrics.core.event.Forge.GITLAB, "acme/widget");
    Actor gitlabAlice = Actor.user(io.github.communitymetrics.core.event.Forge.GITLAB, "alice");
    EventStore s = EventStore.of(List.of(
        comment(ALICE, "2025-03-01T10:00:00Z", 1),
        new IssueOpened(at("2025-03-02T10:00:00Z"), lab, gitlabAlice, 1, Optional.empty())));
    People people = People.resolve(s);
    List<String> names = ImpactSeries.contributions(s, people, RepositoryScope.all()).stream()
        .map(PersonContributions::person).sorted().toList();
    assertEquals(List.of("alice (github)", "alice (gitlab)"), names);
    assertEquals(Map.of("alice", "alice (github)"), ImpactSeries.attendees(s, people, Set.of("alice")));
  }

  @Test
  void refusesAnEmptySpan() {
    EventStore s = EventStore.of(events());
    assertThrows(IllegalArgumentException.class, () -> ImpactSeries.daily(
        s, People.resolve(s), RepositoryScope.all(), LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-01")));
  }

  @Test
  void whenEachPersonReachedD2AndD3() {
    // alice opens PR 7 on Mar 2, bob approves it on Mar 4 and merges it on Mar 5: alice reaches
    // D2 at the merge, bob D3 at his review (acting on another's pull request), and so at least D2
    // then too (rungs are cumulative), before a bot merges his own PR 8 on Mar 6. carol only
    // comments: neither.
    List<Event> events =
        List.of(
            pr(ALICE, "2026-03-02T10:00:00Z", 7),
            new io.github.communitymetrics.core.event.Review(
                at("2026-03-04T10:00:00Z"), REPO, BOB, 7, io.github.communitymetrics.core.event.ReviewState.APPROVED,
                Optional.of(ALICE), Optional.empty(), OptionalLong.empty()),
            new io.github.communitymetrics.core.event.PullRequestMerged(
                at("2026-03-05T10:00:00Z"), REPO, BOB, 7, Optional.of(ALICE), Optional.empty(), Optional.empty()),
            pr(BOB, "2026-03-05T12:00:00Z", 8),
            new io.github.communitymetrics.core.event.PullRequestMerged(
                at("2026-03-06T10:00:00Z"), REPO, BOT, 8, Optional.of(BOB), Optional.empty(), Optional.empty()),
            comment(CAROL, "2026-03-03T10:00:00Z", 7));
    EventStore store = EventStore.of(events);
    People people = People.resolve(store);
    Instant asOf = at("2026-04-01T00:00:00Z");
    assertEquals(
        Map.of("alice", at("2026-03-05T10:00:00Z"), "bob", at("2026-03-04T10:00:00Z")),
        ImpactSeries.reached(store, people, RepositoryScope.all(), asOf, io.github.communitymetrics.core.metrics.ladder.Rung.D2));
    assertEquals(
        Map.of("bob", at("2026-03-04T10:00:00Z")),
        ImpactSeries.reached(store, people, RepositoryScope.all(), asOf, io.github.communitymetrics.core.metrics.ladder.Rung.D3));
    // Before the merge, alice has not reached D2.
    assertEquals(
        Map.of("bob", at("2026-03-04T10:00:00Z")),
        ImpactSeries.reached(store, people, RepositoryScope.all(), at("2026-03-05T00:00:00Z"),
            io.github.communitymetrics.core.metrics.ladder.Rung.D2));
  }
}
