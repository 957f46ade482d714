package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.newcomers.Mentorship;
import io.github.communitymetrics.core.metrics.newcomers.MentorshipGroup;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerExperience;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerStaying;
import io.github.communitymetrics.core.metrics.newcomers.NewcomerWelcomers;
import io.github.communitymetrics.core.metrics.newcomers.ResponseTimes;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * "Do newcomers find someone who answers and mentors them?": the newcomers of the year before
 * as-of, how long their first issue or pull request waited for a human answer against the
 * established contributors', who answered them, whether a quick answer goes with coming back,
 * and whether mentored newcomers stay and climb. The four newcomer metrics of the core with their
 * presets. Run: {@code examples/run.sh NewcomersWelcome [--events FILE]}.
 */
public final class NewcomersWelcome {
  private NewcomersWelcome() {}

  /** A year: a newcomer of the last 90 days cannot yet be followed 90 days. */
  static final Duration WINDOW = Duration.ofDays(365);

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("Do newcomers find someone who answers and mentors them?"));
    Evaluation e = Evaluation.of(c.scope(), Window.endingAt(c.asOf(), WINDOW));
    NewcomerExperience.Result x = NewcomerExperience.INSTANCE.metric(e).compute(c.store(), c.people());
    NewcomerStaying.Result s = NewcomerStaying.INSTANCE.metric(e).compute(c.store(), c.people());
    NewcomerWelcomers.Result w = NewcomerWelcomers.INSTANCE.metric(e).compute(c.store(), c.people());
    Mentorship.Result m = Mentorship.INSTANCE.metric(e).compute(c.store(), c.people());
    int newcomers = x.journeys().newcomers().size();
    out.println("Newcomers in the 365 days: " + newcomers);
    if (newcomers == 0) {
      out.println("No newcomer: no data for the questions below.");
      return;
    }
    out.println();
    out.println("Who answers? Wait for a first human answer (Kaplan-Meier median; unanswered censored):");
    out.println("  newcomers' first issues and pull requests: " + median(x.items()));
    out.println("  established contributors' issues and PRs:  " + median(x.establishedItems()));
    out.println("  newcomers answered within a day: " + percent(x.items().answeredWithin(NewcomerExperience.ONE_DAY))
        + ", established: " + percent(x.establishedItems().answeredWithin(NewcomerExperience.ONE_DAY)));
    out.println("  first pull requests merged: " + x.firstPullRequestsMerged().numerator() + " of "
        + x.firstPullRequestsMerged().denominator() + "; closed without a human comment: "
        + x.closedWithoutHumanComment().numerator() + " of " + x.closedWithoutHumanComment().denominator());
    out.println("  welcomed: " + w.welcomed() + " of " + w.withFirstItem() + " newcomers with an issue or PR, by "
        + w.welcomes().ranking().size() + " people; the top " + w.top() + " gave " + percent(w.topShare()) + " of the welcomes");
    List<Ranked<Actor>> ranking = w.welcomes().ranking();
    for (Ranked<Actor> r : ranking.subList(0, Math.min(w.top(), ranking.size()))) {
      out.printf(Locale.ROOT, "    %s: %d newcomers (%.0f%%)%n", c.label(r.key()), r.count(), 100 * r.share());
    }
    out.println();
    out.println("Does a quick answer (within " + s.quickResponse().toHours() + " h) go with coming back within 90 days?");
    out.println("  quick: " + s.quick().stayed90() + " of " + s.quick().followed90() + ", slow or none: "
        + s.slow().stayed90() + " of " + s.slow().followed90() + " (those followed 90 days)");
    out.println("  quick minus slow: " + s.quickMinusSlow()
        .map(d -> String.format(Locale.ROOT, "%+.0f points, 95%% interval %+.0f to %+.0f", 100 * d.estimate(), 100 * d.lower(), 100 * d.upper()))
        .orElse("no data (a group has nobody followed 90 days)"));
    out.println();
    MentorshipGroup mentored = m.mentored();
    MentorshipGroup others = m.others();
    out.println("Mentored (a maintainer answered " + e.integer(Mentorship.INSTANCE, "mentorMinimum") + " of their first "
        + e.integer(Mentorship.INSTANCE, "mentorItems") + " items): " + mentored.newcomers() + " of " + newcomers
        + ", by " + m.mentors().ranking().size() + " mentors");
    out.println("  still active 180 days after arriving: mentored " + percent(mentored.retainedAt(Mentorship.HORIZON))
        + ", others " + percent(others.retainedAt(Mentorship.HORIZON)) + "; log-rank p "
        + m.retentionTest().map(t -> String.format(Locale.ROOT, "%.4f", t.pValue())).orElse("no data"));
    out.println("  a merged pull request (D2) within 180 days: mentored " + percent(mentored.reachedD2Within(Mentorship.HORIZON))
        + ", others " + percent(others.reachedD2Within(Mentorship.HORIZON)) + "; log-rank p "
        + m.climbTest().map(t -> String.format(Locale.ROOT, "%.4f", t.pValue())).orElse("no data"));
    out.println("  (an association: being mentored takes several answered items, so mentees stayed that long at least)");
  }

  private static String median(ResponseTimes t) {
    if (t.items() == 0) {
      return "no data (no item)";
    }
    return t.median().map(d -> String.format(Locale.ROOT, "%.1f h", d.getSeconds() / 3600.0))
        .orElse("no data (over half still waiting)") + " (" + t.items() + " items, " + t.waiting() + " still waiting)";
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * v.getAsDouble()) : "no data";
  }
}
