package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OpenSauced Lottery Factor: how many authors of the pull requests opened in the last 30 days
 * reach 50% or more of them (OpenSauced loops {@code while cumulative < total * 0.5}), with a
 * risk {@link LotteryLevel} for the repository and for each of the top four people.
 *
 * <p><b>Bots.</b> OpenSauced drops logins ending in {@code [bot]}; this preset drops whoever the
 * identity resolution marks as a bot ({@link io.github.communitymetrics.core.identity.BotDetector}
 * recognises the {@code [bot]} suffix, declared bot accounts and known bot names), so it may drop
 * a few more.
 *
 * <p><b>Grace period.</b> With no contributions in the window, a repository younger than 30 days
 * at the window's end is {@link LotteryLevel#LOW} (new, nothing to lose yet), an older one {@link
 * LotteryLevel#VERY_HIGH}. The creation instant is the explicit {@link #withCreatedAt} parameter;
 * without it, the earliest event in scope in the data (any type, any time) stands in for it: the
 * state then keeps the earliest event instant per repository, merged by minimum, and with several
 * repositories in scope the earliest of all is used. Without either, the repository counts as old.
 *
 * <p>Immutable; build from {@link #openSauced(Instant)} and the {@code with...} methods.
 */
public final class LotteryFactor
    implements SliceMetric<ContributionCounts<Actor>, LotteryFactorResult> {
  /** How many people the "top plus other" view shows by name. */
  public static final int TOP = 4;

  private final Selection selection;
  private final ShareRule rule;
  private final Duration gracePeriod;
  private final Optional<Instant> createdAt;

  private LotteryFactor(
      Selection selection, ShareRule rule, Duration gracePeriod, Optional<Instant> createdAt) {
    this.selection = Checks.notNull(selection, "selection");
    this.rule = Checks.notNull(rule, "rule");
    Checks.notNull(gracePeriod, "gracePeriod");
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
    }
    this.gracePeriod = gracePeriod;
    this.createdAt = Checks.notNull(createdAt, "createdAt");
  }

  /**
   * One of the largest contributors.
   *
   * @param ranked who, how many pull requests and their share
   * @param level their personal level by share
   */
  public record TopContributor(Ranked<Actor> ranked, LotteryLevel level) {
    /** Checks the components. */
    public TopContributor {
      Checks.notNull(ranked, "ranked");
      Checks.notNull(level, "level");
    }
  }

  /**
   * Everyone outside the top, as one aggregate.
   *
   * @param people how many people
   * @param count their contributions together
   * @param share their fraction of all contributions
   */
  public record Others(int people, long count, double share) {}

  /**
   * OpenSauced: pull requests opened in the 30 days before {@code asOf} ({@code [asOf - 30 days,
   * asOf)}), all repositories, bots excluded, 50% or more, a 30-day grace period.
   */
  public static LotteryFactor openSauced(Instant asOf) {
    Checks.notNull(asOf, "asOf");
    return new LotteryFactor(
        Selection.of(ContributionType.PULL_REQUEST_OPENED, Window.endingAt(asOf, Duration.ofDays(30))),
        ShareRule.AT_LEAST_HALF,
        Duration.ofDays(30),
        Optional.empty());
  }

  /** The contributions counted. */
  public Selection selection() {
    return selection;
  }

  /** When the top contributors hold the repository. */
  public ShareRule rule() {
    return rule;
  }

  /** How young a repository without contributions must be to count as low risk. */
  public Duration gracePeriod() {
    return gracePeriod;
  }

  /** The explicit creation instant of the repository, if given. */
  public Optional<Instant> createdAt() {
    return createdAt;
  }

  /** This metric over all of {@code value}: type, window, scope and bots. */
  public LotteryFactor withSelection(Selection value) {
    return new LotteryFactor(value, rule, gracePeriod, createdAt);
  }

  /** This metric over another contribution type. */
  public LotteryFactor withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This metric over another window. */
  public LotteryFactor withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This metric over other repositories. */
  public LotteryFactor withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public LotteryFactor withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /** This metric with another share rule. */
  public LotteryFactor withRule(ShareRule value) {
    return new LotteryFactor(selection, value, gracePeriod, createdAt);
  }

  /** This metric with another grace period. */
  public LotteryFactor withGracePeriod(Duration value) {
    return new LotteryFactor(selection, rule, value, createdAt);
  }

  /** This metric with the repository's creation instant given (no fallback to events). */
  public LotteryFactor withCreatedAt(Instant value) {
    return new LotteryFactor(selection, rule, gracePeriod, Optional.of(Checks.notNull(value, "createdAt")));
  }

  @Override
  public ContributionCounts<Actor> accumulate(EventStore slice, People people) {
    return Tally.byPerson(
        slice, people, selection, List.of(selection.window()), createdAt.isEmpty());
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

  /** The earliest of {@code instants}; empty if there is none. */
  private static Optional<Instant> earliest(java.util.Collection<Instant> instants) {
    Instant min = null;
    for (Instant t : instants) {
      if (min == null || t.isBefore(min)) {
        min = t;
      }
    }
    return Optional.ofNullable(min);
  }

  @Override
  public LotteryFactorResult finish(ContributionCounts<Actor> state) {
    FactorResult<Actor> f = ContributorAbsenceFactor.personFactor(state, selection, rule);
    Optional<Instant> created =
        createdAt.isPresent() ? createdAt : earliest(state.firstEvents().values());
    LotteryLevel level;
    if (f.factor() > 0) {
      level = LotteryLevel.ofFactor(f.factor());
    } else {
      boolean young =
          created.isPresent()
              && Duration.between(created.get(), selection.window().end()).compareTo(gracePeriod) < 0;
      level = young ? LotteryLevel.LOW : LotteryLevel.VERY_HIGH;
    }
    List<Ranked<Actor>> ranking = f.ranking();
    List<TopContributor> top = new ArrayList<>();
    for (Ranked<Actor> r : ranking.subList(0, Math.min(TOP, ranking.size()))) {
      top.add(new TopContributor(r, LotteryLevel.ofShare(r.count(), f.total())));
    }
    Optional<Others> other = Optional.empty();
    if (ranking.size() > TOP) {
      long count = 0;
      for (Ranked<Actor> r : ranking.subList(TOP, ranking.size())) {
        count += r.count();
      }
      other = Optional.of(new Others(ranking.size() - TOP, count, (double) count / f.total()));
    }
    return new LotteryFactorResult(f, level, top, other, created);
  }

  @Override
  public String toString() {
    return "LotteryFactor[" + selection + ", " + rule + ", grace " + gracePeriod + "]";
  }
}
