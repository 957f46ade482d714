package io.github.communitymetrics.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which repositories of a listing a selection keeps, and its glob. */
class RepositorySelectionTest {
  private static final URI LIST = URI.create("https://api.example/orgs/acme/repos?type=all&per_page=100");

  @Test
  void globsMatchTheLastSegmentCaseInsensitively() {
    RepositorySelection s = RepositorySelection.defaults().withNamesMatching("Metrics-*");
    assertTrue(s.matchesName("metrics-core"));
    assertTrue(s.matchesName("METRICS-"));
    assertFalse(s.matchesName("core-metrics"));
    RepositorySelection braces = RepositorySelection.defaults().withNamesMatching("{api,web}-?");
    assertTrue(braces.matchesName("api-1"));
    assertTrue(braces.matchesName("Web-x"));
    assertFalse(braces.matchesName("api-12"));
    assertTrue(RepositorySelection.defaults().matchesName("anything"));
  }

  @Test
  void aGlobThatDoesNotParseOrNamesAPathIsRefused() {
    IllegalArgumentException unclosed =
        assertThrows(IllegalArgumentException.class, () -> RepositorySelection.defaults().withNamesMatching("{api"));
    assertTrue(unclosed.getMessage().contains("not a glob"), unclosed.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RepositorySelection.defaults().withNamesMatching("acme/*"));
    assertThrows(IllegalArgumentException.class, () -> RepositorySelection.defaults().withNamesMatching(" "));
  }

  @Test
  void aListingCountsWhatItLeavesOutOnceEachAndKeepsARepositoryListedTwiceOnce() {
    List<ListedRepository> listed =
        List.of(
            new ListedRepository("acme/core", 1, false, false),
            new ListedRepository("acme/core-fork", 2, true, true),
            new ListedRepository("acme/old", 3, false, true),
            new ListedRepository("acme/web", 4, false, false),
            new ListedRepository("acme/core", 1, false, false));
    RepositoryListing byDefault = RepositoryListing.select(LIST, listed, RepositorySelection.defaults());
    assertEquals(List.of("acme/core", "acme/web"), byDefault.names());
    // The archived fork counts as a fork only.
    assertEquals(1, byDefault.forksLeftOut());
    assertEquals(1, byDefault.archivedLeftOut());
    assertEquals(0, byDefault.namesNotMatching());
    RepositoryListing cores =
        RepositoryListing.select(LIST, listed, RepositorySelection.defaults().withForks().withArchived().withNamesMatching("core*"));
    assertEquals(List.of("acme/core", "acme/core-fork"), cores.names());
    assertEquals(2, cores.namesNotMatching());
  }

  @Test
  void aListedRepositoryNeedsAnOwnerAndAName() {
    assertEquals("gadget", new ListedRepository("acme/sub/gadget", 8, false, false).name());
    assertThrows(IllegalArgumentException.class, () -> new ListedRepository("widget", 7, false, false));
    assertThrows(IllegalArgumentException.class, () -> new ListedRepository("acme/", 7, false, false));
    assertThrows(IllegalArgumentException.class, () -> new ListedRepository("acme/widget", 0, false, false));
  }
}
