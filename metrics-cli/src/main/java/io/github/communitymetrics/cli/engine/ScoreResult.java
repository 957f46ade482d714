package io.github.communitymetrics.cli.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an engine computed.
 *
 * @param asOf the instant the metrics describe (the request's, or one second after the last event)
 * @param groups every group of the input, in any order (the command sorts them)
 * @param notes lines for the user about the input, such as files read and lines skipped; printed
 *     on standard error
 */
public record ScoreResult(Instant asOf, List<ScoredGroup> groups, List<String> notes) {
  /** Checks and copies the fields. */
  public ScoreResult {
    Objects.requireNonNull(asOf, "asOf");
    groups = List.copyOf(groups);
    notes = List.copyOf(notes);
  }
}
