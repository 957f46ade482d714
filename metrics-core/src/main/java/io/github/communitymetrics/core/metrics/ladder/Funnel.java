package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;

/**
 * The ladder over one span of time (the metric's window, or one period of it) in one view
 * ("reached at least" or "passed through"; see {@link LadderResult}).
 *
 * @param reached per rung, the people whose first arrival at the rung falls in the span and who
 *     are counted by the view
 * @param chaoss the CHAOSS conversion rates {@code D1/D0}, {@code D2/D1}, {@code D3/D2} of the
 *     {@code reached} counts: ratios of counts of different people, which can exceed 1
 * @param cohort for each rung k, of the people counted in {@code reached} at k, how many reached
 *     rung k + 1 (or higher) by the end of the metric's window, at or after reaching k; never
 *     above 1
 */
public record Funnel(RungCounts reached, List<Conversion> chaoss, List<Conversion> cohort) {

  /** Checks the components and copies the lists. */
  public Funnel {
    Checks.notNull(reached, "reached");
    chaoss = List.copyOf(Checks.notNull(chaoss, "chaoss"));
    cohort = List.copyOf(Checks.notNull(cohort, "cohort"));
    Checks.argument(chaoss.size() == 3, "chaoss must hold D0->D1, D1->D2 and D2->D3");
    Checks.argument(cohort.size() == 3, "cohort must hold D0->D1, D1->D2 and D2->D3");
  }

  /** The CHAOSS ratio from {@code from} to the next rung. */
  public Conversion chaoss(Rung from) {
    return chaoss.get(index(from));
  }

  /** The cohort conversion from {@code from} to the next rung. */
  public Conversion cohort(Rung from) {
    return cohort.get(index(from));
  }

  private static int index(Rung from) {
    Checks.notNull(from, "from");
    Checks.argument(from != Rung.D3, "D3 is the top rung: there is no conversion from it");
    return from.ordinal();
  }
}
