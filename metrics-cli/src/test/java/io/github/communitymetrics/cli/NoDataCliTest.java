package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * "No data is not zero": with no event in the window every metric of {@code metrics} (text and
 * JSON) and of {@code report --html} has no value, and no level is derived from nothing.
 */
class NoDataCliTest {
  @TempDir Path dir;

  private static String star(String at, String login) {
    return "{\"type\":\"star\",\"at\":\"" + at + "\",\"repo\":\"acme/widget\",\"actor\":{\"login\":\""
        + login + "\",\"bot\":false}}";
  }

  private static String pr(String at, String login, int number) {
    return "{\"type\":\"pull_request_opened\",\"at\":\"" + at + "\",\"repo\":\"acme/widget\","
        + "\"actor\":{\"login\":\"" + login + "\",\"bot\":false},\"number\":" + number
        + ",\"draft\":false,\"base\":\"main\",\"association\":\"CONTRIBUTOR\"}";
  }

  private static String commit(String at, String name, String sha) {
    return "{\"type\":\"commit\",\"at\":\"" + at + "\",\"repo\":\"acme/widget\",\"actor\":{\"name\":\""
        + name + "\",\"email\":\"" + name + "@example.org\",\"bot\":false,\"forge\":\"git\"},\"sha\":\""
        + sha + "\",\"parents\":[],\"author\":{\"name\":\"" + name + "\",\"email\":\"" + name
        + "@example.org\"},\"committer\":{\"name\":\"\",\"email\":\"\",\"at\":\"" + at
        + "\"},\"co_authors\":[],\"files\":[{\"status\":\"modified\",\"path\":\"src/a.c\",\"added\":3,\"removed\":0}]}";
  }

  private Path events(String... lines) throws IOException {
    Path p = dir.resolve("events.jsonl");
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** A repository active in March 2024: stars, pull requests and commits by three people. */
  private Path busyMarch() throws IOException {
    return events(
        star("2024-03-01T10:00:00Z", "fan"),
        pr("2024-03-02T10:00:00Z", "alice", 1),
        pr("2024-03-03T10:00:00Z", "bob", 2),
        commit("2024-03-04T10:00:00Z", "alice", "0123456789abcdef0123456789abcdef01234567"),
        commit("2024-03-05T10:00:00Z", "bob", "1123456789abcdef0123456789abcdef01234567"),
        commit("2024-03-06T10:00:00Z", "carol", "2123456789abcdef0123456789abcdef01234567"));
  }

  /** What {@link #flatten} maps a JSON null to. */
  static final String NULL = "<null>";

  /**
   * Every scalar of a JSON object by its dotted path ({@code a.b.c}, array elements {@code
   * a[0]}), nulls as {@link #NULL}, empty objects and arrays as {@code {}} and {@code []}.
   */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<int[]> index = new java.util.ArrayDeque<>();
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      String name = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME) {
          name = p.currentName();
          continue;
        }
        String key;
        if (index.isEmpty() || index.peekLast()[0] < 0) {
          key = name;
        } else {
          key = "[" + index.peekLast()[0]++ + "]";
        }
        String prefix = path.isEmpty() ? "" : path.peekLast();
        String full = key == null ? "" : prefix.isEmpty() ? key : key.startsWith("[") ? prefix + key : prefix + "." + key;
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          path.addLast(full);
          index.addLast(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
          out.put(full, t == JsonToken.START_ARRAY ? "[]" : "{}");
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          path.removeLast();
          index.removeLast();
        } else {
          out.put(full, t == JsonToken.VALUE_NULL ? NULL : p.getString());
        }
        name = null;
      }
    }
    return out;
  }

  /** The scalar at a dotted path of a flattened object; fails when there is none. */
  private static String at(Map<String, String> flat, String path) {
    assertTrue(flat.containsKey(path), "no " + path + " in " + flat);
    return flat.get(path);
  }

  /** Every metric value of docs/metrics.md: each must be null without evidence. */
  static final List<String> VALUES =
      List.of(
          "contributorConfidence.opensauced",
          "contributorConfidence.opensaucedPercent",
          "contributorConfidence.opensaucedLevel",
          "cohortConfidence.rate",
          "absenceFactor.factor",
          "lotteryFactor.count",
          "lotteryFactor.level",
          "ponyFactor.factor",
          "ponyFactor.metaPony",
          "contributorDependency.factor",
          "contributorDependency.points",
          "elephantFactor.factor",
          "elephantFactor.points",
          "onion.core",
          "onion.regular",
          "onion.casual",
          "ladder.d0",
          "ladder.d1",
          "ladder.d2",
          "ladder.d3",
          "ladder.conversion.d0ToD1",
          "ladder.medianDaysOnRung.d0",
          "retention.lfxPoints",
          "retention.eightKnot.active",
          "retention.eightKnot.drifting",
          "retention.eightKnot.away",
          "retention.openSauced.active",
          "retention.openSauced.new",
          "retention.openSauced.alumni",
          "retention.repeat",
          "retention.flyBy",
          "retention.occasional",
          "retention.survival.medianDays",
          "responsiveness.firstResponse.p50Hours",
          "responsiveness.timeToClose.p50Hours",
          "responsiveness.timeToMerge.p50Hours",
          "responsiveness.velocityDays",
          "responsiveness.acceptance.value",
          "responsiveness.reviewCoverage.value",
          "responsiveness.reviewConcentration.factor",
          "responsiveness.unanswered");

  /** The text rows (question, as printed) that hold a metric value. */
  static final List<String> ROWS =
      List.of(
          "Will stargazers and forkers contribute? (OpenSauced)",
          "Of those who starred/forked, how many contributed?",
          "How many people hold more than half the commits?",
          "How many people hold half the new pull requests?",
          "How many people wrote half the commits of 24 months?",
          "How many people make 51% of the commits?",
          "How many organisations hold more than half the commits?",
          "Core / regular / casual contributors",
          "Ladder D0 / D1 / D2 / D3 reached in the window",
          "Of the previous quarter's contributors, how many stayed?",
          "Active / drifting / away contributors",
          "Repeat / fly-by / occasional contributors",
          "Median time from first to last contribution",
          "Median time to first response (issues and PRs)",
          "PR velocity (mean whole days to merge)",
          "Merged among closed pull requests",
          "How many people hold more than half the reviews?");

  private static String row(String text, String question) {
    for (String line : text.split("\n")) {
      if (line.strip().startsWith(question)) {
        return line;
      }
    }
    throw new AssertionError("no row '" + question + "' in\n" + text);
  }

  private static void assertNoDataEverywhere(CommunityMetricsCliTest.Run text, CommunityMetricsCliTest.Run json) {
    assertEquals(0, text.status(), text.err());
    for (String q : ROWS) {
      String line = row(text.out(), q);
      String answer = line.strip().substring(q.length()).strip();
      assertTrue(answer.startsWith("no data"), q + ": " + line);
    }
    // No level read from nothing: neither the lottery's "very-high"/"low" nor OpenSauced's.
    for (String level : List.of("very-high", "low", "moderate", "high", "meta-pony")) {
      assertFalse(row(text.out(), "How many people hold half the new pull requests?").contains(level), text.out());
    }
    assertFalse(row(text.out(), "Will stargazers and forkers contribute? (OpenSauced)").contains("low"), text.out());
    assertTrue(text.err().contains("warning: --as-of"), text.err());
    assertTrue(text.out().contains("Warning: --as-of"), text.out());

    assertEquals(0, json.status(), json.err());
    assertTrue(json.err().contains("warning: --as-of"), json.err());
    Map<String, String> root = flatten(json.out());
    List<String> notNull = new ArrayList<>();
    for (String path : VALUES) {
      if (!at(root, path).equals(NULL)) {
        notNull.add(path + "=" + at(root, path));
      }
    }
    assertEquals(List.of(), notNull, json.out());
    // Every measurement of every metric: no value and no evidence.
    for (Map.Entry<String, String> e : root.entrySet()) {
      if (e.getKey().contains(".measurements[")
          && (e.getKey().endsWith(".value") || e.getKey().endsWith(".category"))) {
        assertEquals(NULL, e.getValue(), e.getKey() + " in " + json.out());
      }
      if (e.getKey().contains(".measurements[") && e.getKey().endsWith(".evidence")) {
        assertEquals("0", e.getValue(), e.getKey());
      }
    }
    assertTrue(root.keySet().stream().anyMatch(k -> k.startsWith("retention.measurements[")), json.out());
    assertTrue(at(root, "warnings[0]").contains("is not after the first event of acme/widget"), json.out());
    assertFalse(root.containsKey("warnings[1]"), json.out());
  }

  @Test
  void asOfBeforeTheFirstEventHasNoDataAndWarns() throws IOException {
    Path f = busyMarch();
    assertNoDataEverywhere(
        CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--as-of", "2023-06-01T00:00:00Z"),
        CommunityMetricsCliTest.run(
            "metrics", "--events", f.toString(), "--as-of", "2023-06-01T00:00:00Z", "--json"));
  }

  @Test
  void eventsOnlyAfterTheWindowHaveNoData() throws IOException {
    // --as-of at the first event: the window [asOf - 90d, asOf) ends where the events begin.
    Path f = busyMarch();
    assertNoDataEverywhere(
        CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--as-of", "2024-03-01T10:00:00Z"),
        CommunityMetricsCliTest.run(
            "metrics", "--events", f.toString(), "--as-of", "2024-03-01T10:00:00Z", "--json"));
  }

  @Test
  void oneEventStillGivesValues() throws IOException {
    Path f = events(commit("2024-03-04T10:00:00Z", "alice", "0123456789abcdef0123456789abcdef01234567"));
    CommunityMetricsCliTest.Run text = CommunityMetricsCliTest.run("metrics", "--events", f.toString());
    assertEquals(0, text.status(), text.err());
    assertTrue(row(text.out(), "How many people hold more than half the commits?").contains("1 people"), text.out());
    assertTrue(row(text.out(), "Core / regular / casual contributors").contains(" people"), text.out());
    assertFalse(text.err().contains("warning"), text.err());
    CommunityMetricsCliTest.Run json = CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--json");
    Map<String, String> root = flatten(json.out());
    assertEquals("1", at(root, "absenceFactor.factor"), json.out());
    assertEquals("1", at(root, "absenceFactor.total"), json.out());
    assertEquals("1", at(root, "ponyFactor.factor"), json.out());
    // One person in some layer (which one is the onion's rule, tested in core).
    assertEquals(
        1,
        Integer.parseInt(at(root, "onion.core")) + Integer.parseInt(at(root, "onion.regular"))
            + Integer.parseInt(at(root, "onion.casual")),
        json.out());
    assertEquals("1", at(root, "retention.eightKnot.active"), json.out());
    assertEquals("[]", at(root, "warnings"), json.out());
    assertFalse(root.containsKey("warnings[0]"), json.out());
    // Nobody starred and no pull request was opened: those two still have no value.
    assertEquals(NULL, at(root, "contributorConfidence.opensauced"), json.out());
    assertEquals(NULL, at(root, "lotteryFactor.level"), json.out());
  }

  @Test
  void htmlReportSaysNoDataAndDrawsNoChart() throws IOException {
    Path f = busyMarch();
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "report", "--events", f.toString(), "--as-of", "2023-06-01T00:00:00Z", "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("warning: --as-of"), r.err());
    String page = Files.readString(html);
    for (String q :
        List.of(
            "Will stargazers and forkers contribute? (OpenSauced)",
            "How many people hold more than half the commits?",
            "How many people hold half the new pull requests?",
            "How many organisations hold more than half the commits?",
            "Ladder D0 / D1 / D2 / D3 reached in the window",
            "Median time from first to last contribution",
            "Median time to first response (issues and PRs)",
            "How many people wrote half the commits of 24 months?",
            "Core / regular / casual contributors")) {
      String cell = "<tr><td>" + HtmlEscape.of(q) + "</td><td class=\"n\">no data</td><td></td>";
      assertTrue(page.contains(cell), q + " in\n" + page);
    }
    assertFalse(page.contains("<svg id="), "no chart: " + page);
    // The trends have no data either: no line and no dot in any sparkline.
    assertFalse(page.contains("<polyline") || page.contains("<circle"), page);
    assertTrue(page.contains("<p class=\"notice\">Warning: --as-of 2023-06-01T00:00:00Z is not after the first event"), page);
  }

  /** The HTML escaping of the report's questions (apostrophes and ampersands only occur here). */
  static final class HtmlEscape {
    static String of(String s) {
      return s.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  @Test
  void readReportCountsMalformedLinesPerReason() throws IOException {
    Path f = dir.resolve("mixed.jsonl");
    byte[] bad = {'{', (byte) 0xFF, '}', '\n'};
    try (var out = Files.newOutputStream(f)) {
      out.write((star("2024-03-01T10:00:00Z", "fan") + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(bad);
      out.write("{\"type\":\"star\" nope\n".getBytes(StandardCharsets.UTF_8));
      out.write((star("2300-03-01T10:00:00Z", "late") + "\n").getBytes(StandardCharsets.UTF_8));
      out.write((commit("2024-03-04T10:00:00Z", "alice", "0123456789abcdef0123456789abcdef01234567") + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    CommunityMetricsCliTest.Run text =
        CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--skip-malformed");
    assertEquals(0, text.status(), text.err());
    assertTrue(
        text.out().contains(
            "Read:   5 lines, 2 events, 0 blank, 3 malformed skipped"
                + " (invalid-utf8 1, instant-out-of-range 1, invalid-json 1)"),
        text.out());
    CommunityMetricsCliTest.Run json =
        CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--skip-malformed", "--json");
    assertEquals(0, json.status(), json.err());
    Map<String, String> root = flatten(json.out());
    assertEquals("5", at(root, "read.lines"), json.out());
    assertEquals("2", at(root, "read.events"), json.out());
    assertEquals("3", at(root, "read.malformedLines"), json.out());
    Map<String, String> byReason = new java.util.TreeMap<>();
    root.forEach((k, v) -> {
      if (k.startsWith("read.malformedByReason.")) {
        byReason.put(k.substring("read.malformedByReason.".length()), v);
      }
    });
    assertEquals(
        Map.of("invalid-utf8", "1", "instant-out-of-range", "1", "invalid-json", "1"), byReason, json.out());
  }

  @Test
  void sinceIsHonouredWithEvents() throws IOException {
    Path f = busyMarch();
    Path out = dir.resolve("out.jsonl");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "events", "export", "--events", f.toString(), "--since", "2024-03-04", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    // The three commits are on 4, 5 and 6 March; the star and the pull requests before.
    assertEquals(3, Files.readAllLines(out).size());
    assertTrue(r.err().contains("3 events before it left out"), r.err());
    CommunityMetricsCliTest.Run m =
        CommunityMetricsCliTest.run("metrics", "--events", f.toString(), "--since", "2024-03-04", "--json");
    assertEquals(0, m.status(), m.err());
    Map<String, String> root = flatten(m.out());
    assertEquals("0", at(root, "contributorConfidence.stargazers"), m.out());
    assertEquals("3", at(root, "absenceFactor.total"), m.out());
  }
}
