// Notebook 3: will stargazers contribute, and who climbs? Run: examples/notebooks/run.sh 03-confidence-and-ladder.jsh
import io.github.communitymetrics.core.event.*;
import io.github.communitymetrics.core.store.*;
import io.github.communitymetrics.core.metrics.*;
import io.github.communitymetrics.core.metrics.confidence.*;
import io.github.communitymetrics.core.metrics.ladder.*;
import io.github.communitymetrics.core.time.*;
import io.github.communitymetrics.simulator.*;
import java.time.*;
import java.util.*;

EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
People people = People.resolve(store);
Repository repo = store.repositories().get(0);
Instant asOf = store.instant(store.size() - 1).plusSeconds(1);

// Step 1: OpenSauced's number over a 90-day range, with the counts it came from.
// (A line that ends a statement ends the snippet in jshell, so chained calls end lines with a dot.)
OpenSaucedConfidenceResult os = OpenSaucedConfidence.openSauced(repo, asOf).withRange(90).compute(store, people);
System.out.printf("OpenSauced: %d %% (%s) from %d stargazers and %d forkers%n",
    os.percent(), os.level(), os.stargazers(), os.forkers());

// Step 2: the cohort version with an interval, for three horizons.
System.out.printf("%-8s %8s %10s %8s %18s%n", "horizon", "cohort", "converted", "rate", "95% interval");
for (int days : new int[] {30, 90, 180}) {
  Duration h = Duration.ofDays(days);
  CohortConfidenceResult c = CohortConfidence.
      defaults(RepositoryScope.of(repo), Window.endingAt(asOf.minus(h), Duration.ofDays(180)), asOf).
      withHorizon(h).compute(store, people);
  System.out.printf("%-8s %8d %10d %8s %18s%n", days + "d", c.cohort(), c.converters(),
      c.rate().isPresent() ? String.format("%.1f%%", 100 * c.rate().getAsDouble()) : "n/a",
      c.interval().map(i -> String.format("[%.1f, %.1f]", 100 * i.lower(), 100 * i.upper())).orElse(""));
}

// Step 3: the ladder funnel over the last 90 days.
LadderResult ladder = ContributorLadder.over(Window.endingAt(asOf, Duration.ofDays(90))).
    withScope(RepositoryScope.of(repo)).compute(store, people);
for (Rung r : Rung.values()) {
  System.out.printf("%s reached by %3d%n", r, ladder.atLeast().reached().get(r));
}
/exit
