package io.github.communitymetrics.git;

import io.github.communitymetrics.core.metrics.truckfactor.AuthorshipHistory;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactor;
import io.github.communitymetrics.core.metrics.truckfactor.TruckFactorResult;
import java.nio.file.Path;

/**
 * A whole-process harness for timing until the CLI command exists: {@code java -cp ...
 * io.github.communitymetrics.git.TruckFactorHarness <system dir> <paper-inputs dir>} reads the
 * system's log with the paper's inputs and prints the greedy and pruned truck factors and the
 * in-process milliseconds.
 */
public final class TruckFactorHarness {
  private TruckFactorHarness() {}

  /** Runs the harness; see the class comment for the arguments. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    PaperSystem sys = new PaperSystem(Path.of(args[0]));
    AuthorshipHistory h = sys.history(Path.of(args[1]));
    long t1 = System.nanoTime();
    TruckFactorResult greedy = TruckFactor.greedy().compute(h);
    TruckFactorResult pruned = TruckFactor.pruned().compute(h);
    long t2 = System.nanoTime();
    System.out.printf("%s: %d commits, %d files, greedy %d, pruned %d; read %.0f ms, "
            + "truck factors %.0f ms%n", sys.name, h.commits(), greedy.filesAnalyzed(),
        greedy.truckFactor(), pruned.truckFactor(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
}
