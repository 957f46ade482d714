package io.github.communitymetrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Opens the demo's portfolio page (four repositories) in headless Chromium (Debian's {@code
 * chromium}, which {@code .ci/run} installs when it can), fails on any console message and saves
 * {@code target/report-screenshot.png}.
 *
 * <p>How console errors are caught: Chromium started with {@code --enable-logging=stderr --v=0}
 * writes every console message of the page, uncaught exceptions and Content-Security-Policy
 * violations included, to stderr as a line containing {@code :CONSOLE}. The page's one script
 * (sorting the overview) logs nothing, so any such line is an error: a script error, or a
 * Content-Security-Policy that refused the script because its hash did not match. {@link #detectsConsoleErrors()} proves the scan sees them, so a
 * Chromium that stopped logging them would fail here instead of passing silently.
 */
@Tag("browser")
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path TARGET = Path.of("target");

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is missing (apt-get install -y chromium; .ci/run does this)");
  }

  /**
   * The portfolio page of the demo's four repositories (overview with sparklines, then each
   * repository's star curve, metrics with their charts and explanations, and the sorting script).
   */
  @Test
  void demoPortfolioRendersWithoutConsoleErrors() throws Exception {
    Files.createDirectories(TARGET);
    Path html = TARGET.resolve("report.html").toAbsolutePath();
    String page = StarCurveReportTest.demoPageWithStars();
    assertEquals(4, PortfolioReportTest.overviewRows(page).size(), "a page of several repositories");
    Files.writeString(html, page, StandardCharsets.UTF_8);
    System.out.printf("demo portfolio page: %,d bytes (%s)%n", Files.size(html), html);
    Path png = TARGET.resolve("report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(png);
    List<String> console = run(html, png);
    assertEquals(List.of(), console, "console messages of " + html);
    assertTrue(Files.size(png) > 10_000, "screenshot " + png + " is suspiciously small");
  }

  /**
   * The overview's sorting script runs in a real browser: a test script (allowed by its own hash)
   * clicks the Events header, and the DOM Chromium dumps lists the rows by events, ascending.
   */
  @Test
  void clickingAColumnHeaderSortsTheOverview() throws Exception {
    Files.createDirectories(TARGET);
    String page = PortfolioReportTest.demoPage();
    String click = "document.querySelector('table.sortable').tHead.rows[0].cells[1].click();";
    String csp = "script-src 'sha256-" + PortfolioReport.sha256(PortfolioReport.SCRIPT) + "'";
    assertTrue(page.contains(csp));
    String clicked =
        page.replace(csp, csp + " 'sha256-" + PortfolioReport.sha256(click) + "'")
            .replace("</body>", "<script>" + click + "</script>\n</body>");
    Path html = TARGET.resolve("report-sorted.html").toAbsolutePath();
    Files.writeString(html, clicked, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--dump-dom",
                html.toUri().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    List<Long> events = new ArrayList<>();
    for (List<String[]> row : PortfolioReportTest.overviewRows(dom)) {
      events.add(Long.parseLong(row.get(1)[0]));
    }
    assertEquals(4, events.size(), dom.length() > 2000 ? dom.substring(0, 2000) : dom);
    List<Long> ascending = new ArrayList<>(events);
    ascending.sort(null);
    assertEquals(ascending, events, "rows by events, ascending");
    assertTrue(dom.contains("aria-sort=\"ascending\""), "the header says how the table is sorted");
    // Written by the page: most events first, so the click did reorder.
    List<Long> before = new ArrayList<>();
    for (List<String[]> row : PortfolioReportTest.overviewRows(page)) {
      before.add(Long.parseLong(row.get(1)[0]));
    }
    assertTrue(!before.equals(events), "the page starts with the most events first: " + before);
  }

  @Test
  void detectsConsoleErrors() throws Exception {
    Files.createDirectories(TARGET);
    Path html = TARGET.resolve("console-error.html").toAbsolutePath();
    Files.writeString(html, "<!DOCTYPE html><p>x</p><script>throw new Error('planted')</script>");
    List<String> console = run(html, TARGET.resolve("console-error.png").toAbsolutePath());
    assertTrue(console.stream().anyMatch(l -> l.contains("planted")), "not seen: " + console);
  }

  /** Runs Chromium on the page, saves a screenshot, and returns the console lines it logged. */
  static List<String> run(Path html, Path png) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path log = Files.createTempFile("chromium", ".log");
    List<String> command =
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--v=0",
            "--hide-scrollbars",
            "--window-size=1280,5600", // tall enough for the whole report
            "--screenshot=" + png,
            html.toUri().toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s; log " + log);
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "chromium failed: " + String.join("\n", lines));
    assertTrue(Files.exists(png), "no screenshot: " + String.join("\n", lines));
    List<String> console = new ArrayList<>();
    for (String line : lines) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return console;
  }
}
