package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.forks.ForkActivity;
import io.github.communitymetrics.core.metrics.forks.HardForkSignals;
import io.github.communitymetrics.core.registry.Evaluated;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Do forks change, come back, or split off?": one repository's forks drawn from the results the
 * portfolio already holds ({@code fork-activity} and {@code hard-fork-signals}), so the section
 * costs no second computation. It shows the window's flow back (pull requests from forks opened,
 * merged, median time to merge), and for each fork showing a hard-fork signal a row of a timeline
 * (inline SVG: one dot per dated step, each with a tooltip) and a table of its signals with their
 * evidence and of its dated steps. Signals, never a verdict.
 *
 * @param upstream the repository
 * @param activity its fork-activity result
 * @param signals its hard-fork-signals result
 * @param label the name shown for a person key
 * @param pullRequestHeadsKnown whether any pull request of the data says which repository it comes
 *     from (GH Archive's do; a GitHub REST read's do not): without, the flow back is no data
 */
public record ForkSection(
    Repository upstream,
    ForkActivity.Result activity,
    HardForkSignals.Result signals,
    Function<Actor, String> label,
    boolean pullRequestHeadsKnown) {
  /** The section's question. */
  public static final String QUESTION = "Do forks change, come back, or split off?";

  /** How many forks get a row of the timeline; the others are counted. */
  static final int ROWS = 12;

  static final int WIDTH = 760;
  private static final int LEFT = 230;
  private static final int RIGHT = 20;
  private static final int ROW = 22;
  private static final int TOP = 10;
  private static final int AXIS = 24;

  /** Checks the components. */
  public ForkSection {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(signals, "signals");
    Objects.requireNonNull(label, "label");
  }

  /**
   * The section of one repository's results, or empty when the results lack one of the two fork
   * metrics (a registry without them) or the repository has no fork in the data.
   *
   * @param upstream the repository
   * @param results its evaluated metrics (a {@link Portfolio.Entry}'s)
   * @param label the name shown for a person key
   * @param pullRequestHeadsKnown whether any pull request of the data names its head repository
   */
  public static Optional<ForkSection> of(
      Repository upstream, List<Evaluated<?>> results, Function<Actor, String> label, boolean pullRequestHeadsKnown) {
    return of(upstream, find(results, ForkActivity.Result.class), find(results, HardForkSignals.Result.class), label,
        pullRequestHeadsKnown);
  }

  /**
   * The section of one repository from its two fork results (e.g. from {@link
   * ForkActivity#perUpstream} and {@link HardForkSignals#perUpstream}, one scan of the whole
   * input for every repository), or empty when one is missing or the repository has no fork.
   *
   * @param upstream the repository
   * @param activity its {@code fork-activity} result
   * @param signals its {@code hard-fork-signals} result
   * @param label the name shown for a person key
   * @param pullRequestHeadsKnown whether any pull request of the data names its head repository
   */
  public static Optional<ForkSection> of(
      Repository upstream, Optional<ForkActivity.Result> activity, Optional<HardForkSignals.Result> signals,
      Function<Actor, String> label, boolean pullRequestHeadsKnown) {
    if (activity.isEmpty() || signals.isEmpty() || activity.get().forks().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ForkSection(upstream, activity.get(), signals.get(), label, pullRequestHeadsKnown));
  }

  private static <R> Optional<R> find(List<Evaluated<?>> results, Class<R> type) {
    return results.stream().map(Evaluated::result).filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The headline: forks, how many changed, contributing, the flow back. */
  public String answer() {
    ForkActivity.Flow t = activity.total();
    int n = activity.forks().size();
    String changed = activity.changedForks().isPresent()
        ? activity.changedForks().getAsInt() + " of them changed after creation"
        : "whether they changed: no data (" + (activity.coverage().detected()
            ? "no fork of it has a push, commit or release of its own in the data"
            : "fork events absent, as configured") + ")";
    String back = !pullRequestHeadsKnown
        ? "contributing forks and pull requests from forks: no data (no pull request of the data says which"
            + " repository it comes from)"
        : t.contributingForks() + " contributing forks, " + t.pullRequestsOpened() + " pull requests from forks opened, "
            + t.pullRequestsMerged() + " merged, median time to merge "
            + t.medianTimeToMerge().map(d -> String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86_400.0))
                .orElse(t.pullRequestsOpened() == 0 ? "no data (none opened)" : "no data (fewer than half merged)");
    return n + " forks known (" + t.forksCreated() + " created in the window); " + changed + "; in the window "
        + back + "; " + signals.withSignals().size() + " forks show a hard-fork signal";
  }

  /** The section as HTML; {@code repoId} makes its ids unique on the page. */
  String html(String repoId) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<section class=\"forks\" id=\"").append(repoId).append("-forks\">\n<h3>").append(e(QUESTION))
        .append("<span class=\"id\">fork-activity, hard-fork-signals</span></h3>\n<p>").append(e(answer())).append("</p>\n");
    if (!activity.coverage().present()) {
      h.append("<p class=\"notice\">").append(e(activity.coverage().detected()
              ? "No fork of this repository has a push, commit or release of its own in the data (as when a forge's API"
                  + " was read for the upstream only; data that holds every repository's events, such as GH Archive,"
                  + " reads so too when none of its forks ever changed):"
              : "The forks' own events are absent, as configured:"))
          .append(" whether forks changed, their activity and every signal but a new name are no data, not 0.</p>\n");
    }
    List<HardForkSignals.ForkSignals> shown = signals.withSignals();
    if (shown.isEmpty()) {
      h.append("<p class=\"note\">No fork shows a hard-fork signal.</p>\n</section>\n");
      return h.toString();
    }
    h.append("<div class=\"charts\">").append(timeline(repoId, shown)).append("</div>\n")
        .append("<p class=\"note\">Each row is a fork showing at least one signal (most signals first); each dot a")
        .append(" dated step: grey its creation, green a release, red an upstream person's first act in it, blue")
        .append(" the others (hover for what and when). Signals are evidence, not a verdict: a hard fork is not bad")
        .append(" in itself.</p>\n");
    for (HardForkSignals.ForkSignals f : shown) {
      h.append("<details class=\"fork\"><summary>").append(e(f.fork().fullName())).append(": ")
          .append(f.signals().size()).append(" of ").append(HardForkSignals.Kind.values().length)
          .append(" signals, ").append(f.pullRequestsBack()).append(" pull requests back</summary>\n")
          .append("<table class=\"signals\"><tr><th>Signal</th><th>Since</th><th>Evidence</th></tr>\n");
      for (HardForkSignals.Signal s : f.signals()) {
        h.append("<tr><td>").append(e(word(s.kind()))).append("</td><td>")
            .append(s.since().map(ForkSection::time).orElse("unknown")).append("</td><td>").append(e(s.evidence()))
            .append("</td></tr>\n");
      }
      for (HardForkSignals.Kind k : f.unknown()) {
        h.append("<tr><td>").append(e(word(k))).append("</td><td>no data</td><td>the data lacks the forks' own events</td></tr>\n");
      }
      h.append("</table>\n<table class=\"timeline\"><tr><th>When</th><th>What</th></tr>\n");
      for (HardForkSignals.Step s : f.timeline()) {
        h.append("<tr><td>").append(time(s.at())).append("</td><td>").append(e(s.what())).append("</td></tr>\n");
      }
      h.append("</table>\n");
      if (!f.movers().isEmpty()) {
        h.append("<p>Moved from the upstream: ");
        for (int i = 0; i < f.movers().size(); i++) {
          HardForkSignals.Mover m = f.movers().get(i);
          h.append(i == 0 ? "" : "; ").append(e(label.apply(m.person()))).append(" on ").append(time(m.moved()))
              .append(m.stillUpstream() ? " (still acts upstream)" : " (no act upstream since)");
        }
        h.append("</p>\n");
      }
      h.append("</details>\n");
    }
    h.append("</section>\n");
    return h.toString();
  }

  /** One row per fork (up to {@link #ROWS}), one dot per dated step, over the steps' span. */
  String timeline(String repoId, List<HardForkSignals.ForkSignals> shown) {
    List<HardForkSignals.ForkSignals> rows = shown.subList(0, Math.min(ROWS, shown.size()));
    Instant from = rows.stream().flatMap(f -> f.timeline().stream()).map(HardForkSignals.Step::at)
        .min(Instant::compareTo).orElse(activity.window().start());
    Instant to = activity.window().end();
    if (!from.isBefore(to)) {
      from = to.minusSeconds(86_400);
    }
    int height = TOP + rows.size() * ROW + AXIS;
    String id = repoId + "-fork-timeline";
    StringBuilder s = new StringBuilder(2048);
    s.append("<svg class=\"fork-timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"")
        .append(id).append("-t\" data-forks=\"").append(rows.size()).append("\"><title id=\"").append(id).append("-t\">")
        .append(e("Timeline of the forks of " + upstream.fullName() + " that show a hard-fork signal")).append("</title>");
    double plot = WIDTH - LEFT - RIGHT;
    for (int i = 0; i < rows.size(); i++) {
      HardForkSignals.ForkSignals f = rows.get(i);
      double y = TOP + i * ROW + ROW / 2.0;
      s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(n(y + 4)).append("\" text-anchor=\"end\" font-size=\"11\">")
          .append(e(f.fork().fullName() + " (" + f.signals().size() + ")")).append("</text>")
          .append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(y))
          .append("\" y2=\"").append(n(y)).append("\" stroke=\"#ddd\"/>");
      for (HardForkSignals.Step step : f.timeline()) {
        double x = LEFT + plot * (step.at().getEpochSecond() - from.getEpochSecond())
            / (double) (to.getEpochSecond() - from.getEpochSecond());
        s.append("<circle class=\"step\" cx=\"").append(n(Math.min(WIDTH - RIGHT, Math.max(LEFT, x)))).append("\" cy=\"")
            .append(n(y)).append("\" r=\"4\" fill=\"").append(colour(step.what())).append("\" data-at=\"").append(step.at())
            .append("\" data-fork=\"").append(e(f.fork().fullName())).append("\"><title>")
            .append(e(step.at().toString().substring(0, 10) + ": " + step.what())).append("</title></circle>");
      }
    }
    double axis = TOP + rows.size() * ROW + 14;
    s.append("<text x=\"").append(LEFT).append("\" y=\"").append(n(axis)).append("\" font-size=\"11\">")
        .append(e(from.toString().substring(0, 10))).append("</text><text x=\"").append(WIDTH - RIGHT).append("\" y=\"")
        .append(n(axis)).append("\" font-size=\"11\" text-anchor=\"end\">").append(e(to.toString().substring(0, 10)))
        .append("</text>");
    if (shown.size() > rows.size()) {
      s.append("<text x=\"").append(LEFT + plot / 2).append("\" y=\"").append(n(axis)).append("\" font-size=\"11\" text-anchor=\"middle\">")
          .append(shown.size() - rows.size()).append(" more forks with signals in the tables below</text>");
    }
    return s.append("</svg>").toString();
  }

  private static String colour(String what) {
    if (what.startsWith("forked")) {
      return "#7f7f7f";
    }
    if (what.startsWith("release")) {
      return "#2ca02c";
    }
    return what.startsWith("moved from upstream") ? "#d62728" : "#1f77b4";
  }

  private static String word(HardForkSignals.Kind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String time(Instant at) {
    return "<time datetime=\"" + at + "\">" + e(Dates.instant(at)) + "</time>";
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String e(String text) {
    return HtmlReport.escape(text);
  }
}
