package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One band of a {@link Scale}: the values from {@code atLeast} (inclusive) to {@code below}
 * (exclusive) of the measurement the scale rates, the name the preset gives them and what they
 * mean. An absent bound is open: {@code below} empty means "and above".
 *
 * @param atLeast the smallest value in the band, or empty for no lower bound
 * @param below the first value above the band, or empty for no upper bound
 * @param label what the preset calls the band ({@code "very-high"}, {@code "5 pts"}); for a
 *     level measurement, exactly the category it yields
 * @param meaning what a value in the band says, for people, one sentence
 */
public record Band(OptionalDouble atLeast, OptionalDouble below, String label, String meaning) {
  /**
   * Checks the band.
   *
   * @throws IllegalArgumentException if a bound is not finite, the band is empty or the texts
   *     are blank
   */
  public Band {
    Checks.notNull(atLeast, "atLeast");
    Checks.notNull(below, "below");
    Checks.notBlank(label, "label");
    Checks.notBlank(meaning, "meaning");
    Checks.argument(
        (atLeast.isEmpty() || Double.isFinite(atLeast.getAsDouble()))
            && (below.isEmpty() || Double.isFinite(below.getAsDouble())),
        label + ": bounds must be finite");
    Checks.argument(
        atLeast.isEmpty() || below.isEmpty() || atLeast.getAsDouble() < below.getAsDouble(),
        label + ": the band is empty: " + atLeast + " to " + below);
  }

  /** The values in {@code [min, max)}. */
  public static Band between(double min, double max, String label, String meaning) {
    return new Band(OptionalDouble.of(min), OptionalDouble.of(max), label, meaning);
  }

  /** The values of at least {@code min}. */
  public static Band atLeast(double min, String label, String meaning) {
    return new Band(OptionalDouble.of(min), OptionalDouble.empty(), label, meaning);
  }

  /** The values below {@code max}. */
  public static Band below(double max, String label, String meaning) {
    return new Band(OptionalDouble.empty(), OptionalDouble.of(max), label, meaning);
  }

  /** Whether {@code value} lies in the band. */
  public boolean contains(double value) {
    return (atLeast.isEmpty() || value >= atLeast.getAsDouble())
        && (below.isEmpty() || value < below.getAsDouble());
  }

  /**
   * The band's values for people: for whole numbers {@code "below 10"}, {@code "1"}, {@code
   * "3–4"}, {@code "5 or more"}; otherwise {@code "below 3"}, {@code "3 to under 6"}, {@code "20 or more"}.
   *
   * @param wholeNumbers whether the rated value is always a whole number, so that {@code [3, 5)}
   *     reads 3–4
   */
  public String range(boolean wholeNumbers) {
    if (wholeNumbers) {
      if (atLeast.isPresent() && below.isPresent()) {
        long lo = (long) Math.ceil(atLeast.getAsDouble());
        long hi = (long) Math.ceil(below.getAsDouble()) - 1;
        return lo == hi ? Long.toString(lo) : lo + "\u2013" + hi;
      }
      if (atLeast.isPresent()) {
        return (long) Math.ceil(atLeast.getAsDouble()) + " or more";
      }
      return "below " + (long) Math.ceil(below.getAsDouble());
    }
    if (atLeast.isPresent() && below.isPresent()) {
      return number(atLeast.getAsDouble()) + " to under " + number(below.getAsDouble());
    }
    if (atLeast.isPresent()) {
      return number(atLeast.getAsDouble()) + " or more";
    }
    return "below " + number(below.getAsDouble());
  }

  private static String number(double v) {
    return Measurements.isWhole(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
