package io.github.communitymetrics.spark;

import org.apache.spark.sql.Dataset;

/**
 * Events read on Spark, with the report of what was read (bad lines counted, never dropped
 * silently).
 *
 * <p>The events are persisted (memory and disk) when read, so that the report counts each input
 * once: the readers add each task's report to a Spark accumulator, and Spark re-runs a task when
 * a cached partition is lost; {@link #report()} checks that the report's event count equals the
 * events' and fails rather than return counts that include an input twice.
 *
 * @param <T> the report type ({@code GhArchiveReport} or {@code ReadReport})
 */
public final class Ingested<T> {
  private final Dataset<SparkEvent> events;
  private final ReportAccumulator<T> report;
  private final EventCount<T> eventsOf;

  /** The number of events a report says were delivered. */
  interface EventCount<T> {
    long of(T report);
  }

  Ingested(Dataset<SparkEvent> events, ReportAccumulator<T> report, EventCount<T> eventsOf) {
    this.events = events;
    this.report = report;
    this.eventsOf = eventsOf;
  }

  /** The events (persisted, lazily read). */
  public Dataset<SparkEvent> events() {
    return events;
  }

  /**
   * What was read: counts of lines, events and bad lines over all tasks. Reads the input if no
   * action has yet (counting the events).
   *
   * @throws IllegalStateException if some input was counted twice (a persisted partition was
   *     lost and re-read); the events are still right, only the counts are not
   */
  public T report() {
    long count = events.count();
    T r = report.value();
    long reported = eventsOf.of(r);
    if (reported != count) {
      throw new IllegalStateException(
          "the ingestion report counts "
              + reported
              + " events but the dataset holds "
              + count
              + ": some input was read twice (a persisted partition was recomputed)");
    }
    return r;
  }
}
