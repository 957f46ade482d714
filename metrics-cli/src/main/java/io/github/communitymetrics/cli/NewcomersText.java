package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.newcomers.FirstPullRequestFate;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.MentorshipGroup;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.metrics.newcomers.ProportionDifference;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.metrics.newcomers.Staying;
import io.github.communitymetrics.core.time.Window;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The text output of {@code newcomers}: per repository or owner, what docs/newcomers.md describes. */
final class NewcomersText {
  private NewcomersText() {}

  static void write(PrintWriter out, NewcomersCommand.Run run) {
    NewcomerFindings.Settings s = run.settings();
    Window w = s.evaluation().window();
    out.println("Source: " + run.source());
    out.println("Window: " + w.start() + " to " + w.end() + " (newcomers arrive in it; everything is as of its end)");
    out.println("Newcomer: first contribution of type " + NewcomersCommand.word(s.type()) + " to the "
        + s.scopeWord() + " (history before the window counts)");
    out.println(String.format(Locale.ROOT,
        "Parameters: period %s, quick answer within %s, mentor: %d of the first %d items, departure gap %s, top %d",
        s.evaluation().granularity(NewcomerExperience.INSTANCE, "period").word(),
        NewcomersJson.days(s.evaluation().duration(NewcomerStaying.INSTANCE, "quickResponse")),
        s.evaluation().integer(Mentorship.INSTANCE, "mentorMinimum"),
        s.evaluation().integer(Mentorship.INSTANCE, "mentorItems"),
        NewcomersJson.days(s.evaluation().duration(Mentorship.INSTANCE, "departureGap")),
        s.evaluation().integer(NewcomerWelcomers.INSTANCE, "top")));
    out.println("Good first issue labels: " + String.join(", ", NewcomerGoodFirstIssues.labels(s.evaluation())));
    for (NewcomerFindings f : run.groups()) {
      out.println();
      group(out, f, s, run);
    }
    if (run.simulated()) {
      out.println();
      out.println("(Simulated data: the numbers describe the demo community, not a real project.)");
    }
  }

  private static void group(PrintWriter out, NewcomerFindings f, NewcomerFindings.Settings s, NewcomersCommand.Run run) {
    NewcomerExperience.Result x = f.experience();
    out.println(f.name() + String.format(Locale.ROOT, "  (%,d events; %,d contributors in the window)",
        f.events(), x.journeys().contributors()));
    if (f.newcomers() == 0) {
      out.println("  Newcomers: 0 in the window: no data for their first experience, staying, welcomers"
          + " or mentorship (nobody's first contribution to the " + s.scopeWord() + " falls in the window)");
      NewcomerGoodFirstIssues.text(out, f.goodFirstIssues());
      return;
    }
    StringBuilder periods = new StringBuilder();
    for (NewcomerExperience.PeriodCount p : x.perPeriod()) {
      periods.append(periods.length() == 0 ? "" : ", ").append(label(p.period())).append(' ').append(p.newcomers());
    }
    out.println("  Newcomers: " + f.newcomers() + " in the window; per complete "
        + s.evaluation().granularity(NewcomerExperience.INSTANCE, "period").word() + ": "
        + (periods.length() == 0 ? "no data (no complete period inside the window)" : periods));
    responses(out, x);
    firstPullRequests(out, x);
    staying(out, f.staying(), s);
    welcomers(out, f.welcomers(), run);
    mentorship(out, f.mentorship(), s);
    NewcomerGoodFirstIssues.text(out, f.goodFirstIssues());
  }

  /** A period's label: its first day, or its month. */
  static String label(Window w) {
    String day = w.start().toString().substring(0, 10);
    Duration d = w.duration();
    return d.toDays() >= 28 ? day.substring(0, 7) : d.toHours() < 24 ? w.start().toString().substring(0, 13) + "h" : day;
  }

  private static void responses(PrintWriter out, NewcomerExperience.Result x) {
    out.println("  Time to first human response (Kaplan-Meier; unanswered ones censored at the window's end):");
    TextTable t = new TextTable("Items", "Count", "Answered", "Waiting", "Median", "Within 1 day", "Within 7 days")
        .numeric(1, 2, 3, 4, 5, 6);
    Map<String, String> why = new LinkedHashMap<>();
    row(t, why, "newcomers' first issues", x.issues());
    row(t, why, "newcomers' first pull requests", x.pullRequests());
    row(t, why, "newcomers' first issues and PRs", x.items());
    row(t, why, "established: issues", x.establishedIssues());
    row(t, why, "established: pull requests", x.establishedPullRequests());
    row(t, why, "established: issues and PRs", x.establishedItems());
    t.print(out, "    ");
    why.forEach((k, v) -> out.println("    " + k + ": no data (" + v + ")"));
  }

  private static void row(TextTable t, Map<String, String> why, String name, ResponseTimes r) {
    NewcomerFigure median = NewcomerFigure.medianHours(r, "items");
    NewcomerFigure day = NewcomerFigure.answeredWithin(r, NewcomerExperience.ONE_DAY, "items");
    NewcomerFigure week = NewcomerFigure.answeredWithin(r, NewcomerExperience.SEVEN_DAYS, "items");
    t.row(name, r.items(), r.answered(), r.waiting(), median.cell("%.1f h"), day.cell("%.1f%%", 100), week.cell("%.1f%%", 100));
    if (median.value().isEmpty()) {
      why.put(name + ", median", median.why());
    }
  }

  private static void firstPullRequests(PrintWriter out, NewcomerExperience.Result x) {
    long firsts = x.closedWithoutHumanComment().denominator();
    out.println("  First pull requests: " + firsts);
    out.println("    merged: " + x.firstPullRequestsMerged().numerator() + " of " + x.firstPullRequestsMerged().denominator()
        + " merged or closed, " + NewcomerFigure.ratio(x.firstPullRequestsMerged(), "no first pull request was merged or closed").percent());
    ResponseTimes review = x.firstReview();
    out.println("    time to first review (Kaplan-Meier): median "
        + NewcomerFigure.medianHours(review, "first pull requests").text("%.1f h")
        + " (" + review.answered() + " reviewed, " + review.waiting() + " waiting)");
    out.println("    closed without a human comment: " + x.closedWithoutHumanComment().numerator() + " of " + firsts + ", "
        + NewcomerFigure.ratio(x.closedWithoutHumanComment(), "no first pull request").percent());
  }

  private static void staying(PrintWriter out, NewcomerStaying.Result r, NewcomerFindings.Settings s) {
    out.println("  Staying: a second contribution to another item (Kaplan-Meier; those not back yet censored):");
    List<String> header = new ArrayList<>(List.of("Newcomers", "Count", "Back"));
    s.horizons().forEach(h -> header.add("Within " + NewcomersJson.days(h)));
    TextTable t = new TextTable(header.toArray(String[]::new));
    int[] numeric = new int[header.size() - 1];
    for (int i = 0; i < numeric.length; i++) {
      numeric[i] = i + 1;
    }
    t.numeric(numeric);
    boolean empty = stayRow(t, "all", r.all(), s);
    for (FirstPullRequestFate fate : FirstPullRequestFate.values()) {
      empty |= stayRow(t, "first PR " + fate.name().toLowerCase(Locale.ROOT), r.byFirstPullRequest(fate), s);
    }
    empty |= stayRow(t, "quick answer (within " + NewcomersJson.days(r.quickResponse()) + ")", r.quick(), s);
    empty |= stayRow(t, "slow answer or none", r.slow(), s);
    t.print(out, "    ");
    if (empty) {
      out.println("    (no data: nobody in the group)");
    }
    Optional<ProportionDifference> d = r.quickMinusSlow();
    String head = "    quick minus slow, back within 90 days (plain proportions of those followed 90 days: "
        + r.quick().stayed90() + " of " + r.quick().followed90() + " and " + r.slow().stayed90() + " of " + r.slow().followed90() + "): ";
    if (d.isPresent()) {
      ProportionDifference p = d.get();
      out.println(head + String.format(Locale.ROOT, "%+.1f points (%.0f%% interval %+.1f to %+.1f, Newcombe-Wilson)",
          100 * p.estimate(), 100 * p.level(), 100 * p.lower(), 100 * p.upper()));
    } else {
      out.println(head + "no data (" + NewcomersJson.differenceWhy(r) + ")");
    }
  }

  /** Adds the group's row; whether it has no data. */
  private static boolean stayRow(TextTable t, String name, Staying g, NewcomerFindings.Settings s) {
    List<Object> cells = new ArrayList<>(List.of(name, g.newcomers(), g.returned()));
    s.horizons().forEach(h -> cells.add(NewcomerFigure.back(g, h).cell("%.1f%%", 100)));
    t.row(cells.toArray());
    return g.newcomers() == 0;
  }

  private static void welcomers(PrintWriter out, NewcomerWelcomers.Result r, NewcomersCommand.Run run) {
    var c = r.welcomes();
    out.println("  Who welcomes (first human answer or first review of a newcomer's first issue or PR): "
        + c.ranking().size() + " people, " + c.total() + " welcomes; " + r.welcomed() + " of " + r.withFirstItem()
        + " newcomers with an issue or PR were welcomed");
    if (c.total() == 0) {
      out.println("    top-" + r.top() + " share, Gini, absence factor: no data (nobody welcomed a newcomer in the window)");
      return;
    }
    out.println(String.format(Locale.ROOT, "    top-%d share %s, Gini %s, absence factor %d (they hold %s)",
        r.top(), NewcomerFigure.of(r.topShare(), "").percent(), NewcomerFigure.of(r.gini(), "").text("%.3f"),
        c.factor(), NewcomerFigure.of(r.loadOnFactor(), "").percent()));
    List<Ranked<Actor>> ranking = c.ranking();
    for (int i = 0; i < Math.min(r.top(), ranking.size()); i++) {
      Ranked<Actor> p = ranking.get(i);
      out.println(String.format(Locale.ROOT, "    %d. %s: %d (%.1f%%)", i + 1, run.label().apply(p.key()), p.count(), 100 * p.share()));
    }
  }

  private static void mentorship(PrintWriter out, Mentorship.Result r, NewcomerFindings.Settings s) {
    int k = s.evaluation().integer(Mentorship.INSTANCE, "mentorMinimum");
    int n = s.evaluation().integer(Mentorship.INSTANCE, "mentorItems");
    int all = r.journeys().newcomers().size();
    out.println(String.format(Locale.ROOT,
        "  Mentorship (a maintainer or D3 person answered or reviewed at least %d of the first %d items): %d of %d newcomers mentored, by %d mentors",
        k, n, r.mentored().newcomers(), all, r.mentors().ranking().size()));
    TextTable t = new TextTable("Group", "Count", "Departed", "Reached D2", "Active at 180 days", "At D2 within 180 days")
        .numeric(1, 2, 3, 4, 5);
    mentorRow(t, "mentored", r.mentored());
    mentorRow(t, "not mentored", r.others());
    t.print(out, "    ");
    if (r.mentored().newcomers() == 0 || r.others().newcomers() == 0) {
      out.println("    (no data: nobody in the group)");
    }
    out.println("    log-rank p, mentored against not: retention "
        + NewcomerFigure.logRank(r.retentionTest(), r.mentored(), r.others(), "departure").text("%.4f")
        + ", climb to D2 " + NewcomerFigure.logRank(r.climbTest(), r.mentored(), r.others(), "climb to D2").text("%.4f"));
    out.println("    the same, each mentee against those who arrived in the same UTC month: retention "
        + NewcomerFigure.logRank(r.retentionTestSameMonths(), r.mentored(), r.others(), "departure").text("%.4f")
        + ", climb to D2 " + NewcomerFigure.logRank(r.climbTestSameMonths(), r.mentored(), r.others(), "climb to D2").text("%.4f"));
    out.println("    (an association: being mentored takes k items, so mentees stayed at least that long)");
  }

  private static void mentorRow(TextTable t, String name, MentorshipGroup g) {
    t.row(name, g.newcomers(), g.departed(), g.reachedD2(),
        NewcomerFigure.retained(g, Mentorship.HORIZON).cell("%.1f%%", 100),
        NewcomerFigure.climbed(g, Mentorship.HORIZON).cell("%.1f%%", 100));
  }
}
