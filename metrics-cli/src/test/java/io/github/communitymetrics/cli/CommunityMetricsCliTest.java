package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityMetricsCliTest {

  /** What one run printed and returned. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CommunityMetricsCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Nested
  class Usage {
    @Test
    void helpListsTheCommandsAndExitsZero() {
      Run r = run("--help");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("report"), r.out());
      assertTrue(r.out().contains("events"), r.out());
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorWithStatusTwo() {
      Run r = run("report", "--no-such-option");
      assertEquals(2, r.status());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
      assertEquals(2, run("frobnicate").status());
    }

    @Test
    void exportWithoutOutIsAUsageError() {
      Run r = run("events", "export");
      assertEquals(2, r.status());
      assertTrue(r.err().contains("--out"), r.err());
    }
  }

  @Nested
  class Report {
    @Test
    void theDemoReportIsLabelledSimulated() {
      Run r = run("report");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("SIMULATED"), r.out());
      assertTrue(r.out().contains("People after identity resolution"), r.out());
    }

    @Test
    void jsonReportSaysItIsSimulated() {
      Run r = run("report", "--json");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().strip().startsWith("{"), r.out());
      assertTrue(r.out().contains("\"simulated\":true"), r.out());
    }

    @Test
    void aMissingFileFailsWithStatusOne(@TempDir Path dir) {
      Run r = run("report", "--events", dir.resolve("absent.jsonl").toString());
      assertEquals(1, r.status());
      assertTrue(r.err().contains("absent.jsonl"), r.err());
    }

    @Test
    void aMalformedLineFailsNamingTheLine(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("bad.jsonl");
      String good = EventJsonLines.toLine(CommunitySimulator.simulate(SimulationConfig.demo()).events().get(0));
      Files.writeString(file, good + "\n" + good + "\n{\"type\":\"star\"\n", StandardCharsets.UTF_8);
      Run r = run("report", "--events", file.toString());
      assertEquals(1, r.status());
      assertTrue(r.err().contains("line 3"), r.err());
      Run skipped = run("report", "--events", file.toString(), "--skip-malformed");
      assertEquals(0, skipped.status(), skipped.err());
      assertTrue(skipped.out().contains("1 malformed"), skipped.out());
    }
  }

  @Nested
  class Events {
    @Test
    void exportWritesTheDemoThatReadsBackEqual(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("demo.jsonl.gz");
      Run r = run("events", "export", "--out", file.toString());
      assertEquals(0, r.status(), r.err());
      List<Event> back;
      try (Reader in = Files2.openText(file)) {
        back = EventJsonLines.readAll(in);
      }
      assertEquals(CommunitySimulator.simulate(SimulationConfig.demo()).events(), back);
      Run check = run("events", "check", "--events", file.toString());
      assertEquals(0, check.status(), check.err());
      assertTrue(check.out().contains(back.size() + " events"), check.out());
    }

    @Test
    void anExportedFileSummarisesExactlyLikeTheDemo(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("demo.jsonl");
      assertEquals(0, run("events", "export", "--out", file.toString()).status());
      EventSource fromFile = new EventSource();
      fromFile.eventsFile = file;
      EventSource demo = new EventSource();
      demo.seed = 42;
      CommunitySummary a = CommunitySummary.of(fromFile.load());
      CommunitySummary b = CommunitySummary.of(demo.load());
      assertEquals(b.community(), a.community());
      assertEquals(false, a.simulated());
      assertEquals(true, b.simulated());
    }
  }
}
