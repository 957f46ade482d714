package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code growth} and {@code stars --audit} on the real GH Archive hours of {@code ../shared/data}:
 * internal consistency, since nobody published these numbers. Each repository's daily series sums
 * to what {@code score --metric growth} measures over the same span in one window; the audit's
 * months sum to each repository's stars, those to the total, and the total is the growth series'
 * new stargazers summed over every repository.
 */
@SharedDataTest
class GrowthStarsSharedDataTest {
  private static final String KLANGNER = "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";

  private static final String[] KINDS = {"stargazers", "forks", "contributors", "codeContributors"};
  private static final String[] SCORED = {"newStargazers", "forks", "newContributors", "newCodeContributors"};

  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/2021-07-21-few-hours.json";

  /**
   * Each file alone (one day each: the series is one period), and both 2012 hours together by
   * month: seven periods, April to October 2012, whose sums must give the one window's counts.
   */
  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of(List.of(KLANGNER + "2012-04-01-0.json.gz"), "day"),
        Arguments.of(List.of(KLANGNER + "2012-10-13-0.json.gz"), "day"),
        Arguments.of(List.of(PINOT), "day"),
        Arguments.of(List.of(KLANGNER + "2012-04-01-0.json.gz", KLANGNER + "2012-10-13-0.json.gz"), "month"));
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("inputs")
  void seriesSumToTheWindowAndTheAuditAddsUp(List<String> hours, String period) {
    List<String> files = hours.stream().map(h -> SharedData.resolve(h).toString()).toList();
    CommunityMetricsCliTest.Run g = CommunityMetricsCliTest.run(
        args(files, "--quiet", "growth", "--period", period, "--json"));
    assertEquals(0, g.status(), g.err());
    Object growth = JsonTree.parse(g.out());
    String start = (String) JsonTree.at(growth, "span", "start");
    String end = (String) JsonTree.at(growth, "span", "end");
    Duration span = Duration.between(Instant.parse(start), Instant.parse(end));

    CommunityMetricsCliTest.Run s = CommunityMetricsCliTest.run(
        args(files, "--quiet", "score", "--metric", "growth", "--as-of", end, "--window", span.toString(), "--json"));
    assertEquals(0, s.status(), s.err());
    Map<String, Object> scored = new HashMap<>();
    for (Object row : (List<?>) JsonTree.at(JsonTree.parse(s.out()), "rows")) {
      scored.put((String) JsonTree.at(row, "name"), JsonTree.at(row, "metrics", "growth"));
    }
    List<?> repos = (List<?>) JsonTree.at(growth, "repositories");
    assertEquals(scored.size(), repos.size());
    long stars = 0;
    long checked = 0;
    for (Object repo : repos) {
      String name = (String) JsonTree.at(repo, "name");
      Object measurements = scored.get(name);
      for (int k = 0; k < KINDS.length; k++) {
        Object one = null;
        for (Object m : (List<?>) measurements) {
          if (SCORED[k].equals(JsonTree.at(m, "name"))) {
            one = JsonTree.at(m, "value");
          }
        }
        Long sum = null;
        for (Object p : (List<?>) JsonTree.at(repo, "periods")) {
          Object added = JsonTree.at(p, KINDS[k], "added");
          if (added != null) {
            sum = (sum == null ? 0 : sum) + (Long) added;
          }
        }
        // No data in the series is no data in the one window (nothing of the kind before its end).
        assertEquals(one, sum, name + " " + SCORED[k]);
        assertEquals(sum, JsonTree.at(repo, "totals", SCORED[k]), name + " " + SCORED[k]);
        checked++;
      }
      Object added = JsonTree.at(repo, "totals", "newStargazers");
      stars += added == null ? 0 : (Long) added;
    }
    assertTrue(checked > 0);

    CommunityMetricsCliTest.Run a = CommunityMetricsCliTest.run(args(files, "--quiet", "stars", "--audit", "--json"));
    assertEquals(0, a.status(), a.err());
    Object audit = JsonTree.parse(a.out());
    assertEquals(start, JsonTree.at(audit, "span", "start"));
    assertEquals(end, JsonTree.at(audit, "span", "end"));
    long total = 0;
    for (Object repo : (List<?>) JsonTree.at(audit, "repositories")) {
      long months = 0;
      for (Object m : (List<?>) JsonTree.at(repo, "months")) {
        months += (Long) JsonTree.at(m, "stars");
      }
      assertEquals(JsonTree.at(repo, "stars"), months, (String) JsonTree.at(repo, "name"));
      total += months;
    }
    assertEquals(JsonTree.at(audit, "stars"), total);
    assertEquals(stars, total);
    assertTrue(total > 0, "the hours have stars");
    if (period.equals("month")) {
      assertEquals(7, ((List<?>) JsonTree.at(repos.get(0), "periods")).size());
    }
  }

  private static String[] args(List<String> files, String... command) {
    List<String> out = new ArrayList<>(List.of(command));
    out.add("--gharchive");
    out.addAll(files);
    return out.toArray(String[]::new);
  }
}
