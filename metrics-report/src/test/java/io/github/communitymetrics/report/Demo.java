package io.github.communitymetrics.report;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.UnmappedDomainPolicy;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.summary.HealthSummary;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;
import java.time.Duration;

/** The simulated demo community's health summary, shared by the tests. */
final class Demo {
  static final EventStore STORE =
      EventStore.of(CommunitySimulator.simulate(SimulationConfig.demo()).events());
  static final People PEOPLE = People.resolve(STORE);
  static final Repository REPO = STORE.repositories().get(0);
  static final HealthSummary SUMMARY =
      HealthSummary.compute(
          STORE,
          PEOPLE,
          REPO,
          STORE.instant(STORE.size() - 1).plusSeconds(1),
          Duration.ofDays(90),
          Duration.ofDays(90),
          Affiliations.builder().unmappedDomains(UnmappedDomainPolicy.DOMAIN_AS_ORGANIZATION).build());

  static String label(io.github.communitymetrics.core.event.Actor key) {
    return PEOPLE.identities().personOf(key).map(p -> p.label()).orElse(key.label());
  }

  private Demo() {}
}
