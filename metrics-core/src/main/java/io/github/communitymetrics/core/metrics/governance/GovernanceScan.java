package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;

/**
 * The part the governance metrics share: one scan of the events of a scope before an as-of
 * instant into a {@link GovernanceState}, its exact merge and its codec. Subclasses only finish.
 *
 * @param <R> the result
 */
abstract class GovernanceScan<R> implements SliceMetric<GovernanceState, R> {
  final RepositoryScope scope;
  final Instant asOf;
  final Affiliations affiliations;

  GovernanceScan(RepositoryScope scope, Instant asOf, Affiliations affiliations) {
    this.scope = Checks.notNull(scope, "scope");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.affiliations = Checks.notNull(affiliations, "affiliations");
  }

  @Override
  public final GovernanceState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    return GovernanceState.scan(slice, people, scope, asOf, affiliations);
  }

  @Override
  public final GovernanceState merge(GovernanceState a, GovernanceState b) {
    return GovernanceState.merge(Checks.notNull(a, "a"), Checks.notNull(b, "b"));
  }

  /** {@code governance}, version 1: shared by the three governance metrics. */
  @Override
  public final StateCodec<GovernanceState> stateCodec() {
    return GovernanceState.CODEC;
  }
}
