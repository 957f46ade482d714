package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.ladder.LadderState;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mergeable state of the newcomer metrics: the responsiveness scan's issues and pull requests
 * (openings, answers, reviews, closes, merges, grants), the contributor ladder's first acts, and
 * per person their two earliest contributions to distinct items plus their last contribution.
 * Keeping only the two earliest items merges exactly: an item among the two earliest of the union
 * is among the two earliest of every slice it appears in. Immutable.
 */
final class JourneyState {
  /** How many earliest distinct contributions a person keeps: the first and the second. */
  static final int KEPT = 2;

  /** One contribution: when, and to what (an item key such as {@code "acme/widget#12"}). */
  record Contribution(Instant at, String item) {}

  static final Comparator<Contribution> ORDER =
      Comparator.comparing(Contribution::at).thenComparing(Contribution::item);

  /**
   * A person's earliest contributions to distinct items (at most {@link #KEPT}, in {@link #ORDER})
   * and their last contribution.
   */
  record Person(List<Contribution> earliest, Instant last) {
    Person {
      earliest = List.copyOf(earliest);
    }

    Person merge(Person o) {
      Map<String, Instant> first = new HashMap<>();
      for (Contribution c : earliest) {
        first.merge(c.item(), c.at(), (x, y) -> x.isBefore(y) ? x : y);
      }
      for (Contribution c : o.earliest) {
        first.merge(c.item(), c.at(), (x, y) -> x.isBefore(y) ? x : y);
      }
      return new Person(earliest(first), last.isAfter(o.last) ? last : o.last);
    }

    static List<Contribution> earliest(Map<String, Instant> first) {
      List<Contribution> all = new ArrayList<>(first.size());
      first.forEach((item, at) -> all.add(new Contribution(at, item)));
      all.sort(ORDER);
      return all.subList(0, Math.min(KEPT, all.size()));
    }
  }

  final ResponsivenessState items;
  final LadderState ladder;
  final Map<Actor, Person> people;

  JourneyState(ResponsivenessState items, LadderState ladder, Map<Actor, Person> people) {
    this.items = items;
    this.ladder = ladder;
    this.people = Collections.unmodifiableMap(people);
  }

  /**
   * Layout: the responsiveness state and the ladder state in their own layouts, then per person
   * (in key order) their earliest contributions (instant, item) and last instant.
   */
  static BinaryStateCodec<JourneyState> codec(
      BinaryStateCodec<ResponsivenessState> items, BinaryStateCodec<LadderState> ladder) {
    return BinaryStateCodec.of(
        "newcomers",
        1,
        (s, out) -> {
          items.writeLayout(s.items, out);
          ladder.writeLayout(s.ladder, out);
          out.map(
              s.people,
              StateWriter.ACTORS,
              StateWriter::actor,
              (o, p) -> {
                o.list(p.earliest(), (w, c) -> w.instant(c.at()).string(c.item()));
                o.instant(p.last());
              });
        },
        in -> new JourneyState(items.readLayout(in), ladder.readLayout(in), readPeople(in)));
  }

  private static Map<Actor, Person> readPeople(StateReader in) {
    return in.map(
        "people",
        in::actor,
        k -> {
          List<Contribution> earliest = in.list("contributions", () -> new Contribution(in.instant(), in.string()));
          if (earliest.isEmpty() || earliest.size() > KEPT) {
            throw in.error("a person with " + earliest.size() + " earliest contributions");
          }
          return new Person(earliest, in.instant());
        });
  }
}
