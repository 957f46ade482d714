/**
 * Test support for Community Metrics and for adapters built on it: the {@code ../shared/data} test
 * group and the forge adapter compatibility kit (the community simulator is the module
 * {@code io.github.communitymetrics.simulator}, which this one re-exports).
 */
module io.github.communitymetrics.testkit {
  requires transitive io.github.communitymetrics.core;
  requires transitive io.github.communitymetrics.simulator;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires jdk.httpserver;

  exports io.github.communitymetrics.testkit;
}
