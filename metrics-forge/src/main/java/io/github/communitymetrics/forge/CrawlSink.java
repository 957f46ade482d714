package io.github.communitymetrics.forge;

import io.github.communitymetrics.core.event.Event;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a resumable fetch hands its events, with a durability barrier. Before a fetch saves a
 * cursor in its checkpoint directory it calls {@link #sync()}: only events that the sink has made
 * durable may be covered by a saved cursor, so a process killed at any moment loses none of them.
 *
 * <p>A plain {@link Consumer} given to a fetch is treated as a sink whose {@code accept} makes the
 * event durable before it returns (an in-memory list for a fetch that is not resumed, for example);
 * {@link EventFile} is the sink for files.
 */
public interface CrawlSink extends Consumer<Event> {
  /**
   * Makes every event accepted so far durable.
   *
   * @return the sink's position after them: for a file, its length in bytes; a fetch saves it
   *     with its cursors, and a resumed fetch continues the sink from there
   * @throws io.github.communitymetrics.core.CommunityMetricsException when the events cannot be
   *     made durable; no cursor is then saved
   */
  long sync();

  /**
   * The file the sink writes, if any: a checkpoint records it, and refuses to resume an
   * interrupted fetch into another file.
   *
   * @return the file, or empty (the default) for a sink that is not a file
   */
  default Optional<Path> file() {
    return Optional.empty();
  }
}
