package io.github.communitymetrics.spark;

import io.github.communitymetrics.cli.engine.ScoreEngine;
import io.github.communitymetrics.cli.engine.ScoreEngineException;
import io.github.communitymetrics.cli.engine.ScoreRequest;
import io.github.communitymetrics.cli.engine.ScoreResult;
import io.github.communitymetrics.cli.engine.ScoredGroup;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.io.ReadReport;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.github.archive.GhArchiveReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * {@code community-metrics score --engine spark}: the same rows as the command computes in memory,
 * computed by Spark ({@link SparkScorer}) from GH Archive or JSON Lines files that Spark reads in
 * parallel from any file system it knows ({@code file:}, {@code hdfs:}, {@code s3a:}), or from
 * the events of another source loaded on the driver. Only the results (a few measurements per
 * group and metric) come back to the driver, where the command sorts and writes them.
 *
 * <p>Uses the active Spark session ({@code spark-submit}) or creates one from the system
 * properties ({@code -Dspark.master=local[*]}); a session it created is stopped at the end.
 */
public final class SparkScoreEngine implements ScoreEngine {
  /** For {@link java.util.ServiceLoader}. */
  public SparkScoreEngine() {}

  @Override
  public String name() {
    return "spark";
  }

  /**
   * Every metric that describes all repositories: each group's metric is built for every
   * repository and given only the group's events. Contributor confidence is not: it reads, for
   * one named repository, the pull requests its stargazers opened in other repositories, which a
   * group's partition does not hold.
   */
  @Override
  public boolean computes(MetricDescriptor<?> metric) {
    return metric.describes(RepositoryScope.all());
  }

  @Override
  public ScoreResult score(ScoreRequest request) {
    boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSession.builder().appName("community-metrics score").getOrCreate();
    try {
      return score(spark, request);
    } finally {
      if (!existing) {
        spark.stop();
      }
    }
  }

  /** Scores the request on {@code spark}. */
  static ScoreResult score(SparkSession spark, ScoreRequest request) {
    List<String> notes = new ArrayList<>();
    Dataset<SparkEvent> events;
    Runnable report;
    if (!request.ghArchive().isEmpty()) {
      Ingested<GhArchiveReport> in =
          SparkEventSources.ghArchive(
              spark, String.join(",", request.ghArchive()), spark.sparkContext().defaultParallelism());
      events = in.events();
      report = () -> notes.add(ghArchiveNote(in.report()));
    } else if (request.eventsFile().isPresent()) {
      Ingested<ReadReport> in = SparkEventSources.jsonLines(spark, request.eventsFile().get());
      events = in.events();
      report = () -> notes.add(readNote(in.report()));
    } else {
      List<Event> loaded;
      try {
        loaded = request.otherEvents().call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new ScoreEngineException("could not load " + request.sourceLabel() + ": " + e.getMessage(), e);
      }
      List<SparkEvent> shipped = new ArrayList<>(loaded.size());
      for (Event e : loaded) {
        shipped.add(SparkEvent.of(e));
      }
      events = spark.createDataset(shipped, SparkEvent.encoder());
      report = () -> {};
    }
    if (events.isEmpty()) {
      report.run();
      throw new ScoreEngineException("no events to score in " + request.sourceLabel());
    }
    Instant asOf = request.asOf().orElseGet(() -> last(events).plusSeconds(1));
    // As the command evaluates in memory: an e-mail domain without a known organisation is one.
    SparkEvaluation evaluation =
        SparkEvaluation.of(asOf.minus(request.window()), asOf)
            .withUnmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION);
    List<SparkMetric<?, ?>> metrics = new ArrayList<>();
    for (MetricDescriptor<?> d : request.metrics()) {
      metrics.add(SparkMetric.of(RegistrySource.discovered(), d.id(), evaluation));
    }
    Scores scores =
        SparkScorer.builder()
            .metrics(metrics)
            .grouping(request.owners() ? Grouping.OWNER : Grouping.REPOSITORY)
            .build()
            .score(events);
    try {
      Map<String, Long> counts = scores.eventCounts();
      Map<String, Map<String, List<Measurement>>> byGroup = new TreeMap<>();
      scores.collect().forEach((group, results) -> {
        Map<String, List<Measurement>> m = new LinkedHashMap<>();
        for (SparkMetric<?, ?> metric : metrics) {
          Object result = results.get(metric.name());
          if (result != null) {
            m.put(metric.name(), measurements(metric, result));
          }
        }
        byGroup.put(group, m);
      });
      List<ScoredGroup> groups = new ArrayList<>(byGroup.size());
      byGroup.forEach((g, m) -> groups.add(new ScoredGroup(g, counts.getOrDefault(g, 0L), m)));
      report.run();
      return new ScoreResult(asOf, groups, notes);
    } finally {
      scores.release();
    }
  }

  @SuppressWarnings("unchecked")
  private static <S, R> List<Measurement> measurements(SparkMetric<S, R> metric, Object result) {
    return metric.measurements((R) result);
  }

  private static Instant last(Dataset<SparkEvent> events) {
    Long max =
        events
            .map((MapFunction<SparkEvent, Long>) e -> e.event().at().getEpochSecond() * 1_000_000_000L + e.event().at().getNano(), Encoders.LONG())
            .reduce((org.apache.spark.api.java.function.ReduceFunction<Long>) Math::max);
    return Instant.ofEpochSecond(Math.floorDiv(max, 1_000_000_000L), Math.floorMod(max, 1_000_000_000L));
  }

  private static String ghArchiveNote(GhArchiveReport r) {
    return String.format(
        "files %d, lines %d, events %d, not mapped %d, unmappable %d, malformed lines %d, corrupt inputs %d",
        r.files(), r.lines(), r.eventsMapped(), r.eventsNotMapped(), r.eventsUnmappable(),
        r.malformedLines(), r.corruptInputs().size());
  }

  private static String readNote(ReadReport r) {
    return String.format(
        "lines %d, events %d, malformed lines skipped %d", r.linesRead(), r.eventsRead(), r.malformedLinesSkipped());
  }
}
