package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.time.Window;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serializable part of a core {@link Evaluation}, which Spark ships to the executors (an
 * {@code Evaluation} is not serializable): each executor rebuilds the evaluation with {@link
 * #evaluation()}. The scope is always every repository, {@link RepositoryScope#all()}: a task
 * hands each metric the events of one group (a repository or an owner), so the group is the
 * scope.
 *
 * @param start the first instant of the activity window (inclusive)
 * @param asOf the end of the window (exclusive), the instant the metrics describe
 * @param commitBasis what the commit-based metrics count
 * @param parameters overrides by {@code metricId.parameterName}, as {@link Evaluation#parameters()}
 * @param domains organisation per e-mail domain, the affiliations of the organisation-based
 *     metrics (the elephant factor); empty when none are known
 * @param unmappedDomains what an e-mail domain outside {@code domains} stands for: no
 *     organisation (the default) or an organisation of its own, as the CLI's {@code score} and
 *     {@code metrics} count it
 */
public record SparkEvaluation(
    Instant start,
    Instant asOf,
    ContributionType commitBasis,
    Map<String, String> parameters,
    Map<String, String> domains,
    UnmappedDomainPolicy unmappedDomains)
    implements Serializable {

  /** Checks and copies the fields (maps sorted by key, so equal evaluations are equal). */
  public SparkEvaluation {
    Args.notNull(start, "start");
    Args.notNull(asOf, "asOf");
    Args.argument(start.isBefore(asOf), "start " + start + " must be before asOf " + asOf);
    Args.notNull(commitBasis, "commitBasis");
    // TreeMap, not Map.copyOf: serializable, and ordered for a stable toString and Affiliations.
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Args.notNull(parameters, "parameters")));
    domains = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Args.notNull(domains, "domains")));
    Args.notNull(unmappedDomains, "unmappedDomains");
  }

  /** The window {@code [start, asOf)}, counting commits, default parameters, no affiliations. */
  public static SparkEvaluation of(Instant start, Instant asOf) {
    return new SparkEvaluation(
        start, asOf, ContributionType.COMMIT, Map.of(), Map.of(), UnmappedDomainPolicy.UNAFFILIATED);
  }

  /** This evaluation with the commit-based metrics counting {@code value}. */
  public SparkEvaluation withCommitBasis(ContributionType value) {
    return new SparkEvaluation(start, asOf, value, parameters, domains, unmappedDomains);
  }

  /**
   * This evaluation with one parameter overridden, as the CLI's {@code --param}.
   *
   * @param key {@code metricId.parameterName} ({@code cohort-confidence.horizon})
   * @param value the value as the parameter's kind parses it ({@code P30D}); checked when a
   *     metric is built from it
   */
  public SparkEvaluation withParameter(String key, String value) {
    Map<String, String> copy = new TreeMap<>(parameters);
    copy.put(Args.notNull(key, "key"), Args.notNull(value, "value"));
    return new SparkEvaluation(start, asOf, commitBasis, copy, domains, unmappedDomains);
  }

  /** This evaluation with affiliations by e-mail domain: organisation per domain. */
  public SparkEvaluation withDomains(Map<String, String> value) {
    return new SparkEvaluation(start, asOf, commitBasis, parameters, value, unmappedDomains);
  }

  /** This evaluation with e-mail domains outside {@link #domains()} counted as {@code policy} says. */
  public SparkEvaluation withUnmappedDomains(UnmappedDomainPolicy policy) {
    return new SparkEvaluation(start, asOf, commitBasis, parameters, domains, policy);
  }

  /** The core evaluation, rebuilt (on an executor): every repository, this window and more. */
  public Evaluation evaluation() {
    Affiliations.Builder b = Affiliations.builder().unmappedDomains(unmappedDomains);
    domains.forEach(b::domain);
    return new Evaluation(RepositoryScope.all(), Window.of(start, asOf), b.build(), commitBasis, parameters);
  }
}
