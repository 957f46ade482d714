package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.newcomers.GoodFirstIssues;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.registry.Evaluation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;

/**
 * The good first issues part of {@code newcomers}' output, text and JSON: the figures and their
 * reasons are decided here once, so that both say the same. With no labelled issue every share
 * and the median have no data (never 0): nothing was there to be claimed or closed.
 */
final class NewcomerGoodFirstIssues {
  private NewcomerGoodFirstIssues() {}

  static final String NO_LABELLED = "no issue got one of the labels in the window";

  /** The evaluation's label set, lower case and sorted (the metric's {@code labels}). */
  static List<String> labels(Evaluation e) {
    return List.copyOf(new TreeSet<>(e.words(GoodFirstIssues.INSTANCE, "labels")));
  }

  /** The Kaplan-Meier median time to claim, in hours. */
  static NewcomerFigure medianHours(GoodFirstIssues.Result r) {
    ResponseTimes t = r.timeToClaim();
    NewcomerFigure none = noWaits(r);
    if (none != null) {
      return none;
    }
    return t.median().map(d -> NewcomerFigure.of(d.getSeconds() / 3600.0)).orElseGet(() -> NewcomerFigure.none(
        "over half of the " + t.items() + " labelled issues were still unclaimed at the end of the window"));
  }

  /** The Kaplan-Meier share claimed within {@code d} of labelling. */
  static NewcomerFigure claimedWithin(GoodFirstIssues.Result r, Duration d) {
    NewcomerFigure none = noWaits(r);
    return none != null ? none : NewcomerFigure.of(r.timeToClaim().answeredWithin(d), "");
  }

  /** Why there is no time to claim, or null when there is one. */
  private static NewcomerFigure noWaits(GoodFirstIssues.Result r) {
    if (r.labelled() == 0) {
      return NewcomerFigure.none(NO_LABELLED);
    }
    if (r.timeToClaim().items() == 0) {
      return NewcomerFigure.none("every labelled issue was claimed before its labelling");
    }
    return null;
  }

  /** Of the closed labelled issues, the share a newcomer's merged pull request closed. */
  static NewcomerFigure closedByNewcomerShare(GoodFirstIssues.Result r) {
    if (r.labelled() == 0) {
      return NewcomerFigure.none(NO_LABELLED);
    }
    return r.closed() == 0
        ? NewcomerFigure.none("no labelled issue was closed by the end of the window")
        : NewcomerFigure.of((double) r.closedByNewcomers() / r.closed());
  }

  /** Of the issues labelled at least 90 days before the end, the share still open 90 days on. */
  static NewcomerFigure openAfter90DaysShare(GoodFirstIssues.Result r) {
    if (r.labelled() == 0) {
      return NewcomerFigure.none(NO_LABELLED);
    }
    return r.oldEnough() == 0
        ? NewcomerFigure.none("no labelled issue was labelled at least 90 days before the end of the window")
        : NewcomerFigure.of((double) r.openAfter90Days() / r.oldEnough());
  }

  static void text(PrintWriter out, GoodFirstIssues.Result r) {
    if (r.labelled() == 0) {
      out.println("  Good first issues: 0 labelled in the window: no data for the time to claim, the closes"
          + " or the issues left open (" + NO_LABELLED + ")");
      return;
    }
    out.println("  Good first issues: " + r.labelled() + " labelled in the window (and still labelled at its end)");
    out.println("    claimed: " + r.claimed() + " (" + r.claimedByNewcomers() + " first by a newcomer, "
        + r.claimedByEstablished() + " by an established contributor), " + r.claimedBeforeLabelling()
        + " before their labelling, " + r.timeToClaim().waiting() + " unclaimed");
    out.println("    time to claim (Kaplan-Meier; unclaimed ones censored at the window's end): median "
        + medianHours(r).text("%.1f h") + ", within 7 days "
        + claimedWithin(r, GoodFirstIssues.SEVEN_DAYS).percent() + ", within 30 days "
        + claimedWithin(r, GoodFirstIssues.THIRTY_DAYS).percent());
    out.println("    closed: " + r.closed() + "; by a newcomer's merged pull request " + r.closedByNewcomers()
        + " (" + closedByNewcomerShare(r).percent() + "), by an established contributor's "
        + r.closedByEstablished() + ", otherwise " + r.closedOtherwise());
    out.println(String.format(Locale.ROOT, "    still open 90 days after labelling: %d of the %d labelled at least 90 days before the end, %s",
        r.openAfter90Days(), r.oldEnough(), openAfter90DaysShare(r).percent()));
  }

  static void json(JsonGenerator g, ImpactJson.Why why, GoodFirstIssues.Result r) {
    String p = "goodFirstIssues.";
    g.writeObjectPropertyStart("goodFirstIssues");
    g.writeNumberProperty("labelledIssues", r.labelled());
    g.writeNumberProperty("claimed", r.claimed());
    g.writeNumberProperty("claimedByNewcomers", r.claimedByNewcomers());
    g.writeNumberProperty("claimedByEstablished", r.claimedByEstablished());
    g.writeNumberProperty("claimedBeforeLabelling", r.claimedBeforeLabelling());
    g.writeNumberProperty("unclaimed", r.timeToClaim().waiting());
    NewcomersJson.figure(g, why, p + "timeToClaimMedianHours", medianHours(r));
    NewcomersJson.figure(g, why, p + "claimedWithin7Days", claimedWithin(r, GoodFirstIssues.SEVEN_DAYS));
    NewcomersJson.figure(g, why, p + "claimedWithin30Days", claimedWithin(r, GoodFirstIssues.THIRTY_DAYS));
    g.writeNumberProperty("closed", r.closed());
    g.writeNumberProperty("closedByNewcomers", r.closedByNewcomers());
    g.writeNumberProperty("closedByEstablished", r.closedByEstablished());
    g.writeNumberProperty("closedOtherwise", r.closedOtherwise());
    NewcomersJson.figure(g, why, p + "closedByNewcomerShare", closedByNewcomerShare(r));
    g.writeNumberProperty("labelledAtLeast90DaysBefore", r.oldEnough());
    g.writeNumberProperty("openAfter90Days", r.openAfter90Days());
    NewcomersJson.figure(g, why, p + "openAfter90DaysShare", openAfter90DaysShare(r));
    g.writeEndObject();
  }
}
