package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures and bad option values are told in words, with the file or option, and the right status. */
class CliErrorMessagesTest {
  @TempDir Path dir;

  /** A Java class name such as {@code java.nio.file.NoSuchFileException} or {@code DateTimeException}. */
  private static final Pattern CLASS_NAME = Pattern.compile("java\\.|[A-Z][a-z]+(Exception|Error)\\b");

  private static void assertNoClassName(CommunityMetricsCliTest.Run r) {
    assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
  }

  @Test
  void missingFileIsNamedWithoutTheExceptionClass() {
    Path missing = dir.resolve("nope.jsonl");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--events", missing.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals("community-metrics: no such file: " + missing, r.err().strip());
  }

  @Test
  void directoryGivenAsEventsIsNamed() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("events", "check", "--events", dir.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains(dir + ": is a directory"), r.err());
    assertNoClassName(r);
  }

  @Test
  void directoryGivenAsHtmlOutputIsNamed() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("report", "--html", dir.toString());
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().startsWith("community-metrics: " + dir + ": "), r.err());
    assertNoClassName(r);
  }

  @Test
  void impossibleDateIsAUsageError() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--as-of", "2024-13-45");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--as-of must be an ISO-8601 instant"), r.err());
    assertTrue(r.err().contains("'2024-13-45'"), r.err());
    assertNoClassName(r);
  }

  @Test
  void asOfOutsideTheEventRangeIsAUsageError() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--as-of", "1960-01-01T00:00:00Z");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--as-of must be between 1970-01-01T00:00:00Z and "), r.err());
    assertNoClassName(r);
  }

  @Test
  void windowReachingPastTheEarliestInstantIsAUsageError() {
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--window", "99999999999999d");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--window and --horizon reach before the earliest instant"), r.err());
    assertNoClassName(r);
    CommunityMetricsCliTest.Run h = CommunityMetricsCliTest.run("report", "--html", dir.resolve("r.html").toString(), "--horizon", "99999999999999d");
    assertEquals(2, h.status(), h.err());
    assertNoClassName(h);
  }

  @Test
  void negativeAndMalformedDurationsAreUsageErrors() {
    for (String w : new String[] {"-5d", "P-5D", "0d", "5x", "PT-1H"}) {
      CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run("metrics", "--window", w);
      assertEquals(2, r.status(), w + ": " + r.err());
      assertTrue(r.err().contains("--window must be"), r.err());
      assertNoClassName(r);
    }
  }

  @Test
  void unexpectedFailuresNameNoClass() {
    assertEquals("unexpected error: boom", CommunityMetricsCli.describe(new IllegalStateException("boom")));
    assertEquals(
        "unexpected error: no details (null pointer)", CommunityMetricsCli.describe(new NullPointerException()));
    assertEquals(
        "no such file: /x",
        CommunityMetricsCli.describe(
            new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/x"))));
  }

  @Test
  void ioFailuresOfTheLibraryAreToldInWords() {
    assertEquals(
        "no such file: /x",
        CommunityMetricsCli.describe(
            io.github.communitymetrics.core.CommunityMetricsIoException.of(
                "cannot read /x", new java.nio.file.NoSuchFileException("/x"))));
    assertEquals(
        "cannot write the HTML report: I/O error",
        CommunityMetricsCli.describe(
            io.github.communitymetrics.core.CommunityMetricsIoException.of(
                "cannot write the HTML report", new java.io.IOException())));
  }

  @Test
  void missingGitLogIsNamedWithoutTheExceptionClass() {
    Path missing = dir.resolve("git.log");
    Path ls = dir.resolve("ls-files.txt");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("truck-factor", "--git-log", missing.toString(), "--ls-files", ls.toString());
    assertEquals(1, r.status(), r.err());
    // The ls-files list is read first; either way the file is named and the reason told in words.
    assertTrue(r.err().contains(ls.toString()) && r.err().contains("no such file"), r.err());
    assertNoClassName(r);
  }
}
