package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.git.internal.LogScanner;
import io.github.communitymetrics.git.internal.ReadAhead;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Streams a commit log in the format of {@code git log --name-status --find-renames
 * --format='commit%x09%H%x09%P%x09%at%x09%an%x09%ae%x09%ct%x09%cn%x09%ce%x09%(trailers:key=Co-authored-by,valueonly,separator=%x1f)'}
 * (with {@code core.quotePath=false}), plain or gzip-compressed (detected from the first bytes).
 *
 * <p>Memory stays constant per commit: one commit's path lines are held at a time, and repeated
 * paths and names are interned. C-quoted paths (with tabs, newlines, quotes or backslashes) are
 * unquoted. A malformed line throws {@link CommitLogFormatException} naming its line, or, with
 * {@link ReadOptions#skipMalformed(int)}, is skipped and counted in {@link #report()} (a malformed
 * header skips its path lines too). A truncated gzip stream always throws.
 *
 * <p>A gzip log is inflated on a background daemon thread when more than one processor is
 * available, a few 256 KiB chunks ahead of the parser.
 *
 * <p>One pass: read with {@link #accept(CommitLogVisitor)} or {@link #commits(Repository)}, once.
 * Not thread-safe. Close it to close the input.
 */
public final class CommitLogReader implements Closeable {

  private final InputStream in;
  private final String source;
  private final LogScanner scanner;
  private boolean used;

  private CommitLogReader(InputStream in, String source, ReadOptions options) {
    this.in = in;
    this.source = source;
    this.scanner = new LogScanner(in, options);
  }

  /**
   * Opens a log file, plain or gzip.
   *
   * @throws CommunityMetricsIoException if the file cannot be opened or its first bytes read
   *     (missing, unreadable, a directory), naming the file
   */
  public static CommitLogReader open(Path file, ReadOptions options) {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(options, "options must not be null");
    try {
      return new CommitLogReader(
          decompressAhead(Files.newInputStream(file)), file.toString(), options);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
  }

  /**
   * Reads a log from a stream, plain or gzip. The reader owns the stream and closes it.
   *
   * @param source a name for the input in error messages, such as a file path
   * @throws CommunityMetricsIoException if the first bytes cannot be read, naming {@code source}
   */
  public static CommitLogReader of(InputStream in, String source, ReadOptions options) {
    Objects.requireNonNull(in, "in must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(options, "options must not be null");
    try {
      return new CommitLogReader(decompressAhead(in), source, options);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + source, e);
    }
  }

  /** Wraps {@code raw} in a gzip decoder when it starts with the gzip magic bytes. */
  static InputStream decompress(InputStream raw) throws IOException {
    BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
    b.mark(2);
    int m0 = b.read();
    int m1 = b.read();
    b.reset();
    if (m0 == 0x1f && m1 == 0x8b) {
      return new GZIPInputStream(b, 1 << 16);
    }
    return b;
  }

  /**
   * Like {@link #decompress(InputStream)}, but a gzip stream is inflated on a background thread
   * when more than one processor is available: inflating is about half the work of reading a log.
   */
  static InputStream decompressAhead(InputStream raw) throws IOException {
    InputStream in = decompress(raw);
    if (in instanceof GZIPInputStream && Runtime.getRuntime().availableProcessors() > 1) {
      return new ReadAhead(in, 1 << 18, 4);
    }
    return in;
  }

  /**
   * Reads the whole log into {@code visitor}, newest commit first.
   *
   * @return what was read
   * @throws CommitLogFormatException at a malformed line in strict mode, or a truncated gzip
   *     stream
   * @throws CommunityMetricsIoException if reading fails, naming the source
   */
  public ReadReport accept(CommitLogVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor must not be null");
    start();
    while (advance()) {
      LogScanner s = scanner;
      if (visitor instanceof CommitLogAuthorship authorship) {
        // The truck factor needs no header object: building one per commit (ids, signatures,
        // instants) was most of what reading a log allocated once the paths are interned.
        authorship.commit(s.parentCount() > 1, s.authorName, s.authorEmail, s.authorTime,
            s.coAuthorNames, s.coAuthorEmails);
      } else if (visitor instanceof RecordedLog.Recorder recorder) {
        // Recorded exactly as the truck factor's fast path above reads it, for its replay.
        recorder.startCommit(s.sha(), s.parentCount() > 1, s.authorName, s.authorEmail,
            s.authorTime, s.committerTime);
        for (int i = 0; i < s.coAuthorNames.size(); i++) {
          recorder.coAuthor(s.coAuthorNames.get(i), s.coAuthorEmails.get(i));
        }
      } else if (!(visitor instanceof LogSnapshot)) { // which reads only the path lines
        visitor.commit(header());
      }
      for (int i = 0; i < s.changeCount; i++) {
        if (s.oldPath[i] == null) {
          visitor.change(s.status[i], s.path[i]);
        } else {
          visitor.move(s.status[i], s.oldPath[i], s.path[i]);
        }
      }
      visitor.endCommit();
    }
    return report();
  }

  /**
   * The log as core commit events ({@link io.github.communitymetrics.core.event.Forge#GIT}
   * actors from the author line), newest first, built lazily one at a time.
   *
   * @param repo the repository the commits belong to
   */
  public Stream<Commit> commits(Repository repo) {
    Objects.requireNonNull(repo, "repo must not be null");
    start();
    Iterator<Commit> it =
        new Iterator<>() {
          private Commit pending;
          private boolean done;

          @Override
          public boolean hasNext() {
            // A commit the model refuses is skipped (and counted) when skipping malformed input.
            while (pending == null && !done) {
              if (!advance()) {
                done = true;
              } else {
                pending = commit(repo);
              }
            }
            return pending != null;
          }

          @Override
          public Commit next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Commit c = pending;
            pending = null;
            return c;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** What has been read so far: lines, blank lines, commits and skipped malformed lines. */
  public ReadReport report() {
    return scanner.report();
  }

  /**
   * Closes the input.
   *
   * @throws CommunityMetricsIoException if closing fails, naming the source
   */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot close " + source, e);
    }
  }

  private void start() {
    if (used) {
      throw new IllegalStateException("a commit log can be read only once");
    }
    used = true;
  }

  private boolean advance() {
    try {
      return scanner.next();
    } catch (LogScanner.Malformed e) {
      throw new CommitLogFormatException(source, e.line, e.getMessage());
    } catch (UncheckedIOException e) {
      // The scanner cannot throw IOException through its iterator-like next(); only here is the
      // source known that the message should name.
      throw CommunityMetricsIoException.of("cannot read " + source, e.getCause());
    }
  }

  private CommitHeader header() {
    LogScanner s = scanner;
    List<CoAuthor> co = new ArrayList<>(s.coAuthorNames.size());
    for (int i = 0; i < s.coAuthorNames.size(); i++) {
      co.add(new CoAuthor(s.coAuthorNames.get(i), s.coAuthorEmails.get(i)));
    }
    return new CommitHeader(
        s.sha(),
        s.parents(),
        new Signature(s.authorName, s.authorEmail, Instant.ofEpochSecond(s.authorTime)),
        new Signature(s.committerName, s.committerEmail, Instant.ofEpochSecond(s.committerTime)),
        co,
        s.headerLine);
  }

  private Commit commit(Repository repo) {
    LogScanner s = scanner;
    CommitHeader h = header();
    List<FileChange> files = new ArrayList<>(s.changeCount);
    for (int i = 0; i < s.changeCount; i++) {
      Optional<String> old = Optional.ofNullable(s.oldPath[i]);
      files.add(new FileChange(s.status[i], s.path[i], old, OptionalInt.empty(), OptionalInt.empty()));
    }
    try {
      return new Commit(
          h.author().time(),
          repo,
          Actor.git(h.author().name(), h.author().email()),
          h.sha(),
          h.parents(),
          h.author(),
          h.committer(),
          h.coAuthors(),
          files);
    } catch (IllegalArgumentException e) {
      try {
        s.rejected(s.headerLine, "commit rejected: " + e.getMessage());
      } catch (LogScanner.Malformed m) {
        throw new CommitLogFormatException(source, m.line, m.getMessage());
      }
      return null;
    }
  }

}
