package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The algorithm of {@link GoodFirstIssues}, as of the window's end; see there for the definitions.
 * The state keeps raw facts per issue and per closing pull request, and the labelled spells, claims
 * and closes are replayed only in {@link #finish}, so any split of the events merges exactly.
 */
final class GoodFirstIssueScan implements SliceMetric<GoodFirstIssueScan.State, GoodFirstIssues.Result> {

  /** An issue or pull request: its repository and number. */
  record Item(Repository repo, int number) {
    static final Comparator<Item> ORDER =
        Comparator.comparing(Item::repo, StateWriter.REPOSITORIES).thenComparingInt(Item::number);

    Item {
      Checks.notNull(repo, "repo");
      Checks.positive(number, "number");
    }
  }

  /** A label of the set added or removed. */
  record LabelMark(Instant at, String label, boolean added) {
    /** At one instant removals before additions, so a label removed and re-added stays. */
    static final Comparator<LabelMark> ORDER =
        Comparator.comparing(LabelMark::at).thenComparing(LabelMark::added).thenComparing(LabelMark::label);
  }

  /** A close ({@code closed}) or reopen. */
  record Flip(Instant at, boolean closed) {
    /** At one instant the reopen first, so a close at the same instant wins. */
    static final Comparator<Flip> ORDER = Comparator.comparing(Flip::at).thenComparing(Flip::closed);
  }

  /** A claim: a person's pull request naming the issue, or their assignment to it. */
  record Claim(Instant at, Actor person) {
    static final Comparator<Claim> ORDER =
        Comparator.comparing(Claim::at).thenComparing(Claim::person, StateWriter.ACTORS);
  }

  /**
   * What one slice saw of an issue.
   *
   * @param opened its opening, when seen
   * @param openingLabels the labels of the set it had at its opening, lower case
   * @param labels changes of labels of the set, in {@link LabelMark#ORDER}
   * @param flips closes and reopens, in {@link Flip#ORDER}
   * @param assignments assignments to people who are not bots, in {@link Claim#ORDER}
   */
  record Issue(
      Optional<Instant> opened, Set<String> openingLabels, List<LabelMark> labels, List<Flip> flips, List<Claim> assignments) {
    Issue {
      openingLabels = Set.copyOf(openingLabels);
      labels = labels.stream().sorted(LabelMark.ORDER).toList();
      flips = flips.stream().sorted(Flip.ORDER).toList();
      assignments = assignments.stream().sorted(Claim.ORDER).toList();
    }

    static final Issue EMPTY = new Issue(Optional.empty(), Set.of(), List.of(), List.of(), List.of());

    Issue merge(Issue o) {
      // The opening is one event, so at most one side saw it (or both saw the same one).
      Issue opening = opened.isPresent() ? this : o;
      return new Issue(
          opening.opened, opening.openingLabels,
          concat(labels, o.labels), concat(flips, o.flips), concat(assignments, o.assignments));
    }
  }

  /**
   * What one slice saw of a pull request: its opening by a person who is not a bot with closing
   * references, and its merge.
   */
  record Pull(Optional<Instant> opened, Optional<Actor> author, List<Integer> closes, Optional<Instant> merged) {
    Pull {
      closes = List.copyOf(new TreeSet<>(closes));
    }

    Pull merge(Pull o) {
      Pull opening = opened.isPresent() ? this : o;
      Optional<Instant> m = Stream.concat(merged.stream(), o.merged.stream()).min(Comparator.naturalOrder());
      return new Pull(opening.opened, opening.author, opening.closes, m);
    }
  }

  /**
   * The state.
   *
   * @param first each person's first contribution in scope before the window's end, by key
   * @param issues the issues seen
   * @param pulls the pull requests seen (opened with closing references, or merged)
   */
  record State(Map<Actor, Instant> first, Map<Item, Issue> issues, Map<Item, Pull> pulls) {
    State {
      first = Map.copyOf(first);
      issues = Map.copyOf(issues);
      pulls = Map.copyOf(pulls);
    }
  }

  private final RepositoryScope scope;
  private final Window window;
  private final Set<String> labels;

  GoodFirstIssueScan(RepositoryScope scope, Window window, Set<String> labels) {
    this.scope = Checks.notNull(scope, "scope");
    this.window = Checks.notNull(window, "window");
    Checks.argument(!window.end().equals(Instant.MAX), "the window must be bounded: " + window);
    this.labels = GoodFirstIssues.normalize(labels);
  }

  private Instant asOf() {
    return window.end();
  }

  @Override
  public State accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    EventStore s = scope.restrict(slice);
    Map<Actor, Instant> first = new HashMap<>();
    Map<Item, Issue> issues = new HashMap<>();
    Map<Item, Pull> pulls = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      EventType t = s.type(i);
      Instant at = s.instant(i);
      if (!at.isBefore(asOf())) {
        continue;
      }
      int actor = s.actorIndex(i);
      if (ContributionType.ANY.includes(t) && !people.isBot(actor)) {
        first.merge(key(people, actor), at, (x, y) -> x.isBefore(y) ? x : y);
      }
      if (!GoodFirstIssues.reads(t)) {
        continue;
      }
      Item item = new Item(s.repository(s.repositoryIndex(i)), s.number(i));
      switch (t) {
        case ISSUE_OPENED -> {
          Set<String> l = GoodFirstIssues.matching(labels, ((IssueOpened) s.event(i)).labels());
          issues.merge(item, new Issue(Optional.of(at), l, List.of(), List.of(), List.of()), Issue::merge);
        }
        case ISSUE_LABELED, ISSUE_UNLABELED -> {
          LabelChanged c = (LabelChanged) s.event(i);
          for (String l : GoodFirstIssues.matching(labels, List.of(c.label()))) {
            issues.merge(item, new Issue(Optional.empty(), Set.of(), List.of(new LabelMark(at, l, c.added())), List.of(), List.of()), Issue::merge);
          }
        }
        case ISSUE_CLOSED, ISSUE_REOPENED ->
            issues.merge(item, new Issue(Optional.empty(), Set.of(), List.of(), List.of(new Flip(at, t == EventType.ISSUE_CLOSED)), List.of()), Issue::merge);
        case ISSUE_ASSIGNED -> {
          // Assigning a bot (a coding agent, an automation account) is not a person taking the
          // issue up; a bot assigning a person (a /assign command) is that person's claim.
          int assignee = s.secondActorIndex(i);
          if (assignee >= 0 && !people.isBot(assignee) && !((IssueAssigned) s.event(i)).onPullRequest()) {
            issues.merge(item, new Issue(Optional.empty(), Set.of(), List.of(), List.of(), List.of(new Claim(at, key(people, assignee)))), Issue::merge);
          }
        }
        case PULL_REQUEST_OPENED -> {
          PullRequestOpened p = (PullRequestOpened) s.event(i);
          // A bot's pull request is neither a claim nor a newcomer's or established person's close.
          if (!p.closes().isEmpty() && !people.isBot(actor)) {
            pulls.merge(item, new Pull(Optional.of(at), Optional.of(key(people, actor)), p.closes(), Optional.empty()), Pull::merge);
          }
        }
        case PULL_REQUEST_MERGED ->
            pulls.merge(item, new Pull(Optional.empty(), Optional.empty(), List.of(), Optional.of(at)), Pull::merge);
        default -> throw new AssertionError(t);
      }
    }
    return new State(first, issues, pulls);
  }

  private static Actor key(People people, int actorIndex) {
    return people.key(people.personOf(actorIndex));
  }

  @Override
  public State merge(State a, State b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Map<Actor, Instant> first = new HashMap<>(a.first());
    b.first().forEach((k, v) -> first.merge(k, v, (x, y) -> x.isBefore(y) ? x : y));
    Map<Item, Issue> issues = new HashMap<>(a.issues());
    b.issues().forEach((k, v) -> issues.merge(k, v, Issue::merge));
    Map<Item, Pull> pulls = new HashMap<>(a.pulls());
    b.pulls().forEach((k, v) -> pulls.merge(k, v, Pull::merge));
    return new State(first, issues, pulls);
  }

  @Override
  public GoodFirstIssues.Result finish(State state) {
    Checks.notNull(state, "state");
    // Claims and merged closing pull requests per issue, from the pull requests' closing references
    // (which name issues of the pull request's own repository).
    Map<Item, List<Claim>> pullClaims = new HashMap<>();
    Map<Item, List<Claim>> merges = new HashMap<>();
    state.pulls().forEach((pr, p) -> {
      if (p.opened().isEmpty()) {
        return;
      }
      for (int n : p.closes()) {
        Item issue = new Item(pr.repo(), n);
        pullClaims.computeIfAbsent(issue, k -> new ArrayList<>()).add(new Claim(p.opened().get(), p.author().get()));
        p.merged().ifPresent(m -> merges.computeIfAbsent(issue, k -> new ArrayList<>()).add(new Claim(m, p.author().get())));
      }
    });
    int labelled = 0;
    int claimed = 0;
    int claimedByNewcomers = 0;
    int claimedBefore = 0;
    int closed = 0;
    int closedByNewcomers = 0;
    int closedByEstablished = 0;
    int oldEnough = 0;
    int openAfter = 0;
    List<Long> seconds = new ArrayList<>();
    List<Boolean> events = new ArrayList<>();
    // In item order, so that the Kaplan-Meier input does not depend on the map's iteration order.
    for (Map.Entry<Item, Issue> e : state.issues().entrySet().stream().sorted(Map.Entry.comparingByKey(Item.ORDER)).toList()) {
      Optional<Instant> since = labelledSince(e.getValue());
      if (since.isEmpty() || !window.contains(since.get())) {
        continue;
      }
      Instant start = since.get();
      labelled++;
      List<Claim> claims = new ArrayList<>(e.getValue().assignments());
      claims.addAll(pullClaims.getOrDefault(e.getKey(), List.of()));
      claims.sort(Claim.ORDER);
      if (!claims.isEmpty() && claims.get(0).at().isBefore(start)) {
        claimedBefore++;
      } else if (!claims.isEmpty()) {
        claimed++;
        claimedByNewcomers += newcomer(state, claims.get(0).person()) ? 1 : 0;
        seconds.add(Duration.between(start, claims.get(0).at()).getSeconds());
        events.add(true);
      } else {
        seconds.add(Duration.between(start, asOf()).getSeconds());
        events.add(false);
      }
      List<Flip> flips = e.getValue().flips();
      if (closedAt(flips, asOf())) {
        closed++;
        List<Claim> m = new ArrayList<>(merges.getOrDefault(e.getKey(), List.of()));
        m.sort(Claim.ORDER);
        if (!m.isEmpty()) {
          if (newcomer(state, m.get(0).person())) {
            closedByNewcomers++;
          } else {
            closedByEstablished++;
          }
        }
      }
      Instant horizon = start.plus(GoodFirstIssues.NINETY_DAYS);
      if (!horizon.isAfter(asOf())) {
        oldEnough++;
        openAfter += closedAt(flips, horizon) ? 0 : 1;
      }
    }
    long[] s = new long[seconds.size()];
    boolean[] ev = new boolean[events.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = seconds.get(i);
      ev[i] = events.get(i);
    }
    return new GoodFirstIssues.Result(
        window, labelled, claimed, claimedByNewcomers, claimedBefore, ResponseTimes.of(s, ev),
        closed, closedByNewcomers, closedByEstablished, oldEnough, openAfter);
  }

  /** A person whose first contribution in scope falls in the window. */
  private boolean newcomer(State state, Actor person) {
    Instant first = state.first().get(person);
    return first != null && window.contains(first);
  }

  /**
   * The start of the labelled spell in effect at the window's end: replays the opening's labels
   * and the label changes; empty when the issue carries no label of the set then.
   */
  private static Optional<Instant> labelledSince(Issue issue) {
    Set<String> held = new TreeSet<>();
    Instant since = null;
    if (issue.opened().isPresent()) {
      held.addAll(issue.openingLabels());
      // A label whose first change is an addition was not there at the opening: GitHub records no
      // addition of a label an issue already has. The REST and GitLab lists give the current labels
      // as the opening's, so this puts a label added later at its addition, not at the opening.
      Set<String> seen = new TreeSet<>();
      for (LabelMark m : issue.labels()) {
        if (seen.add(m.label()) && m.added()) {
          held.remove(m.label());
        }
      }
      since = held.isEmpty() ? null : issue.opened().get();
    }
    for (LabelMark m : issue.labels()) {
      // A label change before the opening (clock skew between sources) is replayed as it comes;
      // the opening is the earliest fact of the issue in practice.
      boolean was = !held.isEmpty();
      if (m.added()) {
        held.add(m.label());
      } else {
        held.remove(m.label());
      }
      if (!was && !held.isEmpty()) {
        since = m.at();
      } else if (held.isEmpty()) {
        since = null;
      }
    }
    return Optional.ofNullable(since);
  }

  /** Whether the last close or reopen at or before {@code at} is a close. */
  private static boolean closedAt(List<Flip> flips, Instant at) {
    boolean closed = false;
    for (Flip f : flips) {
      if (f.at().isAfter(at)) {
        break;
      }
      closed = f.closed();
    }
    return closed;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static final StateCodec<State> CODEC =
      BinaryStateCodec.of(
          "good-first-issues",
          1,
          (state, out) -> {
            out.map(state.first(), StateWriter.ACTORS, StateWriter::actor, StateWriter::instant);
            out.map(state.issues(), Item.ORDER, GoodFirstIssueScan::writeItem, (o, x) -> {
              writeOptional(o, x.opened());
              o.list(new TreeSet<>(x.openingLabels()), StateWriter::string);
              o.list(x.labels(), (w, m) -> w.instant(m.at()).string(m.label()).bool(m.added()));
              o.list(x.flips(), (w, f) -> w.instant(f.at()).bool(f.closed()));
              o.list(x.assignments(), (w, c) -> w.instant(c.at()).actor(c.person()));
            });
            out.map(state.pulls(), Item.ORDER, GoodFirstIssueScan::writeItem, (o, p) -> {
              writeOptional(o, p.opened());
              o.bool(p.author().isPresent());
              p.author().ifPresent(o::actor);
              o.list(p.closes(), StateWriter::varint);
              writeOptional(o, p.merged());
            });
          },
          in -> new State(
              in.map("people", in::actor, k -> in.instant()),
              in.map("issues", () -> readItem(in), k -> new Issue(
                  readOptional(in),
                  in.set("opening labels", in::string),
                  in.list("label changes", () -> new LabelMark(in.instant(), in.string(), in.bool())),
                  in.list("closes", () -> new Flip(in.instant(), in.bool())),
                  in.list("assignments", () -> new Claim(in.instant(), in.actor())))),
              in.map("pulls", () -> readItem(in), k -> new Pull(
                  readOptional(in),
                  in.bool() ? Optional.of(in.actor()) : Optional.empty(),
                  in.list("closing references", in::varint),
                  readOptional(in)))));

  private static void writeItem(StateWriter out, Item item) {
    out.repository(item.repo()).varint(item.number());
  }

  private static Item readItem(StateReader in) {
    return new Item(in.repository(), in.varint());
  }

  private static void writeOptional(StateWriter out, Optional<Instant> at) {
    out.bool(at.isPresent());
    at.ifPresent(out::instant);
  }

  private static Optional<Instant> readOptional(StateReader in) {
    return in.bool() ? Optional.of(in.instant()) : Optional.empty();
  }

  @Override
  public StateCodec<State> stateCodec() {
    return CODEC;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoodFirstIssueScan g && scope.equals(g.scope) && window.equals(g.window) && labels.equals(g.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, window, labels);
  }

  @Override
  public String toString() {
    return "GoodFirstIssueScan[scope=" + scope + ", window=" + window + ", labels=" + new TreeSet<>(labels) + "]";
  }
}
