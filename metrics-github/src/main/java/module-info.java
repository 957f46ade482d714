/**
 * The github adapter. {@code io.github.communitymetrics.github.archive} reads GH Archive hourly
 * files into core events (its implementation classes are package-private).
 */
module io.github.communitymetrics.github {
  requires transitive io.github.communitymetrics.core;
  requires tools.jackson.core;

  exports io.github.communitymetrics.github.archive;
}
