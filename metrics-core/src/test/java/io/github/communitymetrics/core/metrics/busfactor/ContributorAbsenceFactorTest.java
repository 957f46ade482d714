package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import static io.github.communitymetrics.core.metrics.busfactor.Events.OTHER;
import static io.github.communitymetrics.core.metrics.busfactor.Events.REPO;
import static io.github.communitymetrics.core.metrics.busfactor.Events.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContributorAbsenceFactorTest {
  private static final Window YEAR = Window.startingAt(T0, Duration.ofDays(365));

  private static List<Actor> keys(List<Ranked<Actor>> ranked) {
    return ranked.stream().map(Ranked::key).collect(Collectors.toList());
  }

  @Test
  void chaossWorkedExampleThroughEvents() {
    int[] commits = {1000, 433, 343, 332, 202, 90, 42, 33};
    Events e = new Events();
    for (int p = 0; p < commits.length; p++) {
      e.commits(commits[p], T0.plusSeconds(10_000L * p), REPO, Actor.github("p" + p));
    }
    FactorResult<Actor> r = e.compute(ContributorAbsenceFactor.chaoss(YEAR));
    assertEquals(2, r.factor());
    assertEquals(2475, r.total());
    assertEquals(List.of(Actor.github("p0"), Actor.github("p1")), keys(r.members()));
    assertEquals(8, r.ranking().size());
    assertEquals(433, r.ranking().get(1).count());
    assertEquals(1000.0 / 2475, r.ranking().get(0).share(), 1e-12);
    assertEquals(ContributionType.COMMIT, r.selection().type());
    assertEquals(ShareRule.MORE_THAN_HALF, r.concentration().rule());
  }

  @Test
  void windowIsHalfOpen() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Window w = Window.of(T0, T0.plusSeconds(100));
    Events e = new Events();
    e.commit(T0, REPO, a).commit(T0.minusNanos(1), REPO, b).commit(T0.plusSeconds(100), REPO, b);
    e.commit(T0.plusSeconds(100).minusNanos(1), REPO, b);
    FactorResult<Actor> r = e.compute(ContributorAbsenceFactor.chaoss(w));
    // Inside: a at the start, b one nanosecond before the end. Outside: b before, b at the end.
    assertEquals(2, r.total());
    assertEquals(Map.of(a, 1L, b, 1L), r.ranking().stream().collect(Collectors.toMap(Ranked::key, Ranked::count)));
  }

  @Test
  void tiesAreBrokenByKeyAndDoNotChangeTheFactor() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Events e = new Events().commits(5, T0, REPO, b).commits(5, T0.plusSeconds(50), REPO, a);
    FactorResult<Actor> strict = e.compute(ContributorAbsenceFactor.chaoss(YEAR));
    assertEquals(2, strict.factor(), "5 of 10 is not more than half");
    FactorResult<Actor> inclusive =
        e.compute(ContributorAbsenceFactor.chaoss(YEAR).withRule(ShareRule.AT_LEAST_HALF));
    assertEquals(1, inclusive.factor());
    assertEquals(List.of(a), keys(inclusive.members()), "equal counts: the smaller key first");
  }

  @Test
  void emptyInputGivesZero() {
    FactorResult<Actor> r = new Events().compute(ContributorAbsenceFactor.chaoss(YEAR));
    assertEquals(0, r.factor());
    assertEquals(0, r.total());
    assertTrue(r.members().isEmpty());
    assertEquals(OptionalInt.empty(), new Events().compute(ContributorDependency.lfx(YEAR)).points());
  }

  @Test
  void oneContributorIsTheFactor() {
    Actor a = Actor.github("a");
    Events e = new Events().commits(3, T0, REPO, a).star(T0, REPO, Actor.github("fan"));
    FactorResult<Actor> r = e.compute(ContributorAbsenceFactor.chaoss(YEAR));
    assertEquals(1, r.factor());
    assertEquals(List.of(a), keys(r.members()));
    assertEquals(1.0, r.members().get(0).share());
  }

  @Test
  void botsAreExcludedByDefaultAndCountWhenAskedFor() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Actor bot = Actor.github("renovate[bot]");
    Events e = new Events().commits(3, T0, REPO, a).commits(2, T0.plusSeconds(10), REPO, b);
    e.commits(10, T0.plusSeconds(20), REPO, bot);
    FactorResult<Actor> without = e.compute(ContributorAbsenceFactor.chaoss(YEAR));
    assertEquals(5, without.total());
    assertEquals(List.of(a), keys(without.members()));
    FactorResult<Actor> with = e.compute(ContributorAbsenceFactor.chaoss(YEAR).withBots(true));
    assertEquals(15, with.total());
    assertEquals(List.of(bot), keys(with.members()));
  }

  @Test
  void repositoryScopeAndContributionType() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Events e = new Events().commits(3, T0, REPO, a).commits(5, T0, OTHER, b);
    e.opened(T0, REPO, b, 1);
    ContributorAbsenceFactor m = ContributorAbsenceFactor.chaoss(YEAR);
    assertEquals(List.of(b), keys(e.compute(m).members()));
    assertEquals(List.of(a), keys(e.compute(m.withScope(RepositoryScope.of(REPO))).members()));
    FactorResult<Actor> prs =
        e.compute(m.withContributionType(ContributionType.PULL_REQUEST_OPENED));
    assertEquals(1, prs.total());
    assertEquals(List.of(b), keys(prs.members()));
  }

  @Test
  void mergedPullRequestsCreditTheirAuthorOrOpenerOrAreSkipped() {
    Actor author = Actor.github("author");
    Actor opener = Actor.github("opener");
    Actor merger = Actor.github("merger");
    Instant in = T0.plusSeconds(1000);
    Events e = new Events();
    e.merged(in, REPO, merger, 1, Optional.of(author));
    // No author on the merge: the opener of #2, even though it was opened before the window.
    e.opened(T0.minusSeconds(5), REPO, opener, 2).merged(in, REPO, merger, 2, Optional.empty());
    // No author and no opening: skipped, and counted as skipped.
    e.merged(in, REPO, merger, 3, Optional.empty());
    // The same number in another repository does not make an opener.
    e.opened(T0, OTHER, opener, 3);
    ContributorAbsenceFactor m =
        ContributorAbsenceFactor.chaoss(Window.of(T0, T0.plusSeconds(5000)))
            .withContributionType(ContributionType.PULL_REQUEST_MERGED);
    FactorResult<Actor> r = e.compute(m);
    assertEquals(2, r.total());
    assertEquals(
        Map.of(author, 1L, opener, 1L),
        r.ranking().stream().collect(Collectors.toMap(Ranked::key, Ranked::count)));
    assertEquals(1, r.skippedMerges());
  }

  @Test
  void openerInAnotherTimeSliceIsFoundWhenStatesMerge() {
    Actor opener = Actor.github("opener");
    Actor merger = Actor.github("merger");
    Instant mergeAt = T0.plusSeconds(1000);
    Events e = new Events();
    e.opened(T0, REPO, opener, 7).merged(mergeAt, REPO, merger, 7, Optional.empty());
    ContributorAbsenceFactor m =
        ContributorAbsenceFactor.chaoss(YEAR).withContributionType(ContributionType.PULL_REQUEST_MERGED);
    EventStore all = e.store();
    People people = People.resolve(all);
    EventStore early = all.slice(Window.of(T0, mergeAt));
    EventStore late = all.slice(Window.of(mergeAt, YEAR.end()));
    ContributionCounts<Actor> lateOnly = m.accumulate(late, people);
    assertEquals(1, lateOnly.unresolvedMerges());
    assertEquals(1, m.finish(lateOnly).skippedMerges(), "alone, the late slice has no opener");
    FactorResult<Actor> merged = m.finish(m.merge(m.accumulate(early, people), lateOnly));
    assertEquals(0, merged.skippedMerges());
    assertEquals(List.of(opener), keys(merged.members()));
    assertEquals(m.compute(all, people), merged);
  }

  @Test
  void lfxContributorDependencyBins() {
    int[] expected = {-1, 0, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5};
    for (int f = 0; f < expected.length; f++) {
      OptionalInt p = ContributorDependency.points(f);
      assertEquals(expected[f] < 0 ? OptionalInt.empty() : OptionalInt.of(expected[f]), p, "factor " + f);
    }
    assertEquals(OptionalInt.of(5), ContributorDependency.points(1000));
    assertThrows(IllegalArgumentException.class, () -> ContributorDependency.points(-1));
  }

  @Test
  void lfxFiftyOnePercentIsInclusive() {
    Actor a = Actor.github("a");
    Actor b = Actor.github("b");
    Events exactly = new Events().commits(51, T0, REPO, a).commits(49, T0.plusSeconds(100), REPO, b);
    ContributorDependencyResult r = exactly.compute(ContributorDependency.lfx(YEAR));
    assertEquals(1, r.factor().factor());
    assertEquals(OptionalInt.of(0), r.points());
    Events below = new Events().commits(50, T0, REPO, a).commits(50, T0.plusSeconds(100), REPO, b);
    ContributorDependencyResult r2 = below.compute(ContributorDependency.lfx(YEAR));
    assertEquals(2, r2.factor().factor());
    assertEquals(OptionalInt.of(1), r2.points());
  }

  @Test
  void rejectsPeopleOfAnotherStore() {
    EventStore s1 = new Events().commit(T0, REPO, Actor.github("a")).store();
    EventStore s2 = new Events().commit(T0, REPO, Actor.github("b")).store();
    ContributorAbsenceFactor m = ContributorAbsenceFactor.chaoss(YEAR);
    assertThrows(IllegalArgumentException.class, () -> m.accumulate(s1, People.resolve(s2)));
  }
}
