package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A measurement a metric declares it yields, before any evaluation: for {@code metrics --list},
 * for tables whose columns must exist before the first value, and for Spark schemas.
 *
 * @param name the measurement's name ({@link Measurement#name()})
 * @param unit what its value counts
 * @param description what it means, one sentence
 */
public record MeasurementSpec(String name, Unit unit, String description) {
  /** Checks the fields. */
  public MeasurementSpec {
    Checks.notBlank(name, "name");
    Checks.notNull(unit, "unit");
    Checks.notBlank(description, "description");
  }
}
