package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.metrics.retention.CohortRow;
import io.github.communitymetrics.core.metrics.retention.PeriodRetention;
import io.github.communitymetrics.core.metrics.retention.Retention;
import io.github.communitymetrics.core.metrics.retention.RetentionResult;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * "Are newcomers staying?": LFX retention by quarter over the 24 months before as-of, the
 * cohort matrix (of the people who first contributed in a quarter, the share active k quarters
 * later), and the Kaplan-Meier median time people keep contributing. Run: {@code examples/run.sh
 * NewcomersStaying [--events FILE]}.
 */
public final class NewcomersStaying {
  private NewcomersStaying() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("Are newcomers staying?"));
    Window history =
        new Window(c.asOf().atZone(ZoneOffset.UTC).minusMonths(24).toInstant(), c.asOf());
    RetentionResult r = Retention.lfx(history).withScope(c.scope()).compute(c.store(), c.people());
    out.println("quarter   active  new  returning  retained  retention");
    for (PeriodRetention p : r.periods()) {
      out.printf(Locale.ROOT, "%-8s  %6d  %3d  %9d  %8d  %s%n", p.period().label(), p.active().size(),
          p.newcomers().size(), p.returning().size(), p.retained().size(),
          p.retentionPercent().isPresent()
              ? String.format(Locale.ROOT, "%.1f %%", p.retentionPercent().getAsDouble()) : "no data");
    }
    out.println();
    out.println("cohort (people)  share active k quarters later: k = 0 1 2 ...");
    for (CohortRow row : r.cohorts()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s (%3d) ", row.cohort().label(),
          row.members().size()));
      for (int k = 0; k < row.activeAfter().size(); k++) {
        line.append(String.format(Locale.ROOT, " %4.0f%%", 100 * row.share(k)));
      }
      out.println(line);
    }
    out.println();
    out.println("Median time from first to last contribution (Kaplan-Meier): " + r.survival().median()
        .map(sec -> String.format(Locale.ROOT, "%.1f days", sec / 86400.0)).orElse("over half still active")
        + String.format(Locale.ROOT, " (%d departed, %d censored)", r.departed().size(), r.censored().size()));
  }
}
