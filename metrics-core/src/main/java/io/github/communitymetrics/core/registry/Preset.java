package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A named, published definition of a metric: the parameter values a tool or a document uses.
 *
 * @param name the preset's id ({@code chaoss}, {@code openSauced}, {@code lfx})
 * @param source who defines it, precisely enough to look up ({@code "CHAOSS Contributor Absence
 *     Factor (2023)"}); {@code docs/metric-definitions.md} has the details
 */
public record Preset(String name, String source) {
  /** Checks the fields. */
  public Preset {
    Checks.notBlank(name, "name");
    Checks.notBlank(source, "source");
  }
}
