/**
 * Community Metrics on Apache Spark 4 (Scala 2.13): score every repository or owner of a large
 * event set with the core's exactly-merging metrics, with the single-machine results whatever the
 * partitioning.
 *
 * <p>Read events with {@link io.github.communitymetrics.spark.SparkEventSources} (GH Archive files,
 * canonical JSON Lines; a {@code Dataset<SparkEvent>} and a report of what was read), take the
 * registered metrics as {@link io.github.communitymetrics.spark.SparkMetric}s ({@link
 * io.github.communitymetrics.spark.CoreMetrics}: a loop over a metric registry, so a registered
 * metric needs no Spark code), score them with {@link
 * io.github.communitymetrics.spark.SparkScorer} and write the {@link
 * io.github.communitymetrics.spark.Scores} (one {@link io.github.communitymetrics.spark.ResultRow}
 * per group, metric and measurement) as Parquet or JSON Lines. {@link
 * io.github.communitymetrics.spark.ScoreGhArchive} is a ready {@code spark-submit} job.
 *
 * <p><b>States across the shuffle.</b> The core's metric states are not {@code Serializable};
 * each metric declares their compact binary form ({@code SliceMetric.stateCodec()}), in which
 * {@link io.github.communitymetrics.spark.StateBox} and the partial states cross the shuffle.
 * Results are never shipped: {@link io.github.communitymetrics.spark.Scores} finishes the merged
 * states where the results are needed (the executors for rows, the driver for {@code collect()}).
 *
 * <p><b>Module.</b> This jar has no {@code module-info}: Spark and Scala are not JPMS modules and
 * Spark runs jobs on the class path. Its manifest reserves the automatic module name {@code
 * io.github.communitymetrics.spark}.
 */
package io.github.communitymetrics.spark;
