package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.metrics.ContributionType;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tools.jackson.core.JsonGenerator;

/** The wording and JSON helpers the built-in metrics' rows and details share. */
final class Text {
  static final String NO_DATA = Measurements.NO_DATA;

  private Text() {}

  /** {@code n unit}, or no data without evidence. */
  static String count(boolean evidence, long n, String unit) {
    return evidence ? n + " " + unit : NO_DATA;
  }

  static String level(Enum<?> level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static double toDays(Duration d) {
    return d.toSeconds() / 86400.0;
  }

  static double toHours(Duration d) {
    return d.toNanos() / 3.6e12;
  }

  static String days(Duration d) {
    return String.format(Locale.ROOT, "%.1f days", toDays(d));
  }

  static String hours(Duration d) {
    return String.format(Locale.ROOT, "%.1f hours", d.toSeconds() / 3600.0);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  static String rate(OptionalDouble r) {
    return r.isPresent() ? percent(r.getAsDouble()) : NO_DATA;
  }

  static String points(OptionalInt p) {
    return p.isPresent() ? p.getAsInt() + " pts" : "";
  }

  /** What the commit-based metrics counted, in words for the preset column. */
  static String basisWords(ContributionType basis) {
    switch (basis) {
      case COMMIT:
        return "commits";
      case PUSH:
        return "PUSHES instead of commits";
      case PULL_REQUEST_MERGED:
        return "MERGED PRs instead of commits";
      default:
        return basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** {@code ", " + basisWords} unless the basis is commits. */
  static String basisSuffix(ContributionType basis) {
    return basis == ContributionType.COMMIT ? "" : ", " + basisWords(basis);
  }

  static void optional(JsonGenerator g, String name, OptionalDouble value) {
    if (value.isPresent()) {
      g.writeNumberProperty(name, value.getAsDouble());
    } else {
      g.writeNullProperty(name);
    }
  }

  static void optional(JsonGenerator g, String name, Optional<Double> value) {
    if (value.isPresent()) {
      g.writeNumberProperty(name, value.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  static void points(JsonGenerator g, String name, OptionalInt points) {
    if (points.isPresent()) {
      g.writeNumberProperty(name, points.getAsInt());
    } else {
      g.writeNullProperty(name);
    }
  }

  /** A count, or {@code null} when there is no evidence for it. */
  static void count(JsonGenerator g, String name, boolean evidence, long n) {
    if (evidence) {
      g.writeNumberProperty(name, n);
    } else {
      g.writeNullProperty(name);
    }
  }

  static void string(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    } else {
      g.writeNullProperty(name);
    }
  }

  static OptionalDouble value(boolean evidence, double v) {
    return evidence ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  static OptionalDouble value(OptionalInt v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsInt()) : OptionalDouble.empty();
  }

  static OptionalDouble value(Optional<Duration> d, boolean hours) {
    return d.isPresent()
        ? OptionalDouble.of(hours ? toHours(d.get()) : toDays(d.get()))
        : OptionalDouble.empty();
  }
}
