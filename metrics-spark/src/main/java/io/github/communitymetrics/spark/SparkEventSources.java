package io.github.communitymetrics.spark;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.io.EventJsonLines;
import io.github.communitymetrics.core.io.EventReader;
import io.github.communitymetrics.core.io.ReadOptions;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Reads events on Spark, in parallel: GH Archive hourly files (each file by one task, since gzip
 * cannot be split) and canonical JSON Lines (split by Spark like any text file, each partition's
 * lines decoded by the core's reader). Malformed lines are skipped, counted per task and summed
 * into the {@link Ingested#report()}; the first {@value Reports#MAX_REPORTED} are described.
 */
public final class SparkEventSources {
  private SparkEventSources() {}

  /**
   * GH Archive files ({@code .json.gz} or {@code .json}) as events, with {@link GhArchiveReader}'s
   * defaults (every repository, malformed lines skipped).
   *
   * @param spark the session
   * @param path the files: a file, a directory or a glob, in any Hadoop file system Spark reads
   *     ({@code file:}, {@code hdfs:}, {@code s3a:}); several separated by commas
   * @param minPartitions a hint for how many partitions to read into (files are never split)
   */
  public static Ingested<GhArchiveReport> ghArchive(SparkSession spark, String path, int minPartitions) {
    Args.notNull(spark, "spark");
    Args.notNull(path, "path");
    Args.positive(minPartitions, "minPartitions");
    ReportAccumulator<GhArchiveReport> report =
        new ReportAccumulator<>(
            Reports.emptyGhArchive(), Reports::sum, Reports::write, Reports::readGhArchive);
    spark.sparkContext().register(report, "GH Archive report");
    JavaRDD<SparkEvent> events =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .binaryFiles(path, minPartitions)
            .flatMap(new ReadGhArchive(report));
    Dataset<SparkEvent> ds = spark.createDataset(events.rdd(), SparkEvent.encoder());
    return new Ingested<>(ds.persist(StorageLevel.MEMORY_AND_DISK()), report, GhArchiveReport::eventsMapped);
  }

  /**
   * Canonical JSON Lines files (see {@code EventJsonLines}) as events; blank lines are skipped,
   * malformed ones counted (their line numbers in the report are within their Spark partition).
   *
   * @param spark the session
   * @param path the files: a file, a directory or a glob (several separated by commas)
   */
  public static Ingested<ReadReport> jsonLines(SparkSession spark, String path) {
    Args.notNull(spark, "spark");
    Args.notNull(path, "path");
    ReportAccumulator<ReadReport> report = new ReportAccumulator<>(Reports.emptyRead(), Reports::sum, Reports::write, Reports::readRead);
    spark.sparkContext().register(report, "JSON Lines report");
    Dataset<SparkEvent> ds =
        spark.read().textFile(path.split(",")).mapPartitions(new DecodeLines(report), SparkEvent.encoder());
    return new Ingested<>(ds.persist(StorageLevel.MEMORY_AND_DISK()), report, ReadReport::eventsRead);
  }

  /** Reads one GH Archive file into events; its report goes to the accumulator. */
  private static final class ReadGhArchive
      implements FlatMapFunction<Tuple2<String, PortableDataStream>, SparkEvent> {
    private static final long serialVersionUID = 1L;
    private final ReportAccumulator<GhArchiveReport> report;

    ReadGhArchive(ReportAccumulator<GhArchiveReport> report) {
      this.report = report;
    }

    @Override
    public Iterator<SparkEvent> call(Tuple2<String, PortableDataStream> file) {
      // The reader pushes events; one hour of GH Archive is some 10^5 events, held here.
      List<SparkEvent> events = new ArrayList<>();
      GhArchiveReport r;
      try (InputStream in = file._2().open()) {
        r = GhArchiveReader.builder().build().read(in, file._1(), e -> events.add(SparkEvent.of(e)));
      } catch (IOException e) {
        throw CommunityMetricsIoException.of("cannot read " + file._1(), e);
      }
      report.add(r);
      return events.iterator();
    }
  }

  /** Decodes a partition's lines with the core reader, streaming; the report when done. */
  private static final class DecodeLines implements MapPartitionsFunction<String, SparkEvent> {
    private static final long serialVersionUID = 1L;
    private final ReportAccumulator<ReadReport> report;

    DecodeLines(ReportAccumulator<ReadReport> report) {
      this.report = report;
    }

    @Override
    public Iterator<SparkEvent> call(Iterator<String> lines) {
      EventReader reader =
          EventJsonLines.reader(new LinesReader(lines), ReadOptions.skipMalformed(Reports.MAX_REPORTED));
      return new Iterator<>() {
        private boolean reported;

        @Override
        public boolean hasNext() {
          boolean more = reader.hasNext();
          if (!more && !reported) {
            reported = true;
            report.add(reader.report());
            reader.close();
          }
          return more;
        }

        @Override
        public SparkEvent next() {
          Event e = reader.next();
          return SparkEvent.of(e);
        }
      };
    }
  }

  /** The lines of an iterator as one character stream, each line ended by '\n'. */
  private static final class LinesReader extends Reader {
    private final Iterator<String> lines;
    private String current = "";
    private int pos;

    LinesReader(Iterator<String> lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (pos >= current.length()) {
        if (!lines.hasNext()) {
          return -1;
        }
        current = lines.next() + "\n";
        pos = 0;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
