package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A parameter of a metric that an {@link Evaluation} may override, with its default.
 *
 * @param name its name within the metric ({@code horizon})
 * @param kind how its value is written
 * @param defaultValue the default, written as {@code kind} parses it ({@code P90D}, {@code 0.5})
 * @param unit what the value counts ({@code days}, {@code share}, {@code people})
 * @param description what it does, one sentence
 */
public record Parameter(String name, Kind kind, String defaultValue, String unit, String description) {

  /** How a parameter's value is written. */
  public enum Kind {
    /** An ISO-8601 duration such as {@code P90D} or {@code PT12H}. */
    DURATION,
    /** A whole number. */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** A series' period, UTC: {@code hour}, {@code day}, {@code week} (ISO) or {@code month}. */
    GRANULARITY,
    /**
     * Words separated by commas ({@code rfc,kep}), compared case-insensitively; an empty or blank
     * value is the empty list.
     */
    WORDS
  }

  /** Checks the fields and that the default parses. */
  public Parameter {
    Checks.notBlank(name, "name");
    Checks.notNull(kind, "kind");
    Checks.notNull(defaultValue, "defaultValue");
    // Only a list of words may be empty by default (no maintainers named, say); a number or a
    // duration always has a value.
    Checks.argument(kind == Kind.WORDS || !defaultValue.isBlank(), name + ": a blank default");
    Checks.notNull(unit, "unit");
    Checks.notBlank(description, "description");
    Evaluation.parse(name, kind, defaultValue);
  }
}
