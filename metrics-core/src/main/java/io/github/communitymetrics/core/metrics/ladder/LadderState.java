package io.github.communitymetrics.core.metrics.ladder;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateReader;
import java.util.Comparator;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mergeable partial state of {@link ContributorLadder} over a slice of events. Immutable and
 * opaque; states of disjoint slices {@linkplain ContributorLadder#merge merge} exactly.
 *
 * <p>It holds, per person key, the first instant of each rung's own defining act (merged by
 * taking the earlier instant, which is exact), the author of every pull request opened in scope
 * (merged by keeping the earliest opening, ties broken by the smaller person key), and the merges
 * and reviews that name no pull request author. Those last ones cannot be credited inside a slice
 * whose opening event may be in another slice, so they are kept, unresolved, until {@link
 * ContributorLadder#finish}, which resolves them against the openings of all slices: the same
 * answer as scanning all events at once.
 */
public final class LadderState {
  /** Per person key, the first act of each rung (index = rung ordinal; null when none). */
  final Map<Actor, Instant[]> firstActs;

  final Map<PullRequest, Opener> openers;
  final List<PendingMerge> merges;
  final List<PendingReview> reviews;

  LadderState(
      Map<Actor, Instant[]> firstActs,
      Map<PullRequest, Opener> openers,
      List<PendingMerge> merges,
      List<PendingReview> reviews) {
    this.firstActs = Collections.unmodifiableMap(firstActs);
    this.openers = Collections.unmodifiableMap(openers);
    this.merges = Collections.unmodifiableList(merges);
    this.reviews = Collections.unmodifiableList(reviews);
  }

  private static final int RUNGS = Rung.values().length;
  private static final Comparator<PullRequest> PR_ORDER =
      Comparator.comparing(PullRequest::repo, StateWriter.REPOSITORIES).thenComparingInt(PullRequest::number);

  /**
   * Layout: per person key a bit set of the rungs reached and each first act's instant; the pull
   * request openers; the pending merges and reviews in their order.
   */
  static final BinaryStateCodec<LadderState> CODEC =
      BinaryStateCodec.of("ladder", 1, LadderState::write, LadderState::read);

  /** A pull request: its repository and number. */
  record PullRequest(Repository repo, int number) {}

  /** Who opened a pull request, and when. */
  record Opener(Actor person, boolean bot, Instant at) {
    /** The earlier opening; at the same instant, the smaller person key. */
    static Opener first(Opener a, Opener b) {
      int c = a.at.compareTo(b.at);
      if (c == 0) {
        c = a.person.compareTo(b.person);
      }
      return c <= 0 ? a : b;
    }
  }

  /** A merge whose event did not name the pull request's author. */
  record PendingMerge(PullRequest pr, Instant at, Actor merger, boolean mergerBot) {}

  /** A review (by a countable person) whose event did not name the pull request's author. */
  record PendingReview(PullRequest pr, Instant at, Actor reviewer) {}

  static LadderState merge(LadderState a, LadderState b) {
    Map<Actor, Instant[]> acts = new HashMap<>(a.firstActs.size() + b.firstActs.size());
    for (Map.Entry<Actor, Instant[]> e : a.firstActs.entrySet()) {
      acts.put(e.getKey(), e.getValue().clone());
    }
    for (Map.Entry<Actor, Instant[]> e : b.firstActs.entrySet()) {
      Instant[] mine = acts.get(e.getKey());
      if (mine == null) {
        acts.put(e.getKey(), e.getValue().clone());
      } else {
        Instant[] theirs = e.getValue();
        for (int k = 0; k < mine.length; k++) {
          mine[k] = earlier(mine[k], theirs[k]);
        }
      }
    }
    Map<PullRequest, Opener> openers = new HashMap<>(a.openers);
    b.openers.forEach((pr, o) -> openers.merge(pr, o, Opener::first));
    List<PendingMerge> merges = new ArrayList<>(a.merges);
    merges.addAll(b.merges);
    List<PendingReview> reviews = new ArrayList<>(a.reviews);
    reviews.addAll(b.reviews);
    return new LadderState(acts, openers, merges, reviews);
  }

  /** The earlier of two instants, either of which may be null (absent). */
  static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isBefore(a) ? a : b;
  }

  private static void write(LadderState s, StateWriter out) {
    out.map(
        s.firstActs,
        StateWriter.ACTORS,
        StateWriter::actor,
        (o, acts) -> {
          Checks.argument(acts.length == RUNGS, "one first act per rung");
          int mask = 0;
          for (int k = 0; k < RUNGS; k++) {
            mask |= acts[k] == null ? 0 : 1 << k;
          }
          o.varint(mask);
          for (Instant t : acts) {
            if (t != null) {
              o.instant(t);
            }
          }
        });
    out.map(
        s.openers,
        PR_ORDER,
        LadderState::writePr,
        (o, op) -> o.actor(op.person()).bool(op.bot()).instant(op.at()));
    out.list(
        s.merges,
        (o, m) -> writePr(o, m.pr()).instant(m.at()).actor(m.merger()).bool(m.mergerBot()));
    out.list(s.reviews, (o, r) -> writePr(o, r.pr()).instant(r.at()).actor(r.reviewer()));
  }

  private static StateWriter writePr(StateWriter out, PullRequest pr) {
    return out.repository(pr.repo()).varint(pr.number());
  }

  private static LadderState read(StateReader in) {
    Map<Actor, Instant[]> acts =
        in.map(
            "first acts",
            in::actor,
            a -> {
              int mask = in.varint();
              if (mask >= 1 << RUNGS) {
                throw in.error("rung bit set " + mask + " names a rung beyond " + RUNGS);
              }
              Instant[] first = new Instant[RUNGS];
              for (int k = 0; k < RUNGS; k++) {
                first[k] = (mask & 1 << k) == 0 ? null : in.instant();
              }
              return first;
            });
    Map<PullRequest, Opener> openers =
        in.map("openers", () -> readPr(in), pr -> new Opener(in.actor(), in.bool(), in.instant()));
    List<PendingMerge> merges =
        in.list("merges", () -> new PendingMerge(readPr(in), in.instant(), in.actor(), in.bool()));
    List<PendingReview> reviews =
        in.list("reviews", () -> new PendingReview(readPr(in), in.instant(), in.actor()));
    return new LadderState(acts, openers, new ArrayList<>(merges), new ArrayList<>(reviews));
  }

  private static PullRequest readPr(StateReader in) {
    return new PullRequest(in.repository(), in.varint());
  }

  /** How many people have at least one rung-defining act in this state so far. */
  public int people() {
    return firstActs.size();
  }

  /**
   * How many merges and reviews await their pull request's author, to be resolved by {@link
   * ContributorLadder#finish} against every slice's pull request openings.
   */
  public int pending() {
    return merges.size() + reviews.size();
  }

  @Override
  public String toString() {
    return "LadderState[people="
        + people()
        + ", pullRequests="
        + openers.size()
        + ", pending="
        + pending()
        + "]";
  }
}
