package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.metrics.responsiveness.DurationSummary;
import io.github.communitymetrics.core.metrics.responsiveness.Ratio;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessResult;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * "How fast do we answer people?": CHAOSS time to first response (issues and pull requests, then
 * each apart), time to close and time to merge over the 90 days before as-of, as nearest-rank
 * percentiles in hours with the number of items that completed and that were still waiting
 * (censored) at as-of, the Kaplan-Meier median that accounts for the waiting ones, and the
 * acceptance and closure ratios. Run: {@code examples/run.sh ResponseTimes [--events FILE]}.
 */
public final class ResponseTimes {
  private ResponseTimes() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("How fast do we answer people?"));
    ResponsivenessResult r =
        Responsiveness.chaoss(c.window(), c.asOf()).withScope(c.scope()).compute(c.store(), c.people());
    out.println("Items opened (or merged) in " + c.window() + "; hours, nearest-rank percentiles of the"
        + " completed items");
    out.println("                              done  censored      p50      p75      p90      p95  KM median");
    row(out, "time to first response", r.firstResponse());
    row(out, "  issues", r.issueFirstResponse());
    row(out, "  pull requests", r.pullRequestFirstResponse());
    row(out, "time to close", r.timeToClose());
    row(out, "time to merge", r.timeToMerge());
    out.println();
    out.println("Acceptance (merged of merged or closed pull requests): " + ratio(r.acceptance()));
    out.println("Closure (closed of opened items): " + ratio(r.closure()));
    out.println("Still waiting for a first response: " + r.unanswered().size() + " items");
  }

  private static void row(PrintStream out, String label, DurationSummary d) {
    out.printf(Locale.ROOT, "%-25s %8d  %8d %s %s %s %s  %9s%n", label, d.completed(), d.censored(),
        hours(d.p50()), hours(d.p75()), hours(d.p90()), hours(d.p95()), hours(d.kaplanMeierMedian()).strip());
  }

  private static String hours(Optional<Duration> d) {
    return d.map(v -> String.format(Locale.ROOT, "%8.1f", v.getSeconds() / 3600.0 + v.getNano() / 3.6e12))
        .orElse("     n/a");
  }

  private static String ratio(Ratio r) {
    return r.numerator() + " of " + r.denominator()
        + (r.value().isPresent() ? String.format(Locale.ROOT, " = %.1f %%", 100 * r.value().getAsDouble()) : "");
  }
}
