package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The input of {@code growth} and {@code stars}: the events of any source {@code score} reads,
 * loaded with their history (events before {@code --since} are kept: a cumulative total or a
 * stargazer's other activity needs them), indexed once, and the span they are measured over.
 *
 * @param loaded the events and how they were read
 * @param store the events, indexed
 * @param people the store's people
 * @param span from {@code --since} (default: UTC midnight of the day of the first event) to
 *     {@code --as-of} (default: one second after the last event)
 */
record SpanInput(EventSource.Loaded loaded, EventStore store, People people, Window span) {

  /**
   * Loads the source.
   *
   * @param repository for GH Archive input, the only repository kept while parsing
   * @param asOf the {@code --as-of} text, if given
   */
  static SpanInput load(
      CommandSpec spec, EventSource source, GitClones clones, Optional<String> repository, Optional<String> asOf)
      throws IOException {
    Optional<Instant> at = asOf.map(a -> SummaryOptions.asOf(spec.commandLine(), a));
    Optional<Instant> since = source.since().map(s -> GitHubOptions.instant(spec.commandLine(), s));
    EventSource.Loaded loaded = source.with(clones).load(repository, false);
    Progress progress = ProgressOptions.of(spec);
    EventStore store =
        progress.busy(String.format("indexing %,d events", loaded.events().size()), loaded::store);
    if (store.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no events to measure");
    }
    People people = progress.busy("resolving identities", () -> People.resolve(store, source.threads()));
    Instant end = at.orElseGet(() -> store.instant(store.size() - 1).plusSeconds(1));
    Instant start =
        since.orElseGet(() -> store.instant(0).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant());
    if (!start.isBefore(end)) {
      throw new ParameterException(
          spec.commandLine(), "the span is empty: --since " + start + " is not before --as-of " + end);
    }
    return new SpanInput(loaded, store, people, new Window(start, end));
  }
}
