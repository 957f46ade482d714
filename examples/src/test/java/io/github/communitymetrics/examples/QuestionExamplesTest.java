package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every question example on a small simulated community read from an events file (the
 * {@code --events} path) and checks the printed numbers against the same metrics computed here
 * through {@link HealthSummary}, which composes them independently of the examples.
 */
class QuestionExamplesTest {
  private static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");
  @TempDir static Path dir;
  static Path file;
  static HealthSummary expected;

  @BeforeAll
  static void community() throws IOException {
    var events = CommunitySimulator.simulate(SimulationConfig.ofApproximateSize(7, 20_000)).events();
    file = dir.resolve("small.jsonl");
    try (Writer w = Files.newBufferedWriter(file)) {
      EventJsonLines.writeAll(events, w);
    }
    EventStore store = EventStore.of(events);
    expected =
        HealthSummary.compute(store, People.resolve(store), store.repositories().get(0), AS_OF,
            Duration.ofDays(90), Duration.ofDays(90),
            Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());
  }

  private interface Example {
    void run(Community c, PrintStream out) throws IOException;
  }

  private static String output(Example e) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      e.run(Community.fromArgs("--events", file.toString(), "--as-of", AS_OF.toString()), out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(expected.repository().fullName() + " as of " + AS_OF), text);
    return text;
  }

  @Test
  void stargazers() throws IOException {
    String out = output(StargazersContribute::run);
    assertTrue(out.contains("OpenSauced contributor confidence: " + expected.openSauced().percent() + " %"), out);
    if (expected.cohort().rate().isPresent()) {
      assertTrue(out.contains("Cohort: " + expected.cohort().converters() + " of " + expected.cohort().cohort()
          + " people"), out);
    }
  }

  @Test
  void busFactor() throws IOException {
    String out = output(BusFactor::run);
    assertTrue(expected.absenceFactor().factor() > 0, "the community commits");
    assertTrue(out.contains(": " + expected.absenceFactor().factor() + " people hold more than half of "
        + expected.absenceFactor().total() + " commits"), out);
    assertTrue(out.contains("pull requests of 30 days): " + expected.lotteryFactor().factor().factor() + " people"), out);
  }

  @Test
  void ladder() throws IOException {
    String out = output(LadderClimb::run);
    var reached = expected.ladder().atLeast().reached();
    for (var r : io.github.communitymetrics.core.metrics.ladder.Rung.values()) {
      assertTrue(out.lines().anyMatch(l -> l.matches(r + "\\s+" + reached.get(r) + "(\\s.*)?")),
          r + " " + reached.get(r) + " in\n" + out);
    }
  }

  @Test
  void newcomers() throws IOException {
    String out = output(NewcomersStaying::run);
    var r = expected.retention();
    assertTrue(!r.periods().isEmpty() && !r.cohorts().isEmpty(), "the community has quarters and cohorts");
    for (var p : r.periods()) {
      assertTrue(out.lines().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(p.period().label())
          + "\\s+" + p.active().size() + "\\s+" + p.newcomers().size() + "\\s+" + p.returning().size()
          + "\\s.*")), p.period().label() + " in\n" + out);
    }
    for (var row : r.cohorts()) {
      assertTrue(out.contains(row.cohort().label() + " (" + String.format("%3d", row.members().size()) + ")"), out);
    }
    assertTrue(out.contains(r.departed().size() + " departed, " + r.censored().size() + " censored"), out);
  }

  @Test
  void newcomersWelcome() throws IOException {
    String out = output(NewcomersWelcome::run);
    // The same metrics through the registry's descriptors, on the same events, repository and year.
    EventStore store = EventStore.of(EventJsonLines.readAll(Files.newBufferedReader(file)));
    var people = People.resolve(store);
    var e = io.github.communitymetrics.core.registry.Evaluation.of(
        io.github.communitymetrics.core.metrics.RepositoryScope.of(expected.repository()),
        io.github.communitymetrics.core.time.Window.endingAt(AS_OF, Duration.ofDays(365)));
    var x = io.github.communitymetrics.core.registry.StandardMetrics.NEWCOMER_EXPERIENCE.evaluate(store, people, e).result();
    var w = io.github.communitymetrics.core.registry.StandardMetrics.NEWCOMER_WELCOMERS.evaluate(store, people, e).result();
    var m = io.github.communitymetrics.core.registry.StandardMetrics.MENTORSHIP.evaluate(store, people, e).result();
    int n = x.journeys().newcomers().size();
    assertTrue(n > 0, "the community has newcomers");
    assertTrue(out.contains("Newcomers in the 365 days: " + n + "\n"), out);
    assertTrue(out.contains("first pull requests merged: " + x.firstPullRequestsMerged().numerator() + " of "
        + x.firstPullRequestsMerged().denominator() + ";"), out);
    assertTrue(out.contains("welcomed: " + w.welcomed() + " of " + w.withFirstItem() + " newcomers with an issue or PR, by "
        + w.welcomes().ranking().size() + " people"), out);
    assertTrue(out.contains("): " + m.mentored().newcomers() + " of " + n + ", by " + m.mentors().ranking().size() + " mentors"), out);
    x.items().median().ifPresent(d -> assertTrue(out.contains("newcomers' first issues and pull requests: "
        + String.format(Locale.ROOT, "%.1f h (%d items", d.getSeconds() / 3600.0, x.items().items())), out));
  }

  @Test
  void responseTimes() throws IOException {
    String out = output(ResponseTimes::run);
    var r = expected.responsiveness();
    var rows = java.util.Map.of("time to first response", r.firstResponse(), "  issues", r.issueFirstResponse(),
        "  pull requests", r.pullRequestFirstResponse(), "time to close", r.timeToClose(),
        "time to merge", r.timeToMerge());
    for (var e : rows.entrySet()) {
      var d = e.getValue();
      assertTrue(d.completed() > 0, "the community completes " + e.getKey());
      // Hours by hand from whole seconds, one decimal, as printed.
      StringBuilder line = new StringBuilder(java.util.regex.Pattern.quote(e.getKey()) + "\\s+" + d.completed()
          + "\\s+" + d.censored());
      for (var p : java.util.List.of(d.p50(), d.p75(), d.p90(), d.p95(), d.kaplanMeierMedian())) {
        line.append("\\s+").append(java.util.regex.Pattern.quote(
            String.format(Locale.ROOT, "%.1f", p.orElseThrow().getSeconds() / 3600.0)));
      }
      assertTrue(out.lines().anyMatch(l -> l.matches(line.toString())), line + " in\n" + out);
    }
    assertTrue(out.contains("Acceptance (merged of merged or closed pull requests): "
        + r.acceptance().numerator() + " of " + r.acceptance().denominator()), out);
    assertTrue(out.contains("Still waiting for a first response: " + r.unanswered().size() + " items"), out);
  }

  @Test
  void employers() throws IOException {
    String out = output(MaintainerEmployers::run);
    int factor = expected.elephantFactor().factor().factor();
    assertTrue(out.contains(": " + factor + (factor == 1 ? " organisation holds" : " organisations hold") + " more than half;"
        + " " + expected.elephantFactor().leftOut() + " unaffiliated"), out);
  }

  @Test
  void htmlReport() throws IOException {
    Path html = dir.resolve("report.html");
    String out = output((c, o) -> CommunityReport.run(c, html, o));
    String page = Files.readString(html);
    int absence = expected.absenceFactor().factor();
    assertTrue(page.contains(absence + (absence == 1 ? " person" : " people") + "</td>"), "absence factor in the page");
    assertTrue(out.contains("HTML report: " + html), out);
    assertTrue(page.toLowerCase(Locale.ROOT).contains("<svg"));
    // Every row's level and preset start in the same column, whatever the length of the answers.
    List<String> rows = out.lines().filter(l -> l.contains("?") && !l.startsWith("HTML")).toList();
    assertTrue(rows.size() >= 8, out);
    java.util.Set<Integer> presetColumns = new java.util.TreeSet<>();
    for (String row : rows) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S(  +)\\S").matcher(row);
      // Each search starts at the character after a gap, so that a one-character answer ("0")
      // is the end of one gap and the start of the next.
      int last = -1;
      int from = 0;
      while (m.find(from)) {
        last = m.end(1);
        from = last;
      }
      presetColumns.add(last);
    }
    assertEquals(1, presetColumns.size(), "preset column per row " + presetColumns + " in\n" + out);
  }

  @Test
  void badArgumentsNameTheUsage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Community.fromArgs("--evnts", "x"));
    assertTrue(e.getMessage().contains(Community.USAGE), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Community.fromArgs("--repo"));
    assertEquals("simulated demo community", assertDoesNotThrowDemo());
  }

  private static String assertDoesNotThrowDemo() {
    try {
      return Community.fromArgs().label();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
