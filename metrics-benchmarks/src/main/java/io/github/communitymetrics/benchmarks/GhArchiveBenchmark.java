package io.github.communitymetrics.benchmarks;

import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import io.github.communitymetrics.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * GH Archive ingestion on one thread against its floor, decompression: {@link #inflateOnly}
 * gunzips the bytes and drops them, {@link #parseToEvents} gunzips the same bytes and turns every
 * line into core events. Their ratio is the share of the time spent beyond decompression. The
 * input is the real GH Archive hours in {@code ../shared/data/gharchive} (two 2012 hours in both
 * archive shapes and a 2021 sample), each its own gzip member, repeated {@code repeat} times, in
 * memory so the disk is not measured. The setup prints the compressed and uncompressed sizes and
 * the event count: MB/s = uncompressed MB / (ms/op / 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class GhArchiveBenchmark {
  private static final String KLANGNER =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  /** How often the three real files are repeated (each repetition is about 17 MB of JSON). */
  @Param({"10"})
  public int repeat;

  private byte[] gz;
  private final GhArchiveReader reader = GhArchiveReader.builder().build();

  /** Builds the multi-member gzip input once per trial. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (SharedData.dataDir().isEmpty()) {
      throw new IllegalStateException(
          "GhArchiveBenchmark needs ../shared/data/gharchive (or -D" + SharedData.PROPERTY + ")");
    }
    byte[] h1 = Files.readAllBytes(SharedData.resolve(KLANGNER + "2012-04-01-0.json.gz"));
    byte[] h2 = Files.readAllBytes(SharedData.resolve(KLANGNER + "2012-10-13-0.json.gz"));
    byte[] h3 = gzip(Files.readAllBytes(SharedData.resolve(PINOT)));
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < repeat; i++) {
      all.writeBytes(h1);
      all.writeBytes(h2);
      all.writeBytes(h3);
    }
    gz = all.toByteArray();
    GhArchiveReport r = reader.read(new ByteArrayInputStream(gz), "bench", e -> {});
    System.out.printf(
        "%nGH Archive input: %,d bytes gzip, %,d bytes JSON, %,d lines, %,d events mapped%n",
        gz.length, r.uncompressedBytes(), r.lines(), r.eventsMapped());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  /** The floor: decompression alone, into a reused 64 KiB buffer. */
  @Benchmark
  public long inflateOnly() {
    long total = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        total += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  /** Decompression and parsing into core events, on the calling thread. */
  @Benchmark
  public GhArchiveReport parseToEvents(Blackhole sink) {
    return reader.read(new ByteArrayInputStream(gz), "bench", sink::consume);
  }
}
