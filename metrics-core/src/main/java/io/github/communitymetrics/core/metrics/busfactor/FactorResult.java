package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.Ranked;
import java.util.List;

/**
 * A bus-factor number with its evidence: the parameters, the full ranking and the members.
 *
 * @param <K> who is ranked: a person's key ({@link io.github.communitymetrics.core.event.Actor})
 *     or an {@link Organization}
 * @param selection the contributions counted
 * @param concentration the ranking, the share rule and the factor
 * @param skippedMerges merged pull requests that counted but were credited to nobody, because
 *     neither the merge event nor any pull request opening in the data names their author
 */
public record FactorResult<K>(
    Selection selection, Concentration<K> concentration, long skippedMerges) {

  /** Checks the components. */
  public FactorResult {
    Checks.notNull(selection, "selection");
    Checks.notNull(concentration, "concentration");
    Checks.argument(skippedMerges >= 0, "skippedMerges must not be negative");
  }

  /** The factor: how many top contributors satisfy the rule; 0 without contributions. */
  public int factor() {
    return concentration.factor();
  }

  /**
   * Whether any contribution was counted. Without one the factor has no value (it is not a
   * factor of zero people): reports show "no data" rather than {@link #factor()}'s 0.
   */
  public boolean hasEvidence() {
    return total() > 0;
  }

  /** All contributions counted. */
  public long total() {
    return concentration.total();
  }

  /** The top contributors that make up the factor, most contributions first. */
  public List<Ranked<K>> members() {
    return concentration.members();
  }

  /** Everyone with a contribution, most first; ties in the key's natural order. */
  public List<Ranked<K>> ranking() {
    return concentration.ranking();
  }
}
