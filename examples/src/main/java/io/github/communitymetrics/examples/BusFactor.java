package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.busfactor.FactorResult;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactorResult;
import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorAuthor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * "What is our bus factor, and who holds the knowledge?": the CHAOSS contributor absence factor
 * over commits in the 90 days before as-of, with the people who make it up, and the OpenSauced
 * lottery factor over pull requests. With {@code --git PATH} or {@code --git-log FILE} also the
 * truck factor of the whole snapshot (Avelino et al.'s greedy over degree-of-authorship) and of
 * each top-level directory. Run: {@code examples/run.sh BusFactor [--events FILE | --git PATH]}.
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
    LotteryFactorResult lottery =
        LotteryFactor.openSauced(c.asOf()).withScope(c.scope()).compute(c.store(), c.people());
    out.printf(Locale.ROOT, "Lottery factor (OpenSauced, pull requests of 30 days): %d people, level %s%n",
        lottery.factor().factor(),
        // No level from no pull requests (OpenSauced's grace-period reading is not evidence).
        lottery.evidencedLevel().map(l -> l.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse("no data"));
    for (LotteryFactor.TopContributor t : lottery.top()) {
      out.printf(Locale.ROOT, "  %-28s %6d PRs     %6.1f %%%n",
          c.label(t.ranked().key()), t.ranked().count(), 100 * t.ranked().share());
    }
    c.authorship().ifPresent(history -> truckFactor(history, out));
  }

  private static void truckFactor(AuthorshipHistory history, PrintStream out) {
    TruckFactor greedy = TruckFactor.greedy();
    TruckFactorResult whole = greedy.compute(history);
    out.printf(Locale.ROOT, "Truck factor (Avelino greedy, %d files of the snapshot): %d%n",
        whole.filesAnalyzed(), whole.truckFactor());
    authors(whole, out);
    out.println("Top-level directories:");
    for (Map.Entry<String, TruckFactorResult> e : greedy.perDirectory(history).entrySet()) {
      // perDirectory keys every directory at any depth; the top level is "" and names without '/'.
      if (!e.getKey().isEmpty() && e.getKey().indexOf('/') < 0) {
        out.printf(Locale.ROOT, "  %-28s truck factor %d (%d files)%n", e.getKey() + "/",
            e.getValue().truckFactor(), e.getValue().filesAnalyzed());
        authors(e.getValue(), out);
      }
    }
  }

  private static void authors(TruckFactorResult r, PrintStream out) {
    for (TruckFactorAuthor a : r.authors()) {
      out.printf(Locale.ROOT, "    %-26s %6d files  %5.1f %%%n", a.name(), a.files(), 100 * a.share());
    }
  }
}
