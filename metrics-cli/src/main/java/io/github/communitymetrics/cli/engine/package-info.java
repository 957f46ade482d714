/**
 * The service interface through which {@code community-metrics score --engine NAME} hands its
 * computation to another engine, such as Spark ({@code metrics-spark}), while keeping its own
 * options and writers.
 */
package io.github.communitymetrics.cli.engine;
