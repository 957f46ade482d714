/**
 * The canonical JSON Lines interchange format of events: how events are stored, exchanged between
 * tools and fed to the metrics.
 *
 * <p>One event per line, UTF-8, {@code '\n'}-separated, no pretty printing, keys in a fixed
 * order; the format is specified field by field in {@code docs/events.md}. Entry points are the
 * static methods of {@link io.github.communitymetrics.core.io.EventJsonLines}:
 *
 * <pre>{@code
 * try (EventWriter out = EventJsonLines.writer(Files.newBufferedWriter(path))) {
 *   events.forEach(out::write);
 * }
 * try (EventReader in = EventJsonLines.reader(Files.newBufferedReader(path),
 *     ReadOptions.skipMalformed(10))) {
 *   in.forEachRemaining(metrics::accept);
 *   ReadReport report = in.report();
 * }
 * }</pre>
 *
 * <p>Reading streams: memory depends on the longest line, not on the input's length. Every line
 * is parsed on its own, so an error names its line, and a malformed line cannot disturb its
 * neighbours. Errors are {@link io.github.communitymetrics.core.io.MalformedEventException} for bad
 * input and {@link io.github.communitymetrics.core.io.EventIoException} for failing readers and
 * writers, both unchecked.
 */
package io.github.communitymetrics.core.io;
