package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When {@link Progress} prints what progressbar renders, on a clock the test moves: nothing
 * before the delay, a bar redrawn in place and erased at the end on a terminal, plain lines at
 * most every 30 s elsewhere with the task's last state when it ends.
 */
class ProgressDisplayTest {
  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private Progress progress(Progress.Style style, Duration delay) {
    return new Progress(
        new PrintWriter(text), style, false, delay, now::get, Map.of("COLUMNS", "41"), false);
  }

  private void at(Duration sinceStart) {
    now.set(1_000_000_000L + sinceStart.toNanos());
  }

  @Test
  void aBarAppearsAfterTheDelayInPlaceAndIsErasedAtTheEnd() {
    Progress p = progress(Progress.Style.BAR, Duration.ofSeconds(1));
    Progress.Output out = p.new Output();
    // Before the delay progressbar is asked to render nothing (its renderer then formats
    // nothing); what it renders all the same is not shown.
    assertEquals(0, out.getMaxRenderedLength());
    at(Duration.ofMillis(200));
    out.accept("reading 10%");
    assertEquals("", text.toString());
    at(Duration.ofMillis(1000));
    assertEquals(40, out.getMaxRenderedLength());
    out.accept("reading 20%");
    out.accept("reading 30%");
    p.info("GH Archive: 2 files");
    out.accept("reading 40%");
    out.close();
    out.accept("reading 50%");
    out.close();
    String blank = "\r" + " ".repeat(40) + "\r";
    assertEquals(
        "\rreading 20%\rreading 30%" + blank + "GH Archive: 2 files" + System.lineSeparator() + "\rreading 40%"
            + blank,
        text.toString());
  }

  @Test
  void aQuickTaskLeavesNothing() {
    Progress p = progress(Progress.Style.BAR, Duration.ofSeconds(1));
    Progress.Output out = p.new Output();
    out.accept("reading 0%");
    at(Duration.ofMillis(999));
    out.accept("reading 100%");
    out.close();
    assertEquals("", text.toString());
  }

  @Test
  void plainLinesComeAfterTenSecondsAtMostEveryThirtyAndEndWithTheLastState() {
    Progress p = progress(Progress.Style.LINES, Progress.LINES_DELAY);
    // What progressbar renders for each task, by the second it renders it.
    task(p, new int[] {9, 10, 39, 40, 41}, "reading: 9%", "reading: 10%", "reading: 39%", "reading: 40%", "reading: 100%");
    // The next task goes on at the same pace (its 100% at 70 s is 30 s after the line at 40 s)
    // and, having ended where its last line left it, adds nothing; a task between two lines
    // prints none.
    task(p, new int[] {42, 70}, "scoring: 1%", "scoring: 100%");
    task(p, new int[] {71}, "writing: 100%");
    String n = System.lineSeparator();
    assertEquals(
        "reading: 10%" + n + "reading: 40%" + n + "reading: 100%" + n + "scoring: 100%" + n, text.toString());
  }

  /** One task: each rendering at its second since the start, then the end. */
  private void task(Progress p, int[] seconds, String... renderings) {
    Progress.Output out = p.new Output();
    for (int i = 0; i < seconds.length; i++) {
      at(Duration.ofSeconds(seconds[i]));
      out.accept(renderings[i]);
    }
    out.close();
  }

  @Test
  void quietDropsInformationalLines() {
    Progress p = new Progress(new PrintWriter(text), Progress.Style.NONE, true, Duration.ZERO, now::get, Map.of(), false);
    p.info("wrote 3 events");
    p.info().println("read: 3 lines");
    p.info().flush();
    assertEquals("", text.toString());
    try (ProgressTask task = p.bytes("reading", 100)) {
      task.step(50);
      assertTrue(task.counting(java.io.InputStream.nullInputStream()) != null);
    }
    assertEquals("", text.toString());
  }

  @Test
  void aPlainLineSaysWhatHowMuchAndHowLong() {
    Progress p =
        new Progress(new PrintWriter(text), Progress.Style.LINES, false, Duration.ZERO, System::nanoTime, Map.of(), false);
    try (ProgressTask task = p.bytes("reading 2 GH Archive files", 44_600_000)) {
      task.step(20_100_000);
      for (int i = 0; i < 3; i++) {
        task.item("events");
      }
    }
    StringWriter other = new StringWriter();
    Progress q =
        new Progress(new PrintWriter(other), Progress.Style.LINES, false, Duration.ZERO, System::nanoTime, Map.of(), false);
    try (ProgressTask task = q.count("scoring", -1, " repositories")) {
      task.step(1234);
    }
    // The first line of a task may come before its work (progressbar draws from the start); the
    // last one is its end.
    assertTrue(
        last(text).matches(
            "community-metrics: reading 2 GH Archive files: 45% \\(20\\.1 of 44\\.6 MB\\), 3 events, 0:00:0[0-9] elapsed"),
        text.toString());
    assertTrue(last(other).matches("community-metrics: scoring: 1,234 repositories, 0:00:0[0-9] elapsed"), other.toString());
    assertEquals("0:00:05", ProgressTask.LineRenderer.elapsed(Duration.ofSeconds(5)));
    assertEquals("1:02:03", ProgressTask.LineRenderer.elapsed(Duration.ofSeconds(3723)));
  }

  private static String last(StringWriter w) {
    java.util.List<String> lines = w.toString().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
