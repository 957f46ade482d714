package io.github.communitymetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Evaluated;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.registry.StandardMetrics;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --out FILE.parquet}, read back with parquet-java's own reader and compared with
 * the library's {@code evaluateEachRepository} on the demo community.
 */
class ScoreParquetTest {
  private static final String AS_OF = "2025-07-01T00:00:00Z";
  private static final List<MetricDescriptor<?>> METRICS =
      List.of(StandardMetrics.LOTTERY_FACTOR, StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR, StandardMetrics.RESPONSIVENESS);

  /** Reading options without a Hadoop configuration (whose defaults need the Hadoop runtime). */
  private static final ParquetReadOptions OPTIONS =
      ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

  @TempDir Path tmp;

  /** The rows the library gives: each repository by name, each metric in order, each measurement. */
  private static List<List<Object>> expected(String asOf) {
    EventStore store = EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
    People people = People.resolve(store);
    Evaluation e = ScoreCommandTest.evaluation(asOf);
    List<SortedMap<Repository, ? extends Evaluated<?>>> each = new ArrayList<>();
    for (MetricDescriptor<?> d : METRICS) {
      each.add(d.evaluateEachRepository(store, people, e));
    }
    List<Repository> repositories = new ArrayList<>(each.get(0).keySet());
    repositories.sort((a, b) -> a.fullName().compareTo(b.fullName()));
    List<List<Object>> rows = new ArrayList<>();
    for (Repository r : repositories) {
      for (SortedMap<Repository, ? extends Evaluated<?>> metric : each) {
        for (Measurement m : metric.get(r).measurements()) {
          rows.add(Arrays.asList(
              r.fullName(), "repository", (long) store.slice(r).size(), m.metric(), m.name(),
              m.unit().id(), m.value().isPresent() ? m.value().getAsDouble() : null,
              m.category().orElse(null), m.evidence(), m.preset()));
        }
      }
    }
    return rows;
  }

  /** Every row of the file with parquet-java's reader; a field with no value is null. */
  static List<List<Object>> read(Path file) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), OPTIONS)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = records.read();
          List<Object> row = new ArrayList<>();
          for (int f = 0; f < schema.getFieldCount(); f++) {
            if (g.getFieldRepetitionCount(f) == 0) {
              row.add(null);
              continue;
            }
            switch (schema.getType(f).asPrimitiveType().getPrimitiveTypeName()) {
              case INT64 -> row.add(g.getLong(f, 0));
              case DOUBLE -> row.add(g.getDouble(f, 0));
              default -> row.add(g.getString(f, 0));
            }
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String ids() {
    return String.join(",", METRICS.stream().map(MetricDescriptor::id).toList());
  }

  @Test
  void rowsAreTheLibrarysEachRepositoryMeasurements() throws IOException {
    Path out = tmp.resolve("scores.parquet");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("score", "--metric", ids(), "--as-of", AS_OF, "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    List<List<Object>> expected = expected(AS_OF);
    assertEquals(expected, read(out));
    assertTrue(r.err().contains(expected.size() + " Parquet rows"), r.err());
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(out), OPTIONS)) {
      Map<String, String> meta = reader.getFooter().getFileMetaData().getKeyValueMetaData();
      assertEquals(Instant.parse(AS_OF).toString(), meta.get("community-metrics.asOf"));
      assertEquals("true", meta.get("community-metrics.simulated"));
      assertEquals(String.valueOf(ScoreParquet.SCHEMA_VERSION), meta.get("community-metrics.schema"));
    }
  }

  /** Before the first event every repository has events but no value: every value is null. */
  @Test
  void noDataIsNullNeverZero() throws IOException {
    String early = "2000-01-01T00:00:00Z";
    Path out = tmp.resolve("early.parquet");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run("score", "--metric", ids(), "--as-of", early, "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    List<List<Object>> rows = read(out);
    assertEquals(expected(early), rows);
    assertFalse(rows.isEmpty());
    for (List<Object> row : rows) {
      assertEquals(null, row.get(6), row.toString());
      assertEquals(0L, row.get(8), row.toString());
    }
  }

  @Test
  void ownersAreGroupsOfKindOwner() throws IOException {
    Path out = tmp.resolve("owners.parquet");
    CommunityMetricsCliTest.Run r =
        CommunityMetricsCliTest.run(
            "score", "--group-by", "owner", "--metric", "contributor-absence-factor", "--as-of", AS_OF,
            "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    CommunityMetricsCliTest.Run json =
        CommunityMetricsCliTest.run(
            "score", "--group-by", "owner", "--metric", "contributor-absence-factor", "--as-of", AS_OF, "--json");
    Map<String, String> f = NoDataCliTest.flatten(json.out());
    List<List<Object>> rows = read(out);
    int measurements = StandardMetrics.CONTRIBUTOR_ABSENCE_FACTOR.measurements().size();
    assertFalse(rows.isEmpty());
    assertFalse(f.containsKey("rows[" + rows.size() / measurements + "].name"), json.out());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      String group = "rows[" + i / measurements + "]";
      assertEquals(f.get(group + ".name"), row.get(0));
      assertEquals("owner", row.get(1));
      assertEquals(f.get(group + ".events"), String.valueOf(row.get(2)));
      assertEquals(f.get(group + ".metrics.contributor-absence-factor[" + i % measurements + "].name"), row.get(4));
    }
  }

  /**
   * The command's jar has no Hadoop: the same write from a class loader without the Hadoop jar
   * (which the tests have only because parquet-java's reader needs it) gives the same file.
   */
  @Test
  void writingNeedsNoHadoop() throws Exception {
    List<URL> urls = new ArrayList<>();
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean sawHadoop = false;
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.contains("hadoop-client-api")) {
        sawHadoop = true;
        continue;
      }
      urls.add(Path.of(entry).toUri().toURL());
    }
    assertTrue(sawHadoop, "the test class path has the Hadoop jar to leave out: " + path);
    Path out = tmp.resolve("isolated.parquet");
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> cli = loader.loadClass(CommunityMetricsCli.class.getName());
      assertFalse(cli == CommunityMetricsCli.class);
      Method run = cli.getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
      StringWriter err = new StringWriter();
      Object status = run.invoke(null, new PrintWriter(new StringWriter()), new PrintWriter(err),
          new String[] {"score", "--metric", ids(), "--as-of", AS_OF, "--out", out.toString()});
      assertEquals(0, status, err.toString());
      assertThrowsClassNotFound(loader, "org.apache.hadoop.conf.Configuration");
    }
    assertEquals(expected(AS_OF), read(out));
  }

  private static void assertThrowsClassNotFound(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
    } catch (ClassNotFoundException expected) {
      return;
    }
    throw new AssertionError(name + " is loadable: the isolated class path has Hadoop after all");
  }
}
