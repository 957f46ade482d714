package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventStoreFile;
import io.github.communitymetrics.core.io.MalformedReason;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.io.StoreFileException;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.github.archive.GhArchiveFilter;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import picocli.CommandLine;

/**
 * {@code --gharchive FILES --store STORE}: the events of the GH Archive files, kept in a saved
 * store ({@link EventStoreFile}) so that a later run reads only the files the store does not
 * hold yet (issue 24). A file is in the store when a segment has its name (without directories),
 * its size and the CRC32C of its bytes; a file of the same name whose size or checksum differ
 * is an error, not a second copy. The events and the read report are those of reading the files
 * without a store, so every command's output is the same.
 */
final class GhArchiveStore {
  private GhArchiveStore() {}

  /** The malformed lines a read report lists, as for {@code --gharchive} without a store. */
  private static final int MAX_REPORTED = 20;

  /** A given file's bytes: how many and their CRC32C. */
  private record Fingerprint(long size, long crc32c) {}

  /** A file read and encoded as a segment. */
  private record Parsed(byte[] segment, GhArchiveReport report) {}

  /**
   * What {@link #open} loaded, and where the store's complete segments end: where the next
   * append ({@link #appendMore}) writes.
   */
  record Opened(EventSource.Loaded loaded, long end) {}

  /**
   * The events of {@code files}: those the store holds loaded from it, the others read and
   * appended to it (the store created first when absent); and where the store now ends.
   */
  static Opened open(
      CommandLine commandLine,
      Progress progress,
      Path store,
      List<Path> files,
      Optional<String> repository,
      int threads)
      throws IOException {
    if (repository.isPresent()) {
      // The store holds every repository's events; the read report of --repo counts only those
      // kept while parsing, which a store read without the filter cannot give back.
      throw new CommandLine.ParameterException(commandLine, "--store cannot be combined with --repo yet");
    }
    // How often each file name is given (an hour given twice is read twice without a store).
    Map<String, List<Path>> byName = new LinkedHashMap<>();
    for (Path f : files) {
      byName.computeIfAbsent(name(f), k -> new ArrayList<>()).add(f);
    }
    EventStore.Builder builder = EventStore.builder().threads(threads);
    Map<String, ReadReport> reports = new HashMap<>();
    String source = store.toString();
    EventStoreFile.Contents contents = null;
    long eventsLoaded = 0;
    if (Files.exists(store)) {
      long[] loaded = new long[1];
      Map<String, Boolean> seen = new HashMap<>();
      try (ProgressTask task = progress.bytes("loading " + store.getFileName(), Files2.size(store));
          InputStream in = new java.io.BufferedInputStream(task.counting(Files.newInputStream(store)), 1 << 16)) {
        contents = EventStoreFile.read(in, source, segment -> {
          List<Path> given = byName.get(segment.name());
          if (given == null || seen.putIfAbsent(segment.name(), true) != null) {
            return Optional.empty();
          }
          Fingerprint now = fingerprint(given.get(0));
          if (now.size() != segment.size() || now.crc32c() != segment.crc32c()) {
            throw new StoreFileException(source, segment.offset(), String.format(
                "the store holds %s of %,d bytes (CRC32C %08x), but %s has %,d bytes (CRC32C %08x): the file"
                    + " changed since it was stored; delete the store to rebuild it from the files",
                segment.name(), segment.size(), segment.crc32c(), given.get(0), now.size(), now.crc32c()));
          }
          reports.put(segment.name(), segment.report());
          int times = given.size();
          return Optional.of(e -> {
            for (int i = 0; i < times; i++) {
              builder.add(e);
            }
            loaded[0]++;
            task.item("events");
          });
        });
      }
      eventsLoaded = loaded[0];
    }
    List<String> fresh = byName.keySet().stream().filter(n -> !reports.containsKey(n)).toList();
    AppendSummary appended = append(
        commandLine, progress, store, contents == null ? -1 : contents.completeLength(),
        contents == null ? 0 : contents.droppedTailBytes(), fresh, byName, builder, reports, threads);
    EventStore events = builder.build();
    ReadReport read = merge(files, reports);
    int fromStore = (int) files.stream().filter(f -> !fresh.contains(name(f))).count();
    progress.info(String.format(
        "store %s: %s (%,d events) loaded from the store, %s (%,d events) read%s",
        store, Files2.count(fromStore, "file"), eventsLoaded, Files2.count(files.size() - fromStore, "file"),
        appended.events, appended.summary));
    return new Opened(
        EventSource.Loaded.of(
            "GH Archive (" + files.size() + " file" + (files.size() == 1 ? "" : "s") + ")",
            events, Optional.of(read), Optional.empty(), 0),
        appended.end());
  }

  /** The events of files read after {@link #open} and appended, and where the store now ends. */
  record Appended(EventStore events, ReadReport read, long end) {}

  /**
   * Reads {@code files}, which the store opened at {@code end} does not hold (each named once),
   * and appends each as a segment there, as {@link #open} appends the files it lacks ({@code
   * score --follow}: the next run with the store reads none of them again).
   */
  static Appended appendMore(
      CommandLine commandLine, Progress progress, Path store, long end, List<Path> files, int threads)
      throws IOException {
    Map<String, List<Path>> byName = new LinkedHashMap<>();
    for (Path f : files) {
      if (byName.put(name(f), List.of(f)) != null) {
        throw new IllegalArgumentException("two files named " + name(f) + " among " + files);
      }
    }
    EventStore.Builder builder = EventStore.builder().threads(threads);
    Map<String, ReadReport> reports = new HashMap<>();
    AppendSummary appended = append(
        commandLine, progress, store, end, 0, List.copyOf(byName.keySet()), byName, builder, reports, threads);
    progress.info(String.format(
        "store %s: %s (%,d events) read%s", store, Files2.count(files.size(), "file"), appended.events,
        appended.summary));
    return new Appended(builder.build(), merge(files, reports), appended.end());
  }

  /**
   * What {@link #append} did: the events read, a summary for the user, and where the store's
   * complete segments end after it.
   */
  private record AppendSummary(long events, String summary, long end) {}

  /**
   * Reads the files the store lacks, up to {@code readers} at once, and appends each as a
   * segment, in the given order: a segment is written whole and forced to disk before the next,
   * so that a run killed midway leaves the segments written so far. The first is written at
   * {@code complete}, where the store's complete segments end ({@code droppedTail} bytes after
   * it are an interrupted append's, overwritten), or in a store created first when {@code
   * complete} is -1.
   */
  private static AppendSummary append(
      CommandLine commandLine,
      Progress progress,
      Path store,
      long complete,
      long droppedTail,
      List<String> fresh,
      Map<String, List<Path>> byName,
      EventStore.Builder builder,
      Map<String, ReadReport> reports,
      int readers)
      throws IOException {
    StringBuilder summary = new StringBuilder();
    if (droppedTail > 0) {
      summary.append(String.format(
          "; the %,d bytes of an interrupted append at byte %,d dropped", droppedTail, complete));
    }
    if (fresh.isEmpty()) {
      return new AppendSummary(0, summary.toString(), complete);
    }
    long offset = complete < 0 ? create(store) : complete;
    int threads = Math.max(1, Math.min(fresh.size(), readers));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "gharchive-store");
      t.setDaemon(true);
      return t;
    });
    long events = 0;
    long appended = 0;
    List<String> damaged = new ArrayList<>();
    List<GhArchiveReport> newReports = new ArrayList<>();
    List<Path> freshFiles = fresh.stream().map(n -> byName.get(n).get(0)).toList();
    try (ProgressTask task = progress.bytes("reading " + Files2.count(fresh.size(), "GH Archive file"), Files2.size(freshFiles));
        FileChannel channel = FileChannel.open(store, StandardOpenOption.WRITE)) {
      // An interrupted append's tail goes: the next segment is written over it.
      channel.truncate(offset);
      Deque<Future<Parsed>> pending = new ArrayDeque<>();
      int next = 0;
      for (int i = 0; i < fresh.size(); i++) {
        // At most one file ahead per thread: the parsed segments wait in memory.
        while (next < fresh.size() && pending.size() < threads + 1) {
          Path f = freshFiles.get(next++);
          pending.add(pool.submit(() -> parse(f, task)));
        }
        Parsed p = get(pending.removeFirst());
        String name = fresh.get(i);
        newReports.add(p.report());
        int times = byName.get(name).size();
        long[] count = new long[1];
        EventStoreFile.Contents one = EventStoreFile.readSegments(
            new ByteArrayInputStream(p.segment()), store.toString(), offset, s -> Optional.of(e -> {
              for (int k = 0; k < times; k++) {
                builder.add(e);
              }
              count[0]++;
            }));
        events += count[0];
        reports.put(name, one.segments().get(0).report());
        if (!p.report().corruptInputs().isEmpty()) {
          // A damaged file is read as without a store, but not kept: a re-download would then
          // be a changed file.
          damaged.add(name);
          continue;
        }
        ByteBuffer b = ByteBuffer.wrap(p.segment());
        while (b.hasRemaining()) {
          channel.write(b, offset + b.position());
        }
        channel.force(false);
        offset += p.segment().length;
        appended++;
      }
    } finally {
      pool.shutdownNow();
    }
    summary.append(String.format(", %s appended", Files2.count((int) appended, "file")));
    if (!damaged.isEmpty()) {
      summary.append(String.format("; %s damaged, read but not stored: %s", Files2.count(damaged.size(), "file"),
          String.join(", ", damaged)));
    }
    printProblems(commandLine, newReports);
    return new AppendSummary(events, summary.toString(), offset);
  }

  /** The malformed lines and damaged files met in the files just read, as without a store. */
  private static void printProblems(CommandLine commandLine, List<GhArchiveReport> reports) {
    java.io.PrintWriter err = commandLine.getErr();
    for (GhArchiveReport r : reports) {
      r.malformed().forEach(p -> err.println("  malformed " + p));
      r.corruptInputs().forEach(p -> err.println("  damaged " + p));
    }
    err.flush();
  }

  /** Creates an empty store (its header written to a temporary file, then moved in place). */
  private static long create(Path store) throws IOException {
    Path temp = store.resolveSibling(store.getFileName() + "." + ProcessHandle.current().pid() + ".new");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        EventStoreFile.writeHeader(out);
      }
      Files.move(temp, store, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return EventStoreFile.HEADER_BYTES;
  }

  /** Reads one file into a segment, with its fingerprint taken from the same bytes. */
  private static Parsed parse(Path file, ProgressTask task) {
    CRC32C crc = new CRC32C();
    long[] size = new long[1];
    EventStoreFile.SegmentWriter segment = EventStoreFile.segment();
    GhArchiveReport report = GhArchiveReader.builder()
        .filter(GhArchiveFilter.all())
        .threads(1)
        .options(ReadOptions.skipMalformed(MAX_REPORTED))
        .opener(f -> task.counting(checksummed(f, crc, size)))
        .build()
        .read(List.of(file), (Consumer<Event>) segment::add);
    // The size of the bytes checksummed, not the file's size before: a file still growing while
    // read would otherwise be stored with a checksum of other bytes than its size says.
    Fingerprint fingerprint = new Fingerprint(size[0], crc.getValue());
    List<ReadReport.SkippedLine> skipped = new ArrayList<>();
    report.malformed().forEach(p -> skipped.add(new ReadReport.SkippedLine(p.line(), p.reason())));
    ReadReport read = new ReadReport(
        report.lines(), report.blankLines(), report.eventsMapped(), report.malformedLines(), skipped,
        report.malformedByReason());
    return new Parsed(segment.finish(name(file), fingerprint.size(), fingerprint.crc32c(), read), report);
  }

  /**
   * The file's bytes, added to {@code crc} and counted in {@code size[0]} as they are read;
   * closing it reads the rest first, so that the checksum covers the whole file even if the
   * reader stops before its end.
   */
  private static InputStream checksummed(Path file, CRC32C crc, long[] size) throws IOException {
    return new CheckedInputStream(Files.newInputStream(file), crc) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          size[0]++;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          size[0] += n;
        }
        return n;
      }

      // skip reads through read(byte[], int, int), which counts.

      @Override
      public void close() throws IOException {
        try {
          skip(Long.MAX_VALUE);
        } finally {
          super.close();
        }
      }
    };
  }

  private static Fingerprint fingerprint(Path file) {
    CRC32C crc = new CRC32C();
    long size = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        crc.update(buf, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return new Fingerprint(size, crc.getValue());
  }

  private static Parsed get(Future<Parsed> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading GH Archive files");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err; // out of memory: the command says so, not "I/O error"
      }
      throw new IOException(e.getCause());
    }
  }

  /**
   * The read report of the given files, in their order, as reading them together gives it: the
   * sums, and the first malformed lines, named by the files' paths as given.
   */
  private static ReadReport merge(List<Path> files, Map<String, ReadReport> reports) {
    long lines = 0;
    long blank = 0;
    long events = 0;
    long malformed = 0;
    List<ReadReport.SkippedLine> skipped = new ArrayList<>();
    Map<MalformedReason, Long> byReason = new EnumMap<>(MalformedReason.class);
    for (Path f : files) {
      ReadReport r = reports.get(name(f));
      lines += r.linesRead();
      blank += r.blankLines();
      events += r.eventsRead();
      malformed += r.malformedLinesSkipped();
      for (ReadReport.SkippedLine s : r.skipped()) {
        if (skipped.size() < MAX_REPORTED) {
          skipped.add(new ReadReport.SkippedLine(s.lineNumber(), f + ": " + s.reason()));
        }
      }
      r.malformedByReason().forEach((k, v) -> byReason.merge(k, v, Long::sum));
    }
    return new ReadReport(lines, blank, events, malformed, skipped, byReason);
  }

  private static String name(Path f) {
    return f.getFileName().toString();
  }
}
