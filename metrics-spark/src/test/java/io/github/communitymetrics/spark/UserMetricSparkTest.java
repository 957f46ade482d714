package io.github.communitymetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.IdentityResolver;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import io.github.communitymetrics.github.archive.GhArchiveReader;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric registered by a user ({@link PullRequestAbsenceFactor}, found through {@code
 * META-INF/services}) is computed by the Spark job with no Spark code: the job's rows of it are
 * the descriptor's single-machine measurements of each repository.
 */
@SharedDataTest
class UserMetricSparkTest {
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";
  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
  private static final Instant AS_OF = Instant.parse("2022-01-01T00:00:00Z");

  @TempDir static Path dir;
  @TempDir static Path outputs;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theJobWritesTheUserMetricsMeasurements() throws Exception {
    Path source = SharedData.resolve(PINOT);
    Path file = Files.copy(source, dir.resolve(source.getFileName()));
    String out = outputs.resolve("scores").toString();
    ScoreGhArchive.run(
        spark,
        ScoreGhArchive.parse(
            new String[] {
              "--input", dir.toString() + "/*.json*", "--output", out, "--start", START.toString(),
              "--as-of", AS_OF.toString(), "--format", "json"
            }),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    List<Row> rows =
        spark.read().json(out).filter("metric = 'pull-request-absence-factor'").collectAsList();
    assertTrue(!rows.isEmpty(), "no rows of the user's metric pull-request-absence-factor");

    List<Event> events = new ArrayList<>();
    GhArchiveReader.builder().build().read(List.of(file), events::add);
    EventStore store = EventStore.of(events);
    People people = People.of(store, IdentityResolver.defaults().resolve(store.actors()));
    Evaluation evaluation = Evaluation.of(RepositoryScope.all(), Window.of(START, AS_OF));
    TreeSet<String> want = new TreeSet<>();
    for (Repository r : store.repositories()) {
      for (Measurement m :
          PullRequestAbsenceFactor.INSTANCE
              .evaluate(store.slice(List.of(r)), people, evaluation)
              .measurements()) {
        want.add(
            r.fullName() + " " + m.name() + " " + m.unit().id() + " "
                + (m.value().isPresent() ? m.value().getAsDouble() : "null") + " " + m.evidence());
      }
    }
    TreeSet<String> got = new TreeSet<>();
    for (Row row : rows) {
      Object value = row.getAs("value");
      got.add(
          row.getAs("group") + " " + row.getAs("measurement") + " " + row.getAs("unit") + " "
              + (value == null ? "null" : ((Number) value).doubleValue()) + " "
              + row.<Long>getAs("evidence"));
    }
    assertEquals(want, got);
    assertTrue(want.stream().anyMatch(s -> !s.contains(" null ")), "some repository has pull requests");
  }
}
