package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.Comparator;
import java.util.List;

/**
 * The CHAOSS Contributor Absence Factor (formerly Bus Factor): the smallest number of
 * contributors responsible for more than 50% of the contributions. CHAOSS's worked example,
 * commits {@code [1000, 433, 343, 332, 202, 90, 42, 33]}, gives 2: half of 2475 is 1237.5, and
 * 1000 + 433 = 1433 is more.
 *
 * <p>Immutable; build from {@link #chaoss(Window)} and the {@code with...} methods.
 */
public final class ContributorAbsenceFactor
    implements SliceMetric<ContributionCounts<Actor>, FactorResult<Actor>> {
  private final Selection selection;
  private final ShareRule rule;

  private ContributorAbsenceFactor(Selection selection, ShareRule rule) {
    this.selection = Checks.notNull(selection, "selection");
    this.rule = Checks.notNull(rule, "rule");
  }

  /** CHAOSS: commits in {@code window}, all repositories, bots excluded, more than 50%. */
  public static ContributorAbsenceFactor chaoss(Window window) {
    return new ContributorAbsenceFactor(
        Selection.of(ContributionType.COMMIT, window), ShareRule.MORE_THAN_HALF);
  }

  /** The contributions counted. */
  public Selection selection() {
    return selection;
  }

  /** When the top contributors hold the community. */
  public ShareRule rule() {
    return rule;
  }

  /** This metric over all of {@code value}: type, window, scope and bots. */
  public ContributorAbsenceFactor withSelection(Selection value) {
    return new ContributorAbsenceFactor(value, rule);
  }

  /** This metric over another contribution type (CHAOSS allows commits, PRs, issues, ...). */
  public ContributorAbsenceFactor withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This metric over another window. */
  public ContributorAbsenceFactor withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This metric over another repository group. */
  public ContributorAbsenceFactor withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public ContributorAbsenceFactor withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /** This metric with another share rule. */
  public ContributorAbsenceFactor withRule(ShareRule value) {
    return new ContributorAbsenceFactor(selection, value);
  }

  @Override
  public ContributionCounts<Actor> accumulate(EventStore slice, People people) {
    return Tally.byPerson(slice, people, selection, List.of(selection.window()), false);
  }

  /** {@link ContributionCounts#actorCodec()}. */
  @Override
  public StateCodec<ContributionCounts<Actor>> stateCodec() {
    return ContributionCounts.actorCodec();
  }

  @Override
  public ContributionCounts<Actor> merge(ContributionCounts<Actor> a, ContributionCounts<Actor> b) {
    return a.merge(b);
  }

  @Override
  public FactorResult<Actor> finish(ContributionCounts<Actor> state) {
    return personFactor(state, selection, rule);
  }

  /** The factor over person keys of a one-bucket state; ties in {@link Actor}'s order. */
  static FactorResult<Actor> personFactor(
      ContributionCounts<Actor> state, Selection selection, ShareRule rule) {
    Checks.notNull(state, "state");
    Tally.Resolved<Actor> r = Tally.resolve(state, Tally.PERSON, selection.includeBots());
    return new FactorResult<>(
        selection,
        Concentration.of(r.sum(0, r.buckets().size()), rule, Comparator.naturalOrder()),
        r.skippedMerges());
  }

  @Override
  public String toString() {
    return "ContributorAbsenceFactor[" + selection + ", " + rule + "]";
  }
}
