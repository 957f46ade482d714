package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Progress goes to standard error only, the way users meet it: standard output (the JSON, CSV or
 * events they pipe) is byte for byte the same with the bar drawn ({@code --progress always}, or
 * {@code CM_PROGRESS=always} for a real process) as without it; {@code --quiet} leaves standard
 * error without progress and informational lines but with errors. The tests run without a
 * terminal, so {@code always} is how they get the bar.
 */
class ProgressCliTest {
  private static final Path CMLOG = resource("/truck-factor/cmlog.txt");

  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(ProgressCliTest.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A GH Archive hour (Events API shape) of acme/widget and acme/gadget: stars and issues. */
  private Path gharchive(String name) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      String repo = i % 3 == 0 ? "acme/gadget" : "acme/widget";
      int repoId = i % 3 == 0 ? 8 : 9;
      String at = String.format("2021-07-21T06:%02d:%02dZ", i / 60, i % 60);
      String actor = "{\"id\":" + (1000 + i % 40) + ",\"login\":\"user" + (i % 40) + "\"}";
      String type = i % 2 == 0 ? "WatchEvent" : "IssuesEvent";
      String payload =
          i % 2 == 0
              ? "{\"action\":\"started\"}"
              : "{\"action\":\"opened\",\"issue\":{\"number\":" + i + ",\"title\":\"t\",\"user\":" + actor
                  + ",\"created_at\":\"" + at + "\"}}";
      text.append("{\"id\":\"").append(i).append("\",\"type\":\"").append(type).append("\",\"actor\":")
          .append(actor).append(",\"repo\":{\"id\":").append(repoId).append(",\"name\":\"").append(repo)
          .append("\"},\"payload\":").append(payload).append(",\"public\":true,\"created_at\":\"").append(at)
          .append("\"}\n");
    }
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** The GH Archive hour's events as canonical JSON Lines. */
  private Path events() throws IOException {
    Path file = dir.resolve("events.jsonl.gz");
    if (!Files.exists(file)) {
      CommunityMetricsCliTest.Run r =
          CommunityMetricsCliTest.run(
              "events", "export", "--gharchive", gharchive("2021-07-21-5.json.gz").toString(), "--out", file.toString());
      assertEquals(0, r.status(), r.err());
    }
    return file;
  }

  /** Every JSON value in {@code text} parses, and there is at least one. */
  private static void assertJson(String text) {
    try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), text)) {
      int values = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (p.streamReadContext().inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)) {
          values++;
        }
      }
      assertTrue(values > 0, text);
    }
  }

  /**
   * The command in-process with the bar drawn and without: the same status and the same standard
   * output, which is JSON where asked; the bar (its task name, in place with carriage returns)
   * only on standard error.
   */
  private void sameOutputWithAndWithoutTheBar(String task, boolean json, String... command) {
    List<String> always = new ArrayList<>(List.of("--progress", "always"));
    always.addAll(List.of(command));
    List<String> never = new ArrayList<>(List.of("--progress", "never"));
    never.addAll(List.of(command));
    CommunityMetricsCliTest.Run drawn = CommunityMetricsCliTest.run(always.toArray(String[]::new));
    CommunityMetricsCliTest.Run plain = CommunityMetricsCliTest.run(never.toArray(String[]::new));
    assertEquals(0, drawn.status(), drawn.err());
    assertEquals(0, plain.status(), plain.err());
    assertEquals(plain.out(), drawn.out());
    assertTrue(drawn.err().contains("\r" + task), drawn.err());
    assertFalse(drawn.out().contains("\r"), "a carriage return on standard output");
    assertFalse(plain.err().contains("\r"), plain.err());
    if (json) {
      assertJson(drawn.out());
    }
  }

  @Test
  void truckFactorFromALogDrawsOnStandardErrorOnly() {
    sameOutputWithAndWithoutTheBar("reading cmlog.txt", true, "truck-factor", "--git-log", CMLOG.toString(), "--json");
    sameOutputWithAndWithoutTheBar("listing the files of cmlog.txt", false, "truck-factor", "--git-log", CMLOG.toString());
  }

  @Test
  void gharchiveReadingDrawsOnStandardErrorOnly() throws IOException {
    String a = gharchive("2021-07-21-6.json.gz").toString();
    String b = gharchive("2021-07-21-7.json.gz").toString();
    sameOutputWithAndWithoutTheBar(
        "reading 2 GH Archive files", true, "metrics", "--gharchive", a, b, "--repo", "acme/widget", "--json");
    sameOutputWithAndWithoutTheBar("scoring", false, "score", "--gharchive", a, b, "--csv");
  }

  @Test
  void eventsReadingAndScoringDrawOnStandardErrorOnly() throws IOException {
    String file = events().toString();
    sameOutputWithAndWithoutTheBar("reading events.jsonl.gz", true, "report", "--events", file, "--json");
    sameOutputWithAndWithoutTheBar("scoring", true, "score", "--events", file, "--group-by", "owner", "--json");
    sameOutputWithAndWithoutTheBar("reading events.jsonl.gz", true, "events", "check", "--events", file, "--json");
    sameOutputWithAndWithoutTheBar("reading events.jsonl.gz", false, "events", "export", "--events", file, "--out", "-");
  }

  @Test
  void theHtmlReportShowsItsMetricsAndTrendsBeingComputed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String file = events().toString();
    sameOutputWithAndWithoutTheBar(
        "computing metrics and 24-month trends", false, "report", "--events", file, "--html",
        dir.resolve("r.html").toString());
  }

  /**
   * The real {@code main} in a child JVM, with the bar asked for through the environment: the
   * process's standard output is byte for byte the one without progress, and its standard error
   * has the bar.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"truck-factor", "score"})
  void aRealProcessKeepsStandardOutputByteIdentical(String command) throws IOException, InterruptedException {
    List<String> args =
        command.equals("score")
            ? List.of("score", "--events", events().toString(), "--json")
            : List.of("truck-factor", "--git-log", CMLOG.toString(), "--json");
    byte[][] out = new byte[2][];
    String[] err = new String[2];
    String[] modes = {"always", "never"};
    for (int i = 0; i < 2; i++) {
      List<String> java = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), CommunityMetricsCli.class.getName()));
      java.addAll(args);
      ProcessBuilder b = new ProcessBuilder(java);
      b.environment().put("CM_PROGRESS", modes[i]);
      Path stdout = dir.resolve(command + "-" + modes[i] + ".out");
      Path stderr = dir.resolve(command + "-" + modes[i] + ".err");
      b.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      Process p = b.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI hung");
      err[i] = Files.readString(stderr);
      assertEquals(0, p.exitValue(), err[i]);
      out[i] = Files.readAllBytes(stdout);
    }
    assertArrayEquals(out[1], out[0], "standard output differs with the bar drawn");
    assertJson(new String(out[0], StandardCharsets.UTF_8));
    assertTrue(err[0].contains("\r" + (command.equals("score") ? "scoring" : "reading cmlog.txt")), err[0]);
    assertFalse(err[1].contains("\r"), err[1]);
  }

  @Test
  void quietLeavesStandardErrorWithoutProgressOrInformation() throws IOException {
    String a = gharchive("2021-07-21-6.json.gz").toString();
    Path csv = dir.resolve("scores.csv");
    // --quiet wins over --progress always, before or after the command's name.
    CommunityMetricsCliTest.Run before =
        CommunityMetricsCliTest.run("--quiet", "--progress", "always", "score", "--gharchive", a, "--out", csv.toString());
    CommunityMetricsCliTest.Run after =
        CommunityMetricsCliTest.run("score", "--gharchive", a, "--out", csv.toString(), "--progress", "always", "-q");
    for (CommunityMetricsCliTest.Run r : List.of(before, after)) {
      assertEquals(0, r.status(), r.err());
      assertEquals("", r.err());
      assertEquals("", r.out());
    }
    assertTrue(Files.readString(csv).startsWith("name,events,"));
    // The same command without --quiet says what it read and wrote.
    CommunityMetricsCliTest.Run loud =
        CommunityMetricsCliTest.run("--progress", "never", "score", "--gharchive", a, "--out", csv.toString());
    assertTrue(loud.err().contains("GH Archive: 1 files"), loud.err());
    assertTrue(loud.err().contains("rows written to"), loud.err());
    CommunityMetricsCliTest.Run export =
        CommunityMetricsCliTest.run("-q", "events", "export", "--out", dir.resolve("e.jsonl").toString());
    assertEquals(0, export.status(), export.err());
    assertEquals("", export.err());
  }

  @Test
  void quietKeepsErrors() {
    Path missing = dir.resolve("missing.txt");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("--quiet", "truck-factor", "--git-log", missing.toString());
    assertEquals(1, r.status());
    assertEquals("community-metrics: no such file: " + missing, r.err().strip());
  }

  @Test
  void anUnknownProgressModeIsAUsageErrorNamingTheChoices() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("--progress", "sometimes", "report");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--progress"), r.err());
    assertTrue(r.err().contains("auto, always or never (--progress or CM_PROGRESS) but was 'sometimes'"), r.err());
  }

  @Test
  void theGlobalOptionsAreInEveryCommandsHelp() {
    for (String[] command : new String[][] {{"--help"}, {"score", "--help"}, {"events", "export", "--help"}}) {
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(command);
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("-q, --quiet"), r.out());
      assertTrue(r.out().contains("--progress=WHEN"), r.out());
    }
  }
}
