package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * How a preset rates one of its metric's measurements: consecutive bands of its value, each with
 * the name the preset gives it and what it means (OpenSauced's lottery factor levels, LFX
 * Insights' 0 to 5 points). A report shows them as "what good looks like"; the metric's own code
 * applies the same bands (tested).
 *
 * @param name what the scale is, for people ({@code "LFX Insights points"})
 * @param measurement the name of the rated measurement ({@link MeasurementSpec#name()})
 * @param wholeNumbers whether the rated value is always a whole number (a count of people, a
 *     floored percent), so that bands read {@code 3–4} rather than {@code 3 to under 5}
 * @param bands the bands in ascending order of value, each starting where the previous one ends
 */
public record Scale(String name, String measurement, boolean wholeNumbers, List<Band> bands) {
  /**
   * Checks the scale and copies the bands.
   *
   * @throws IllegalArgumentException if there are no bands or they do not follow each other
   */
  public Scale {
    Checks.notBlank(name, "name");
    Checks.notBlank(measurement, "measurement");
    bands = List.copyOf(bands);
    Checks.argument(!bands.isEmpty(), name + ": a scale has at least one band");
    for (int i = 1; i < bands.size(); i++) {
      Band previous = bands.get(i - 1);
      Band next = bands.get(i);
      Checks.argument(
          previous.below().isPresent()
              && next.atLeast().isPresent()
              && previous.below().getAsDouble() == next.atLeast().getAsDouble(),
          name + ": band " + next.label() + " does not start where " + previous.label() + " ends");
    }
  }

  /** The band holding {@code value}, if any (values below the first band's start have none). */
  public Optional<Band> bandOf(double value) {
    return bands.stream().filter(b -> b.contains(value)).findFirst();
  }
}
