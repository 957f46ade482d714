package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.MetricRegistry;
import io.github.communitymetrics.core.registry.StandardMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registered metrics as {@link SparkMetric}s: a loop over a {@link MetricRegistry}, like every
 * other output, so that a metric registered once (built in, or a user's through {@link
 * RegistrySource#discovered()}) is computed by Spark with no Spark code. Each metric is named by
 * its id and yields the measurements of its descriptor, one result row each.
 *
 * <p>Not here: {@code contributor-confidence} ({@link StandardMetrics#CONTRIBUTOR_CONFIDENCE}): it
 * describes one named repository and credits a stargazer's pull requests in any repository of the
 * input, so a group's events are not its input. {@code HealthSummary} (it combines finished
 * results) and the truck factor (a git history's file authorship) are not registered metrics.
 *
 * <p>Metrics of {@link io.github.communitymetrics.core.registry.Locality#STORE} locality ({@code
 * cohort-confidence}: did a stargazer contribute anywhere?; {@code consumers}: who contributes to
 * the consumer projects?) see only the group's events in Spark, so a contribution to another group
 * does not count, unlike in the CLI over a whole store.
 *
 * <p>No data is not zero: a measurement without evidence (no contribution, nobody on the ladder,
 * no contributor in the retention window) has a null {@code value} column and evidence 0.
 */
public final class CoreMetrics {
  private CoreMetrics() {}

  /** Every built-in metric that runs on a group's events, for the window {@code [start, asOf)}. */
  public static List<SparkMetric<?, ?>> all(Instant start, Instant asOf) {
    return all(RegistrySource.standard(), SparkEvaluation.of(start, asOf));
  }

  /**
   * Every metric of {@code registry} that runs on a group's events, in registry order, for {@code
   * evaluation}.
   *
   * @throws IllegalArgumentException if a parameter override names no metric or parameter of
   *     the registry, or does not parse
   */
  public static List<SparkMetric<?, ?>> all(RegistrySource registry, SparkEvaluation evaluation) {
    MetricRegistry r = Args.notNull(registry, "registry").registry();
    r.checkParameters(evaluation.parameters().keySet());
    List<SparkMetric<?, ?>> out = new ArrayList<>();
    for (MetricDescriptor<?> d : r.metrics()) {
      // A group's events are the input, so the scope is every repository of the group.
      if (d.describes(RepositoryScope.all())) {
        out.add(SparkMetric.of(registry, d.id(), evaluation));
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code elephant-factor} with affiliations by e-mail domain for the window {@code [start,
   * asOf)}; the same as the {@code elephant-factor} of {@link #all(RegistrySource,
   * SparkEvaluation)} with {@link SparkEvaluation#withDomains}.
   *
   * @param domains organisation per e-mail domain (copied)
   */
  public static SparkMetric<?, ?> elephantFactor(Instant start, Instant asOf, Map<String, String> domains) {
    return SparkMetric.of(
        StandardMetrics.ELEPHANT_FACTOR.id(), SparkEvaluation.of(start, asOf).withDomains(domains));
  }
}
