package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventWriter;
import io.github.communitymetrics.forge.EventFile;
import io.github.communitymetrics.forge.crawl.Checkpoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the durability of a resumable fetch costs on the local disk: writing the events of a fetch
 * to an output file with a commit after every page (events forced with {@code FileChannel.force},
 * the gzip member finished, the checkpoint state replaced atomically), against writing the same
 * events to a buffered file with no force and no checkpoint (what {@code fetch} did before). A page
 * is 100 events, as GitHub's and GitLab's lists are read; {@code perPage = 1} is GitLab's per-item
 * commit of merge requests and issues. Divide the score by {@code size / perPage} for the cost of
 * one commit, and compare it with a forge request (hundreds of milliseconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FetchOutputBenchmark {
  @Param({".jsonl", ".jsonl.gz"})
  public String suffix;

  @Param({"100", "1"})
  public int perPage;

  @Param({"3000"})
  public int size;

  private List<Event> events;
  private Path dir;
  private int round;

  /** The events (the benchmark mix) and a scratch directory on the working directory's disk. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    events = BenchmarkEvents.of("mix", size);
    dir = Files.createTempDirectory(Path.of("."), "fetch-output-bench");
  }

  /** Removes the scratch directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The protocol: a commit (sync, state replaced) after every page. */
  @Benchmark
  public long durable() {
    round++;
    Path out = dir.resolve("durable-" + round + suffix);
    try (EventFile file = EventFile.create(out)) {
      Checkpoint checkpoint = Checkpoint.open(dir.resolve("ckpt-" + round), file);
      for (int i = 0; i < events.size(); i++) {
        file.accept(events.get(i));
        if ((i + 1) % perPage == 0) {
          checkpoint.save("bench.list", "http://forge/list?page=" + (i / perPage + 2) + "\t0");
        }
      }
      checkpoint.finish();
      return file.eventsWritten();
    }
  }

  /** The same events through a buffered writer, no force, no checkpoint. */
  @Benchmark
  public long buffered() {
    round++;
    Path out = dir.resolve("buffered-" + round + suffix);
    try {
      OutputStream stream = Files.newOutputStream(out);
      if (suffix.endsWith(".gz")) {
        stream = new GZIPOutputStream(stream, 1 << 16);
      }
      try (Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
          EventWriter writer = EventJsonLines.writer(w)) {
        events.forEach(writer::write);
        writer.flush();
        return writer.eventsWritten();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
