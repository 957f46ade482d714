package io.github.communitymetrics.core.metrics.forks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.forks.ForkActivity.ForkFacts;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Commits ahead and behind as fork-activity's side input, on {@link ForksTest}'s worked history:
 * bob/gizmo compared twice (GitHub, then git), carol/widget not found, dave/widget not compared.
 */
class DivergenceTest {
  private static final Repository WIDGET = Repository.github("acme/widget");
  private static final Window H1 = new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
  private static final Instant READ = Instant.parse("2026-12-06T10:00:00Z");

  private static final Divergence GIZMO_GITHUB = new Divergence.Measured(Repository.github("bob/gizmo"), WIDGET, READ,
      Divergence.Source.GITHUB_COMPARE, "main", "bob:gizmo:main", 12, 3, Optional.of("6dcb09b5b57875f334f61aebed695e2e4193db5e"));
  // Named in other case: GitHub's names ignore case, and fork events may spell them otherwise.
  private static final Divergence GIZMO_GIT = new Divergence.Measured(Repository.github("Bob/Gizmo"), Repository.github("ACME/widget"),
      READ.plusSeconds(60), Divergence.Source.GIT_HISTORY, "upstream/main", "bob/main", 13, 3, Optional.empty());
  private static final Divergence CAROL_GONE = new Divergence.Unknown(Repository.github("carol/widget"), WIDGET, READ,
      Divergence.Source.GITHUB_COMPARE, Divergence.Reason.FORK_NOT_FOUND, "HTTP 404 on carol/widget");
  // Of another upstream, and of another forge: never bob's.
  private static final Divergence OTHER_UPSTREAM = new Divergence.Measured(Repository.github("bob/gizmo"), Repository.github("acme/other"),
      READ, Divergence.Source.GITHUB_COMPARE, "main", "bob:gizmo:main", 99, 99, Optional.empty());
  private static final Divergence OTHER_FORGE = new Divergence.Measured(Repository.of(Forge.GITLAB, "bob/gizmo"), Repository.of(Forge.GITLAB, "acme/widget"),
      READ, Divergence.Source.GIT_HISTORY, "main", "main", 98, 98, Optional.empty());

  private static final Divergences GIVEN = Divergences.of(List.of(GIZMO_GITHUB, CAROL_GONE, OTHER_UPSTREAM, GIZMO_GIT, OTHER_FORGE));

  private static ForkActivity.Result compute(Divergences d) {
    EventStore store = EventStore.of(ForksTest.history());
    return ForkActivity.of(RepositoryScope.of(WIDGET), H1, Granularity.MONTH, ForkEvents.AUTO, d)
        .compute(store, People.resolve(store));
  }

  private static java.util.Map<String, ForkFacts> byFork(ForkActivity.Result r) {
    return r.forks().stream().collect(Collectors.toMap(f -> f.fork().fullName(), Function.identity()));
  }

  @Test
  void eachForkCarriesItsOwnComparisonsAndANotComparedForkHasNone() {
    java.util.Map<String, ForkFacts> forks = byFork(compute(GIVEN));
    assertEquals(List.of(GIZMO_GITHUB, GIZMO_GIT), forks.get("bob/gizmo").divergences());
    assertEquals(List.of(CAROL_GONE), forks.get("carol/widget").divergences());
    // Not compared: no data, not 0 ahead and 0 behind.
    assertEquals(List.of(), forks.get("dave/widget").divergences());
    assertEquals(Optional.empty(), forks.get("dave/widget").latestMeasured());
    // A fork that could not be compared has no measured value either.
    assertEquals(Optional.empty(), forks.get("carol/widget").latestMeasured());
    // The latest of bob's two is the git one, read a minute later.
    assertEquals(Optional.of(GIZMO_GIT), forks.get("bob/gizmo").latestMeasured());
  }

  @Test
  void withoutComparisonsEveryForkHasNoneAndTheCountsDoNotChange() {
    ForkActivity.Result none = compute(Divergences.none());
    ForkActivity.Result given = compute(GIVEN);
    assertTrue(none.forks().stream().allMatch(f -> f.divergences().isEmpty()));
    assertEquals(none.total(), given.total());
    assertEquals(none.perRepository(), given.perRepository());
    // The four-argument algorithm is the one without comparisons.
    EventStore store = EventStore.of(ForksTest.history());
    assertEquals(none, ForkActivity.of(RepositoryScope.of(WIDGET), H1, Granularity.MONTH, ForkEvents.AUTO)
        .compute(store, People.resolve(store)));
  }

  @Test
  void attachingToAComputedResultIsComputingWithThem() {
    assertEquals(compute(GIVEN), compute(Divergences.none()).withDivergences(GIVEN));
    assertEquals(compute(Divergences.none()), compute(GIVEN).withDivergences(Divergences.none()));
  }

  @Test
  void statusIsGitHubsWordForTheCounts() {
    assertEquals("identical", measured(0, 0).status());
    assertEquals("ahead", measured(2, 0).status());
    assertEquals("behind", measured(0, 5).status());
    assertEquals("diverged", measured(2, 5).status());
  }

  @Test
  void countsAreNeverNegativeAndAnUnknownSaysWhy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> measured(-1, 0));
    assertEquals("ahead must not be negative but was -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> measured(0, -1));
    assertThrows(IllegalArgumentException.class, () -> new Divergence.Unknown(WIDGET, WIDGET, READ,
        Divergence.Source.GIT_HISTORY, Divergence.Reason.BRANCH_NOT_FOUND, " "));
    assertEquals("no common history", Divergence.Reason.NO_COMMON_HISTORY.word());
    assertEquals("git history", Divergence.Source.GIT_HISTORY.word());
  }

  private static Divergence.Measured measured(int ahead, int behind) {
    return new Divergence.Measured(Repository.github("bob/gizmo"), WIDGET, READ, Divergence.Source.GIT_HISTORY,
        "main", "main", ahead, behind, Optional.empty());
  }
}
