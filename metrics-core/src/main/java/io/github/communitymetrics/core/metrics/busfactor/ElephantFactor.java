package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.identity.Person;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CHAOSS Elephant Factor: the smallest number of organisations whose people made more than
 * 50% of the contributions, with the LFX Insights organisation dependency points (1 -> 0, 2 -> 1,
 * 3 -> 2, 4-5 -> 3, 6-7 -> 4, 8 or more -> 5).
 *
 * <p>Each contribution is credited to the organisation its author worked for <em>at the
 * contribution's instant</em> ({@link Affiliations#organizationOf(Person, Instant)}), so someone
 * who changed employer inside the window is split between both. Contributions nobody claims
 * follow the {@link UnaffiliatedPolicy}, {@link UnaffiliatedPolicy#LEAVE_OUT} by default.
 *
 * <p>Cost: the affiliation is looked up once per counted contribution (the lookup allocates), so
 * this metric is slower per event than the people metrics.
 *
 * <p>Immutable; build from {@link #chaoss(Window, Affiliations)} and the {@code with...} methods.
 */
public final class ElephantFactor
    implements SliceMetric<ContributionCounts<Organization>, ElephantFactorResult> {
  private final Selection selection;
  private final ShareRule rule;
  private final Affiliations affiliations;
  private final UnaffiliatedPolicy policy;
  private final Tally.Resolver<Organization> resolver;

  private ElephantFactor(
      Selection selection, ShareRule rule, Affiliations affiliations, UnaffiliatedPolicy policy) {
    this.selection = Checks.notNull(selection, "selection");
    this.rule = Checks.notNull(rule, "rule");
    this.affiliations = Checks.notNull(affiliations, "affiliations");
    this.policy = Checks.notNull(policy, "policy");
    this.resolver = this::organizationOf;
  }

  /** CHAOSS: commits in {@code window}, all repositories, bots excluded, more than 50%. */
  public static ElephantFactor chaoss(Window window, Affiliations affiliations) {
    return new ElephantFactor(
        Selection.of(ContributionType.COMMIT, window),
        ShareRule.MORE_THAN_HALF,
        affiliations,
        UnaffiliatedPolicy.LEAVE_OUT);
  }

  /** The LFX organisation dependency points of an organisation count; empty for 0. */
  public static OptionalInt points(int factor) {
    Checks.notNegative(factor, "factor");
    return Bins.points(factor, Bins.ORGANIZATION);
  }

  /** The contributions counted. */
  public Selection selection() {
    return selection;
  }

  /** When the top organisations hold the community. */
  public ShareRule rule() {
    return rule;
  }

  /** Who worked where, when. */
  public Affiliations affiliations() {
    return affiliations;
  }

  /** What is done with unaffiliated contributions. */
  public UnaffiliatedPolicy unaffiliatedPolicy() {
    return policy;
  }

  /** This metric over all of {@code value}: type, window, scope and bots. */
  public ElephantFactor withSelection(Selection value) {
    return new ElephantFactor(value, rule, affiliations, policy);
  }

  /** This metric over another contribution type. */
  public ElephantFactor withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This metric over another window. */
  public ElephantFactor withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This metric over another repository group. */
  public ElephantFactor withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public ElephantFactor withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /** This metric with another share rule (LFX: {@link ShareRule#AT_LEAST_51_PERCENT}). */
  public ElephantFactor withRule(ShareRule value) {
    return new ElephantFactor(selection, value, affiliations, policy);
  }

  /** This metric with other affiliations. */
  public ElephantFactor withAffiliations(Affiliations value) {
    return new ElephantFactor(selection, rule, value, policy);
  }

  /** This metric with another treatment of unaffiliated contributions. */
  public ElephantFactor withUnaffiliated(UnaffiliatedPolicy value) {
    return new ElephantFactor(selection, rule, affiliations, value);
  }

  private Optional<Organization> organizationOf(Person person, Instant at) {
    Optional<String> org = affiliations.organizationOf(person, at);
    if (org.isPresent()) {
      return Optional.of(Organization.named(org.get()));
    }
    switch (policy) {
      case ONE_BUCKET:
        return Optional.of(Organization.unaffiliated());
      case EACH_PERSON:
        return Optional.of(Organization.individual(person.actors().get(0), person.label()));
      case LEAVE_OUT:
      default:
        return Optional.empty();
    }
  }

  @Override
  public ContributionCounts<Organization> accumulate(EventStore slice, People people) {
    return Tally.byKey(slice, people, selection, List.of(selection.window()), resolver);
  }

  /** {@link ContributionCounts#organizationCodec()}. */
  @Override
  public StateCodec<ContributionCounts<Organization>> stateCodec() {
    return ContributionCounts.organizationCodec();
  }

  @Override
  public ContributionCounts<Organization> merge(
      ContributionCounts<Organization> a, ContributionCounts<Organization> b) {
    return a.merge(b);
  }

  @Override
  public ElephantFactorResult finish(ContributionCounts<Organization> state) {
    Checks.notNull(state, "state");
    Tally.Resolved<Organization> r = Tally.resolve(state, resolver, selection.includeBots());
    FactorResult<Organization> f =
        new FactorResult<>(
            selection,
            Concentration.of(r.sum(0, r.buckets().size()), rule, Comparator.naturalOrder()),
            r.skippedMerges());
    return new ElephantFactorResult(f, points(f.factor()), policy, r.leftOut());
  }

  @Override
  public String toString() {
    return "ElephantFactor[" + selection + ", " + rule + ", " + affiliations + ", " + policy + "]";
  }
}
