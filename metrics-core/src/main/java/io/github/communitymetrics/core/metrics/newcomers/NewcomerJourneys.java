package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.ladder.Climb;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.LadderState;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.metrics.responsiveness.ItemTimeline;
import io.github.communitymetrics.core.metrics.responsiveness.Responsiveness;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine shared by the newcomer metrics: finds each newcomer of the window and their journey
 * (see {@link Journey}), as of the window's end.
 *
 * <p>It reuses the responsiveness scan (issues and pull requests with their answers, reviews,
 * closes, merges; the CHAOSS first-response rule: someone other than the author, bots left out)
 * and the contributor ladder (D2 and D3), and adds per person their two earliest contributions to
 * distinct items and their last one. Events at or after the window's end are ignored; history
 * before the window counts, so returning people are not new. Exactly mergeable.
 */
final class NewcomerJourneys implements SliceMetric<JourneyState, Journeys> {
  private final RepositoryScope scope;
  private final Window window;
  private final ContributionType type;
  private final int mentorMinimum;
  private final int mentorItems;
  /** Scans with maintainer flags on comments too (for mentors); its rule is not used. */
  private final Responsiveness scanner;
  /** The CHAOSS first-response rule. */
  private final Responsiveness rule;
  private final ContributorLadder ladder;
  private final BinaryStateCodec<JourneyState> codec;

  @SuppressWarnings("unchecked")
  NewcomerJourneys(
      RepositoryScope scope, Window window, ContributionType type, int mentorMinimum, int mentorItems) {
    this.scope = Checks.notNull(scope, "scope");
    this.window = Checks.notNull(window, "window");
    Checks.argument(!window.isEmpty() && !window.end().equals(Instant.MAX), "the window must be bounded and not empty: " + window);
    this.type = Checks.notNull(type, "type");
    this.mentorMinimum = Checks.positive(mentorMinimum, "mentorMinimum");
    Checks.argument(mentorItems >= mentorMinimum, "mentorItems (" + mentorItems + ") must be at least mentorMinimum (" + mentorMinimum + ")");
    this.mentorItems = mentorItems;
    this.rule = Responsiveness.chaoss(window, window.end()).withScope(scope);
    this.scanner = rule.withMaintainersOnly(true);
    this.ladder = ContributorLadder.asOf(window.end()).withScope(scope);
    this.codec =
        JourneyState.codec(
            (BinaryStateCodec<ResponsivenessState>) scanner.stateCodec(),
            (BinaryStateCodec<LadderState>) ladder.stateCodec());
  }

  Window window() {
    return window;
  }

  @Override
  public JourneyState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    EventStore s = scope.restrict(slice);
    // The store is in time order, so an item's first event here is its earliest, and once a person
    // has two items and the time has moved past the second one's, no later event can change their
    // two earliest (ties at that instant are still read: the order breaks them by item). After
    // that only their last contribution moves, and no item key is built: building keys (a commit's
    // sha needs its event) was most of this pass.
    Map<Actor, Tracker> trackers = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      EventType t = s.type(i);
      if (!type.includes(t)) {
        continue;
      }
      Instant at = s.instant(i);
      if (!at.isBefore(window.end())) {
        continue;
      }
      // A merge credits the pull request's author (ContributionType), when the source named it,
      // even when a bot merged it; so only the credited person must not be a bot.
      int actor = t == EventType.PULL_REQUEST_MERGED ? s.secondActorIndex(i) : s.actorIndex(i);
      if (actor < 0 || people.isBot(actor)) {
        continue;
      }
      Tracker tracker = trackers.computeIfAbsent(people.key(people.personOf(actor)), k -> new Tracker());
      tracker.last = at;
      if (tracker.second != null && at.isAfter(tracker.second)) {
        continue;
      }
      if (tracker.items.putIfAbsent(item(s, i, t), at) == null && tracker.items.size() == JourneyState.KEPT) {
        tracker.second = at;
      }
    }
    Map<Actor, JourneyState.Person> persons = new HashMap<>(trackers.size() * 2);
    trackers.forEach((k, tr) -> persons.put(k, new JourneyState.Person(JourneyState.Person.earliest(tr.items), tr.last)));
    return new JourneyState(scanner.accumulate(slice, people), ladder.accumulate(slice, people), persons);
  }

  /** One person's items while their two earliest may still change, and their last contribution. */
  private static final class Tracker {
    final Map<String, Instant> items = new HashMap<>(4);
    /** When the second distinct item first came, or null before. */
    Instant second;
    Instant last;
  }

  /** What a contribution is to: an issue or pull request, a commit, or else the event itself. */
  private static String item(EventStore s, int i, EventType t) {
    String repo = s.repository(s.repositoryIndex(i)).toString();
    if (t == EventType.COMMIT) {
      return repo + "@" + ((Commit) s.event(i)).sha();
    }
    int number = s.number(i);
    if (number != 0) {
      return repo + "#" + number;
    }
    return repo + "!" + t + "@" + s.instant(i);
  }

  @Override
  public StateCodec<JourneyState> stateCodec() {
    return codec;
  }

  @Override
  public JourneyState merge(JourneyState a, JourneyState b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Map<Actor, JourneyState.Person> people = new HashMap<>(a.people);
    b.people.forEach((k, v) -> people.merge(k, v, JourneyState.Person::merge));
    return new JourneyState(scanner.merge(a.items, b.items), ladder.merge(a.ladder, b.ladder), people);
  }

  @Override
  public Journeys finish(JourneyState state) {
    Checks.notNull(state, "state");
    LadderResult climbs = ladder.finish(state.ladder);
    // Each author's issues and pull requests, with an opening, by opening then repository, number.
    Map<Actor, List<ItemTimeline>> byAuthor = new HashMap<>();
    for (ItemTimeline t : state.items.timelines()) {
      if (t.opened().isPresent() && t.author().isPresent() && !t.authorBot()) {
        byAuthor.computeIfAbsent(t.author().get(), k -> new ArrayList<>()).add(t);
      }
    }
    Comparator<ItemTimeline> opening =
        Comparator.comparing((ItemTimeline t) -> t.opened().get())
            .thenComparing(ItemTimeline::repository)
            .thenComparingInt(ItemTimeline::number);
    byAuthor.values().forEach(l -> l.sort(opening));
    List<Journey> journeys = new ArrayList<>();
    Waits estIssues = new Waits(window);
    Waits estPulls = new Waits(window);
    Waits estAll = new Waits(window);
    int contributors = 0;
    for (Map.Entry<Actor, JourneyState.Person> e : state.people.entrySet()) {
      Actor person = e.getKey();
      JourneyState.Person p = e.getValue();
      Instant firstAt = p.earliest().get(0).at();
      if (!p.last().isBefore(window.start())) {
        contributors++;
      }
      List<ItemTimeline> own = byAuthor.getOrDefault(person, List.of());
      if (firstAt.isBefore(window.start())) {
        for (ItemTimeline t : own) {
          if (window.contains(t.opened().get())) {
            Optional<Welcome> w = welcome(state, t);
            (t.pullRequest() ? estPulls : estIssues).add(t.opened().get(), w);
            estAll.add(t.opened().get(), w);
          }
        }
        continue;
      }
      if (!window.contains(firstAt)) {
        continue;
      }
      Optional<FirstItem> issue = own.stream().filter(t -> !t.pullRequest()).findFirst().map(t -> firstItem(state, t));
      Optional<FirstItem> pull = own.stream().filter(ItemTimeline::pullRequest).findFirst().map(t -> firstItem(state, t));
      journeys.add(
          new Journey(
              person,
              firstAt,
              p.earliest().size() > 1 ? Optional.of(p.earliest().get(1).at()) : Optional.empty(),
              p.last(),
              issue,
              pull,
              mentors(state, climbs, person, own),
              climbs.climb(person).flatMap(c -> c.reached(Rung.D2))));
    }
    journeys.sort(Comparator.comparing(Journey::firstContribution).thenComparing(Journey::newcomer));
    return new Journeys(
        window, type, mentorMinimum, mentorItems, contributors, journeys, estIssues.build(), estPulls.build(), estAll.build());
  }

  /** The item's first human response by the CHAOSS rule of {@code responsiveness}. */
  private Optional<Welcome> welcome(JourneyState state, ItemTimeline t) {
    Instant opened = t.opened().get();
    return rule.firstResponse(state.items, t.repository(), t.number())
        .map(a -> new Welcome(a.person(), a.at(), Duration.between(opened, a.at())));
  }

  private FirstItem firstItem(JourneyState state, ItemTimeline t) {
    Instant opened = t.opened().get();
    Actor author = t.author().get();
    Optional<Welcome> review = Optional.empty();
    Instant merged = null;
    Instant close = null;
    for (ItemTimeline.Action a : t.actions()) {
      switch (a.kind()) {
        case REVIEW:
          // Actions are by time; at one instant the lesser person key, whatever the merge order.
          if (!a.bot() && !a.person().equals(author) && !a.at().isBefore(opened)
              && (review.isEmpty() || a.at().isBefore(review.get().at())
                  || (a.at().equals(review.get().at()) && a.person().compareTo(review.get().person()) < 0))) {
            review = Optional.of(new Welcome(a.person(), a.at(), Duration.between(opened, a.at())));
          }
          break;
        case MERGE:
          merged = merged == null ? a.at() : merged;
          break;
        case CLOSE:
          close = close == null ? a.at() : close;
          break;
        case REOPEN:
          close = null;
          break;
        default:
          break;
      }
    }
    Outcome outcome = merged != null ? Outcome.MERGED : close != null ? Outcome.CLOSED : Outcome.OPEN;
    return new FirstItem(
        t.repository(),
        t.number(),
        t.pullRequest(),
        opened,
        welcome(state, t),
        review,
        outcome,
        Optional.ofNullable(merged != null ? merged : close));
  }

  /**
   * The people who commented on or reviewed at least k of the newcomer's first n issues and pull
   * requests while a maintainer: the act carried association owner, member or collaborator, they
   * had been granted access to the repository, or they had reached ladder rung D3 by then.
   */
  private List<Actor> mentors(JourneyState state, LadderResult climbs, Actor newcomer, List<ItemTimeline> own) {
    Map<Actor, Integer> answered = new TreeMap<>();
    for (ItemTimeline t : own.subList(0, Math.min(mentorItems, own.size()))) {
      Instant opened = t.opened().get();
      Map<Actor, Boolean> here = new HashMap<>();
      for (ItemTimeline.Action a : t.actions()) {
        boolean answer = a.kind() == ItemTimeline.Kind.COMMENT || a.kind() == ItemTimeline.Kind.REVIEW;
        if (answer && !a.bot() && !a.person().equals(newcomer) && !a.at().isBefore(opened)
            && !here.containsKey(a.person()) && maintainer(state, climbs, t.repository(), a)) {
          here.put(a.person(), true);
        }
      }
      here.keySet().forEach(p -> answered.merge(p, 1, Integer::sum));
    }
    List<Actor> out = new ArrayList<>();
    answered.forEach((p, n) -> {
      if (n >= mentorMinimum) {
        out.add(p);
      }
    });
    return out;
  }

  private static boolean maintainer(JourneyState state, LadderResult climbs, Repository repo, ItemTimeline.Action a) {
    return a.maintainer()
        || state.items.granted(repo, a.person()).filter(g -> !g.isAfter(a.at())).isPresent()
        || climbs.climb(a.person()).flatMap((Climb c) -> c.reached(Rung.D3)).filter(d -> !d.isAfter(a.at())).isPresent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewcomerJourneys j
        && scope.equals(j.scope)
        && window.equals(j.window)
        && type == j.type
        && mentorMinimum == j.mentorMinimum
        && mentorItems == j.mentorItems;
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, window, type, mentorMinimum, mentorItems);
  }

  @Override
  public String toString() {
    return "NewcomerJourneys[scope=" + scope + ", window=" + window + ", type=" + type
        + ", mentors=" + mentorMinimum + " of " + mentorItems + "]";
  }
}
