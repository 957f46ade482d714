package io.github.communitymetrics.core.metrics.truckfactor;

/**
 * Which author lines of a history count as one developer. Alias lists are applied by the caller
 * to the names before they reach the {@link AuthorshipAccumulator}.
 */
public enum IdentityRule {
  /** One developer per name: the paper's description. */
  NAME,
  /**
   * Author lines sharing a name or a non-empty e-mail address are one developer, transitively:
   * what the reference tool does (a person who committed as {@code "tj"} and {@code "TJ
   * Holowaychuk"} with one address counts once).
   */
  NAME_OR_EMAIL
}
