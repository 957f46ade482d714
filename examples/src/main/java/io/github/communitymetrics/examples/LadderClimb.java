package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.Conversion;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.ladder.RungTime;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * "Who is climbing the ladder?": the CHAOSS contributor ladder (D0 stargazer or forker, D1
 * participant, D2 contributor, D3 maintainer) over the 90 days before as-of: how many reached
 * each rung, how many of those climbed on, and how long people stay on a rung. Run: {@code
 * examples/run.sh LadderClimb [--events FILE]}.
 */
public final class LadderClimb {
  private LadderClimb() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("Who is climbing the ladder?"));
    LadderResult ladder =
        ContributorLadder.over(c.window()).withScope(c.scope()).compute(c.store(), c.people());
    out.println("rung  reached  of them higher  median days on the rung (climbed, still there)");
    for (Rung r : Rung.values()) {
      String next = "";
      if (r != Rung.D3) {
        Conversion cv = ladder.atLeast().cohort(r);
        next = String.format(Locale.ROOT, "%d of %d", cv.toCount(), cv.fromCount());
      }
      String median = "";
      for (RungTime rt : ladder.timeOnRung()) {
        if (rt.rung() == r) {
          median = rt.median().map(d -> String.format(Locale.ROOT, "%.1f", d.toSeconds() / 86400.0))
              .orElse("no data") + " (" + rt.climbed() + ", " + rt.censored() + ")";
        }
      }
      out.printf(Locale.ROOT, "%-4s  %7d  %-14s  %s%n", r, ladder.atLeast().reached().get(r), next, median);
    }
    List<Rung> order = List.of(Rung.values());
    out.println("everyone so far by highest rung at the end: " + order.stream()
        .map(r -> r + " " + ladder.highestAtEnd().get(r)).reduce((a, b) -> a + ", " + b).orElse(""));
  }
}
