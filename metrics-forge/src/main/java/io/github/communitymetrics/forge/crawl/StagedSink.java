package io.github.communitymetrics.forge.crawl;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.forge.CrawlSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A sink that holds events until the {@link Checkpoint} commits (or the repository being read is
 * done) and hands them to its target only then, so that the events read since the last commit can
 * be {@link #discard() dropped} when a repository fails and the fetch goes on with the next one.
 * Without that, the next repository's commit would record them as written while the failed
 * repository's cursors still point before them, and a later fetch would emit them twice.
 *
 * <p>Open the checkpoint with this sink ({@link Checkpoint#open(Path, Consumer)}): its {@link
 * #sync()} hands the held events over, then syncs the target when the target is a {@link
 * CrawlSink}, and otherwise returns -1 ("no length"), which is what a checkpoint records for a plain
 * consumer. Not thread-safe.
 */
public final class StagedSink implements CrawlSink {
  private final Consumer<? super Event> target;
  private final List<Event> held = new ArrayList<>();

  /**
   * A sink in front of a target.
   *
   * @param target where the events go once committed
   */
  public StagedSink(Consumer<? super Event> target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public void accept(Event event) {
    held.add(Objects.requireNonNull(event, "event"));
  }

  /** Hands the held events to the target and syncs it; its position, or -1 when it has none. */
  @Override
  public long sync() {
    release();
    return target instanceof CrawlSink sink ? sink.sync() : -1;
  }

  @Override
  public Optional<Path> file() {
    return target instanceof CrawlSink sink ? sink.file() : Optional.empty();
  }

  /** Hands the held events to the target without syncing it: the repository was read whole. */
  public void release() {
    held.forEach(target);
    held.clear();
  }

  /**
   * Drops the held events: the repository they belong to failed.
   *
   * @return how many were dropped
   */
  public long discard() {
    long dropped = held.size();
    held.clear();
    return dropped;
  }
}
