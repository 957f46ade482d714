package io.github.communitymetrics.examples;

import io.github.communitymetrics.core.metrics.confidence.CohortConfidence;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidenceResult;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidenceResult;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * "Will our stargazers contribute?": OpenSauced's contributor confidence, and our cohort version
 * with its Wilson interval. Run: {@code examples/run.sh StargazersContribute [--events FILE]}.
 */
public final class StargazersContribute {
  private StargazersContribute() {}

  /** Prints the answer for the community of the arguments ({@link Community#USAGE}). */
  public static void main(String[] args) throws IOException {
    run(Community.fromArgs(args), System.out);
  }

  static void run(Community c, PrintStream out) {
    out.println(c.heading("Will our stargazers contribute?"));
    OpenSaucedConfidenceResult os =
        OpenSaucedConfidence.openSauced(c.repository(), c.asOf())
            .withRange(90) // the same 90 days as the other examples; OpenSauced's default is 30
            .compute(c.store(), c.people());
    out.printf(Locale.ROOT, "OpenSauced contributor confidence: %d %% (%s), %d stargazers and %d forkers in %s%n",
        os.percent(), os.level().name().toLowerCase(Locale.ROOT), os.stargazers(), os.forkers(), os.window());
    Duration horizon = Duration.ofDays(90);
    Window cohortWindow = Window.endingAt(c.asOf().minus(horizon), Duration.ofDays(90));
    CohortConfidenceResult cohort =
        CohortConfidence.defaults(c.scope(), cohortWindow, c.asOf())
            .withHorizon(horizon)
            .compute(c.store(), c.people());
    if (cohort.rate().isEmpty()) {
      out.println("Cohort: nobody first starred or forked in " + cohortWindow);
      return;
    }
    out.printf(Locale.ROOT, "Cohort: %d of %d people who first starred or forked in %s contributed within %d days%n",
        cohort.converters(), cohort.cohort(), cohortWindow, horizon.toDays());
    cohort.interval().ifPresent(i -> out.printf(Locale.ROOT, "        = %.1f %%, %.0f %% %s interval [%.1f %%, %.1f %%]%n",
        100 * cohort.rate().getAsDouble(), 100 * i.level(), i.method().name().toLowerCase(Locale.ROOT),
        100 * i.lower(), 100 * i.upper()));
    cohort.delays().median().ifPresent(d -> out.printf(Locale.ROOT, "        median delay to the first contribution: %.1f days%n",
        d.toSeconds() / 86400.0));
  }
}
