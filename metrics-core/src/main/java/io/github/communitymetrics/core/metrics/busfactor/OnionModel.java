package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.Concentration;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.Ranked;
import io.github.communitymetrics.core.metrics.ShareRule;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GrimoireLab's onion model: people ranked by contributions, most first, and layered by the
 * cumulative share of contributions up to and including them: core while it is at most 80%,
 * regular while at most 95%, casual after.
 *
 * <p><b>The boundary person.</b> As in GrimoireLab ({@code cereslib}'s {@code Onion}: {@code
 * pandas.cut} of the cumulative percentage into the right-closed bins {@code (0, 80], (80, 95],
 * (95, 100]}), the person whose own contributions carry the cumulative share past 80% is
 * <em>regular</em>, not core; one person with 90% of everything is therefore regular, and the
 * core is empty. Shares are compared exactly here (GrimoireLab compares floating-point
 * percentages). People with equal counts are ordered by their keys, so two of them can fall in
 * different layers; GrimoireLab's order among ties is arbitrary.
 *
 * <p>The thresholds are {@link ShareRule}s saying when a layer has been passed: the defaults
 * {@code > 80/100} and {@code > 95/100}.
 *
 * <p>Immutable; build from {@link #grimoireLab(Window)} and the {@code with...} methods.
 */
public final class OnionModel implements SliceMetric<ContributionCounts<Actor>, OnionModelResult> {
  private final Selection selection;
  private final ShareRule pastCore;
  private final ShareRule pastRegular;

  private OnionModel(Selection selection, ShareRule pastCore, ShareRule pastRegular) {
    this.selection = Checks.notNull(selection, "selection");
    this.pastCore = Checks.notNull(pastCore, "pastCore");
    this.pastRegular = Checks.notNull(pastRegular, "pastRegular");
    if (!(Math.multiplyExact(pastRegular.numerator(), pastCore.denominator()) >= Math.multiplyExact(pastCore.numerator(), pastRegular.denominator()))) {
      throw new IllegalArgumentException("the regular threshold " + pastRegular + " is below the core threshold " + pastCore);
    }
  }

  /**
   * One person's place.
   *
   * @param ranked who, their contributions, share and cumulative share
   * @param layer their layer
   */
  public record Member(Ranked<Actor> ranked, OnionLayer layer) {
    /** Checks the components. */
    public Member {
      Checks.notNull(ranked, "ranked");
      Checks.notNull(layer, "layer");
    }
  }

  /** GrimoireLab: commits in {@code window}, all repositories, bots excluded, 80% and 95%. */
  public static OnionModel grimoireLab(Window window) {
    return new OnionModel(
        Selection.of(ContributionType.COMMIT, window),
        new ShareRule(80, 100, false),
        new ShareRule(95, 100, false));
  }

  /** The contributions counted. */
  public Selection selection() {
    return selection;
  }

  /** When the cumulative share has passed the core (default: more than 80%). */
  public ShareRule pastCore() {
    return pastCore;
  }

  /** When the cumulative share has passed the regulars (default: more than 95%). */
  public ShareRule pastRegular() {
    return pastRegular;
  }

  /** This model over all of {@code value}: type, window, scope and bots. */
  public OnionModel withSelection(Selection value) {
    return new OnionModel(value, pastCore, pastRegular);
  }

  /** This model over another contribution type. */
  public OnionModel withContributionType(ContributionType value) {
    return withSelection(selection.withType(value));
  }

  /** This model over another window. */
  public OnionModel withWindow(Window value) {
    return withSelection(selection.withWindow(value));
  }

  /** This model over another repository group. */
  public OnionModel withScope(RepositoryScope value) {
    return withSelection(selection.withScope(value));
  }

  /** This model with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public OnionModel withBots(boolean value) {
    return withSelection(selection.withBots(value));
  }

  /**
   * This model with other thresholds.
   *
   * @throws IllegalArgumentException if {@code pastRegular} is a lower share than {@code
   *     pastCore}
   */
  public OnionModel withThresholds(ShareRule pastCore, ShareRule pastRegular) {
    return new OnionModel(selection, pastCore, pastRegular);
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
  public OnionModelResult finish(ContributionCounts<Actor> state) {
    Checks.notNull(state, "state");
    Tally.Resolved<Actor> r = Tally.resolve(state, Tally.PERSON, selection.includeBots());
    Concentration<Actor> c =
        Concentration.of(r.sum(0, r.buckets().size()), pastCore, Comparator.naturalOrder());
    List<Member> members = new ArrayList<>(c.ranking().size());
    long cumulative = 0;
    for (Ranked<Actor> p : c.ranking()) {
      cumulative += p.count();
      OnionLayer layer =
          !pastCore.isMetBy(cumulative, c.total())
              ? OnionLayer.CORE
              : !pastRegular.isMetBy(cumulative, c.total()) ? OnionLayer.REGULAR : OnionLayer.CASUAL;
      members.add(new Member(p, layer));
    }
    return new OnionModelResult(selection, c.total(), members, r.skippedMerges());
  }

  @Override
  public String toString() {
    return "OnionModel[" + selection + ", core until " + pastCore + ", regular until " + pastRegular + "]";
  }
}
