/**
 * The git adapter. An empty shell for now: its own issue fills it. It will export only its API
 * package and keep its implementation in an {@code internal} package.
 */
module io.github.communitymetrics.git {
  requires io.github.communitymetrics.core;
}
