/**
 * A deterministic community simulator with planted ground truth: {@link
 * io.github.communitymetrics.simulator.CommunitySimulator} makes events of repositories whose
 * conversion, retention, response times, truck factors and identities are known in advance (the
 * command line's demo, and the property tests' input). It needs no test framework.
 */
module io.github.communitymetrics.simulator {
  requires transitive io.github.communitymetrics.core;

  exports io.github.communitymetrics.simulator;
}
