/**
 * Community Metrics core: the event model, identities, time windows and the metric algorithms.
 *
 * <p>Pure Java: no network, no file system, no logging backend. Callers hand it events (from an
 * adapter, the canonical JSON Lines format or the simulator) and explicit parameters; it returns
 * immutable results.
 */
// Commons Math 4.0-beta1 is an automatic module (a name in its manifest, no module-info).
@SuppressWarnings("requires-automatic")
module io.github.communitymetrics.core {
  // Transitive: MetricDescriptor.writeJsonDetail writes to a JsonGenerator of the caller.
  requires transitive tools.jackson.core;
  requires org.apache.commons.statistics.distribution;
  // Least squares (QR) for the event impact's interrupted time series.
  requires org.apache.commons.math4.legacy;

  exports io.github.communitymetrics.core;
  exports io.github.communitymetrics.core.event;
  exports io.github.communitymetrics.core.identity;
  exports io.github.communitymetrics.core.impact;
  exports io.github.communitymetrics.core.io;
  exports io.github.communitymetrics.core.metrics;
  exports io.github.communitymetrics.core.metrics.busfactor;
  exports io.github.communitymetrics.core.metrics.confidence;
  exports io.github.communitymetrics.core.metrics.growth;
  exports io.github.communitymetrics.core.metrics.ladder;
  exports io.github.communitymetrics.core.metrics.forks;
  exports io.github.communitymetrics.core.metrics.governance;
  exports io.github.communitymetrics.core.metrics.newcomers;
  exports io.github.communitymetrics.core.metrics.retention;
  exports io.github.communitymetrics.core.metrics.stars;
  exports io.github.communitymetrics.core.metrics.responsiveness;
  exports io.github.communitymetrics.core.metrics.summary;
  exports io.github.communitymetrics.core.metrics.truckfactor;
  exports io.github.communitymetrics.core.registry;
  exports io.github.communitymetrics.core.state;
  exports io.github.communitymetrics.core.store;
  exports io.github.communitymetrics.core.time;

  uses io.github.communitymetrics.core.registry.MetricProvider;
}
