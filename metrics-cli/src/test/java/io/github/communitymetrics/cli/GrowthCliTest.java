package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code growth} end to end on GH Archive hours written in the archive's format ({@link
 * StarFixture#planted}); every expected number is counted by hand from the planted events.
 */
class GrowthCliTest {
  @TempDir Path dir;

  private static final String AS_OF = "2024-03-14T00:00:00Z";

  private Object growth() throws IOException {
    return growth("day");
  }

  private Object growth(String period) throws IOException {
    Path hours = StarFixture.planted().write(dir.resolve("hours"));
    List<String> args = new ArrayList<>(List.of(
        "growth", "--gharchive", hours.toString(), "--period", period, "--as-of", AS_OF, "--bands", "3", "--json"));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return JsonTree.parse(r.out());
  }

  private static Object repo(Object root, String name) {
    @SuppressWarnings("unchecked")
    List<Object> repos = (List<Object>) JsonTree.at(root, "repositories");
    return repos.stream().filter(x -> name.equals(JsonTree.at(x, "name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + repos));
  }

  /** The values at {@code path} of every period of a repository. */
  private static List<Object> column(Object repo, Object... path) {
    @SuppressWarnings("unchecked")
    List<Object> periods = (List<Object>) JsonTree.at(repo, "periods");
    List<Object> out = new ArrayList<>();
    for (Object p : periods) {
      out.add(JsonTree.at(p, path));
    }
    return out;
  }

  private static List<Object> longs(long... v) {
    List<Object> out = new ArrayList<>();
    for (long x : v) {
      out.add(x);
    }
    return out;
  }

  private static void assertRates(List<Double> expected, List<Object> actual) {
    assertEquals(expected.size(), actual.size(), actual.toString());
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i) == null) {
        assertNull(actual.get(i), "period " + i + " of " + actual);
      } else {
        assertEquals(expected.get(i), ((Number) actual.get(i)).doubleValue(), 1e-12, "period " + i + " of " + actual);
      }
    }
  }

  @Test
  void dailySeriesOfThePlantedCommunity() throws IOException {
    Object root = growth();
    assertEquals("day", JsonTree.at(root, "period"));
    assertEquals("2024-03-04T00:00:00Z", JsonTree.at(root, "span", "start"));
    assertEquals(AS_OF, JsonTree.at(root, "span", "end"));
    Object widget = repo(root, StarFixture.WIDGET);
    assertEquals(List.of("2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08", "2024-03-09",
        "2024-03-10", "2024-03-11", "2024-03-12", "2024-03-13"), column(widget, "period"));
    // First star per person: r1's second star (day 3) is not new; day 5 is r5 and f1..f5.
    assertEquals(longs(1, 1, 1, 1, 6, 1, 0, 0, 0, 0), column(widget, "stargazers", "added"));
    assertEquals(longs(1, 2, 3, 4, 10, 11, 11, 11, 11, 11), column(widget, "stargazers", "total"));
    assertRates(Arrays.asList(null, 1.0, 0.5, 1.0 / 3, 1.5, 0.1, 0.0, 0.0, 0.0, 0.0),
        column(widget, "stargazers", "growth"));
    assertEquals(longs(0, 1, 0, 0, 0, 1, 0, 0, 0, 0), column(widget, "forks", "added"));
    assertEquals(longs(0, 1, 1, 1, 1, 2, 2, 2, 2, 2), column(widget, "forks", "total"));
    assertRates(Arrays.asList(null, null, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0), column(widget, "forks", "growth"));
    // r5 (pull request, day 1) and Dora (commit, day 3).
    assertEquals(longs(1, 0, 1, 0, 0, 0, 0, 0, 0, 0), column(widget, "contributors", "added"));
    assertEquals(longs(1, 1, 2, 2, 2, 2, 2, 2, 2, 2), column(widget, "contributors", "total"));
    assertRates(Arrays.asList(null, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        column(widget, "contributors", "growth"));
    assertEquals(longs(0, 0, 1, 0, 0, 0, 0, 0, 0, 0), column(widget, "codeContributors", "added"));
    assertRates(Arrays.asList(null, null, null, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        column(widget, "codeContributors", "growth"));
    assertEquals(longs(1, 0, 1, 1, 0, 0, 0, 0, 0, 0), column(widget, "activeContributors"));
    assertEquals(Map.of("newStargazers", 11L, "forks", 2L, "newContributors", 2L, "newCodeContributors", 1L),
        JsonTree.at(widget, "totals"));
    // The trend of [1,1,1,1,6,1,0,0,0,0]: median pairwise slope -0.125, S = 21 falling pairs
    // minus rising ones (counted by hand: see the class comment of StarFixture).
    assertEquals(-0.125, (Double) JsonTree.at(widget, "trend", "slope"), 1e-12);
    assertEquals(-21L, JsonTree.at(widget, "trend", "mannKendallS"));
    assertEquals(10L, JsonTree.at(widget, "trend", "periods"));
  }

  @Test
  void theBurstOfDayFiveIsFoundWithItsNewAccounts() throws IOException {
    Object widget = repo(growth(), StarFixture.WIDGET);
    // Ten days, bands of 3: days 4 to 10 are tested; day 5 (6 new stars against 1, 1, 1) is the
    // only one above its band; f1..f5 are first seen in it, r5 opened a pull request on day 1.
    assertEquals(10L, JsonTree.at(widget, "bursts", "periods"));
    assertEquals(7L, JsonTree.at(widget, "bursts", "tested"));
    assertEquals(1, ((List<?>) JsonTree.at(widget, "bursts", "bursts")).size());
    assertEquals("2024-03-08T00:00:00Z", JsonTree.at(widget, "bursts", "bursts", 0, "start"));
    assertEquals("2024-03-09T00:00:00Z", JsonTree.at(widget, "bursts", "bursts", 0, "end"));
    assertEquals(6L, JsonTree.at(widget, "bursts", "bursts", 0, "size"));
    assertEquals(5L, JsonTree.at(widget, "bursts", "bursts", 0, "newAccountStars"));
    assertEquals(5.0 / 6, (Double) JsonTree.at(widget, "bursts", "bursts", 0, "newAccountShare"), 1e-12);
    // acme/gizmo's two stars (days 2 and 4) stay inside their bands.
    assertEquals(List.of(), JsonTree.at(repo(growth(), StarFixture.GIZMO), "bursts", "bursts"));
  }

  @Test
  void aKindWithoutEventsIsNoDataNotZero() throws IOException {
    Object thing = repo(growth(), StarFixture.THING);
    // other/thing has pull requests and no star, fork or commit: those kinds are null, not 0.
    assertEquals(Arrays.asList(null, null, null, null, null, null, null, null, null, null),
        column(thing, "stargazers", "added"));
    assertNull(JsonTree.at(thing, "periods", 0, "forks", "total"));
    assertNull(JsonTree.at(thing, "periods", 0, "codeContributors", "added"));
    assertNull(JsonTree.at(thing, "totals", "newStargazers"));
    assertNull(JsonTree.at(thing, "trend", "slope"));
    assertNull(JsonTree.at(thing, "bursts", "bursts"));
    assertEquals(longs(0, 0, 1, 0, 0, 0, 1, 0, 0, 0), column(thing, "contributors", "added"));
    assertEquals(longs(0, 0, 1, 0, 0, 0, 1, 0, 0, 1), column(thing, "activeContributors"));

    Path hours = dir.resolve("hours");
    CommunityMetricsCliTest.Run text = CommunityMetricsCliTest.run(
        "growth", "--gharchive", hours.toString(), "--period", "day", "--as-of", AS_OF, "--repo", StarFixture.THING,
        "--since", "2024-03-04");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("Trend of newStargazers over 10 complete days: no data (the input has no event"
        + " of this kind of the repository)"), text.out());
    assertTrue(text.out().contains("Bursts of new stars (10 periods of a day, 0 tested): no data (the input has no"
        + " star of the repository)"), text.out());
    assertTrue(text.out().lines().anyMatch(l -> l.startsWith("  2024-03-06 ") && l.contains("no data")
        && l.matches(".* 1 +1 +no data .*")), text.out());
  }

  @Test
  void weeksAreIsoWeeksAndThePartialOneIsMarked() throws IOException {
    Object root = growth("week");
    Object widget = repo(root, StarFixture.WIDGET);
    assertEquals(List.of("2024-W10", "2024-W11"), column(widget, "period"));
    assertEquals(List.of(true, false), column(widget, "complete"));
    assertEquals(longs(11, 0), column(widget, "stargazers", "added"));
    assertEquals(longs(2, 0), column(widget, "forks", "added"));
    assertEquals(longs(2, 0), column(widget, "activeContributors"));
    assertEquals("2024-03-14T00:00:00Z", JsonTree.at(widget, "periods", 1, "end"));
  }

  /**
   * Stars 1, 2, 3, 4, 5 on five days: every pairwise slope is 1, so the Theil-Sen slope and both
   * ends of its interval are 1; S = 10, Var(S) = 5 * 4 * 15 / 18, z = 9 / sqrt(Var(S)) = 2.20454,
   * p = erfc(z / sqrt 2) = 0.0274863 (python's math.erfc).
   */
  @Test
  void trendOfARisingSeries() throws IOException {
    StarFixture f = new StarFixture();
    int user = 1000;
    for (int day = 1; day <= 5; day++) {
      for (int k = 0; k < day; k++) {
        user++;
        f.star(String.format("2024-04-%02dT%02d:00:00Z", day, 10 + k), "u" + user, user, "acme/rising", 77);
      }
    }
    Path hours = f.write(dir.resolve("rising"));
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "growth", "--gharchive", hours.toString(), "--period", "day", "--as-of", "2024-04-06T00:00:00Z", "--json");
    assertEquals(0, r.status(), r.err());
    Object rising = repo(JsonTree.parse(r.out()), "acme/rising");
    assertEquals(5L, JsonTree.at(rising, "trend", "periods"));
    assertEquals(1.0, (Double) JsonTree.at(rising, "trend", "slope"), 1e-12);
    assertEquals(1.0, (Double) JsonTree.at(rising, "trend", "slopeLow"), 1e-12);
    assertEquals(1.0, (Double) JsonTree.at(rising, "trend", "slopeHigh"), 1e-12);
    assertEquals(10L, JsonTree.at(rising, "trend", "mannKendallS"));
    assertEquals(2.2045407685048604, (Double) JsonTree.at(rising, "trend", "mannKendallZ"), 1e-9);
    assertEquals(0.027486336111510353, (Double) JsonTree.at(rising, "trend", "mannKendallP"), 1e-9);
    CommunityMetricsCliTest.Run text = CommunityMetricsCliTest.run(
        "growth", "--gharchive", hours.toString(), "--period", "day", "--as-of", "2024-04-06T00:00:00Z");
    assertTrue(text.out().contains("Trend of newStargazers over 5 complete days: Theil-Sen slope 1.000 per day"
        + " (95% interval 1.000 to 1.000); Mann-Kendall S 10, z 2.205, p 0.0275"), text.out());
  }

  /** A git clone records no stars and no forks: no data, and its commits are counted. */
  @Test
  void gitCloneHasNoStars() throws IOException {
    GitClone clone = new GitClone(dir.resolve("clone"), Instant.parse("2024-05-06T00:00:00Z"))
        .origin("https://github.com/acme/cloned.git")
        .commits(2, "Ann", "ann@example.com")
        .commits(1, "Bo", "bo@example.com");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "growth", "--git", clone.dir.toString(), "--period", "day", "--as-of", "2024-05-07T00:00:00Z", "--json");
    assertEquals(0, r.status(), r.err());
    Object cloned = repo(JsonTree.parse(r.out()), "acme/cloned");
    assertEquals(Arrays.asList((Object) null), column(cloned, "stargazers", "added"));
    assertEquals(Arrays.asList((Object) null), column(cloned, "forks", "added"));
    assertEquals(longs(2), column(cloned, "codeContributors", "added"));
    assertNull(JsonTree.at(cloned, "bursts", "bursts"));
  }

  /** widget has 11 new stargazers in the span, gizmo 2, thing no star (no data: last). */
  @Test
  void topKeepsTheMostStarred() throws IOException {
    Path hours = StarFixture.planted().write(dir.resolve("hours"));
    for (int n = 1; n <= 3; n++) {
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
          "growth", "--gharchive", hours.toString(), "--as-of", AS_OF, "--top", String.valueOf(n), "--json");
      assertEquals(0, r.status(), r.err());
      List<Object> names = new ArrayList<>();
      for (Object repo : (List<?>) JsonTree.at(JsonTree.parse(r.out()), "repositories")) {
        names.add(JsonTree.at(repo, "name"));
      }
      List<?> expected = List.of(
          List.of(StarFixture.WIDGET),
          List.of(StarFixture.GIZMO, StarFixture.WIDGET),
          List.of(StarFixture.GIZMO, StarFixture.WIDGET, StarFixture.THING)).get(n - 1);
      assertEquals(expected, names, "--top " + n);
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CommunityMetricsCliTest.run("growth", "--period", "fortnight").status());
    assertEquals(2, CommunityMetricsCliTest.run("growth", "--trend", "stars").status());
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("growth", "--burst-period", "PT5H");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("star-bursts.period"), r.err());
  }
}
