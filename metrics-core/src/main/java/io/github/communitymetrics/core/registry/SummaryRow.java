package io.github.communitymetrics.core.registry;

import io.github.communitymetrics.core.internal.Checks;

/**
 * One row of a summary table: a question in words, its answer, a level or points, and what
 * defined the answer. Metrics give their rows; outputs (text tables, HTML) only lay them out.
 *
 * @param question what the row answers, a question or a label
 * @param answer the answer with its unit, or {@code "no data"}
 * @param level a level or points ({@code "high"}, {@code "4 pts"}), possibly empty
 * @param preset the preset and the parameters that matter to read the answer
 */
public record SummaryRow(String question, String answer, String level, String preset) {
  /** Checks the fields. */
  public SummaryRow {
    Checks.notBlank(question, "question");
    Checks.notNull(answer, "answer");
    Checks.notNull(level, "level");
    Checks.notNull(preset, "preset");
  }
}
