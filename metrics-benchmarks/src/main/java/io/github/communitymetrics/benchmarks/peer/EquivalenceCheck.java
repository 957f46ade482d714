package io.github.communitymetrics.benchmarks.peer;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.EachRepository;
import io.github.communitymetrics.core.metrics.RepositoryTable;
import io.github.communitymetrics.core.metrics.RepositoryTable.Column;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.time.Period;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.identity.BotDetector;
import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.PeriodUnit;
import io.github.communitymetrics.core.time.Window;
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
 * Our metrics (GH Archive reader, event store, each metric for every repository through {@link
 * EachRepository}: the full results, and the numbers-only table projected from them, each checked
 * on its own) against the same metrics in DuckDB SQL over the same JSON lines, for every
 * repository: OpenSauced
 * contributor confidence (June 2024 preset), the OpenSauced lottery factor, LFX period-over-period
 * retention and CHAOSS time to first response. Numbers must be identical.
 *
 * <p>The SQL follows /work/shared/design/metric-definitions.md and our documented reading of it,
 * and it reproduces what our GH Archive reader takes from a line:
 *
 * <ul>
 *   <li>people are lower-cased logins; bots are logins ending in {@code [bot]}, actors of type
 *       {@code Bot} and the names of {@link BotDetector#defaults()} (our identity resolution also
 *       merges a login with another login of the same numeric id; the check shows whether that
 *       ever matters on this data);
 *   <li>stars are {@code WatchEvent}s (GH Archive only records "started"), forks {@code
 *       ForkEvent}s;
 *   <li>confidence: a user's pull request events are {@code PullRequestEvent} "opened" (credited
 *       to the actor) and "closed" (credited to {@code payload.pull_request.user.login}, the
 *       author);
 *   <li>lottery factor: "opened" per author, bots excluded, counting authors while the cumulative
 *       count before them is below half of the total;
 *   <li>retention: a contribution is an opened pull request, an opened issue (not a pull request
 *       seen as an issue), an issue or review comment ("created"), or a review ("created" or
 *       "submitted" with a known state), by a non-bot; the active people of each period are the
 *       distinct contributors; retained = active in the period and in the one before. Periods are
 *       ISO weeks (UTC) here, not LFX's default quarters, because the amplified streams span days
 *       to weeks;
 *   <li>time to first response: items are issues and pull requests opened in the window by a
 *       non-bot (the earliest opening of the repository and number, before as-of); the response is
 *       the earliest issue comment, review comment or review (as above) at or after the opening,
 *       before as-of, by a non-bot other than the author. Compared: items, answered items, and
 *       the nearest-rank median and 90th percentile of the answered ones, in seconds;
 *   <li>item numbers as the reader finds them: {@code payload.issue.number} or {@code
 *       payload.number}, {@code payload.pull_request.number}, and in the 2012 timeline the event
 *       {@code url} ({@code /issues/N}, {@code /pull/N}) or the review comment's {@code
 *       _links.pull_request.href} ({@code /pulls/N}); an issue is a pull request when its {@code
 *       pull_request} object has a non-null link.
 * </ul>
 *
 * <p>Both shapes of the archive are read: the Events API ({@code repo.name}, {@code actor.login})
 * and the 2012 timeline ({@code repository.owner}/{@code repository.name}, {@code actor} as a
 * string).
 */
public final class EquivalenceCheck {
  private EquivalenceCheck() {}

  /** Per-repository confidence evidence: users and weight sums of each side, and the percent. */
  public record Confidence(long stargazers, long forkers, double starWeight, double forkWeight) {}

  /** Per-repository lottery factor: the factor and the total of opened pull requests. */
  public record Lottery(int factor, long total) {}

  /**
   * Per-repository period-over-period retention: for every period with an active contributor,
   * {@code "start:active:retained"} (start in epoch seconds; retained = also active in the
   * period before), in time order. The LFX percentage is {@code 100 * retained / active of the
   * period before}, so equal counts give equal percentages.
   */
  public record Retained(List<String> periods) {}

  /**
   * Per-repository time to first response: items opened in the window, answered items, and the
   * nearest-rank median and 90th percentile of the answered ones in seconds (-1 when none).
   */
  public record FirstResponse(long items, long answered, long p50Seconds, long p90Seconds) {}

  /** The SQL that loads {@code ev}, one row per line with the columns the metrics use. */
  static final String LOAD =
      "CREATE OR REPLACE TABLE ev AS SELECT type, action, ts, login, repo, pr_author, num, on_pr, "
          + "review_state, coalesce(login LIKE '%[bot]' OR actor_type = 'Bot' OR login IN (SELECT name FROM bots), false) AS bot "
          + "FROM (SELECT "
          + "json->>'$.type' AS type, json->>'$.payload.action' AS action, "
          + "CAST(json->>'$.created_at' AS TIMESTAMPTZ) AS ts, "
          + "lower(CASE WHEN json_type(json->'$.actor') = 'VARCHAR' THEN json->>'$.actor' "
          + "ELSE json->>'$.actor.login' END) AS login, "
          + "coalesce(json->>'$.actor.type', json->>'$.actor_attributes.type') AS actor_type, "
          + "coalesce(json->>'$.repo.name', "
          + "(json->>'$.repository.owner') || '/' || (json->>'$.repository.name')) || '#' || "
          + "coalesce(json->>'$.repo.id', json->>'$.repository.id', '') AS repo, "
          + "lower(json->>'$.payload.pull_request.user.login') AS pr_author, "
          + "CASE json->>'$.type' "
          + "WHEN 'IssuesEvent' THEN coalesce(" + number("$.payload.issue.number") + ", " + number("$.payload.number") + ") "
          + "WHEN 'IssueCommentEvent' THEN coalesce(" + number("$.payload.issue.number") + ", "
          + after("$.url", "/issues/") + ", " + after("$.url", "/pull/") + ") "
          + "WHEN 'PullRequestEvent' THEN coalesce(" + number("$.payload.pull_request.number") + ", " + number("$.payload.number") + ") "
          + "WHEN 'PullRequestReviewCommentEvent' THEN coalesce(" + number("$.payload.pull_request.number") + ", "
          + after("$.payload.comment._links.pull_request.href", "/pulls/") + ") "
          + "WHEN 'PullRequestReviewEvent' THEN " + number("$.payload.pull_request.number") + " END AS num, "
          + "coalesce(json->>'$.payload.issue.pull_request.url', json->>'$.payload.issue.pull_request.html_url', "
          + "json->>'$.payload.issue.pull_request.diff_url', json->>'$.payload.issue.pull_request.patch_url') "
          + "IS NOT NULL AS on_pr, "
          + "lower(json->>'$.payload.review.state') AS review_state "
          + "FROM read_ndjson_objects(?))";

  /** A positive JSON integer at {@code path}, else NULL. */
  private static String number(String path) {
    return "nullif(greatest(TRY_CAST(json->>'" + path + "' AS INTEGER), 0), 0)";
  }

  /** The number after the last {@code marker} in the string at {@code path} (up to 10 digits). */
  private static String after(String path, String marker) {
    return "TRY_CAST(nullif(regexp_extract(json->>'" + path + "', '.*" + marker + "([0-9]{1,10})', 1), '') AS INTEGER)";
  }

  /** Rows that are a contribution (retention) or a response (first response): see the class. */
  static final String RESPONSE_OR_CONTRIBUTION =
      "repo IS NOT NULL AND login IS NOT NULL AND num IS NOT NULL AND NOT bot AND ("
          + "(type IN ('IssueCommentEvent', 'PullRequestReviewCommentEvent') AND (action IS NULL OR action = 'created')) "
          + "OR (type = 'PullRequestReviewEvent' AND (action IS NULL OR action IN ('created', 'submitted')) "
          + "AND review_state IN ('approved', 'changes_requested', 'commented', 'dismissed')))";

  /** Openings of items: pull requests, and issues that are not pull requests. */
  static final String OPENING =
      "repo IS NOT NULL AND login IS NOT NULL AND num IS NOT NULL AND action = 'opened' "
          + "AND (type = 'PullRequestEvent' OR (type = 'IssuesEvent' AND NOT on_pr))";

  static final String RETENTION =
      "WITH c AS (SELECT DISTINCT repo, login, date_trunc('week', ts) AS p FROM ev "
          + "WHERE ts >= ? AND ts < ? AND ((" + RESPONSE_OR_CONTRIBUTION + ") OR (" + OPENING + " AND NOT bot))) "
          + "SELECT c.repo, CAST(epoch(c.p) AS BIGINT) AS s, count(*), count(q.login) FROM c "
          + "LEFT JOIN c q ON q.repo = c.repo AND q.login = c.login AND q.p = c.p - INTERVAL 7 DAY "
          + "GROUP BY c.repo, c.p ORDER BY c.repo, c.p";

  static final String FIRST_RESPONSE =
      "WITH o AS (SELECT repo, num, min(ts) AS opened, arg_min(login, ts) AS author, arg_min(bot, ts) AS author_bot "
          + "  FROM ev WHERE ts < ? AND " + OPENING + " GROUP BY repo, num), "
          + "k AS (SELECT * FROM o WHERE opened >= ? AND NOT author_bot), "
          + "r AS (SELECT repo, num, ts, login FROM ev WHERE ts < ? AND (" + RESPONSE_OR_CONTRIBUTION + ")), "
          + "f AS (SELECT k.repo, CAST(epoch(min(r.ts)) - epoch(k.opened) AS BIGINT) AS d FROM k "
          + "  LEFT JOIN r ON r.repo = k.repo AND r.num = k.num AND r.ts >= k.opened AND r.login <> k.author "
          + "  GROUP BY k.repo, k.num, k.opened), "
          + "s AS (SELECT repo, d, row_number() OVER (PARTITION BY repo ORDER BY d NULLS LAST) AS rn, "
          + "  count(d) OVER (PARTITION BY repo) AS n, count(*) OVER (PARTITION BY repo) AS items FROM f) "
          + "SELECT repo, max(items), max(n), coalesce(max(CASE WHEN rn = ceil(0.5 * n) THEN d END), -1), "
          + "coalesce(max(CASE WHEN rn = ceil(0.9 * n) THEN d END), -1) FROM s GROUP BY repo";

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
    return load(file.toString(), 0);
  }

  /**
   * Opens an in-memory DuckDB limited to {@code threads} threads (0: DuckDB's default, one per
   * core) and loads {@code files} (a file or a glob, as {@code read_ndjson_objects} takes it) into
   * the table {@code ev}.
   */
  public static Connection load(String files, int threads) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      if (threads > 0) {
        st.execute("SET threads = " + threads);
      }
      st.execute("SET TimeZone = 'UTC'");
      StringBuilder names = new StringBuilder("CREATE OR REPLACE TABLE bots AS SELECT * FROM (VALUES ('')");
      for (String name : BotDetector.defaults().names()) {
        names.append(", ('").append(name.replace("'", "''")).append("')");
      }
      st.execute(names.append(") AS t(name)").toString());
    }
    try (PreparedStatement p = c.prepareStatement(LOAD)) {
      p.setString(1, files);
      p.execute();
    }
    try (Statement st = c.createStatement()) {
      st.execute(RENAMES);
    }
    return c;
  }

  /**
   * Repository identity as the event store has it (docs/events.md): lines with one repository id
   * are one repository, named by its latest name (a renamed repository's events are one
   * repository's, under the name it had last).
   */
  static final String RENAMES =
      "UPDATE ev SET repo = c.name || '#' || c.id FROM (SELECT split_part(repo, '#', 2) AS id, "
          + "arg_max(split_part(repo, '#', 1), ts) AS name FROM ev WHERE split_part(repo, '#', 2) <> '' "
          + "GROUP BY 1) c WHERE split_part(ev.repo, '#', 2) = c.id";

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
    // The compared definitions (see the class) count no commits: the SQL has none. Since GH
    // Archive pushes give their listed commits (issue 16), they are left out here so that both
    // sides measure the same contributions; the retention of the CLI counts them.
    GhArchiveReader.builder().build().read(List.of(file), e -> {
      if (e.type() != io.github.communitymetrics.core.event.EventType.COMMIT) {
        b.add(e);
      }
    });
    return b.build();
  }

  /** The confidence compared: OpenSauced's June 2024 preset as of {@code asOf}. */
  public static OpenSaucedConfidence confidence(EventStore store, Instant asOf) {
    // The repository of the preset is only a template: EachRepository sets each repository.
    return OpenSaucedConfidence.openSauced(store.repository(0), asOf);
  }

  /** Our confidence of every repository with a star or fork in the window: the full results. */
  public static Map<String, Confidence> ourConfidence(EventStore store, People people, Instant asOf) {
    Map<String, Confidence> out = new TreeMap<>();
    EachRepository.compute(store, people, confidence(store, asOf)::withRepository).forEach((repo, r) -> {
      if (r.hasEvidence()) {
        out.put(key(repo), new Confidence(r.stargazers(), r.forkers(), r.stargazerWeight(), r.forkerWeight()));
      }
    });
    return out;
  }

  /** Our lottery factor of every repository with a counted pull request in the window: the full results. */
  public static Map<String, Lottery> ourLottery(EventStore store, People people, Instant asOf) {
    Map<String, Lottery> out = new TreeMap<>();
    LotteryFactor preset = LotteryFactor.openSauced(asOf);
    EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))).forEach((repo, r) -> {
      if (r.factor().total() > 0) {
        out.put(key(repo), new Lottery(r.factor().factor(), r.factor().total()));
      }
    });
    return out;
  }

  /** The retention metric compared: LFX, ISO weeks in UTC, the 35 days before {@code asOf}. */
  public static Retention retention(Instant asOf) {
    return Retention.lfx(Window.endingAt(asOf, Duration.ofDays(35))).withUnit(PeriodUnit.ISO_WEEK);
  }

  /** Our period-over-period retention of every repository with a contribution in the window. */
  public static Map<String, Retained> ourRetention(EventStore store, People people, Instant asOf) {
    Map<String, Retained> out = new TreeMap<>();
    Retention preset = retention(asOf);
    EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))).forEach((repo, r) -> {
      List<String> periods = new ArrayList<>();
      for (PeriodRetention p : r.periods()) {
        if (!p.active().isEmpty()) {
          periods.add(p.period().window().start().getEpochSecond() + ":" + p.active().size() + ":" + p.retained().size());
        }
      }
      if (!periods.isEmpty()) {
        out.put(key(repo), new Retained(periods));
      }
    });
    return out;
  }

  /** The responsiveness metric compared: CHAOSS, the 30 days before {@code asOf}, as of then. */
  public static Responsiveness responsiveness(Instant asOf) {
    return Responsiveness.chaoss(Window.endingAt(asOf, Duration.ofDays(30)), asOf);
  }

  /** Our time to first response of every repository with an item opened in the window. */
  public static Map<String, FirstResponse> ourFirstResponse(EventStore store, People people, Instant asOf) {
    Map<String, FirstResponse> out = new TreeMap<>();
    Responsiveness preset = responsiveness(asOf);
    EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))).forEach((repo, r) -> {
      DurationSummary d = r.firstResponse();
      if (d.completed() + d.censored() > 0) {
        out.put(key(repo), new FirstResponse(d.completed() + d.censored(), d.completed(),
            d.p50().map(Duration::getSeconds).orElse(-1L), d.p90().map(Duration::getSeconds).orElse(-1L)));
      }
    });
    return out;
  }

  /** The numbers-only confidence of every repository: {@link #confidenceTable} of the compared preset. */
  public static RepositoryTable numbersConfidenceTable(EventStore store, People people, Instant asOf) {
    return confidenceTable(store, people, confidence(store, asOf));
  }

  /** The numbers-only lottery factor of every repository: {@link #lotteryTable} of the compared preset. */
  public static RepositoryTable numbersLotteryTable(EventStore store, People people, Instant asOf) {
    return lotteryTable(store, people, LotteryFactor.openSauced(asOf));
  }

  /** The numbers-only retention of every repository: {@link #retentionTable} of the compared preset. */
  public static RepositoryTable numbersRetentionTable(EventStore store, People people, Instant asOf) {
    return retentionTable(store, people, retention(asOf));
  }

  /** The numbers-only first response of every repository: {@link #firstResponseTable} of its preset. */
  public static RepositoryTable numbersFirstResponseTable(EventStore store, People people, Instant asOf) {
    return firstResponseTable(store, people, responsiveness(asOf));
  }

  /**
   * The confidence numbers of every repository with a stargazer or forker in the window: a
   * projection of {@link EachRepository}'s results, columns {@code stargazers}, {@code forkers},
   * {@code percent} (the floored percent) and {@code stargazerWeight}, {@code forkerWeight} (sums
   * of weights), as {@link OpenSaucedConfidenceResult} has them.
   */
  public static RepositoryTable confidenceTable(EventStore store, People people, OpenSaucedConfidence preset) {
    return RepositoryTable.project(
        EachRepository.compute(store, people, preset::withRepository),
        OpenSaucedConfidenceResult::hasEvidence,
        List.of(
            Column.ofLong("stargazers", OpenSaucedConfidenceResult::stargazers),
            Column.ofLong("forkers", OpenSaucedConfidenceResult::forkers),
            Column.ofLong("percent", OpenSaucedConfidenceResult::percent),
            Column.ofDouble("stargazerWeight", OpenSaucedConfidenceResult::stargazerWeight),
            Column.ofDouble("forkerWeight", OpenSaucedConfidenceResult::forkerWeight)));
  }

  /**
   * The lottery factor of every repository with a counted contribution in the window: a projection
   * of {@link EachRepository}'s results, columns {@code factor} (people) and {@code total}
   * (contributions).
   */
  public static RepositoryTable lotteryTable(EventStore store, People people, LotteryFactor preset) {
    return RepositoryTable.project(
        EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))),
        r -> r.factor().hasEvidence(),
        List.of(
            Column.ofLong("factor", r -> r.factor().factor()),
            Column.ofLong("total", r -> r.factor().total())));
  }

  /**
   * The period-over-period counts of every repository with a contribution in the window (or a
   * merge left out for want of its author): a projection of {@link EachRepository}'s results,
   * columns {@code active.k} and {@code retained.k} for each period {@code k} of {@link
   * Retention#periods()} (people active in the period, and those of them active in the one
   * before).
   */
  public static RepositoryTable retentionTable(EventStore store, People people, Retention preset) {
    int np = preset.periods().size();
    List<Column<RetentionResult>> columns = new ArrayList<>();
    for (int k = 0; k < np; k++) {
      int period = k;
      columns.add(Column.ofLong("active." + k, r -> r.periods().get(period).active().size()));
    }
    for (int k = 0; k < np; k++) {
      int period = k;
      columns.add(Column.ofLong("retained." + k, r -> r.periods().get(period).retained().size()));
    }
    return RepositoryTable.project(
        EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))),
        r -> r.hasEvidence() || r.unattributedMerges() > 0,
        columns);
  }

  /**
   * The time to first response of every repository with an item opened in the window: a
   * projection of {@link EachRepository}'s results, columns {@code items} (opened in the window),
   * {@code answered}, and {@code p50Nanos}, {@code p90Nanos} (nearest-rank percentiles of the
   * answered items, in nanoseconds; -1 when none was answered).
   */
  public static RepositoryTable firstResponseTable(EventStore store, People people, Responsiveness preset) {
    return RepositoryTable.project(
        EachRepository.compute(store, people, r -> preset.withScope(RepositoryScope.of(r))),
        r -> r.firstResponse().completed() + r.firstResponse().censored() > 0,
        List.of(
            Column.ofLong("items", r -> r.firstResponse().completed() + r.firstResponse().censored()),
            Column.ofLong("answered", r -> r.firstResponse().completed()),
            Column.ofLong("p50Nanos", r -> r.firstResponse().p50().map(Duration::toNanos).orElse(-1L)),
            Column.ofLong("p90Nanos", r -> r.firstResponse().p90().map(Duration::toNanos).orElse(-1L))));
  }

  /** {@link #numbersConfidenceTable} in the form compared with DuckDB. */
  public static Map<String, Confidence> numbersConfidence(EventStore store, People people, Instant asOf) {
    RepositoryTable t = numbersConfidenceTable(store, people, asOf);
    Map<String, Confidence> out = new TreeMap<>();
    for (int row = 0; row < t.size(); row++) {
      out.put(key(t.repository(row)), new Confidence(
          t.getLong(row, "stargazers"), t.getLong(row, "forkers"),
          t.getDouble(row, "stargazerWeight"), t.getDouble(row, "forkerWeight")));
    }
    return out;
  }

  /** {@link #numbersLotteryTable} in the form compared with DuckDB. */
  public static Map<String, Lottery> numbersLottery(EventStore store, People people, Instant asOf) {
    RepositoryTable t = numbersLotteryTable(store, people, asOf);
    Map<String, Lottery> out = new TreeMap<>();
    for (int row = 0; row < t.size(); row++) {
      out.put(key(t.repository(row)),
          new Lottery((int) t.getLong(row, "factor"), t.getLong(row, "total")));
    }
    return out;
  }

  /** {@link #numbersRetentionTable} in the form compared with DuckDB. */
  public static Map<String, Retained> numbersRetention(EventStore store, People people, Instant asOf) {
    List<Period> periods = retention(asOf).periods();
    RepositoryTable t = numbersRetentionTable(store, people, asOf);
    Map<String, Retained> out = new TreeMap<>();
    for (int row = 0; row < t.size(); row++) {
      List<String> list = new ArrayList<>();
      for (int k = 0; k < periods.size(); k++) {
        long active = t.getLong(row, "active." + k);
        if (active > 0) {
          list.add(periods.get(k).window().start().getEpochSecond() + ":" + active + ":"
              + t.getLong(row, "retained." + k));
        }
      }
      if (!list.isEmpty()) {
        out.put(key(t.repository(row)), new Retained(list));
      }
    }
    return out;
  }

  /** {@link #numbersFirstResponseTable} in the form compared with DuckDB. */
  public static Map<String, FirstResponse> numbersFirstResponse(EventStore store, People people, Instant asOf) {
    RepositoryTable t = numbersFirstResponseTable(store, people, asOf);
    Map<String, FirstResponse> out = new TreeMap<>();
    for (int row = 0; row < t.size(); row++) {
      out.put(key(t.repository(row)), new FirstResponse(
          t.getLong(row, "items"), t.getLong(row, "answered"),
          seconds(t.getLong(row, "p50Nanos")), seconds(t.getLong(row, "p90Nanos"))));
    }
    return out;
  }

  /** Whole seconds of a duration in nanoseconds (as {@link Duration#getSeconds}); -1 stays -1. */
  private static long seconds(long nanos) {
    return nanos < 0 ? -1 : Math.floorDiv(nanos, 1_000_000_000L);
  }

  /** DuckDB's retention per repository with a contribution in the window. */
  public static Map<String, Retained> duckRetention(Connection c, Instant asOf) throws SQLException {
    Map<String, List<String>> periods = new TreeMap<>();
    Window w = retention(asOf).window();
    try (PreparedStatement p = c.prepareStatement(RETENTION)) {
      p.setTimestamp(1, Timestamp.from(w.start()));
      p.setTimestamp(2, Timestamp.from(w.end()));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          periods.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
              .add(r.getLong(2) + ":" + r.getLong(3) + ":" + r.getLong(4));
        }
      }
    }
    Map<String, Retained> out = new TreeMap<>();
    periods.forEach((repo, list) -> out.put(repo, new Retained(list)));
    return out;
  }

  /** DuckDB's time to first response per repository with an item opened in the window. */
  public static Map<String, FirstResponse> duckFirstResponse(Connection c, Instant asOf) throws SQLException {
    Map<String, FirstResponse> out = new TreeMap<>();
    Window w = responsiveness(asOf).window();
    try (PreparedStatement p = c.prepareStatement(FIRST_RESPONSE)) {
      p.setTimestamp(1, Timestamp.from(asOf));
      p.setTimestamp(2, Timestamp.from(w.start()));
      p.setTimestamp(3, Timestamp.from(asOf));
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), new FirstResponse(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
        }
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
      report("confidence, numbers-only table", numbersConfidence(store, people, asOf), duckConfidence(c, asOf));
      report("lottery", ourLottery(store, people, asOf), duckLottery(c, asOf));
      report("lottery, numbers-only table", numbersLottery(store, people, asOf), duckLottery(c, asOf));
      report("retention", ourRetention(store, people, asOf), duckRetention(c, asOf));
      report("retention, numbers-only table", numbersRetention(store, people, asOf), duckRetention(c, asOf));
      Map<String, FirstResponse> first = ourFirstResponse(store, people, asOf);
      report("first response", first, duckFirstResponse(c, asOf));
      report("first response, numbers-only table",
          numbersFirstResponse(store, people, asOf), duckFirstResponse(c, asOf));
      System.out.printf("  (items opened in the window: %d, answered: %d)%n",
          first.values().stream().mapToLong(FirstResponse::items).sum(),
          first.values().stream().mapToLong(FirstResponse::answered).sum());
    }
  }

  private static <V> void report(String metric, Map<String, V> ours, Map<String, V> duck) {
    List<String> diff = differences(ours, duck);
    System.out.printf("%s: %d repositories (ours), %d (duckdb), %d differ%n",
        metric, ours.size(), duck.size(), diff.size());
    diff.stream().limit(20).forEach(d -> System.out.println("  " + d));
  }
}
