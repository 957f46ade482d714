package io.github.communitymetrics.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.ProgressListener;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.RepositoryTable.Column;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryLevel;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.metrics.retention.RetentionState;
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
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EachRepository} on hand-built events, with the expected numbers worked out by hand
 * below, and {@link RepositoryTable#project} of its results.
 *
 * <p>Window of the 30-day metrics: [2024-01-31, 2024-03-01). Repository A: alice, bob and a bot
 * star it, carol forks it, erin starred it before the window; bob opens pull request 1 in the
 * window (and 2 in November), the bot opens 3; alice opens issue 4 and bob answers two hours
 * later. B: alice opens pull requests 1 and 2, carol 3 (and alice 5 in November); carol opens
 * issue 4, unanswered. D: alice opens pull request 1. C: dave stars it, nothing else.
 */
class EachRepositoryTest {
  static final Repository A = Repository.github("o/a");
  static final Repository B = Repository.github("o/b");
  static final Repository C = Repository.github("o/stars-only");
  static final Repository D = Repository.github("o/d");
  private static final Actor ALICE = Actor.github("alice");
  private static final Actor BOB = Actor.github("bob");
  private static final Actor CAROL = Actor.github("carol");
  private static final Actor DAVE = Actor.github("dave");
  private static final Actor ERIN = Actor.github("erin");
  private static final Actor BOT = Actor.github("dependabot[bot]").withKind(ActorKind.BOT);
  static final Instant AS_OF = Instant.parse("2024-03-01T00:00:00Z");

  private static Instant at(String day) {
    return Instant.parse(day + "T00:00:00Z");
  }

  private static PullRequestOpened pr(String day, Repository repo, Actor who, int number) {
    return new PullRequestOpened(at(day), repo, who, number, false, Optional.empty(), Optional.empty());
  }

  static final EventStore STORE = EventStore.of(events());
  static final People PEOPLE = People.resolve(STORE);

  private static List<Event> events() {
    List<Event> e = new ArrayList<>();
    e.add(new Star(at("2024-02-10"), A, ALICE));
    e.add(new Star(at("2024-02-11"), A, BOB));
    e.add(new Star(at("2024-02-12"), A, BOT));
    e.add(new Fork(at("2024-02-13"), A, CAROL, Optional.empty()));
    e.add(new Star(at("2023-12-01"), A, ERIN));
    e.add(pr("2024-02-20", A, BOB, 1));
    e.add(pr("2023-11-15", A, BOB, 2));
    e.add(pr("2024-02-21", A, BOT, 3));
    e.add(new IssueOpened(at("2024-02-22"), A, ALICE, 4, Optional.empty()));
    e.add(new IssueComment(
        at("2024-02-22").plus(Duration.ofHours(2)), A, BOB, 4, false, Optional.empty(), OptionalLong.empty()));
    e.add(pr("2024-02-14", B, ALICE, 1));
    e.add(pr("2024-02-15", B, ALICE, 2));
    e.add(pr("2024-02-16", B, CAROL, 3));
    e.add(pr("2023-11-20", B, ALICE, 5));
    e.add(new IssueOpened(at("2024-02-25"), B, CAROL, 4, Optional.empty()));
    e.add(pr("2024-02-17", D, ALICE, 1));
    e.add(new Star(at("2024-02-19"), C, DAVE));
    return e;
  }

  private static final List<Repository> ALL = List.of(A, B, D, C).stream().sorted().toList();

  @Test
  void confidence() {
    OpenSaucedConfidence preset = OpenSaucedConfidence.openSauced(A, AS_OF);
    SortedMap<Repository, OpenSaucedConfidenceResult> each =
        EachRepository.compute(STORE, PEOPLE, preset::withRepository);
    assertEquals(ALL, List.copyOf(each.keySet())); // every repository with events
    // A: stargazers alice (pull requests in B and D, not A: 0.5), bob (in A: 1), the bot (its
    // pull request 3 is in A: 1); forker carol (only B: 0). 1/2 * 2.5/3 + 1/2 * 0/1 = 0.41666...
    OpenSaucedConfidenceResult a = each.get(A);
    assertEquals(3, a.stargazers());
    assertEquals(1, a.forkers());
    assertEquals(2.5, a.stargazerWeight());
    assertEquals(0.0, a.forkerWeight());
    assertEquals(41, a.percent());
    assertEquals(A, a.repository());
    // C: one stargazer without pull requests, no forker
    assertEquals(1, each.get(C).stargazers());
    assertEquals(0, each.get(C).percent());
    // B and D: nobody starred or forked them in the window
    assertFalse(each.get(B).hasEvidence());
    assertFalse(each.get(D).hasEvidence());
    // bots excluded (opt-in): alice 0.5 and bob 1 of 2 stargazers: 1/2 * 1.5/2 = 0.375
    OpenSaucedConfidence noBots = preset.withBotsExcluded(true);
    OpenSaucedConfidenceResult a2 = EachRepository.compute(STORE, PEOPLE, noBots::withRepository).get(A);
    assertEquals(2, a2.stargazers());
    assertEquals(37, a2.percent());
  }

  /**
   * Over every split of the events into two stores (by a bit of each event's position), each
   * repository's result over the parts, resolved together, equals its result on the one store:
   * confidence (which reads other repositories' events in each part), lottery factor and
   * responsiveness.
   */
  @Test
  void overPartsEqualsOneStore() {
    List<Event> all = events();
    OpenSaucedConfidence confidence = OpenSaucedConfidence.openSauced(A, AS_OF);
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    Responsiveness responsiveness = Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF);
    for (int bit = 0; bit < 4; bit++) {
      List<Event> first = new ArrayList<>();
      List<Event> second = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        ((i >> bit & 1) == 0 ? first : second).add(all.get(i));
      }
      EventStore a = EventStore.of(first);
      EventStore b = EventStore.of(second);
      io.github.communitymetrics.core.identity.Identities together =
          io.github.communitymetrics.core.identity.IdentityResolver.defaults().resolve(a, b);
      List<EventStore> parts = List.of(a, b);
      List<People> people = List.of(People.of(a, together), People.of(b, together));
      assertEquals(
          EachRepository.compute(STORE, PEOPLE, ALL, confidence::withRepository, (r, x) -> x, ProgressListener.NONE, 1),
          EachRepository.computeOverParts(parts, people, ALL, confidence::withRepository, (r, x) -> x, ProgressListener.NONE, 2),
          "split by bit " + bit);
      assertEquals(
          EachRepository.compute(STORE, PEOPLE, ALL, r -> lottery.withScope(RepositoryScope.of(r)), (r, x) -> x,
              ProgressListener.NONE, 1),
          EachRepository.computeOverParts(parts, people, ALL, r -> lottery.withScope(RepositoryScope.of(r)),
              (r, x) -> x, ProgressListener.NONE, 1),
          "split by bit " + bit);
      assertEquals(
          EachRepository.compute(STORE, PEOPLE, ALL, r -> responsiveness.withScope(RepositoryScope.of(r)),
              (r, x) -> x, ProgressListener.NONE, 1),
          EachRepository.computeOverParts(parts, people, ALL, r -> responsiveness.withScope(RepositoryScope.of(r)),
              (r, x) -> x, ProgressListener.NONE, 1),
          "split by bit " + bit);
    }
  }

  @Test
  void overPartsChecksItsArguments() {
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    EventStore a = EventStore.of(events().subList(0, 8));
    EventStore b = EventStore.of(events().subList(8, events().size()));
    io.github.communitymetrics.core.identity.Identities together =
        io.github.communitymetrics.core.identity.IdentityResolver.defaults().resolve(a, b);
    People pa = People.of(a, together);
    People pb = People.of(b, together);
    java.util.function.Function<Repository, LotteryFactor> of = r -> lottery.withScope(RepositoryScope.of(r));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeOverParts(List.of(), List.of(), List.of(A), of, (r, x) -> x, ProgressListener.NONE, 1));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeOverParts(List.of(a, b), List.of(pa), List.of(A), of, (r, x) -> x, ProgressListener.NONE, 1));
    // People of each part resolved apart are two resolutions: a person's key may differ.
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeOverParts(List.of(a, b), List.of(pa, People.resolve(b)), List.of(A), of,
            (r, x) -> x, ProgressListener.NONE, 1));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeOverParts(List.of(a, b), List.of(pb, pa), List.of(A), of, (r, x) -> x,
            ProgressListener.NONE, 1));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeOverParts(List.of(a, b), List.of(pa, pb), List.of(Repository.github("o/none")), of,
            (r, x) -> x, ProgressListener.NONE, 1));
  }

  @Test
  void lotteryFactor() {
    LotteryFactor preset = LotteryFactor.openSauced(AS_OF);
    SortedMap<Repository, LotteryFactorResult> each =
        EachRepository.compute(STORE, PEOPLE, r -> preset.withScope(RepositoryScope.of(r)));
    assertEquals(ALL, List.copyOf(each.keySet()));
    assertEquals(1, each.get(A).factor().total()); // bob; the bot is left out
    assertEquals(3, each.get(B).factor().total()); // alice 2, carol 1: alice alone has half
    assertEquals(1, each.get(B).factor().factor());
    assertEquals(RepositoryScope.of(B), each.get(B).factor().selection().scope());
    assertEquals(0, each.get(C).factor().factor());
    // C's first event (the star, 2024-02-19) is less than the 30-day grace period before the end
    assertEquals(LotteryLevel.LOW, each.get(C).level());
    LotteryFactor bots = preset.withBots(true);
    assertEquals(2, EachRepository.compute(STORE, PEOPLE, r -> bots.withScope(RepositoryScope.of(r)))
        .get(A).factor().total());
  }

  @Test
  void retention() {
    // Two quarters: Q4 2023 and the partial Q1 2024
    Retention lfx = Retention.lfx(Window.of(at("2023-10-01"), AS_OF));
    SortedMap<Repository, RetentionResult> each =
        EachRepository.compute(STORE, PEOPLE, r -> lfx.withScope(RepositoryScope.of(r)));
    assertEquals(ALL, List.copyOf(each.keySet()));
    assertFalse(each.get(C).hasEvidence()); // stars only
    // A: bob in Q4; alice and bob in Q1; bob retained: 1 of 1
    PeriodRetention a = last(each.get(A));
    assertEquals(List.of(ALICE, BOB), a.active());
    assertEquals(List.of(BOB), a.retained());
    assertEquals(OptionalDouble.of(100.0), a.retentionPercent());
    // B: alice in Q4; alice and carol in Q1
    assertEquals(OptionalDouble.of(100.0), last(each.get(B)).retentionPercent());
    assertEquals(List.of(ALICE, CAROL), last(each.get(B)).active());
    // D: nobody in Q4, so no retention percent
    assertEquals(OptionalDouble.empty(), last(each.get(D)).retentionPercent());
  }

  private static PeriodRetention last(RetentionResult r) {
    return r.periods().get(r.periods().size() - 1);
  }

  @Test
  void timeToFirstResponse() {
    Responsiveness chaoss = Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF);
    SortedMap<Repository, ResponsivenessResult> each =
        EachRepository.compute(STORE, PEOPLE, r -> chaoss.withScope(RepositoryScope.of(r)));
    assertEquals(ALL, List.copyOf(each.keySet()));
    // A: issue 4 answered after 2 h; pull request 1 unanswered; the bot's 3 is left out
    assertEquals(1, each.get(A).firstResponse().completed());
    assertEquals(1, each.get(A).firstResponse().censored());
    assertEquals(Optional.of(Duration.ofHours(2)), each.get(A).firstResponse().p50());
    // B: pull requests 1, 2, 3 and issue 4 in the window, none answered (5 is from November)
    assertEquals(0, each.get(B).firstResponse().completed());
    assertEquals(4, each.get(B).firstResponse().censored());
    assertEquals(1, each.get(D).firstResponse().censored());
    // C: no issue or pull request
    assertEquals(0, each.get(C).firstResponse().completed() + each.get(C).firstResponse().censored());
  }

  @Test
  void projectionsAreTheResultsNumbers() {
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    RepositoryTable t = RepositoryTable.project(
        EachRepository.compute(STORE, PEOPLE, r -> lottery.withScope(RepositoryScope.of(r))),
        r -> r.factor().hasEvidence(),
        List.of(
            Column.ofLong("factor", r -> r.factor().factor()),
            Column.ofLong("total", r -> r.factor().total()),
            Column.ofDouble("topShare", r -> r.top().get(0).ranked().share())));
    // C has no pull request; A: bob 1 (the bot left out); B: alice 2, carol 1; D: alice 1
    Map<Repository, Map<String, Number>> expected = new LinkedHashMap<>();
    expected.put(A, Map.of("factor", 1L, "total", 1L, "topShare", 1.0));
    expected.put(B, Map.of("factor", 1L, "total", 3L, "topShare", 2.0 / 3));
    expected.put(D, Map.of("factor", 1L, "total", 1L, "topShare", 1.0));
    assertEquals(expected, t.toMap());
    assertEquals(List.of("factor", "total"), t.longColumns());
    assertEquals(List.of("topShare"), t.doubleColumns());

    Responsiveness chaoss = Responsiveness.chaoss(Window.endingAt(AS_OF, Duration.ofDays(30)), AS_OF);
    RepositoryTable first = RepositoryTable.project(
        EachRepository.compute(STORE, PEOPLE, r -> chaoss.withScope(RepositoryScope.of(r))),
        List.of(
            Column.ofLong("answered", r -> r.firstResponse().completed()),
            Column.ofLong("p50Nanos", r -> r.firstResponse().p50().map(Duration::toNanos).orElse(-1L))));
    // every result is a row without a filter
    assertEquals(ALL, first.repositories());
    assertEquals(Duration.ofHours(2).toNanos(), first.getLong(first.indexOf(A), "p50Nanos"));
    assertEquals(-1L, first.getLong(first.indexOf(B), "p50Nanos"));
  }

  @Test
  void aRepositoryWithoutEventsHasNoEntryAndAnEmptyStoreGivesAnEmptyMap() {
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    java.util.function.Function<Repository, LotteryFactor> metricOf = r -> lottery.withScope(RepositoryScope.of(r));
    // Before 2024-02-19 C has no event: a slice of the store by time leaves it out.
    EventStore before = STORE.slice(Window.of(Instant.EPOCH, at("2024-02-19")));
    assertEquals(
        List.of(A, B, D).stream().sorted().toList(),
        List.copyOf(EachRepository.compute(before, PEOPLE, metricOf).keySet()));
    // a slice by repository: the others have no entry
    assertEquals(List.of(B), List.copyOf(EachRepository.compute(STORE.slice(B), PEOPLE, metricOf).keySet()));
    EventStore empty = EventStore.of(List.of());
    assertTrue(EachRepository.compute(empty, People.resolve(empty), metricOf).isEmpty());
    assertTrue(EachRepository.computeEachOwner(empty, People.resolve(empty), lottery::withScope).isEmpty());
    // states, though, are for every repository of the store, events in the slice or not
    assertEquals(ALL, List.copyOf(
        EachRepository.accumulate(STORE.slice(Window.of(Instant.EPOCH, at("2000-01-01"))), PEOPLE, metricOf)
            .keySet()));
  }

  @Test
  void aRenamedRepositoryIsOneRepositoryUnderItsLatestName() {
    Repository old = new Repository(Forge.GITHUB, "octo/old", OptionalLong.of(7));
    Repository renamed = new Repository(Forge.GITHUB, "octo/new", OptionalLong.of(7));
    Repository other = new Repository(Forge.GITHUB, "octo/old", OptionalLong.of(99)); // re-created
    EventStore store = EventStore.of(List.of(
        pr("2024-02-10", old, ALICE, 1),
        pr("2024-02-20", renamed, BOB, 2),
        pr("2024-02-21", other, CAROL, 1)));
    People people = People.resolve(store);
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    SortedMap<Repository, LotteryFactorResult> each =
        EachRepository.compute(store, people, r -> lottery.withScope(RepositoryScope.of(r)));
    assertEquals(List.of(renamed, other), List.copyOf(each.keySet()));
    assertEquals(2, each.get(renamed).factor().total()); // both names' pull requests
    assertEquals(1, each.get(renamed).factor().factor()); // either author has half
    assertEquals(1, each.get(other).factor().total());
  }

  @Test
  void owners() {
    Repository upper = Repository.github("Octo/a");
    Repository lower = Repository.github("octo/b");
    Repository elsewhere = Repository.github("other/c");
    Repository onGitLab = Repository.of(Forge.GITLAB, "octo/d");
    EventStore store = EventStore.of(List.of(
        pr("2024-02-10", upper, ALICE, 1),
        pr("2024-02-11", lower, BOB, 1),
        pr("2024-02-12", lower, BOB, 2),
        pr("2024-02-13", elsewhere, CAROL, 1),
        new Star(at("2024-02-14"), onGitLab, Actor.user(Forge.GITLAB, "dave"))));
    People people = People.resolve(store);
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    SortedMap<Owner, LotteryFactorResult> each = EachRepository.computeEachOwner(store, people, lottery::withScope);
    // Octo and octo are one owner, spelled as its first repository; GitLab's octo is another
    assertEquals(
        List.of(new Owner(Forge.GITHUB, "Octo"), new Owner(Forge.GITHUB, "other"), new Owner(Forge.GITLAB, "octo")),
        List.copyOf(each.keySet()));
    assertEquals("Octo", each.firstKey().name());
    assertEquals(3, each.get(new Owner(Forge.GITHUB, "OCTO")).factor().total());
    assertEquals(1, each.get(new Owner(Forge.GITHUB, "octo")).factor().factor()); // bob has 2 of 3
    for (Map.Entry<Owner, LotteryFactorResult> e : each.entrySet()) {
      assertEquals(lottery.withScope(e.getKey().scope()).compute(store, people), e.getValue(), e.getKey().toString());
    }
    assertEquals(new Owner(Forge.GITHUB, "Octo"), Owner.of(lower));
    assertEquals(new Owner(Forge.GITHUB, "Octo").hashCode(), Owner.of(lower).hashCode());
    assertThrows(IllegalArgumentException.class, () -> new Owner(Forge.GITHUB, "a/b"));
    assertThrows(IllegalArgumentException.class, () -> new Owner(Forge.GITHUB, " "));
  }

  @Test
  void statesOfTwoSlicesMergeIntoTheWholesState() {
    Retention lfx = Retention.lfx(Window.of(at("2023-10-01"), AS_OF));
    java.util.function.Function<Repository, Retention> metricOf = r -> lfx.withScope(RepositoryScope.of(r));
    Instant cut = at("2024-02-16");
    SortedMap<Repository, RetentionState> early =
        EachRepository.accumulate(STORE.slice(Window.of(Instant.EPOCH, cut)), PEOPLE, metricOf);
    SortedMap<Repository, RetentionState> late =
        EachRepository.accumulate(STORE.slice(Window.of(cut, Instant.MAX)), PEOPLE, metricOf);
    SortedMap<Repository, RetentionState> whole = EachRepository.accumulate(STORE, PEOPLE, metricOf);
    assertEquals(ALL, List.copyOf(whole.keySet()));
    assertEquals(ALL, List.copyOf(early.keySet())); // C has no event before the cut, yet a state
    for (Repository r : whole.keySet()) {
      Retention m = metricOf.apply(r);
      RetentionState merged = m.merge(early.get(r), late.get(r));
      assertEquals(whole.get(r), merged, r.toString());
      assertEquals(m.compute(STORE, PEOPLE), m.finish(merged), r.toString());
    }
  }

  @Test
  void resultsAreUnmodifiableAndArgumentsChecked() {
    LotteryFactor lottery = LotteryFactor.openSauced(AS_OF);
    Map<Repository, LotteryFactorResult> each =
        EachRepository.compute(STORE, PEOPLE, r -> lottery.withScope(RepositoryScope.of(r)));
    assertThrows(UnsupportedOperationException.class, () -> each.remove(A));
    People other = People.resolve(EventStore.of(List.of(new Star(at("2024-02-10"), A, ERIN))));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.compute(STORE, other, r -> lottery.withScope(RepositoryScope.of(r))));
    assertThrows(IllegalArgumentException.class,
        () -> EachRepository.computeEachOwner(STORE, other, lottery::withScope));
    assertThrows(NullPointerException.class, () -> EachRepository.compute(STORE, PEOPLE, null));
    assertThrows(NullPointerException.class,
        () -> EachRepository.compute(STORE, null, r -> lottery.withScope(RepositoryScope.of(r))));
    assertThrows(NullPointerException.class, () -> EachRepository.compute(STORE, PEOPLE, r -> null));
    assertThrows(NullPointerException.class, () -> EachRepository.accumulate(STORE, PEOPLE, r -> null));
  }
}
