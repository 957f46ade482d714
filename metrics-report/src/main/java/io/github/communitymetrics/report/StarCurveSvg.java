package io.github.communitymetrics.report;

import io.github.communitymetrics.core.metrics.growth.Bursts;
import io.github.communitymetrics.core.metrics.stars.FakeStarMonth;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * A repository's star curve as inline SVG: a bar per period of new stargazers (left axis), the
 * cumulative stargazers as a line (right axis), each burst as a shaded band over its periods, and
 * below the plot one cell per calendar month with stars, shaded by the share of its stars that
 * StarScout's signals suspect (hatched grey and "no data" when the signals have none). Every shape
 * has a {@code <title>} (a tooltip) and {@code data-} attributes with its numbers, as the
 * sparklines do, so that a test or a script reads what is drawn.
 */
final class StarCurveSvg {
  static final int WIDTH = 760;
  static final int HEIGHT = 240;
  private static final double LEFT = 48;
  private static final double RIGHT = 56;
  private static final double TOP = 16;
  private static final double PLOT = 160;
  private static final double STRIP = 18;

  private StarCurveSvg() {}

  /** The curve's SVG; {@code id} makes its pattern id unique on the page. */
  static String svg(StarCurve c, String id) {
    List<Window> periods = c.periods();
    StringBuilder s = new StringBuilder(4096);
    s.append("<svg class=\"star-curve\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"")
        .append(id).append("-t\" data-periods=\"").append(periods.size()).append("\" data-unit=\"")
        .append(c.unit().word()).append("\"><title id=\"").append(id).append("-t\">")
        .append(e("New stargazers per " + word(c) + " and in all, of " + c.repository().fullName())).append("</title>")
        .append("<defs><pattern id=\"").append(id).append("-nd\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">")
        .append("<path d=\"M0,6 L6,0\" stroke=\"#999\" stroke-width=\"1\"/></pattern></defs>");
    if (periods.isEmpty()) {
      s.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
          .append("\" text-anchor=\"middle\">no whole ").append(word(c)).append(" in the window</text></svg>");
      return s.toString();
    }
    Instant from = periods.get(0).start();
    Instant to = periods.get(periods.size() - 1).end();
    double plotWidth = WIDTH - LEFT - RIGHT;
    long maxNew = Math.max(1, c.newStars().stream().mapToLong(Long::longValue).max().orElse(1));
    List<Long> cumulative = c.cumulative();
    long maxAll = Math.max(1, cumulative.get(cumulative.size() - 1));
    double base = TOP + PLOT;
    // Bursts first, under the bars.
    for (Bursts.Burst b : c.bursts()) {
      double x0 = x(b.window().start(), from, to, plotWidth);
      double x1 = x(b.window().end(), from, to, plotWidth);
      s.append("<rect class=\"burst\" x=\"").append(n(x0)).append("\" y=\"").append(n(TOP)).append("\" width=\"")
          .append(n(Math.max(1, x1 - x0))).append("\" height=\"").append(n(PLOT))
          .append("\" fill=\"#d62728\" fill-opacity=\"0.18\" stroke=\"#d62728\" stroke-dasharray=\"3,2\" data-start=\"").append(b.window().start())
          .append("\" data-end=\"").append(b.window().end()).append("\" data-size=\"").append(b.size())
          .append("\" data-new-account-share=\"").append(n4(b.newAccountShare())).append("\"><title>")
          .append(e(String.format(Locale.ROOT, "Burst %s to %s: %,d new stars, %,d (%.0f%%) by accounts first seen in it",
              Dates.instant(b.window().start()), Dates.instant(b.window().end()), b.size(), b.newAccountEvents(),
              100 * b.newAccountShare())))
          .append("</title></rect>");
      s.append("<text x=\"").append(n((x0 + x1) / 2)).append("\" y=\"").append(n(TOP - 2))
          .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#d62728\">burst</text>");
    }
    double band = plotWidth / periods.size();
    for (int i = 0; i < periods.size(); i++) {
      long v = c.newStars().get(i);
      if (v == 0) {
        continue;
      }
      double h = v * PLOT / maxNew;
      s.append("<rect class=\"new\" x=\"").append(n(LEFT + i * band + band * 0.1)).append("\" y=\"").append(n(base - h))
          .append("\" width=\"").append(n(Math.max(0.6, band * 0.8))).append("\" height=\"").append(n(h))
          .append("\" fill=\"#2f6fb0\" data-start=\"").append(periods.get(i).start()).append("\" data-value=\"")
          .append(v).append("\"><title>").append(e(Dates.instant(periods.get(i).start()) + ": " + v + " new"))
          .append("</title></rect>");
    }
    // From the total before the first period, at its start, to each period's end.
    long before = cumulative.get(0) - c.newStars().get(0);
    StringBuilder line = new StringBuilder(n(LEFT) + "," + n(base - before * PLOT / maxAll));
    for (int i = 0; i < periods.size(); i++) {
      double y = base - cumulative.get(i) * PLOT / maxAll;
      line.append(' ').append(n(LEFT + (i + 1) * band)).append(',').append(n(y));
    }
    s.append("<polyline class=\"cumulative\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.6\" points=\"")
        .append(line).append("\" data-last=\"").append(maxAll).append("\"/>");
    // Axes: left new stars, right all stars, dates below.
    s.append("<g class=\"axes\" font-size=\"11\" fill=\"#333\">")
        .append("<line x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(base)).append("\" x2=\"")
        .append(n(LEFT + plotWidth)).append("\" y2=\"").append(n(base)).append("\" stroke=\"#888\"/>")
        .append(text(LEFT - 4, TOP + 10, "end", String.format(Locale.ROOT, "%,d", maxNew)))
        .append(text(LEFT - 4, base, "end", "0"))
        .append(text(LEFT + plotWidth + 4, TOP + 10, "start", String.format(Locale.ROOT, "%,d", maxAll)))
        .append(text(LEFT + plotWidth + 4, base, "start", "0"))
        .append(text(LEFT, HEIGHT - 4, "start", Dates.instant(from)))
        .append(text(LEFT + plotWidth, HEIGHT - 4, "end", Dates.instant(to)))
        .append("</g>");
    months(s, c, id, from, to, plotWidth, base + 4);
    return s.append("</svg>").toString();
  }

  /** The month cells under the plot: shade by the suspected share; hatched for no data. */
  private static void months(StringBuilder s, StarCurve c, String id, Instant from, Instant to, double plotWidth, double y) {
    for (FakeStarMonth m : c.months()) {
      Instant start = m.month().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = m.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (!end.isAfter(from) || !start.isBefore(to)) {
        continue;
      }
      double x0 = x(start.isBefore(from) ? from : start, from, to, plotWidth);
      double x1 = x(end.isAfter(to) ? to : end, from, to, plotWidth);
      boolean data = m.share().isPresent();
      double share = data ? m.share().getAsDouble() : 0;
      String label = data ? String.format(Locale.ROOT, "%.0f%%", 100 * share) : "no data";
      String title = m.month() + ": " + m.stars() + " stars, "
          + (data ? m.either().getAsInt() + " suspected (" + String.format(Locale.ROOT, "%.1f%%", 100 * share) + ")"
              : "suspected: no data" + c.noSignals().map(r -> " (" + r + ")").orElse(""));
      s.append("<g class=\"suspected\" data-month=\"").append(m.month()).append("\" data-stars=\"").append(m.stars())
          .append("\" data-share=\"").append(data ? n4(share) : "").append("\"><title>").append(e(title))
          .append("</title><rect x=\"").append(n(x0)).append("\" y=\"").append(n(y)).append("\" width=\"")
          .append(n(Math.max(1, x1 - x0))).append("\" height=\"").append(n(STRIP)).append("\" stroke=\"#fff\" fill=\"")
          .append(data ? "#e6550d\" fill-opacity=\"" + n(0.08 + 0.92 * share) : "url(#" + id + "-nd)")
          .append("\"/>");
      if (x1 - x0 >= 34) {
        s.append(text((x0 + x1) / 2, y + STRIP - 5, "middle", label));
      }
      s.append("</g>");
    }
  }

  private static String word(StarCurve c) {
    return c.unit().word();
  }

  private static double x(Instant at, Instant from, Instant to, double plotWidth) {
    double span = to.getEpochSecond() - from.getEpochSecond();
    return LEFT + (at.getEpochSecond() - from.getEpochSecond()) / span * plotWidth;
  }

  private static String text(double x, double y, String anchor, String text) {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"11\">" + e(text) + "</text>";
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String n4(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String e(String text) {
    return HtmlReport.escape(text);
  }
}
