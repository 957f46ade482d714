package io.github.communitymetrics.cli.engine;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What {@code score} asks an engine for.
 *
 * @param ghArchive the {@code --gharchive} values as typed (files, directories, globs or URIs the
 *     engine's file systems read, such as {@code s3a://bucket/2024-01-*.json.gz}); empty when the
 *     input is not GH Archive
 * @param eventsFile the {@code --events} value as typed (canonical JSON Lines), if given
 * @param otherEvents the events of any other source (the demo, git clones, a forge), loaded in
 *     this JVM when called; the engine calls it only when both {@code ghArchive} and {@code
 *     eventsFile} are empty
 * @param sourceLabel how the command names the input for people
 * @param metrics the metrics to compute, each for every group
 * @param owners whether a group is an owner (all its repositories together) rather than one
 *     repository
 * @param asOf the instant the metrics describe; empty for one second after the last event
 * @param window the length of the activity window that ends at {@code asOf}
 */
public record ScoreRequest(
    List<String> ghArchive,
    Optional<String> eventsFile,
    Callable<List<Event>> otherEvents,
    String sourceLabel,
    List<MetricDescriptor<?>> metrics,
    boolean owners,
    Optional<Instant> asOf,
    Duration window) {

  /** Checks and copies the fields. */
  public ScoreRequest {
    ghArchive = List.copyOf(ghArchive);
    Objects.requireNonNull(eventsFile, "eventsFile");
    Objects.requireNonNull(otherEvents, "otherEvents");
    Objects.requireNonNull(sourceLabel, "sourceLabel");
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("metrics must not be empty");
    }
    Objects.requireNonNull(asOf, "asOf");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive but was " + window);
    }
  }
}
