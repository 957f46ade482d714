package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One person's way up the ladder: the first instant of each rung's own defining act (evidence),
 * from which the instants they reached each rung follow.
 *
 * @param person the person's key ({@link io.github.communitymetrics.core.metrics.People#key(int)})
 * @param d0Act their first star or fork in scope, if any
 * @param d1Act their first issue, comment or review in scope, if any
 * @param d2Act the first merge of a pull request of theirs in scope, if any
 * @param d3Act their first maintainer act in scope (review or merge of someone else's pull
 *     request, or access granted to them), if any
 */
public record Climb(
    Actor person,
    Optional<Instant> d0Act,
    Optional<Instant> d1Act,
    Optional<Instant> d2Act,
    Optional<Instant> d3Act) {

  /** Checks the components. */
  public Climb {
    Checks.notNull(person, "person");
    Checks.notNull(d0Act, "d0Act");
    Checks.notNull(d1Act, "d1Act");
    Checks.notNull(d2Act, "d2Act");
    Checks.notNull(d3Act, "d3Act");
  }

  static Climb of(Actor person, Instant[] firstActs) {
    return new Climb(
        person,
        Optional.ofNullable(firstActs[0]),
        Optional.ofNullable(firstActs[1]),
        Optional.ofNullable(firstActs[2]),
        Optional.ofNullable(firstActs[3]));
  }

  /** The first instant of an act that defines {@code rung} itself, if any. */
  public Optional<Instant> firstAct(Rung rung) {
    Checks.notNull(rung, "rung");
    switch (rung) {
      case D0:
        return d0Act;
      case D1:
        return d1Act;
      case D2:
        return d2Act;
      case D3:
        return d3Act;
      default:
        throw new AssertionError(rung);
    }
  }

  /**
   * When they reached at least {@code rung}: the earliest act of that rung or any higher one
   * (rungs are cumulative, so a first act that is a merged pull request reaches D0, D1 and D2 at
   * once). Empty if they never did.
   */
  public Optional<Instant> reached(Rung rung) {
    Instant best = null;
    for (int k = rung.ordinal(); k < 4; k++) {
      Instant t = firstAct(Rung.values()[k]).orElse(null);
      if (t != null && (best == null || t.isBefore(best))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether they passed through {@code rung}: they did an act of the rung itself no later than
   * they reached any higher rung, so they stood on it (perhaps only for an instant). Someone whose
   * first act is a merged pull request skipped D0 and D1 even if they comment later.
   */
  public boolean passedThrough(Rung rung) {
    Optional<Instant> own = firstAct(rung);
    if (own.isEmpty()) {
      return false;
    }
    Optional<Rung> up = rung.next();
    if (up.isEmpty()) {
      return true;
    }
    Optional<Instant> higher = reached(up.get());
    return higher.isEmpty() || !higher.get().isBefore(own.get());
  }

  /** The highest rung reached, if any. */
  public Optional<Rung> highest() {
    for (int k = 3; k >= 0; k--) {
      if (firstAct(Rung.values()[k]).isPresent()) {
        return Optional.of(Rung.values()[k]);
      }
    }
    return Optional.empty();
  }
}
