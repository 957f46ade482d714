package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where, when and how to evaluate metrics: the repositories, the activity window (whose end is
 * the instant the metrics describe: events at or after it are ignored), who works where, what
 * the commit-based metrics count, and parameter overrides. One evaluation applies to every
 * metric of a registry; each {@link MetricDescriptor} reads what it needs.
 *
 * @param scope the repositories described
 * @param window the activity window {@code [start, end)}; {@code end} is the as-of instant. Metrics
 *     whose preset fixes its own window (the lottery factor's 30 days, the pony factor's 24
 *     months) end theirs at {@code end}
 * @param affiliations who works where, for the organization-based metrics
 * @param commitBasis what the commit-based metrics count ({@link ContributionType#COMMIT} unless
 *     the source has no commits)
 * @param parameters overrides by {@code metricId.parameterName}, values written as the {@link
 *     Parameter.Kind} parses them; a registry rejects names no metric declares
 */
public record Evaluation(
    RepositoryScope scope,
    Window window,
    Affiliations affiliations,
    ContributionType commitBasis,
    Map<String, String> parameters) {

  /** Checks and copies the fields (parameters sorted by name). */
  public Evaluation {
    Checks.notNull(scope, "scope");
    Checks.notNull(window, "window");
    Checks.notNull(affiliations, "affiliations");
    Checks.notNull(commitBasis, "commitBasis");
    // Not Checks.argument: its message would format the window for every evaluation, and one
    // is made per repository when every repository of a store is scored.
    if (window.start().equals(Instant.MIN) || window.end().equals(Instant.MAX)) {
      throw new IllegalArgumentException("the window must be bounded: " + window);
    }
    Checks.notNull(parameters, "parameters");
    // No TreeMap when there is nothing to copy: withScope makes one Evaluation per repository
    // (issue 24: their TreeMaps were 2 % of the bytes allocated while scoring a GH Archive day).
    parameters = parameters.isEmpty() ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
  }

  /**
   * An evaluation of {@code scope} over {@code window} with no affiliations known, counting
   * commits, with every default parameter.
   */
  public static Evaluation of(RepositoryScope scope, Window window) {
    return new Evaluation(
        scope, window, Affiliations.builder().build(), ContributionType.COMMIT, Map.of());
  }

  /** The instant the metrics describe: the end of the window. */
  public Instant asOf() {
    return window.end();
  }

  /** This evaluation over another window. */
  public Evaluation withWindow(Window value) {
    return new Evaluation(scope, value, affiliations, commitBasis, parameters);
  }

  /** This evaluation of other repositories. */
  public Evaluation withScope(RepositoryScope value) {
    return new Evaluation(value, window, affiliations, commitBasis, parameters);
  }

  /** This evaluation with other affiliations. */
  public Evaluation withAffiliations(Affiliations value) {
    return new Evaluation(scope, window, value, commitBasis, parameters);
  }

  /** This evaluation with every parameter at its default. */
  public Evaluation withoutParameters() {
    return new Evaluation(scope, window, affiliations, commitBasis, Map.of());
  }

  /** This evaluation with the commit-based metrics counting {@code value}. */
  public Evaluation withCommitBasis(ContributionType value) {
    return new Evaluation(scope, window, affiliations, value, parameters);
  }

  /**
   * This evaluation with one parameter of one metric overridden.
   *
   * @throws IllegalArgumentException if the metric has no such parameter or the value does not
   *     parse as its kind
   */
  public Evaluation withParameter(MetricDescriptor<?> metric, String name, String value) {
    Parameter p = metric.parameter(name);
    parse(metric.id() + "." + name, p.kind(), value);
    Map<String, String> copy = new TreeMap<>(parameters);
    copy.put(metric.id() + "." + name, value);
    return new Evaluation(scope, window, affiliations, commitBasis, copy);
  }

  /** The value of a parameter of {@code metric}: its override, else its default. */
  public String parameter(MetricDescriptor<?> metric, String name) {
    Parameter p = metric.parameter(name);
    return parameters.getOrDefault(metric.id() + "." + name, p.defaultValue());
  }

  /** A {@link Parameter.Kind#DURATION} parameter's value. */
  public Duration duration(MetricDescriptor<?> metric, String name) {
    return (Duration) parse(name, Parameter.Kind.DURATION, parameter(metric, name));
  }

  /** A {@link Parameter.Kind#INTEGER} parameter's value. */
  public int integer(MetricDescriptor<?> metric, String name) {
    return (Integer) parse(name, Parameter.Kind.INTEGER, parameter(metric, name));
  }

  /** A {@link Parameter.Kind#DECIMAL} parameter's value. */
  public double decimal(MetricDescriptor<?> metric, String name) {
    return (Double) parse(name, Parameter.Kind.DECIMAL, parameter(metric, name));
  }

  /** A {@link Parameter.Kind#GRANULARITY} parameter's value. */
  public Granularity granularity(MetricDescriptor<?> metric, String name) {
    return (Granularity) parse(name, Parameter.Kind.GRANULARITY, parameter(metric, name));
  }

  /**
   * A {@link Parameter.Kind#WORDS} parameter's value: its words, trimmed and in lower case
   * ({@link java.util.Locale#ROOT}), in the order written, without repeats; empty for a blank value.
   */
  @SuppressWarnings("unchecked")
  public List<String> words(MetricDescriptor<?> metric, String name) {
    return (List<String>) parse(name, Parameter.Kind.WORDS, parameter(metric, name));
  }

  /** Parses a parameter value; durations must be positive. */
  static Object parse(String name, Parameter.Kind kind, String value) {
    Checks.notNull(value, name);
    try {
      switch (kind) {
        case DURATION:
          Duration d = Duration.parse(value);
          Checks.argument(!d.isNegative() && !d.isZero(), name + " must be positive: " + value);
          return d;
        case INTEGER:
          return Integer.parseInt(value);
        case DECIMAL:
          double x = Double.parseDouble(value);
          Checks.argument(Double.isFinite(x), name + " must be finite: " + value);
          return x;
        case GRANULARITY:
          try {
            return Granularity.of(value);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
          }
        case WORDS:
          if (value.isBlank()) {
            return List.of();
          }
          List<String> words =
              java.util.Arrays.stream(value.split(",", -1))
                  .map(w -> w.strip().toLowerCase(java.util.Locale.ROOT))
                  .distinct()
                  .toList();
          Checks.argument(
              words.stream().noneMatch(String::isEmpty), name + ": an empty word in " + value);
          return words;
        default:
          throw new AssertionError(kind);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          name + ": not a " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + value, e);
    }
  }
}
