/**
 * Test support for Community Metrics and for adapters built on it: a deterministic community
 * simulator with planted ground truth, the {@code ../shared/data} test group, and the forge adapter
 * compatibility kit.
 */
module io.github.communitymetrics.testkit {
  requires transitive io.github.communitymetrics.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires jdk.httpserver;

  exports io.github.communitymetrics.testkit;
}
