package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * "What is our bus factor, and who holds the knowledge?": the CHAOSS contributor absence factor
 * over commits in the 90 days before as-of, with the people who make it up, and the OpenSauced
 * lottery factor over pull requests. Run: {@code examples/run.sh BusFactor [--events FILE]}.
 */
public final class BusFactor {
  private BusFactor() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("What is our bus factor, and who holds the knowledge?"));
    FactorResult<Actor> absence =
        ContributorAbsenceFactor.chaoss(c.window()).withScope(c.scope()).compute(c.store(), c.people());
    out.printf(Locale.ROOT, "Absence factor (CHAOSS, commits in %s): %d people hold more than half of %d commits%n",
        c.window(), absence.factor(), absence.total());
    for (Ranked<Actor> r : absence.members()) {
      out.printf(Locale.ROOT, "  %-28s %6d commits %6.1f %%%n", c.label(r.key()), r.count(), 100 * r.share());
    }
    LotteryFactor.Result lottery =
        LotteryFactor.openSauced(c.asOf()).withScope(c.scope()).compute(c.store(), c.people());
    out.printf(Locale.ROOT, "Lottery factor (OpenSauced, pull requests of 30 days): %d people, level %s%n",
        lottery.factor().factor(), lottery.level().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    for (LotteryFactor.TopContributor t : lottery.top()) {
      out.printf(Locale.ROOT, "  %-28s %6d PRs     %6.1f %%%n",
          c.label(t.ranked().key()), t.ranked().count(), 100 * t.ranked().share());
    }
  }
}
