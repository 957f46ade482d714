package io.github.communitymetrics.cli;

import io.github.communitymetrics.cli.engine.ScoredGroup;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * {@code score --out FILE.parquet}: the scores as a tidy Parquet table, one row per group (a
 * repository or an owner) x metric x measurement, written with Apache Parquet's own writer
 * (parquet-java) on a local file, without Hadoop: {@link LocalOutputFile} and {@link
 * PlainParquetConfiguration}. The columns are those of the Spark job's {@code ResultRow} plus the
 * group's kind and event count (docs/metrics.md, "Parquet"):
 *
 * <pre>
 * group       string  not null   repository full name or owner
 * groupKind   string  not null   "repository" or "owner"
 * events      int64   not null   the group's events in the input (the text table's Events)
 * metric      string  not null   metric id
 * measurement string  not null   measurement name within the metric
 * unit        string  not null   Unit.id(): people, days, fraction, level, ...
 * value       double  nullable   null without evidence (no data is not 0) and for a level
 * category    string  nullable   a level's category, else null
 * evidence    int64   not null   observations behind the value; 0 exactly when it is null
 * preset      string  not null   the definition the measurement follows
 * </pre>
 *
 * The evaluation goes in the file's key-value metadata: {@code community-metrics.asOf}, {@code
 * .windowStart}, {@code .windowEnd}, {@code .source}, {@code .simulated}, {@code .schema}.
 * Uncompressed (dictionary-encoded) pages: a score table is small, and the codecs' native
 * libraries (zstd-jni about 7.4 MB, snappy-java 2.4 MB) would add some 10 MB to the command's jar.
 */
final class ScoreParquet {
  /** The version of the columns above; a change of a column's name, type or meaning bumps it. */
  static final int SCHEMA_VERSION = 1;

  static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("group")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("groupKind")
          .required(PrimitiveTypeName.INT64).named("events")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("metric")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("measurement")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("unit")
          .optional(PrimitiveTypeName.DOUBLE).named("value")
          .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("category")
          .required(PrimitiveTypeName.INT64).named("evidence")
          .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("preset")
          .named("score");

  private ScoreParquet() {}

  /** One row: a measurement of a group. */
  private record Flat(String group, String groupKind, long events, Measurement m) {}

  /**
   * Writes the rows, replacing {@code file}.
   *
   * @return how many Parquet rows were written (one per group, metric and measurement)
   * @throws IOException if the file cannot be written
   */
  static long write(
      Path file,
      List<ScoredGroup> rows,
      List<MetricDescriptor<?>> chosen,
      boolean owners,
      Evaluation evaluation,
      String source,
      boolean simulated)
      throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("community-metrics.schema", Integer.toString(SCHEMA_VERSION));
    metadata.put("community-metrics.asOf", evaluation.asOf().toString());
    metadata.put("community-metrics.windowStart", evaluation.window().start().toString());
    metadata.put("community-metrics.windowEnd", evaluation.window().end().toString());
    metadata.put("community-metrics.source", source);
    metadata.put("community-metrics.simulated", Boolean.toString(simulated));
    String kind = owners ? "owner" : "repository";
    long written = 0;
    try (ParquetWriter<Flat> w =
        new Builder(new LocalOutputFile(file), metadata)
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (ScoredGroup r : rows) {
        for (MetricDescriptor<?> d : chosen) {
          for (Measurement m : r.byMetric().get(d.id())) {
            w.write(new Flat(r.name(), kind, r.events(), m));
            written++;
          }
        }
      }
    }
    return written;
  }

  private static final class Builder extends ParquetWriter.Builder<Flat, Builder> {
    private final Map<String, String> metadata;

    Builder(OutputFile file, Map<String, String> metadata) {
      super(file);
      this.metadata = metadata;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Flat> getWriteSupport(ParquetConfiguration conf) {
      return new Support(metadata);
    }

    /** Never called: the writer is built with a {@link PlainParquetConfiguration}. */
    @Override
    @SuppressWarnings("deprecation") // parquet-java deprecates the Hadoop overload; it is abstract
    protected WriteSupport<Flat> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new Support(metadata);
    }
  }

  /** Hands each row's fields to Parquet's record consumer; a null field is simply not written. */
  private static final class Support extends WriteSupport<Flat> {
    private final Map<String, String> metadata;
    private RecordConsumer out;

    Support(Map<String, String> metadata) {
      this.metadata = metadata;
    }

    @Override
    public WriteContext init(ParquetConfiguration conf) {
      return new WriteContext(SCHEMA, metadata);
    }

    /** Never called: the writer is built with a {@link PlainParquetConfiguration}. */
    @Override
    @SuppressWarnings("deprecation") // parquet-java deprecates the Hadoop overload; it is abstract
    public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
      return new WriteContext(SCHEMA, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Flat row) {
      Measurement m = row.m();
      out.startMessage();
      string(0, "group", row.group());
      string(1, "groupKind", row.groupKind());
      int64(2, "events", row.events());
      string(3, "metric", m.metric());
      string(4, "measurement", m.name());
      string(5, "unit", m.unit().id());
      if (m.value().isPresent()) {
        out.startField("value", 6);
        out.addDouble(m.value().getAsDouble());
        out.endField("value", 6);
      }
      if (m.category().isPresent()) {
        string(7, "category", m.category().get());
      }
      int64(8, "evidence", m.evidence());
      string(9, "preset", m.preset());
      out.endMessage();
    }

    private void string(int index, String name, String value) {
      out.startField(name, index);
      out.addBinary(Binary.fromString(value));
      out.endField(name, index);
    }

    private void int64(int index, String name, long value) {
      out.startField(name, index);
      out.addLong(value);
      out.endField(name, index);
    }
  }
}
