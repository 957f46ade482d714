package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventIoException;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads GH Archive hourly files ({@code https://www.gharchive.org}, {@code .json.gz} or plain
 * {@code .json}; gzip is recognised by its content) straight into core events, streaming: memory
 * does not depend on the size of the input.
 *
 * <p><b>Mapping.</b> {@code WatchEvent} (started) is a {@code Star}; {@code ForkEvent} a {@code
 * Fork}; {@code IssuesEvent} opened/closed/reopened an {@code IssueOpened}/{@code
 * IssueClosed}/{@code IssueReopened}, with the opened issue's {@code labels[].name} as its labels;
 * {@code IssuesEvent} and {@code PullRequestEvent} labeled/unlabeled a {@code LabelChanged} of
 * {@code payload.label.name} (an {@code IssuesEvent} about a pull request gives the pull request's
 * change, equal to its {@code PullRequestEvent}'s; without a label name it is unmappable);
 * {@code IssuesEvent} and {@code PullRequestEvent} assigned an {@code IssueAssigned} of {@code
 * payload.assignee} (the same rules; unassigned is not mapped); {@code IssueCommentEvent} (created) an {@code IssueComment}
 * ({@code onPullRequest} when the issue is a pull request); {@code PullRequestEvent}
 * opened/reopened a {@code PullRequestOpened} (with {@code pull_request.labels[].name}, the head
 * repository {@code head.repo.full_name} (2012: {@code owner.login/name}; none when {@code
 * head.repo} is null, a deleted fork) and the issues its title and body close by GitHub's
 * closing keywords, {@code ClosingReferences.github})/{@code
 * PullRequestReopened}, closed a {@code
 * PullRequestMerged} when {@code merged} is true and a {@code PullRequestClosed} otherwise; {@code
 * PullRequestReviewEvent} a {@code Review}; {@code PullRequestReviewCommentEvent} (created) a
 * {@code ReviewComment}; {@code PushEvent} a {@code Push} followed by one {@code Commit} per
 * commit it lists as {@code distinct} (author name and e-mail as a git identity, the sha, no
 * parents and no files; GH Archive has no author time, so the push time stands in, and no
 * committer, so the author line stands in; pushes with a truncated list (GitHub lists at most 20)
 * or with no list at all (the public feed since 2025) are counted in {@link
 * GhArchiveReport#commits()}); {@code ReleaseEvent} (published) a {@code
 * Release}; {@code MemberEvent} (added) a {@code MemberAdded} with write permission unless the
 * payload names another. Everything else ({@code CreateEvent}, {@code DeleteEvent}, {@code
 * GollumEvent}, other actions, other issue events about pull requests) is counted in {@link
 * GhArchiveReport#notMapped()}. Both of GH Archive's shapes are read: the Events API shape and the
 * 2011-2014 timeline shape; equivalent data gives equal events, except that the timeline has no
 * actor ids and no fork names. Actors are login plus numeric id where present, a {@code BOT} when
 * GitHub says {@code type: Bot} or the login ends in {@code [bot]}.
 *
 * <p><b>Bad input.</b> Under {@link ReadOptions#skipMalformed(int)} (the default, with 20
 * reported) a malformed line is counted and the reading goes on; a corrupt or truncated gzip
 * stream ends that input after delivering every event before the damage, and is reported in
 * {@link GhArchiveReport#corruptInputs()}. Under {@link ReadOptions#strict()} either throws
 * {@link GhArchiveException}; events delivered before it stay delivered.
 *
 * <p><b>Threads.</b> With {@code threads(n)}, up to n inputs are read at once, each by one thread;
 * the sink is still called from the calling thread only, with the events in input order (all of
 * the first input's events, then the second's, ...), so the result does not depend on n. A
 * bounded queue per input keeps memory independent of the input size. Input order costs
 * parallelism: while the caller drains one input, the threads reading later ones stop once their
 * queues are full, so with a sink as costly as the parsing only one reading thread is busy at a
 * time. {@link #readUnordered} hands the batches over as they come, for sinks whose result does
 * not depend on the order of the events (an {@code EventStore.Builder}: the store sorts them).
 *
 * <p>Instances are immutable and may be shared; each {@code read} call is independent.
 */
public final class GhArchiveReader {
  /** Events handed from a reading thread to the caller in batches of this size. */
  private static final int BATCH = 1024;
  /** Batches an input may have waiting; bounds memory per thread. */
  private static final int QUEUED_BATCHES = 16;

  private final GhArchiveFilter filter;
  private final ReadOptions options;
  private final int threads;
  private final int maxLineBytes;
  private final FileOpener opener;

  private GhArchiveReader(Builder b) {
    this.filter = b.filter;
    this.options = b.options;
    this.threads = b.threads;
    this.maxLineBytes = b.maxLineBytes;
    this.opener = b.opener;
  }

  /**
   * Opens a file's bytes for {@link GhArchiveReader#read(List, Consumer)}; the reader reads them
   * (decompressing gzip itself) and closes the stream.
   */
  @FunctionalInterface
  public interface FileOpener {
    /**
     * Opens {@code file}.
     *
     * @throws IOException if it cannot be opened; the reader reports it as for any unreadable file
     */
    InputStream open(Path file) throws IOException;
  }

  /** A builder; its defaults: no filter, skip malformed lines (20 reported), one thread. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GhArchiveReader}. Not thread-safe. */
  public static final class Builder {
    private GhArchiveFilter filter = GhArchiveFilter.all();
    private ReadOptions options = ReadOptions.skipMalformed(20);
    private int threads = 1;
    private int maxLineBytes = 64 * 1024 * 1024;
    private FileOpener opener = Files::newInputStream;

    private Builder() {}

    /**
     * How files are opened; default {@link Files#newInputStream(Path, java.nio.file.OpenOption...)}.
     * For example through a stream that counts the bytes read, to show how far the reading has
     * come. Called once per file, on the thread that reads it (with {@link #threads} above 1,
     * several at once): it must be thread-safe.
     */
    public Builder opener(FileOpener opener) {
      this.opener = Args.notNull(opener, "opener");
      return this;
    }

    /** Keeps only the events this filter passes. */
    public Builder filter(GhArchiveFilter filter) {
      this.filter = Args.notNull(filter, "filter");
      return this;
    }

    /** Strict (throw at the first problem) or skipping (count and report), as in core's reader. */
    public Builder options(ReadOptions options) {
      this.options = Args.notNull(options, "options");
      return this;
    }

    /**
     * How many inputs are read at the same time; at least 1.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder threads(int threads) {
      this.threads = Args.positive(threads, "threads");
      return this;
    }

    /**
     * The longest line, in bytes, read as an event; a longer one is malformed. Bounds memory on
     * damaged input (a file without line ends). Default 64 MiB; at least 1 KiB.
     *
     * @throws IllegalArgumentException if {@code maxLineBytes} is less than 1024
     */
    public Builder maxLineBytes(int maxLineBytes) {
      Args.argument(maxLineBytes >= 1024, "maxLineBytes must be at least 1024 but was " + maxLineBytes);
      this.maxLineBytes = maxLineBytes;
      return this;
    }

    /** The reader. */
    public GhArchiveReader build() {
      return new GhArchiveReader(this);
    }
  }

  /**
   * Reads one stream of (possibly gzipped) GH Archive lines. The stream is not closed.
   *
   * @param in the input
   * @param name how the report and exceptions name the input
   * @param sink receives the events, in input order
   * @return what was read
   * @throws GhArchiveException under strict options, at the first malformed line or damaged stream
   */
  public GhArchiveReport read(InputStream in, String name, Consumer<? super Event> sink) {
    Args.notNull(in, "in");
    Args.notNull(name, "name");
    Args.notNull(sink, "sink");
    Tally tally = new Tally(options.maxReported());
    readInto(in, name, sink, tally);
    return tally.report();
  }

  /**
   * Reads files, up to {@code threads} at once, delivering their events to {@code sink} from the
   * calling thread, file after file in the given order.
   *
   * @return what was read, over all files
   * @throws GhArchiveException if a file cannot be opened, or under strict options at the first
   *     malformed line or damaged stream; events of earlier files (and of that file up to the
   *     problem) have been delivered
   */
  public GhArchiveReport read(List<Path> files, Consumer<? super Event> sink) {
    List<Path> inputs = List.copyOf(Args.notNull(files, "files"));
    Args.notNull(sink, "sink");
    Tally total = new Tally(options.maxReported());
    if (threads == 1 || inputs.size() <= 1) {
      for (Path f : inputs) {
        Tally t = new Tally(options.maxReported());
        try {
          readFile(f, sink, t);
        } finally {
          total.add(t);
        }
      }
      return total.report();
    }
    return readParallel(inputs, sink, total);
  }

  /**
   * Reads files, up to {@code threads} at once, delivering their events to {@code sink} from the
   * calling thread as each reading thread's batches come: the events of one file arrive in its
   * order, but batches of files read at the same time interleave in an order that depends on the
   * threads' timing. For sinks whose result does not depend on the order of the events, such as an
   * {@code EventStore.Builder} (a store sorts its events, and its interned indices follow the
   * values, not the order they came in): with them the result is the one of {@link #read(List,
   * Consumer)}, and every reading thread stays busy (in input order, the threads reading later
   * files wait while the caller drains the earlier ones). With one thread or one file this is
   * {@link #read(List, Consumer)}.
   *
   * <p>The report is the one {@link #read(List, Consumer)} gives (each file's counts are added in
   * input order). Under strict options a failing file does not stop the others: every file is
   * read to its end or its failure, then the failure of the first failing file in input order is
   * thrown, whatever the timing.
   *
   * @return what was read, over all files
   * @throws GhArchiveException if a file cannot be opened, or under strict options at a malformed
   *     line or damaged stream (the first such file in input order); the events read before the
   *     problem, of every file, have been delivered
   */
  public GhArchiveReport readUnordered(List<Path> files, Consumer<? super Event> sink) {
    List<Path> inputs = List.copyOf(Args.notNull(files, "files"));
    Args.notNull(sink, "sink");
    if (threads == 1 || inputs.size() <= 1) {
      return read(inputs, sink);
    }
    int n = inputs.size();
    int readers = Math.min(threads, n);
    Tally[] tallies = new Tally[n];
    Throwable[] failures = new Throwable[n];
    AtomicBoolean cancelled = new AtomicBoolean();
    // One queue for every reading thread: a thread waits only when the caller is behind all of them.
    BlockingQueue<Chunk> q = new ArrayBlockingQueue<>(QUEUED_BATCHES * readers);
    ExecutorService pool = Executors.newFixedThreadPool(readers, DAEMONS);
    try {
      for (int i = 0; i < n; i++) {
        Path f = inputs.get(i);
        int index = i;
        pool.execute(
            () -> {
              try {
                produce(f, index, q, cancelled);
              } catch (Cancelled c) {
                // The caller has stopped draining (the sink failed).
              }
            });
      }
      for (int open = n; open > 0; ) {
        Chunk c = q.take();
        if (c.events != null) {
          c.events.forEach(sink);
          continue;
        }
        tallies[c.file] = c.done;
        failures[c.file] = c.failure;
        open--;
      }
    } catch (InterruptedException e) {
      throw interrupted();
    } finally {
      stop(cancelled, pool);
    }
    Tally total = new Tally(options.maxReported());
    for (int i = 0; i < n; i++) {
      total.add(tallies[i]);
      if (failures[i] != null) {
        throw rethrown(failures[i]);
      }
    }
    return total.report();
  }

  private void readFile(Path file, Consumer<? super Event> sink, Tally tally) {
    try (InputStream raw = opener.open(file)) {
      readInto(raw, file.toString(), sink, tally);
    } catch (IOException e) {
      throw new GhArchiveException(file.toString(), 0, "cannot read: " + e, e);
    }
  }

  private void readInto(InputStream raw, String name, Consumer<? super Event> sink, Tally tally) {
    InputStream in;
    try {
      in = InputReader.decompressing(raw);
    } catch (IOException e) {
      // A gzip header that cannot be read is a damaged input like any other.
      tally.files++;
      if (!options.skipsMalformed()) {
        throw new GhArchiveException(name, 1, "cannot read a gzip header: " + e, e);
      }
      tally.corrupt(name, 1, "cannot read a gzip header: " + e);
      return;
    }
    new InputReader(name, tally, filter, !options.skipsMalformed(), maxLineBytes).read(in, sink);
  }

  /**
   * What a reading thread hands over: a batch of events, or the end of its input (the input's
   * index, its counts and its failure, if any: an unchecked exception or an error).
   */
  private static final class Chunk {
    final List<Event> events;
    final int file;
    final Tally done;
    final Throwable failure;

    Chunk(List<Event> events, int file, Tally done, Throwable failure) {
      this.events = events;
      this.file = file;
      this.done = done;
      this.failure = failure;
    }
  }

  private static final ThreadFactory DAEMONS =
      r -> {
        Thread t = new Thread(r, "gharchive-reader");
        t.setDaemon(true);
        return t;
      };

  private GhArchiveReport readParallel(List<Path> inputs, Consumer<? super Event> sink, Tally total) {
    AtomicBoolean cancelled = new AtomicBoolean();
    List<BlockingQueue<Chunk>> queues = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()), DAEMONS);
    try {
      // Submitted in input order to a FIFO pool: the input the caller drains has always started,
      // so waiting on its queue cannot deadlock.
      for (int i = 0; i < inputs.size(); i++) {
        Path f = inputs.get(i);
        int index = i;
        BlockingQueue<Chunk> q = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        queues.add(q);
        pool.execute(
            () -> {
              try {
                produce(f, index, q, cancelled);
              } catch (Cancelled c) {
                // The caller has stopped draining (it failed or met an earlier failure).
              }
            });
      }
      for (BlockingQueue<Chunk> q : queues) {
        while (true) {
          Chunk c = q.take();
          if (c.events != null) {
            c.events.forEach(sink);
            continue;
          }
          if (c.done != null) {
            total.add(c.done);
          }
          if (c.failure != null) {
            throw rethrown(c.failure);
          }
          break;
        }
      }
      return total.report();
    } catch (InterruptedException e) {
      throw interrupted();
    } finally {
      stop(cancelled, pool);
    }
  }

  private static EventIoException interrupted() {
    Thread.currentThread().interrupt();
    return new EventIoException("interrupted while reading GH Archive files", new java.io.InterruptedIOException());
  }

  /** Stops the reading threads: those waiting to hand a batch over see the flag and end. */
  private static void stop(AtomicBoolean cancelled, ExecutorService pool) {
    cancelled.set(true);
    pool.shutdownNow();
  }

  private void produce(Path file, int index, BlockingQueue<Chunk> q, AtomicBoolean cancelled) {
    Tally tally = new Tally(options.maxReported());
    List<Event> batch = new ArrayList<>(BATCH);
    List<List<Event>> holder = new ArrayList<>(1);
    holder.add(batch);
    Throwable failure = null;
    try {
      readFile(
          file,
          e -> {
            List<Event> b = holder.get(0);
            b.add(e);
            if (b.size() == BATCH) {
              put(q, new Chunk(b, index, null, null), cancelled);
              holder.set(0, new ArrayList<>(BATCH));
            }
          },
          tally);
    } catch (RuntimeException | Error e) {
      // An error too (out of memory, a stack overflow): a thread that died of it would never
      // hand over the end of its input, and the caller would wait for it forever.
      failure = e;
    }
    if (!holder.get(0).isEmpty()) {
      put(q, new Chunk(holder.get(0), index, null, null), cancelled);
    }
    put(q, new Chunk(null, index, tally, failure), cancelled);
  }

  /** A reading thread's failure, thrown again as it was (only unchecked ones are caught). */
  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof Error e) {
      throw e;
    }
    return (RuntimeException) failure;
  }

  private static void put(BlockingQueue<Chunk> q, Chunk c, AtomicBoolean cancelled) {
    try {
      while (!cancelled.get()) {
        if (q.offer(c, 50, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new Cancelled();
  }

  /** Stops a reading thread whose caller has gone (failed, or read a failure earlier). */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  @Override
  public String toString() {
    return "GhArchiveReader[filter=" + filter + ", options=" + options + ", threads=" + threads + "]";
  }
}
