package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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
  /** Logins named as maintainers (a MAINTAINERS or CODEOWNERS file's), lower case; often none. */
  final Set<String> maintainerLogins;

  GovernanceScan(RepositoryScope scope, Instant asOf, Affiliations affiliations, Collection<String> maintainerLogins) {
    this.scope = Checks.notNull(scope, "scope");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.affiliations = Checks.notNull(affiliations, "affiliations");
    this.maintainerLogins = logins(maintainerLogins);
  }

  /**
   * Logins as a lower-case set ({@link Locale#ROOT}), a leading {@code @} dropped (CODEOWNERS
   * writes {@code @login}).
   *
   * @throws IllegalArgumentException if a login is blank
   */
  static Set<String> logins(Collection<String> logins) {
    Set<String> out = new TreeSet<>();
    for (String l : Checks.notNull(logins, "maintainerLogins")) {
      String login = Checks.notBlank(l, "login").strip();
      login = login.startsWith("@") ? login.substring(1) : login;
      Checks.argument(!login.isEmpty(), "a login is only @");
      out.add(login.toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public final GovernanceState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    return GovernanceState.scan(slice, people, scope, asOf, affiliations, maintainerLogins);
  }

  @Override
  public final GovernanceState merge(GovernanceState a, GovernanceState b) {
    return GovernanceState.merge(Checks.notNull(a, "a"), Checks.notNull(b, "b"));
  }

  /** {@code governance}, version 2: shared by the governance metrics. */
  @Override
  public final StateCodec<GovernanceState> stateCodec() {
    return GovernanceState.CODEC;
  }
}
