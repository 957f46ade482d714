/**
 * The github adapter. An empty shell for now: its own issue fills it. It will export only its API
 * package and keep its implementation in an {@code internal} package.
 */
module io.github.communitymetrics.github {
  requires transitive io.github.communitymetrics.core;
  requires tools.jackson.core;

  exports io.github.communitymetrics.github.archive;
}
