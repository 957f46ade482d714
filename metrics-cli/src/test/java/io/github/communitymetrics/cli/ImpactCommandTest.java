package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code impact} end to end on real files: a canonical JSON Lines events file with a planted
 * effect (newcomers to acme/widget jump from about 2 to about 8 a day after a hackathon on
 * 2025-03-01; acme/control stays at about 2) and an iCalendar file with the hackathon, a quiet
 * day without any effect and an event too early for the data.
 */
class ImpactCommandTest {
  static final LocalDate FIRST = LocalDate.parse("2024-11-04");
  static final LocalDate LAST = LocalDate.parse("2025-04-27");
  static final LocalDate HACK = LocalDate.parse("2025-03-01");
  static final long SEED = 7;

  @TempDir static Path dir;
  static Path events;
  static Path calendar;

  /**
   * Each newcomer opens an issue on their first day; a third of them open another 5 days later
   * (widget newcomers of the hackathon's day: half). Daily counts are Poisson, seeded.
   */
  @BeforeAll
  static void files() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    System.out.println("ImpactCommandTest seed " + SEED);
    List<String> lines = new ArrayList<>();
    int[] person = {0};
    int[] number = {0};
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      boolean after = d.isAfter(HACK);
      double widget = d.equals(HACK) ? 12 : after ? 8 : 2;
      newcomers(lines, random, "acme/widget", d, poisson(random, widget), person, number);
      newcomers(lines, random, "acme/control", d, poisson(random, 2), person, number);
    }
    // Two attendees who first contribute a week after the hackathon.
    issue(lines, "acme/widget", "attendee-a", HACK.plusDays(7).atTime(10, 0).toInstant(ZoneOffset.UTC), ++number[0]);
    issue(lines, "acme/widget", "attendee-b", HACK.plusDays(8).atTime(10, 0).toInstant(ZoneOffset.UTC), ++number[0]);
    // Newcomers after the hackathon by its label: labelled-c's first issue has it at opening (in
    // another case), labelled-d's gets it from p1 a day later; labelled-e's first issue has none
    // (only the second does), and labelled-f's loses it again: neither joins the cohort.
    labelled(lines, "labelled-c", HACK.plusDays(9), ++number[0], "HackDay");
    int d = ++number[0];
    issue(lines, "acme/widget", "labelled-d", HACK.plusDays(10).atTime(10, 0).toInstant(ZoneOffset.UTC), d);
    labelChange(lines, "issue_labeled", d, HACK.plusDays(11), "hackday");
    issue(lines, "acme/widget", "labelled-e", HACK.plusDays(10).atTime(11, 0).toInstant(ZoneOffset.UTC), ++number[0]);
    labelled(lines, "labelled-e", HACK.plusDays(12), ++number[0], "hackday");
    int f = ++number[0];
    labelled(lines, "labelled-f", HACK.plusDays(13), f, "hackday");
    labelChange(lines, "issue_unlabeled", f, HACK.plusDays(14), "hackday");
    lines.sort(java.util.Comparator.comparing(l -> l.substring(l.indexOf("\"at\":"))));
    events = dir.resolve("events.jsonl");
    Files.write(events, lines, StandardCharsets.UTF_8);
    calendar = dir.resolve("events.ics");
    Files.writeString(calendar, String.join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//community-metrics//tests//EN",
        "BEGIN:VEVENT",
        "UID:hack@example.org",
        "DTSTAMP:20250101T000000Z",
        "SUMMARY:Hack Day",
        "DTSTART;VALUE=DATE:20250301",
        "DTEND;VALUE=DATE:20250302",
        "CATEGORIES:Hackathon,hackday",
        "ATTENDEE:mailto:attendee-a",
        "ATTENDEE:mailto:Attendee-B",
        "ATTENDEE:mailto:nobody-here",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:quiet@example.org",
        "DTSTAMP:20250101T000000Z",
        "SUMMARY:Quiet Day",
        "DTSTART;VALUE=DATE:20241215",
        "DTEND;VALUE=DATE:20241216",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:early@example.org",
        "DTSTAMP:20250101T000000Z",
        "SUMMARY:Early Bird",
        "DTSTART;VALUE=DATE:20241110",
        "DTEND;VALUE=DATE:20241111",
        "END:VEVENT",
        "END:VCALENDAR",
        ""), StandardCharsets.UTF_8);
  }

  private static void newcomers(
      List<String> lines, SplittableRandom random, String repo, LocalDate day, int n, int[] person, int[] number) {
    for (int i = 0; i < n; i++) {
      String login = "p" + ++person[0];
      Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
      issue(lines, repo, login, at, ++number[0]);
      double returns = repo.equals("acme/widget") && day.equals(HACK) ? 0.5 : 1 / 3.0;
      if (random.nextDouble() < returns) {
        issue(lines, repo, login, at.plusSeconds(5 * 86_400), ++number[0]);
      }
    }
  }

  private static void issue(List<String> lines, String repo, String login, Instant at, int number) {
    lines.add("{\"type\":\"issue_opened\",\"at\":\"" + at + "\",\"repo\":\"" + repo + "\",\"actor\":{\"login\":\""
        + login + "\",\"bot\":false},\"number\":" + number + "}");
  }

  private static void labelled(List<String> lines, String login, LocalDate day, int number, String label) {
    issue(lines, "acme/widget", login, day.atTime(10, 0).toInstant(ZoneOffset.UTC), number);
    String l = lines.remove(lines.size() - 1);
    lines.add(l.substring(0, l.length() - 1) + ",\"labels\":[\"" + label + "\"]}");
  }

  private static void labelChange(List<String> lines, String type, int number, LocalDate day, String label) {
    lines.add("{\"type\":\"" + type + "\",\"at\":\"" + day.atTime(9, 0).toInstant(ZoneOffset.UTC)
        + "\",\"repo\":\"acme/widget\",\"actor\":{\"login\":\"p1\",\"bot\":false},\"v\":2,\"number\":"
        + number + ",\"label\":\"" + label + "\"}");
  }

  /** Knuth's method: fine for the small means here. */
  static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  static CommunityMetricsCliTest.Run impact(String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--quiet", "impact", "--event-file", calendar.toString(), "--events", events.toString(),
        "--placebos", "40", "--replicates", "399"));
    args.addAll(List.of(more));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  @Test
  void thePlantedJumpIsFoundAndTheQuietDayShowsNone() {
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> root = object(r.out());
    assertEquals(1, number(root, "schemaVersion"));
    assertEquals("acme/widget", root.get("repositories"));
    assertEquals("2024-11-04", root.get("firstDay"));
    Map<String, Object> hack = event(root, "Hack Day");
    Map<String, Object> series = only(list(hack, "series"));
    assertEquals("new-contributors", series.get("id"));
    assertEquals("2025-03-01", series.get("eventFirstDay"));
    // Planted: about 2 a day before, about 8 after: a level change of 6.
    Map<String, Object> its = map(series, "interruptedTimeSeries");
    assertEquals("2025-02-01", its.get("beforeFrom"));
    assertEquals("2025-03-29", its.get("afterTo"));
    assertEquals(56, number(its, "observations"));
    Map<String, Object> level = map(its, "levelChange");
    assertTrue(number(level, "lower") > 0, "a rise: " + level);
    assertTrue(number(level, "lower") <= 6 && 6 <= number(level, "upper"), "the interval holds 6: " + level);
    assertTrue(number(level, "pValue") < 0.001, level.toString());
    Map<String, Object> lift = map(series, "lift");
    assertEquals("2025-02-01", lift.get("beforeFrom"));
    assertEquals("2025-03-29", lift.get("afterTo"));
    Map<String, Object> difference = map(lift, "difference");
    assertTrue(number(difference, "lower") <= 6 && 6 <= number(difference, "upper"), difference.toString());
    assertNotNull(map(map(series, "placeboLift"), "falsePositiveRate"));
    Map<String, Object> changepoints = map(series, "changepoints");
    assertEquals(Boolean.TRUE, changepoints.get("nearEvent"), changepoints.toString());
    assertNull(series.get("differenceInDifferences"));
    assertEquals("no --controls", map(series, "noData").get("differenceInDifferences"));

    Map<String, Object> quiet = only(list(event(root, "Quiet Day"), "series"));
    Map<String, Object> none = map(map(quiet, "interruptedTimeSeries"), "levelChange");
    assertTrue(number(none, "lower") <= 0 && 0 <= number(none, "upper"), "no effect: " + none);
    Map<String, Object> noLift = map(map(quiet, "lift"), "difference");
    assertTrue(number(noLift, "lower") <= 0 && 0 <= number(noLift, "upper"), "no effect: " + noLift);
  }

  @Test
  void theCohortCountsNewcomersAndAttendeesAgainstTheNewcomersBefore() {
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--json", "--event", "Hack Day", "--horizon", "30d", "--gap", "20d");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> hack = event(object(r.out()), "Hack Day");
    assertEquals(List.of("hackday"), hack.get("labels"));
    assertEquals(Boolean.TRUE, hack.get("labelsUsed"));
    Map<String, Object> cohort = map(hack, "cohort");
    Map<String, Object> attendees = map(cohort, "attendees");
    assertEquals(3, number(attendees, "listed"));
    assertEquals(2, number(attendees, "matched"), "by login, any case; nobody-here is not in the data");
    assertEquals(2, number(cohort, "byAttendance"));
    assertEquals(2, number(cohort, "byLabel"), "labelled-c and labelled-d; not e (first issue unlabelled) nor f (untagged)");
    long newcomers = countFirstIssuesOn("acme/widget", HACK);
    assertEquals(newcomers, number(cohort, "byFirstContribution"));
    assertEquals(newcomers + 4, number(cohort, "members"));
    Map<String, Object> baseline = map(cohort, "baseline");
    assertEquals("2025-02-01T00:00:00Z", baseline.get("from"));
    assertEquals("2025-03-01T00:00:00Z", baseline.get("to"));
    long before = 0;
    for (int d = 1; d <= 28; d++) {
      before += countFirstIssuesOn("acme/widget", HACK.minusDays(d));
    }
    assertEquals(before, number(baseline, "members"));
    Map<String, Object> conversion = map(cohort, "conversion");
    assertEquals(newcomers + 4, number(conversion, "eligible"), "every horizon of 30 days has passed");
    assertEquals(countReturning("acme/widget", HACK), number(conversion, "converted"));
    Map<String, Object> rate = map(conversion, "rate");
    assertTrue(number(rate, "lower") <= number(rate, "estimate") && number(rate, "estimate") <= number(rate, "upper"));
    // Same-size cohorts: drawn from everyone else whose first issue is 28 days or more into the
    // data and whose 30-day horizon has passed.
    Map<String, Object> same = map(cohort, "sameSizeCohorts");
    assertEquals(newcomers + 4, number(same, "size"));
    assertEquals(number(conversion, "converted"), number(same, "converted"));
    long[] pool = pool("acme/widget", 30);
    assertEquals(pool[0], number(same, "pool"));
    assertEquals(pool[1], number(same, "poolConverted"));
    assertEquals(pool[1] / (double) pool[0], number(same, "expected"), 1e-12);
    assertTrue(number(same, "lower") <= number(same, "expected") && number(same, "expected") <= number(same, "upper"));
    assertTrue(number(same, "pValue") > 0 && number(same, "pValue") <= 1);
    // Their survival, all of them, against the cohort's.
    assertEquals(pool[2], number(map(cohort, "pool"), "members"));
    assertEquals(pool[2], number(map(cohort, "poolSurvival"), "subjects"));
    Map<String, Object> againstPool = map(cohort, "logRankAgainstPool");
    assertTrue(number(againstPool, "pValue") > 0 && number(againstPool, "pValue") <= 1, againstPool.toString());
    // With a 20-day gap the cohort of Mar 1 is followed as of early May; its members return
    // within 5 days or never, so everyone followed departs: the log-rank test has something to compare.
    Map<String, Object> survival = map(cohort, "survival");
    assertEquals(newcomers + 4, number(survival, "followed"));
    assertEquals(newcomers + 4, number(survival, "departures"));
    Map<String, Object> logRank = map(cohort, "logRank");
    assertTrue(number(logRank, "pValue") > 0 && number(logRank, "pValue") <= 1, logRank.toString());
    assertEquals(0, r.err().length(), r.err());
    CommunityMetricsCliTest.Run loud = CommunityMetricsCliTest.run(
        "impact", "--event-file", calendar.toString(), "--events", events.toString(), "--event", "Hack Day",
        "--placebos", "5", "--replicates", "39", "--repo", "acme/widget");
    System.out.println(loud.out()); // the table, for whoever reads the test's output
    assertTrue(loud.out().contains("2 after its start with a first issue or pull request labelled for it"), loud.out());
  }

  @Test
  void textSaysNoDataAndWhyWhereTheWindowsLeaveTheData() {
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--event", "Early Bird", "--series", "new-contributors,stars");
    assertEquals(0, r.status(), r.err());
    String out = r.out();
    assertTrue(out.contains("Event \"Early Bird\" (other), 2024-11-10T00:00:00Z to 2024-11-11T00:00:00Z"), out);
    assertTrue(out.contains("the 28 days before the event start 2024-10-13, before the data does (2024-11-04)"), out);
    assertTrue(Pattern.compile("new-contributors\\s+lift\\s+no data").matcher(out).find(), out);
    assertTrue(Pattern.compile("stars\\s+ITS\\s+no data").matcher(out).find(), out);
    assertTrue(out.contains("Data: 2024-11-04 to 2025-05-02 (UTC days)"), "the last returning issue: " + out);
    // The baseline's 28 days before Nov 10 reach before the data: nobody there is known to be new.
    assertTrue(out.contains("baseline: no data (its window 2024-10-13 to 2024-11-10 starts before the data does (2024-11-04))"), out);
    // In JSON the same estimates are null, with the reason beside them.
    Map<String, Object> s = list(event(object(impact("--repo", "acme/widget", "--event", "Early Bird", "--json").out()),
        "Early Bird"), "series").get(0);
    assertTrue(s.containsKey("lift") && s.get("lift") == null);
    assertTrue(((String) map(s, "noData").get("lift")).contains("before the data does"));
  }

  @Test
  void aSeriesWithoutEventsHasNoIntervalsRatherThanZeroWidthOnes() {
    // Nobody opens a pull request in the fixture: first-time-pr-authors is 0 every day.
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--json", "--event", "Hack Day", "--series", "first-time-pr-authors");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> s = only(list(event(object(r.out()), "Hack Day"), "series"));
    Map<String, Object> its = map(s, "interruptedTimeSeries");
    assertTrue(its.containsKey("levelChange") && its.get("levelChange") == null, its.toString());
    assertEquals("the model fits the days exactly: no residual to measure uncertainty",
        map(s, "noData").get("interruptedTimeSeries.levelChange"));
    Map<String, Object> lift = map(s, "lift");
    assertEquals(0.0, number(lift, "meanBefore"));
    assertTrue(lift.containsKey("ratio") && lift.get("ratio") == null, "a ratio to 0 means nothing: " + lift);
    assertEquals(List.of(), map(s, "changepoints").get("days"));
  }

  @Test
  void controlsGiveADifferenceInDifferences() {
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--controls", "acme/control", "--json", "--event", "Hack Day");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> root = object(r.out());
    assertEquals(List.of("acme/control"), root.get("controls"));
    Map<String, Object> did = map(only(list(event(root, "Hack Day"), "series")), "differenceInDifferences");
    Map<String, Object> effect = map(did, "effect");
    assertTrue(number(effect, "lower") > 0 && number(effect, "lower") <= 6 && 6 <= number(effect, "upper"), did.toString());
    CommunityMetricsCliTest.Run missing = impact("--repo", "acme/widget", "--controls", "acme/absent");
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("--controls: no events of repository acme/absent in the input; it holds acme/control, acme/widget"),
        missing.err());
  }

  @Test
  void htmlDrawsEachSeriesWithItsBandAndTheCohortAgainstItsBaseline() throws IOException {
    Path page = dir.resolve("impact.html");
    CommunityMetricsCliTest.Run r = impact("--repo", "acme/widget", "--event", "Hack Day", "--series", "new-contributors,stars",
        "--html", page.toString());
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(page);
    assertEquals(3, Pattern.compile("<svg ").matcher(html).results().count(), "two series and one cohort chart");
    assertTrue(html.contains("counterfactual: the pre-event fit extended, 95 % prediction interval"), "the band");
    assertTrue(html.contains(">event<"), "the event shaded");
    assertTrue(html.contains("event cohort ("), "the cohort's curve");
    assertTrue(html.contains("baseline: newcomers of the 28 days before ("), "the baseline's curve");
    assertTrue(html.contains("other newcomers of the data ("), "the pool's curve");
    assertTrue(html.contains("Did &quot;Hack Day&quot; change new-contributors"), "a section per series");
  }

  @Test
  void theCommunityReportCarriesTheSameEventSectionsAsImpact() throws IOException {
    Path alone = dir.resolve("impact-defaults.html");
    CommunityMetricsCliTest.Run i = CommunityMetricsCliTest.run("--quiet", "impact", "--event-file", calendar.toString(),
        "--events", events.toString(), "--event", "Hack Day", "--repo", "acme/widget", "--html", alone.toString());
    assertEquals(0, i.status(), i.err());
    Path page = dir.resolve("report-with-events.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("--quiet", "report", "--events", events.toString(),
        "--repo", "acme/widget", "--html", page.toString(), "--event-file", calendar.toString(), "--event", "Hack Day");
    assertEquals(0, r.status(), r.err());
    String html = Files.readString(page);
    String impact = Files.readString(alone);
    // The answers (level change with its interval and p; the log-rank test) with impact's defaults.
    Matcher level = Pattern.compile("level change [^<]+").matcher(impact);
    assertTrue(level.find(), impact);
    assertTrue(html.contains(level.group()), level.group() + " in the report");
    // With the default 90-day gap the cohort of Mar 1 has no departure yet as of early May.
    String noLogRank = "no data: no departure at a time when both the cohort and the baseline had people at risk";
    assertTrue(impact.contains(noLogRank), impact);
    assertTrue(html.contains(noLogRank), "the cohort's answer in the report");
    assertTrue(html.contains("Did &quot;Hack Day&quot; change new-contributors"), "the series' section");
    assertTrue(html.contains("baseline: newcomers of the 28 days before ("), "the cohort's section");
    assertTrue(html.contains("counterfactual: the pre-event fit extended"), "the band");

    CommunityMetricsCliTest.Run without = CommunityMetricsCliTest.run(
        "report", "--events", events.toString(), "--event-file", calendar.toString());
    assertEquals(2, without.status());
    assertTrue(without.err().contains("--event-file and --event go with --html"), without.err());
    CommunityMetricsCliTest.Run unknown = CommunityMetricsCliTest.run("report", "--events", events.toString(),
        "--html", dir.resolve("never.html").toString(), "--event-file", calendar.toString(), "--event", "Hack Week");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("no event named 'Hack Week'"), unknown.err());
    assertTrue(Files.notExists(dir.resolve("never.html")));
  }

  @Test
  void anUnknownEventListsTheNames() {
    CommunityMetricsCliTest.Run r = impact("--event", "Hack Week");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--event: no event named 'Hack Week' in " + calendar
        + "; its events are 'Hack Day', 'Quiet Day', 'Early Bird'"), r.err());
  }

  @Test
  void anUnknownSeriesListsTheIds() {
    CommunityMetricsCliTest.Run r = impact("--series", "new-contributors,forks");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--series: unknown series 'forks'; the series are new-contributors, first-time-pr-authors,"
        + " prs-opened, stars, active-contributors, issues-opened, awaiting-first-response, first-responses"), r.err());
  }

  @Test
  void aBadEventFileNamesItsLine() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "name,kind,start,end\nHack Day,hackathon,2025-03-01,2025-03-01\nSprint,sprint,2025-13-01,2025-03-02\n");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "impact", "--event-file", bad.toString(), "--events", events.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("community-metrics: " + bad + ":3: "), r.err());
  }

  // The events file, read back for the hand counts.

  private static List<String[]> issues() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String l : Files.readAllLines(events)) {
      if (!l.startsWith("{\"type\":\"issue_opened\"")) {
        continue; // a label change: not a contribution
      }
      String at = l.replaceAll(".*\"at\":\"([^\"]+)\".*", "$1");
      String repo = l.replaceAll(".*\"repo\":\"([^\"]+)\".*", "$1");
      String login = l.replaceAll(".*\"login\":\"([^\"]+)\".*", "$1");
      out.add(new String[] {at, repo, login});
    }
    return out;
  }

  /** People whose first issue in {@code repo} is on {@code day}. */
  private static long countFirstIssuesOn(String repo, LocalDate day) {
    return firsts(repo).values().stream().filter(i -> LocalDate.ofInstant(i, ZoneOffset.UTC).equals(day)).count();
  }

  /** People first on {@code day} or attendees, with a second issue within 30 days. */
  private static long countReturning(String repo, LocalDate day) {
    Map<String, List<Instant>> by = new LinkedHashMap<>();
    try {
      for (String[] i : issues()) {
        if (i[1].equals(repo)) {
          by.computeIfAbsent(i[2], k -> new ArrayList<>()).add(Instant.parse(i[0]));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return by.entrySet().stream()
        .filter(e -> LocalDate.ofInstant(e.getValue().get(0), ZoneOffset.UTC).equals(day) || e.getKey().startsWith("attendee")
            || e.getKey().equals("labelled-c") || e.getKey().equals("labelled-d"))
        .filter(e -> e.getValue().size() > 1 && !e.getValue().get(1).isAfter(e.getValue().get(0).plusSeconds(30 * 86_400L)))
        .count();
  }

  /**
   * The other newcomers' pool: people of {@code repo} not in the Hack Day cohort whose first issue
   * is at least 28 days after the first line of the input, and whose horizon ends by the as-of
   * instant (one second after the last line); those of them with a second issue within it; and
   * all of the pool, horizon passed or not.
   */
  private static long[] pool(String repo, int horizonDays) {
    Map<String, List<Instant>> by = new LinkedHashMap<>();
    Instant start = Instant.MAX;
    Instant last = Instant.MIN;
    try {
      for (String[] i : issues()) {
        Instant at = Instant.parse(i[0]);
        start = at.isBefore(start) ? at : start;
        last = at.isAfter(last) ? at : last;
        if (i[1].equals(repo)) {
          by.computeIfAbsent(i[2], k -> new ArrayList<>()).add(at);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Instant from = start.plusSeconds(28 * 86_400L);
    Instant asOf = last.plusSeconds(1);
    long eligible = 0;
    long converted = 0;
    long members = 0;
    for (Map.Entry<String, List<Instant>> e : by.entrySet()) {
      List<Instant> t = e.getValue().stream().sorted().toList();
      String who = e.getKey();
      boolean member = LocalDate.ofInstant(t.get(0), ZoneOffset.UTC).equals(HACK) || who.startsWith("attendee")
          || who.equals("labelled-c") || who.equals("labelled-d");
      Instant deadline = t.get(0).plusSeconds(horizonDays * 86_400L);
      if (member || t.get(0).isBefore(from)) {
        continue;
      }
      members++;
      if (deadline.isAfter(asOf)) {
        continue;
      }
      eligible++;
      if (t.size() > 1 && !t.get(1).isAfter(deadline)) {
        converted++;
      }
    }
    return new long[] {eligible, converted, members};
  }

  private static Map<String, Instant> firsts(String repo) {
    Map<String, Instant> first = new LinkedHashMap<>();
    try {
      for (String[] i : issues()) {
        if (i[1].equals(repo)) {
          first.merge(i[2], Instant.parse(i[0]), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return first;
  }

  // A small JSON tree reader over Jackson's streaming parser.

  static Map<String, Object> object(String json) {
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      p.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) value(p);
      return m;
    }
  }

  private static Object value(JsonParser p) {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertNotNull(v, key + " in " + m);
    return (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    return (List<Map<String, Object>>) m.get(key);
  }

  static double number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    assertTrue(v instanceof Double, key + " is a number in " + m);
    return (Double) v;
  }

  static Map<String, Object> only(List<Map<String, Object>> l) {
    assertEquals(1, l.size(), l.toString());
    return l.get(0);
  }

  static Map<String, Object> event(Map<String, Object> root, String name) {
    return list(root, "events").stream().filter(e -> name.equals(e.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + name + " in " + root.get("events")));
  }

  @Test
  void everyOptionDefaultIsInTheHelp() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("impact", "--help");
    assertEquals(0, r.status());
    for (String d : List.of("(default: 28)", "(default: 999)", "(default: 200", "(default: 0.05)", "(default: bic)",
        "(default: 90d)", "(default: 1)", "(default: 7)", "ceil(window^(1/3))")) {
      assertTrue(r.out().contains(d), d + " in\n" + r.out());
    }
    assertFalse(r.out().contains("${DEFAULT-VALUE}"));
  }
}
