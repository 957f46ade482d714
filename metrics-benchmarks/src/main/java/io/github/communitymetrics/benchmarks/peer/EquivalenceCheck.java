package io.github.communitymetrics.benchmarks.peer;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Our metrics (GH Archive reader, event store, metric per repository) against the same metrics in
 * DuckDB SQL over the same JSON lines, for every repository: OpenSauced contributor confidence
 * (June 2024 preset) and the OpenSauced lottery factor. Numbers must be identical.
 *
 * <p>The SQL follows /work/shared/design/metric-definitions.md and our documented reading of it:
 * logins lower-cased; stars are {@code WatchEvent}s (GH Archive only records "started"), forks
 * {@code ForkEvent}s; a user's pull request events are {@code PullRequestEvent} "opened" (credited
 * to the actor) and "closed" (credited to {@code payload.pull_request.user.login}, the author);
 * the lottery factor counts "opened" per author with {@code [bot]} logins excluded, and counts
 * authors while the cumulative count before them is below half of the total. Both shapes of the
 * archive are read: the Events API ({@code repo.name}, {@code actor.login}) and the 2012 timeline
 * ({@code repository.owner}/{@code repository.name}, {@code actor} as a string).
 */
public final class EquivalenceCheck {
  private EquivalenceCheck() {}

  /** Per-repository confidence evidence: users and weight sums of each side, and the percent. */
  public record Confidence(long stargazers, long forkers, double starWeight, double forkWeight) {}

  /** Per-repository lottery factor: the factor and the total of opened pull requests. */
  public record Lottery(int factor, long total) {}

  /** The SQL that loads {@code ev}, one row per line with the columns the metrics use. */
  static final String LOAD =
      "CREATE OR REPLACE TABLE ev AS SELECT "
          + "json->>'$.type' AS type, json->>'$.payload.action' AS action, "
          + "CAST(json->>'$.created_at' AS TIMESTAMPTZ) AS ts, "
          + "lower(CASE WHEN json_type(json->'$.actor') = 'VARCHAR' THEN json->>'$.actor' "
          + "ELSE json->>'$.actor.login' END) AS login, "
          + "coalesce(json->>'$.repo.name', "
          + "(json->>'$.repository.owner') || '/' || (json->>'$.repository.name')) || '#' || "
          + "coalesce(json->>'$.repo.id', json->>'$.repository.id', '') AS repo, "
          + "lower(json->>'$.payload.pull_request.user.login') AS pr_author "
          + "FROM read_ndjson_objects(?)";

  static final String CONFIDENCE =
      "WITH w AS (SELECT * FROM ev WHERE ts >= ? AND ts < ?), "
          + "pr AS (SELECT DISTINCT CASE WHEN action = 'opened' THEN login ELSE pr_author END AS who, repo "
          + "  FROM w WHERE type = 'PullRequestEvent' AND action IN ('opened', 'closed')), "
          + "prn AS (SELECT who, count(DISTINCT repo) AS n FROM pr WHERE who IS NOT NULL GROUP BY who), "
          + "s AS (SELECT DISTINCT repo, login FROM w WHERE type = 'WatchEvent' AND login IS NOT NULL), "
          + "f AS (SELECT DISTINCT repo, login FROM w WHERE type = 'ForkEvent' AND login IS NOT NULL), "
          + "sw AS (SELECT s.repo, count(*) AS users, sum(CASE WHEN pr.who IS NOT NULL THEN 1.0 "
          + "  WHEN coalesce(prn.n, 0) >= 2 THEN 0.5 ELSE 0.0 END) AS wsum FROM s "
          + "  LEFT JOIN pr ON pr.who = s.login AND pr.repo = s.repo LEFT JOIN prn ON prn.who = s.login "
          + "  GROUP BY s.repo), "
          + "fw AS (SELECT f.repo, count(*) AS users, sum(CASE WHEN pr.who IS NOT NULL THEN 1.0 "
          + "  WHEN coalesce(prn.n, 0) >= 2 THEN 0.75 ELSE 0.0 END) AS wsum FROM f "
          + "  LEFT JOIN pr ON pr.who = f.login AND pr.repo = f.repo LEFT JOIN prn ON prn.who = f.login "
          + "  GROUP BY f.repo) "
          + "SELECT coalesce(sw.repo, fw.repo), coalesce(sw.users, 0), coalesce(fw.users, 0), "
          + "coalesce(sw.wsum, 0), coalesce(fw.wsum, 0) FROM sw FULL OUTER JOIN fw ON sw.repo = fw.repo";

  static final String LOTTERY =
      "WITH c AS (SELECT repo, login, count(*) AS n FROM ev WHERE ts >= ? AND ts < ? "
          + "  AND type = 'PullRequestEvent' AND action = 'opened' AND login IS NOT NULL "
          + "  AND NOT login LIKE '%[bot]' GROUP BY repo, login), "
          + "r AS (SELECT repo, n, sum(n) OVER (PARTITION BY repo ORDER BY n DESC "
          + "  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum, "
          + "  sum(n) OVER (PARTITION BY repo) AS total FROM c) "
          + "SELECT repo, count(*) FILTER (WHERE 2 * (cum - n) < total), max(total) FROM r GROUP BY repo";

  /** Opens an in-memory DuckDB and loads {@code file} into the table {@code ev}. */
  public static Connection load(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (PreparedStatement p = c.prepareStatement(LOAD)) {
      p.setString(1, file.toString());
      p.execute();
    }
    return c;
  }

  /** DuckDB's confidence per repository with any star or fork in {@code [asOf - 30 d, asOf)}. */
  public static Map<String, Confidence> duckConfidence(Connection c, Instant asOf) throws SQLException {
    Map<String, Confidence> out = new TreeMap<>();
    try (PreparedStatement p = window(c, CONFIDENCE, asOf); ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.put(r.getString(1), new Confidence(r.getLong(2), r.getLong(3), r.getDouble(4), r.getDouble(5)));
      }
    }
    return out;
  }

  /** DuckDB's lottery factor per repository with any pull request opened in the window. */
  public static Map<String, Lottery> duckLottery(Connection c, Instant asOf) throws SQLException {
    Map<String, Lottery> out = new TreeMap<>();
    try (PreparedStatement p = window(c, LOTTERY, asOf); ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.put(r.getString(1), new Lottery(r.getInt(2), r.getLong(3)));
      }
    }
    return out;
  }

  private static PreparedStatement window(Connection c, String sql, Instant asOf) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    p.setTimestamp(1, Timestamp.from(asOf.minus(Duration.ofDays(30))));
    p.setTimestamp(2, Timestamp.from(asOf));
    return p;
  }

  /** Reads {@code file} with our GH Archive reader into a store. */
  public static EventStore ours(Path file) {
    EventStore.Builder b = EventStore.builder();
    GhArchiveReader.builder().build().read(List.of(file), b::add);
    return b.build();
  }

  /** Our confidence for every repository with any star or fork in the window. */
  public static Map<String, Confidence> ourConfidence(EventStore store, People people, Instant asOf) {
    Map<String, Confidence> out = new TreeMap<>();
    for (Repository repo : store.repositories()) {
      OpenSaucedConfidence.Result r = OpenSaucedConfidence.opensauced(repo, asOf).compute(store, people);
      if (r.stargazers() + r.forkers() > 0) {
        out.put(key(repo),
            new Confidence(r.stargazers(), r.forkers(), r.stargazerWeight(), r.forkerWeight()));
      }
    }
    return out;
  }

  /** Our lottery factor for every repository with any counted pull request in the window. */
  public static Map<String, Lottery> ourLottery(EventStore store, People people, Instant asOf) {
    Map<String, Lottery> out = new TreeMap<>();
    for (Repository repo : store.repositories()) {
      FactorResult<Actor> f =
          LotteryFactor.openSauced(asOf).withScope(RepositoryScope.of(repo)).compute(store, people).factor();
      if (f.total() > 0) {
        out.put(key(repo), new Lottery(f.factor(), f.total()));
      }
    }
    return out;
  }

  /**
   * A repository as both sides key it: full name and numeric id ({@code name#id}), because our
   * {@link Repository} is identified by both and the same name occurs with two ids in the real
   * hours (a repository deleted and re-created between 2012 hours).
   */
  static String key(Repository repo) {
    return repo.fullName() + "#" + (repo.id().isPresent() ? Long.toString(repo.id().getAsLong()) : "");
  }

  /** The repositories whose values differ (either side missing counts as different). */
  public static <V> List<String> differences(Map<String, V> ours, Map<String, V> duck) {
    List<String> diff = new ArrayList<>();
    TreeMap<String, V> all = new TreeMap<>(ours);
    duck.forEach(all::putIfAbsent);
    for (String repo : all.keySet()) {
      if (!Objects.equals(ours.get(repo), duck.get(repo))) {
        diff.add(repo + ": ours " + ours.get(repo) + ", duckdb " + duck.get(repo));
      }
    }
    return diff;
  }

  /** Command line: {@code FILE.json.gz ASOF} (ISO instant); prints per-metric agreement. */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Instant asOf = Instant.parse(args[1]);
    EventStore store = ours(file);
    People people = People.resolve(store);
    try (Connection c = load(file)) {
      report("confidence", ourConfidence(store, people, asOf), duckConfidence(c, asOf));
      report("lottery", ourLottery(store, people, asOf), duckLottery(c, asOf));
    }
  }

  private static <V> void report(String metric, Map<String, V> ours, Map<String, V> duck) {
    List<String> diff = differences(ours, duck);
    System.out.printf("%s: %d repositories (ours), %d (duckdb), %d differ%n",
        metric, ours.size(), duck.size(), diff.size());
    diff.stream().limit(20).forEach(d -> System.out.println("  " + d));
  }
}
