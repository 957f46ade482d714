package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor.Others;
import io.github.communitymetrics.core.metrics.busfactor.LotteryFactor.TopContributor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link LotteryFactor}.
 *
 * @param factor how many authors reach the share, with the full ranking
 * @param level the repository's risk level (by the factor, or by the grace period when there
 *     are no contributions)
 * @param top the (up to) four largest contributors with their shares and levels
 * @param other everyone else together; empty when there is nobody else
 * @param createdAt the repository creation instant used for the grace period: the parameter,
 *     else the earliest event in scope; empty when neither is known
 */
public record LotteryFactorResult(
    FactorResult<Actor> factor,
    LotteryLevel level,
    List<TopContributor> top,
    Optional<Others> other,
    Optional<Instant> createdAt) {
  /** Checks the components and copies the list. */
  public LotteryFactorResult {
    Checks.notNull(factor, "factor");
    Checks.notNull(level, "level");
    top = List.copyOf(Checks.notNull(top, "top"));
    Checks.notNull(other, "other");
    Checks.notNull(createdAt, "createdAt");
  }

  /**
   * The repository's level as the evidence supports it: {@link #level()} when some pull request
   * was counted, empty otherwise. Without contributions {@link #level()} is OpenSauced's grace
   * period reading (low when young, very high when old), which says nothing about who holds
   * the work; reports show this one, so that no level is derived from no data.
   */
  public Optional<LotteryLevel> evidencedLevel() {
    return factor.hasEvidence() ? Optional.of(level) : Optional.empty();
  }
}
