package io.github.communitymetrics.cli.engine;

/**
 * Where {@code community-metrics score --engine NAME} computes its rows when not in this JVM's
 * memory: a Spark cluster ({@code metrics-spark} registers one named {@code spark}). Found with
 * {@link java.util.ServiceLoader}; the command keeps the options, the sorting, {@code --top},
 * {@code --min-events} and the writers, so every engine prints and writes the same rows.
 */
public interface ScoreEngine {
  /** The name {@code --engine} selects this engine by; lower case, no spaces. */
  String name();

  /**
   * Whether this engine computes {@code metric}. By default every metric; an engine that sees one
   * group's events at a time cannot compute a metric that reads other repositories' events. The
   * command leaves such metrics out of its default choice, saying so, and refuses them by name.
   */
  default boolean computes(io.github.communitymetrics.core.registry.MetricDescriptor<?> metric) {
    return true;
  }

  /**
   * Scores every group of the request's input with each of its metrics.
   *
   * @throws ScoreEngineException when the engine cannot read the input or the computation fails;
   *     its message is for the user
   */
  ScoreResult score(ScoreRequest request);
}
