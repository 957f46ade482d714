package io.github.communitymetrics.report;

import java.util.List;
import java.util.Objects;

/**
 * One part of the report: the question a maintainer asks, the answer (a number with its unit),
 * how it rates, which preset computed it, and the charts that show the evidence.
 *
 * @param question the question, plain text
 * @param answer the answer with its unit, plain text
 * @param level how the answer rates (such as "low", "medium", "high"), empty text when the metric
 *     has no published levels
 * @param preset the preset or rule the number was computed with
 * @param charts the charts, in order; may be empty
 */
public record Section(String question, String answer, String level, String preset, List<Chart> charts) {
  /** Checks the section and copies the charts. */
  public Section {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(preset, "preset");
    charts = List.copyOf(charts);
  }
}
