package io.github.communitymetrics.report;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.report.internal.SvgCharts;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * One self-contained HTML page: inline CSS and inline SVG charts, no script, nothing fetched from
 * the network, so it can be mailed, attached to a CI run or opened offline.
 *
 * <p>Every text is escaped for HTML; chart text is escaped for XML by JFreeSVG.
 *
 * @param title the page title (such as the repository name)
 * @param notes lines shown under the title (source, as-of instant, window), plain text
 * @param sections the questions with their answers and charts, in order
 */
public record HtmlReport(String title, List<String> notes, List<Section> sections) {
  /** Checks the report and copies the lists. */
  public HtmlReport {
    Objects.requireNonNull(title, "title");
    notes = List.copyOf(notes);
    sections = List.copyOf(sections);
  }

  static final String CSS =
      "body{font-family:sans-serif;margin:2em auto;max-width:1200px;color:#222}"
          + "h1{margin-bottom:.2em}.note{color:#555;margin:.1em 0}"
          + "table{border-collapse:collapse;margin:1em 0}"
          + "td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
          + "section{border-top:2px solid #2f6fb0;margin-top:1.5em;padding-top:.5em}"
          + "h2{font-size:1.15em}.answer{font-size:1.4em;font-weight:bold}"
          + ".level{margin-left:.8em;padding:.1em .5em;border-radius:.3em;background:#eee}"
          + ".preset{color:#555}.charts{display:flex;flex-wrap:wrap;gap:1em}"
          + ".charts svg{max-width:100%;height:auto}";

  /**
   * Writes the page.
   *
   * @param out where to write; not closed
   * @throws CommunityMetricsIoException if writing fails
   */
  public void writeTo(Writer out) {
    write(out, toHtml());
  }

  /** Writes a page, failing as the library's I/O failure. */
  static void write(Writer out, String html) {
    try {
      out.write(html);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot write the HTML report", e);
    }
  }

  /** The page as a string. */
  public String toHtml() {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // No script and no network: the policy makes any injected one inert as well.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    for (String note : notes) {
      h.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
    }
    table(h, sections);
    charts(h, sections, "h2", new int[1]);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** The table of the sections' questions, answers, levels and presets. */
  static void table(StringBuilder h, List<Section> sections) {
    h.append("<table>\n<tr><th>Question</th><th>Answer</th><th>Level</th><th>Preset</th></tr>\n");
    for (Section s : sections) {
      h.append("<tr><td>").append(escape(s.question())).append("</td><td class=\"n\">")
          .append(escape(s.answer())).append("</td><td>").append(escape(s.level()))
          .append("</td><td>").append(escape(s.preset())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /**
   * A {@code <section>} with its charts for each section that has charts.
   *
   * @param heading the heading element of each ({@code h2})
   * @param chartNumber the number of the charts already on the page, advanced: chart ids are
   *     unique on the page
   */
  static void charts(StringBuilder h, List<Section> sections, String heading, int[] chartNumber) {
    for (Section s : sections) {
      if (s.charts().isEmpty()) {
        continue;
      }
      h.append("<section>\n<").append(heading).append('>').append(escape(s.question())).append("</")
          .append(heading).append(">\n<p><span class=\"answer\">").append(escape(s.answer())).append("</span>");
      if (!s.level().isEmpty()) {
        h.append("<span class=\"level\">").append(escape(s.level())).append("</span>");
      }
      h.append("</p>\n<p class=\"preset\">").append(escape(s.preset())).append("</p>\n<div class=\"charts\">\n");
      for (Chart c : s.charts()) {
        h.append(SvgCharts.svg(c, "chart-" + ++chartNumber[0])).append('\n');
      }
      h.append("</div>\n</section>\n");
    }
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
