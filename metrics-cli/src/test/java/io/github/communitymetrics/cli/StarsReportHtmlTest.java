package io.github.communitymetrics.cli;

import static io.github.communitymetrics.testkit.Markup.attribute;
import static io.github.communitymetrics.testkit.Markup.elements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --html} draws each repository's star curve with its burst and the month's share of
 * suspected stars, from GH Archive hours with a planted campaign: acme/shiny gets one star a day in
 * May 2024 from people active elsewhere, and on 25 May eight more from accounts that do nothing else.
 */
class StarsReportHtmlTest {
  @TempDir Path dir;

  private static final String SHINY = "acme/shiny";

  /**
   * Days 1 to 30: u1..u30 each star acme/shiny (u_d on day d) and open a pull request in
   * other/place that day, except u25, who opened a pull request in acme/shiny on day 3; day 25
   * also has the eight one-star accounts f1..f8.
   */
  private Path hours() throws IOException {
    StarFixture f = new StarFixture();
    for (int d = 1; d <= 30; d++) {
      String day = String.format("2024-05-%02dT", d);
      f.star(day + "10:00:00Z", "u" + d, 500 + d, SHINY, 50);
      if (d != 25) {
        f.pullRequest(day + "11:00:00Z", "u" + d, 500 + d, "other/place", 51, d);
      }
    }
    f.pullRequest("2024-05-03T12:00:00Z", "u25", 525, SHINY, 50, 1);
    for (int i = 1; i <= 8; i++) {
      f.star("2024-05-25T13:00:0" + i + "Z", "f" + i, 600 + i, SHINY, 50);
    }
    return f.write(dir.resolve("hours"));
  }

  @Test
  void theStarCurveMarksTheBurstAndTheSuspectedShare() throws IOException {
    Path html = dir.resolve("report.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "report", "--gharchive", hours().toString(), "--repo", SHINY, "--as-of", "2024-05-31T00:00:00Z",
        "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    int section = page.indexOf("id=\"repo-1-stars\"");
    assertTrue(section > 0, "a star section in the repository's part");
    String svg = page.substring(page.indexOf("<svg class=\"star-curve\"", section), page.indexOf("</svg>", section));
    // Thirty whole days, 1 May to 30 May.
    assertEquals("30", attribute(svg, "data-periods"));
    assertEquals("day", attribute(svg, "data-unit"));
    List<String> bars = elements(svg, "<rect class=\"new\"[^>]*>");
    assertEquals(30, bars.size());
    assertEquals("9", attribute(bars.get(24), "data-value"));
    assertEquals("2024-05-25T00:00:00Z", attribute(bars.get(24), "data-start"));
    // 30 real stars and 8 of the campaign.
    assertEquals("38", attribute(elements(svg, "<polyline class=\"cumulative\"[^>]*>").get(0), "data-last"));
    // Days 21 to 30 are tested against the 20 before; day 25 (9 against twenty 1s) is the only
    // burst; its new accounts are f1..f8 (u25 opened a pull request on day 3): 8 of 9.
    List<String> bursts = elements(svg, "<rect class=\"burst\"[^>]*>");
    assertEquals(1, bursts.size(), svg);
    assertEquals("2024-05-25T00:00:00Z", attribute(bursts.get(0), "data-start"));
    assertEquals("2024-05-26T00:00:00Z", attribute(bursts.get(0), "data-end"));
    assertEquals("9", attribute(bursts.get(0), "data-size"));
    assertEquals("0.8889", attribute(bursts.get(0), "data-new-account-share"));
    // May: 38 stars, the 8 one-day one-star accounts suspected: 8 / 38.
    List<String> months = elements(svg, "<g class=\"suspected\"[^>]*>");
    assertEquals(1, months.size(), svg);
    assertEquals("2024-05", attribute(months.get(0), "data-month"));
    assertEquals("38", attribute(months.get(0), "data-stars"));
    assertEquals("0.2105", attribute(months.get(0), "data-share"));
  }

  /** A stargazer list alone: the month is drawn hatched, "no data", and the page says why. */
  @Test
  void withoutTheStargazersActivityTheShareIsNoData() throws IOException {
    Path events = dir.resolve("stargazers.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      lines.append("{\"type\":\"star\",\"at\":\"2024-01-0").append(i).append("T00:00:00Z\",\"repo\":\"acme/widget\",")
          .append("\"actor\":{\"login\":\"s").append(i).append("\",\"bot\":false}}\n");
    }
    Files.writeString(events, lines, StandardCharsets.UTF_8);
    Path html = dir.resolve("list.html");
    CommunityMetricsCliTest.Run r = CommunityMetricsCliTest.run(
        "report", "--events", events.toString(), "--as-of", "2024-01-10T00:00:00Z", "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    List<String> months = elements(page, "<g class=\"suspected\"[^>]*>");
    assertEquals(1, months.size());
    assertEquals("", attribute(months.get(0), "data-share"));
    assertTrue(page.contains("Suspected stars: no data: no stargazer has an event in any repository but the one"
        + " it starred"), page);
  }
}
