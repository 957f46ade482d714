package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.List;
import java.util.OptionalInt;

/**
 * LFX Insights contributor dependency: the people who make up 51% or more of the contributions,
 * scored by how many they are: 1 -> 0 points, 2 -> 1, 3-4 -> 2, 5-6 -> 3, 7-9 -> 4, 10 or more
 * -> 5 (more points, less dependency on few people).
 *
 * <p>Immutable; build from {@link #lfx(Window)} and the {@code with...} methods.
 */
public final class ContributorDependency
    implements SliceMetric<ContributionCounts<Actor>, ContributorDependency.Result> {
  private final Selection selection;
  private final ShareRule rule;

  private ContributorDependency(Selection selection, ShareRule rule) {
    this.selection = Checks.notNull(selection, "selection");
    this.rule = Checks.notNull(rule, "rule");
  }

  /**
   * The result.
   *
   * @param factor how many people hold 51% or more, with the ranking
   * @param points the LFX score, 0 to 5; empty when there are no contributions
   */
  public record Result(FactorResult<Actor> factor, OptionalInt points) {
    /** Checks the components. */
    public Result {
      Checks.notNull(factor, "factor");
      Checks.notNull(points, "points");
    }
  }

  /**
   * LFX: commits in {@code window} (LFX counts code contributions; choose another type with
   * {@link #withContributionType}), all repositories, bots excluded, 51% or more.
   */
  public static ContributorDependency lfx(Window window) {
    return new ContributorDependency(
        Selection.of(ContributionType.COMMIT, window), ShareRule.AT_LEAST_51_PERCENT);
  }

  /** The LFX points of a contributor count: see the class description; empty for 0. */
  public static OptionalInt points(int factor) {
    Checks.notNegative(factor, "factor");
    return Bins.points(factor, Bins.CONTRIBUTOR);
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
  public ContributorDependency withSelection(Selection value) {
    return new ContributorDependency(value, rule);
  }

  /** This metric over another contribution type. */
  public ContributorDependency withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This metric over another window. */
  public ContributorDependency withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This metric over another repository group. */
  public ContributorDependency withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public ContributorDependency withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /** This metric with another share rule. */
  public ContributorDependency withRule(ShareRule value) {
    return new ContributorDependency(selection, value);
  }

  @Override
  public ContributionCounts<Actor> accumulate(EventStore slice, People people) {
    return Tally.byPerson(slice, people, selection, List.of(selection.window()), false);
  }

  @Override
  public ContributionCounts<Actor> merge(ContributionCounts<Actor> a, ContributionCounts<Actor> b) {
    return a.merge(b);
  }

  @Override
  public Result finish(ContributionCounts<Actor> state) {
    FactorResult<Actor> f = ContributorAbsenceFactor.personFactor(state, selection, rule);
    return new Result(f, points(f.factor()));
  }

  @Override
  public String toString() {
    return "ContributorDependency[" + selection + ", " + rule + "]";
  }
}
