package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.OptionalInt;

/**
 * LFX Insights contributor dependency: the people who make up 51% or more of the contributions,
 * scored by how many they are: 1 -> 0 points, 2 -> 1, 3-4 -> 2, 5-6 -> 3, 7-9 -> 4, 10 or more
 * -> 5 (more points, less dependency on few people).
 *
 * <p>Immutable; build from {@link #lfx(Window)} and the {@code with...} methods.
 */
public final class ContributorDependency
    implements SliceMetric<ContributionCounts<Actor>, ContributorDependencyResult> {
  // The same algorithm as the absence factor with LFX's rule; only the points are LFX's own.
  private final ContributorAbsenceFactor base;

  private ContributorDependency(ContributorAbsenceFactor base) {
    this.base = Checks.notNull(base, "base");
  }

  /**
   * LFX: commits in {@code window} (LFX counts code contributions; choose another type with
   * {@link #withContributionType}), all repositories, bots excluded, 51% or more.
   */
  public static ContributorDependency lfx(Window window) {
    return new ContributorDependency(
        ContributorAbsenceFactor.chaoss(window)
            .withContributionType(ContributionType.COMMIT)
            .withRule(ShareRule.AT_LEAST_51_PERCENT));
  }

  /** The LFX points of a contributor count: see the class description; empty for 0. */
  public static OptionalInt points(int factor) {
    Checks.notNegative(factor, "factor");
    return Bins.points(factor, Bins.CONTRIBUTOR);
  }

  /** The contributions counted. */
  public Selection selection() {
    return base.selection();
  }

  /** When the top contributors hold the community. */
  public ShareRule rule() {
    return base.rule();
  }

  /** This metric over all of {@code value}: type, window, scope and bots. */
  public ContributorDependency withSelection(Selection value) {
    return new ContributorDependency(base.withSelection(value));
  }

  /** This metric over another contribution type. */
  public ContributorDependency withContributionType(ContributionType value) {
    return new ContributorDependency(base.withContributionType(value));
  }

  /** This metric over another window. */
  public ContributorDependency withWindow(Window value) {
    return new ContributorDependency(base.withWindow(value));
  }

  /** This metric over another repository group. */
  public ContributorDependency withScope(RepositoryScope value) {
    return new ContributorDependency(base.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public ContributorDependency withBots(boolean value) {
    return new ContributorDependency(base.withBots(value));
  }

  /** This metric with another share rule. */
  public ContributorDependency withRule(ShareRule value) {
    return new ContributorDependency(base.withRule(value));
  }

  @Override
  public ContributionCounts<Actor> accumulate(EventStore slice, People people) {
    return base.accumulate(slice, people);
  }

  /** {@link ContributionCounts#actorCodec()}. */
  @Override
  public StateCodec<ContributionCounts<Actor>> stateCodec() {
    return ContributionCounts.actorCodec();
  }

  @Override
  public ContributionCounts<Actor> merge(ContributionCounts<Actor> a, ContributionCounts<Actor> b) {
    return base.merge(a, b);
  }

  @Override
  public ContributorDependencyResult finish(ContributionCounts<Actor> state) {
    FactorResult<Actor> f = base.finish(state);
    return new ContributorDependencyResult(f, points(f.factor()));
  }

  @Override
  public String toString() {
    return "ContributorDependency[" + base.selection() + ", " + base.rule() + "]";
  }
}
