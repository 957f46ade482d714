package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One number a metric yields, with what it counts and the evidence behind it: what every
 * output (text, JSON, HTML, Spark rows, series) shows for a metric, whatever the metric.
 *
 * <p>No data is not zero: a measurement without evidence has no {@link #value()} (JSON {@code
 * null}, text "no data"), while a measurement with evidence may well be 0.
 *
 * @param metric the id of the metric that yielded it ({@link MetricDescriptor#id()})
 * @param name its name within the metric, camelCase and stable ({@code factor}, {@code p50})
 * @param unit what the value counts
 * @param value the value, empty when there is no evidence (or, for {@link Unit#LEVEL}, always)
 * @param category the category of a {@link Unit#LEVEL} measurement ({@code "high"}), empty
 *     without evidence and for every other unit
 * @param evidence how many observations (people, contributions, items) the value rests on; 0
 *     exactly when there is no value
 * @param preset the named preset that defined it ({@code chaoss}, {@code openSauced})
 */
public record Measurement(
    String metric,
    String name,
    Unit unit,
    OptionalDouble value,
    Optional<String> category,
    long evidence,
    String preset) {

  /** Checks the fields; see the class documentation. */
  public Measurement {
    Checks.notBlank(metric, "metric");
    Checks.notBlank(name, "name");
    Checks.notNull(unit, "unit");
    Checks.notNull(value, "value");
    Checks.notNull(category, "category");
    Checks.notBlank(preset, "preset");
    if (evidence < 0) {
      throw new IllegalArgumentException("evidence must not be negative: " + evidence);
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException(name + ": value must be finite: " + value);
    }
    if (unit == Unit.LEVEL ? value.isPresent() : category.isPresent()) {
      throw new IllegalArgumentException(
          name + ": a " + unit.id() + " measurement has " + (unit == Unit.LEVEL ? "a category, not a value" : "a value, not a category"));
    }
    if ((value.isPresent() || category.isPresent()) != (evidence > 0)) {
      throw new IllegalArgumentException(
          name + ": a value needs evidence and evidence needs a value (evidence " + evidence + ")");
    }
  }

  /** A value resting on {@code evidence} observations, or no data when {@code evidence} is 0. */
  public static Measurement of(
      String metric, String name, Unit unit, double value, long evidence, String preset) {
    if (evidence == 0) {
      return noData(metric, name, unit, preset);
    }
    return new Measurement(
        metric, name, unit, evidence > 0 ? OptionalDouble.of(value) : OptionalDouble.empty(),
        Optional.empty(), evidence, preset);
  }

  /** A value if present (with {@code evidence}, which must then be positive), else no data. */
  public static Measurement of(
      String metric, String name, Unit unit, OptionalDouble value, long evidence, String preset) {
    return value.isPresent()
        ? of(metric, name, unit, value.getAsDouble(), Math.max(1, evidence), preset)
        : noData(metric, name, unit, preset);
  }

  /** A category ({@link Unit#LEVEL}) if present, else no data. */
  public static Measurement level(
      String metric, String name, Optional<? extends Enum<?>> level, long evidence, String preset) {
    if (level.isEmpty()) {
      return noData(metric, name, Unit.LEVEL, preset);
    }
    Optional<String> category =
        level.map(l -> l.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return new Measurement(
        metric, name, Unit.LEVEL, OptionalDouble.empty(), category,
        category.isPresent() ? Math.max(1, evidence) : 0, preset);
  }

  /** A measurement without evidence. */
  public static Measurement noData(String metric, String name, Unit unit, String preset) {
    if (metric == null || name == null || unit == null || preset == null) {
      // The constructor says which one is missing.
      return new Measurement(metric, name, unit, OptionalDouble.empty(), Optional.empty(), 0, preset);
    }
    List<Object> key = List.of(metric, name, unit, preset);
    Measurement shared = NO_DATA.get(key);
    if (shared != null) {
      return shared;
    }
    Measurement m = new Measurement(metric, name, unit, OptionalDouble.empty(), Optional.empty(), 0, preset);
    if (NO_DATA.size() < MAX_SHARED) {
      NO_DATA.putIfAbsent(key, m);
    }
    return m;
  }

  /**
   * Measurements without evidence, shared: scoring every repository of a GH Archive day yields
   * millions of them (86 % of all), each the same four strings; held until the output is written,
   * separate copies took hundreds of megabytes. Bounded, since names may come from users' metrics.
   */
  private static final java.util.concurrent.ConcurrentMap<List<Object>, Measurement> NO_DATA =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_SHARED = 4_096;

  /** Whether there is a value (or category): whether there was any evidence. */
  public boolean hasValue() {
    return evidence > 0;
  }

  /**
   * The value as text: {@code "12 people"}, {@code "33.3 %"}, {@code "high"}, or {@code "no
   * data"}. Whole numbers print without decimals, others with one.
   */
  public String text() {
    if (!hasValue()) {
      return Measurements.NO_DATA;
    }
    if (unit == Unit.LEVEL) {
      return category.orElseThrow();
    }
    double v = value.getAsDouble();
    String number =
        unit == Unit.FRACTION
            ? String.format(Locale.ROOT, "%.3f", v)
            : Measurements.isWhole(v)
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    return unit.symbol().isEmpty() ? number : number + " " + unit.symbol();
  }
}
