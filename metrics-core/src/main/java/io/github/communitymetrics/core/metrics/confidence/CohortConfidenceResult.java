package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.confidence.CohortConfidence.Conversion;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cohort conversion rate, with its evidence.
 *
 * @param scope the repository or organisation
 * @param window when first stars and forks fell
 * @param asOf the end of the data
 * @param horizon how long after the star a contribution counted
 * @param cohort the denominator: members counted (censored ones only if {@code
 *     censoredCounted})
 * @param converters members who contributed within the horizon
 * @param censored members whose horizon passes {@code asOf}, counted or not
 * @param censoredCounted whether the censored members are in the denominator
 * @param rate {@code converters / cohort}; empty for an empty cohort
 * @param interval the confidence interval of the rate; empty for an empty cohort
 * @param delays the time from star or fork to first contribution of each converter
 * @param conversions the converters, by first star, then first contribution, then key
 */
public record CohortConfidenceResult(
    RepositoryScope scope,
    Window window,
    Instant asOf,
    Duration horizon,
    int cohort,
    int converters,
    int censored,
    boolean censoredCounted,
    OptionalDouble rate,
    Optional<ProportionInterval> interval,
    DelayDistribution delays,
    List<Conversion> conversions) {
  /** Checks the components and copies the list. */
  public CohortConfidenceResult {
    Checks.notNull(scope, "scope");
    Checks.notNull(window, "window");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(horizon, "horizon");
    Checks.notNull(rate, "rate");
    Checks.notNull(interval, "interval");
    Checks.notNull(delays, "delays");
    conversions = List.copyOf(conversions);
    Checks.argument(converters == conversions.size(), "converters must match conversions");
  }
}
