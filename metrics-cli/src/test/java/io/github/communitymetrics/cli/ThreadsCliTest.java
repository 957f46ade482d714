package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --threads N}: how many threads read GH Archive and score each repository or owner. Any
 * number gives the output of one thread, byte for byte, on GH Archive-shaped hours; a number
 * below 1 is a usage error that says so.
 */
class ThreadsCliTest {
  @TempDir Path dir;

  /** The page's generation instant, the one line of a page that differs from run to run. */
  private static final Pattern GENERATED =
      Pattern.compile("<th>Generated</th><td><time datetime=\"[^\"]+\">[^<]*</time>");

  private static CommunityMetricsCliTest.Run run(List<String> args) {
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private static List<String> args(List<String> command, List<Path> files, String... more) {
    List<String> a = new ArrayList<>(command);
    a.add("--gharchive");
    files.forEach(f -> a.add(f.toString()));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void zeroAndNegativeThreadsAreUsageErrors() {
    for (List<String> command :
        List.of(List.of("score"), List.of("report"), List.of("metrics"), List.of("events", "export"))) {
      for (String n : new String[] {"0", "-1", "-8"}) {
        List<String> a = new ArrayList<>(command);
        a.addAll(List.of("--threads", n));
        CommunityMetricsCliTest.Run r = run(a);
        assertEquals(2, r.status(), a + ": " + r.err());
        assertTrue(r.err().contains("'--threads': must be at least 1 but was " + n), a + ": " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
      }
    }
    CommunityMetricsCliTest.Run r = run(List.of("score", "--threads", "two"));
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("'--threads': must be a whole number but was 'two'"), r.err());
  }

  @Test
  void oneAndThreeThreadsGiveTheSameBytes() throws IOException {
    List<Path> hours = GhArchiveHourFixture.write(dir.resolve("hours"), 5, 3, 2_500);
    String asOf = "2024-03-04T03:00:00Z";
    List<List<String>> commands =
        List.of(
            List.of("score", "--as-of", asOf, "--json"),
            List.of("score", "--as-of", asOf, "--group-by", "owner", "--csv"));
    for (List<String> command : commands) {
      String one = out(args(command, hours, "--threads", "1"));
      String three = out(args(command, hours, "--threads", "3"));
      assertTrue(one.length() > 1_000, command + ": " + one);
      assertEquals(one, three, command.toString());
    }
    Path export1 = dir.resolve("one.jsonl");
    Path export3 = dir.resolve("three.jsonl");
    out(args(List.of("events", "export", "--out", export1.toString()), hours, "--threads", "1"));
    out(args(List.of("events", "export", "--out", export3.toString()), hours, "--threads", "3"));
    assertTrue(Files.size(export1) > 100_000, "events exported: " + Files.size(export1));
    assertArrayEquals(Files.readAllBytes(export1), Files.readAllBytes(export3));
    // The saved store: each run builds its own, on 1 and on 3 threads; same store, same scores.
    Path store1 = dir.resolve("one.store");
    Path store3 = dir.resolve("three.store");
    String one = out(args(List.of("score", "--as-of", asOf, "--json"), hours, "--store", store1.toString(), "--threads", "1"));
    String three = out(args(List.of("score", "--as-of", asOf, "--json"), hours, "--store", store3.toString(), "--threads", "3"));
    assertEquals(one, three);
    assertArrayEquals(Files.readAllBytes(store1), Files.readAllBytes(store3));
    // The portfolio page: the same page, but for the instant it was generated.
    Path page1 = dir.resolve("one.html");
    Path page3 = dir.resolve("three.html");
    out(args(List.of("report", "--as-of", asOf, "--html", page1.toString(), "--max-repositories", "4"), hours, "--threads", "1"));
    out(args(List.of("report", "--as-of", asOf, "--html", page3.toString(), "--max-repositories", "4"), hours, "--threads", "3"));
    String html1 = Files.readString(page1, StandardCharsets.UTF_8);
    String html3 = Files.readString(page3, StandardCharsets.UTF_8);
    assertTrue(GENERATED.matcher(html1).find(), "the generation instant is where the test masks it");
    assertEquals(GENERATED.matcher(html1).replaceAll(""), GENERATED.matcher(html3).replaceAll(""));
  }

  /** The output of a run that must succeed. */
  private static String out(List<String> args) {
    CommunityMetricsCliTest.Run r = run(args);
    assertEquals(0, r.status(), args + ": " + r.err());
    return r.out();
  }
}
