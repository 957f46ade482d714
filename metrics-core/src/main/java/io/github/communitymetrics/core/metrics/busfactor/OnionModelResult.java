package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.busfactor.OnionModel.Member;
import java.util.List;

/**
 * The result of a {@link OnionModel}.
 *
 * @param selection the contributions counted
 * @param total all contributions counted
 * @param members everyone with a contribution, most first, with their layer
 * @param skippedMerges merged pull requests credited to nobody (no author known)
 */
public record OnionModelResult(Selection selection, long total, List<Member> members, long skippedMerges) {
  /** Checks the components and copies the list. */
  public OnionModelResult {
    Checks.notNull(selection, "selection");
    members = List.copyOf(Checks.notNull(members, "members"));
  }

  /**
   * Whether any contribution was counted; without one the layers have no sizes to report (an
   * empty onion is no data, not a community of zero people).
   */
  public boolean hasEvidence() {
    return total > 0;
  }

  /** The members of one layer, most contributions first. */
  public List<Member> layer(OnionLayer layer) {
    Checks.notNull(layer, "layer");
    return members.stream().filter(m -> m.layer() == layer).toList();
  }
}
