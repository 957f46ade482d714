package io.github.communitymetrics.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily series around an event: the observed values as a line, the event's days shaded, and,
 * when there is one, the counterfactual (what the pre-event trend and weekly rhythm predict) with
 * its band over the days it covers. The x axis counts days from the event's first day, so the
 * event starts at 0.
 *
 * @param title the chart's title
 * @param valueLabel the label of the value axis, with its unit (such as "people per day")
 * @param origin the UTC day of {@code values[0]}
 * @param values one value per day, finite
 * @param eventFirst the index of the event's first day in {@code values}
 * @param eventLast the index of its last day, at least {@code eventFirst}
 * @param counterfactual the counterfactual band; empty to draw none
 */
public record EventSeriesChart(
    String title,
    String valueLabel,
    LocalDate origin,
    List<Double> values,
    int eventFirst,
    int eventLast,
    Optional<Band> counterfactual)
    implements Chart {

  /**
   * Checks the chart and copies the values.
   *
   * @throws IllegalArgumentException if a value is not finite or the event's days are not in the
   *     series
   */
  public EventSeriesChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueLabel, "valueLabel");
    Objects.requireNonNull(origin, "origin");
    values = List.copyOf(values);
    Objects.requireNonNull(counterfactual, "counterfactual");
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite");
      }
    }
    if (!(0 <= eventFirst && eventFirst <= eventLast && eventLast < values.size())) {
      throw new IllegalArgumentException(
          "need 0 <= eventFirst <= eventLast < " + values.size() + " but were " + eventFirst + ", " + eventLast);
    }
    if (counterfactual.isPresent()
        && counterfactual.get().firstDay() + counterfactual.get().fit().size() > values.size()) {
      throw new IllegalArgumentException("the counterfactual runs past the series");
    }
  }

  /**
   * A counterfactual with its band.
   *
   * @param label what it is, for the legend
   * @param firstDay the index in the series of {@code fit[0]}
   * @param fit one value per day from {@code firstDay}
   * @param lower the lower bound of each day, at most its fit
   * @param upper the upper bound of each day, at least its fit
   */
  public record Band(String label, int firstDay, List<Double> fit, List<Double> lower, List<Double> upper) {
    /** Checks the band and copies the lists. */
    public Band {
      Objects.requireNonNull(label, "label");
      fit = List.copyOf(fit);
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      if (firstDay < 0 || lower.size() != fit.size() || upper.size() != fit.size()) {
        throw new IllegalArgumentException("need firstDay >= 0 and one fit, lower and upper value per day");
      }
      for (int i = 0; i < fit.size(); i++) {
        if (!(lower.get(i) <= fit.get(i) && fit.get(i) <= upper.get(i))) {
          throw new IllegalArgumentException("need lower <= fit <= upper at day " + (firstDay + i));
        }
      }
    }
  }
}
