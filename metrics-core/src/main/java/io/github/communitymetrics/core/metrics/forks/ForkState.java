package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateReader;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mergeable state of the fork metrics ({@link ForkActivity}, {@link HardForkSignals}).
 *
 * <p>It holds three things, each keyed by stable keys so that an item's events may fall into
 * different slices:
 *
 * <ul>
 *   <li><b>forks</b> of the scope's repositories, keyed by the fork's repository (forge and full
 *       name, without numeric id: a {@code fork} event names its fork by full name only): the
 *       earliest {@code fork} event naming it (when, from which upstream, by whom), and the
 *       earliest pull request of a scope repository whose head repository it is;
 *   <li><b>pull requests</b> of the scope's repositories (keyed by repository and number): the
 *       opening (author, head repository), the earliest merge and the earliest close;
 *   <li><b>activity</b> of <em>every</em> repository of the data (a fork's own events live
 *       outside the scope, and a slice cannot know whether a repository is a fork that another
 *       slice names): the UTC days with a push or commit, the first and last such instant, the
 *       releases, and per person (bots left out) the first and last act of code work (push,
 *       commit author, release, pull request opened or merged, review).
 * </ul>
 *
 * <p>Merging is exact: earliest by instant (ties by canonical order of the other fields), unions
 * of days, releases and people (first by minimum, last by maximum). Codec {@code forks}, version
 * 1, shared by both metrics.
 *
 * <p>Cost: the activity part grows with the repositories that have pushes, commits or releases
 * (all of GH Archive's pushed repositories on a GH Archive day), which is what the exact merge
 * over arbitrary slices needs.
 */
public final class ForkState {
  static final BinaryStateCodec<ForkState> CODEC =
      BinaryStateCodec.of("forks", 1, ForkState::write, ForkState::read);

  private static final Comparator<PullKey> PULL_ORDER =
      Comparator.comparing(PullKey::repository, StateWriter.REPOSITORIES).thenComparingInt(PullKey::number);
  private static final Comparator<ReleaseRecord> RELEASE_ORDER =
      Comparator.comparing(ReleaseRecord::at).thenComparing(ReleaseRecord::tag).thenComparing(ReleaseRecord::by, StateWriter.ACTORS);

  /** A pull request of a scope repository. */
  record PullKey(Repository repository, int number) {}

  /** A release: when, its tag, who published it (person key). */
  record ReleaseRecord(Instant at, String tag, Actor by) {}

  /** A person's first and last act of code work in one repository. */
  record Span(Instant first, Instant last) {
    Span merge(Span o) {
      return new Span(first.isBefore(o.first) ? first : o.first, last.isAfter(o.last) ? last : o.last);
    }
  }

  /**
   * What the data says of one fork; a field is null when unknown.
   *
   * @param forkedAt the earliest {@code fork} event naming it
   * @param forkedFrom that event's repository
   * @param forkedBy that event's actor (person key)
   * @param firstPullAt the opening of the earliest pull request of a scope repository from it
   * @param firstPullTo that pull request's repository
   */
  record ForkRecord(Instant forkedAt, Repository forkedFrom, Actor forkedBy, Instant firstPullAt, Repository firstPullTo) {
    static ForkRecord merge(ForkRecord a, ForkRecord b) {
      boolean forkA = earlierOf(a.forkedAt, a.forkedFrom, b.forkedAt, b.forkedFrom);
      boolean pullA = earlierOf(a.firstPullAt, a.firstPullTo, b.firstPullAt, b.firstPullTo);
      ForkRecord f = forkA ? a : b;
      ForkRecord p = pullA ? a : b;
      return new ForkRecord(f.forkedAt, f.forkedFrom, f.forkedBy, p.firstPullAt, p.firstPullTo);
    }

    /** The upstream: the forked repository, else the target of the first pull request. */
    Repository upstream() {
      return forkedFrom != null ? forkedFrom : firstPullTo;
    }

    private static boolean earlierOf(Instant a, Repository ra, Instant b, Repository rb) {
      if (a == null || b == null) {
        return b == null;
      }
      int c = a.compareTo(b);
      return c < 0 || (c == 0 && ra.compareTo(rb) <= 0);
    }
  }

  /** One pull request; mutable only while a slice is scanned. Null fields are unknown. */
  static final class Pull {
    Instant opened;
    Actor author;
    String head;
    Instant merged;
    Instant closed;

    static Pull merge(Pull a, Pull b) {
      Pull m = new Pull();
      Pull o = a.opened != null && (b.opened == null || !b.opened.isBefore(a.opened)) ? a : b;
      m.opened = o.opened;
      m.author = o.author;
      m.head = o.head;
      m.merged = min(a.merged, b.merged);
      m.closed = min(a.closed, b.closed);
      return m;
    }
  }

  /** What one repository did; mutable only while a slice is scanned. */
  static final class Activity {
    Instant first;
    Instant last;
    /** UTC epoch days with a push or commit, ascending, distinct. */
    int[] days = new int[0];
    int dayCount;
    final List<ReleaseRecord> releases = new ArrayList<>(0);
    final Map<Actor, Span> people = new HashMap<>(4);
    /**
     * While one slice is scanned: first and last instant per person number of that slice's
     * {@link People}, updated in place (hashing a person number, not an {@link Actor} record, per
     * event); folded into {@link #people} at the end of the scan.
     */
    Map<Integer, Instant[]> scanned;
    /**
     * While one slice is scanned and only one person has acted (most repositories of a GH Archive
     * day): that person's number and span, without a map; -1 when none yet or spilled into {@link
     * #scanned}.
     */
    int solo = -1;
    Instant soloFirst;
    Instant soloLast;

    void act(int person, Instant at) {
      if (scanned == null && (solo < 0 || solo == person)) {
        solo = person;
        soloFirst = min(soloFirst, at);
        soloLast = max(soloLast, at);
        return;
      }
      if (scanned == null) {
        scanned = new HashMap<>(4);
        scanned.put(solo, new Instant[] {soloFirst, soloLast});
        solo = -1;
      }
      Instant[] span = scanned.get(person);
      if (span == null) {
        scanned.put(person, new Instant[] {at, at});
      } else {
        span[0] = min(span[0], at);
        span[1] = max(span[1], at);
      }
    }

    void fold(People p) {
      if (solo >= 0) {
        people.merge(p.key(solo), new Span(soloFirst, soloLast), Span::merge);
        solo = -1;
        soloFirst = null;
        soloLast = null;
      }
      if (scanned != null) {
        scanned.forEach((person, span) -> people.merge(p.key(person), new Span(span[0], span[1]), Span::merge));
        scanned = null;
      }
    }

    void change(Instant at) {
      first = min(first, at);
      last = max(last, at);
      int day = (int) Math.floorDiv(at.getEpochSecond(), 86_400L);
      if (dayCount == 0 || days[dayCount - 1] != day) {
        if (dayCount == days.length) {
          days = Arrays.copyOf(days, Math.max(4, dayCount * 2));
        }
        days[dayCount++] = day;
      }
    }

    /** The days, sorted and distinct (the scan sees events in time order; merges re-sort). */
    int[] days() {
      int[] d = Arrays.copyOf(days, dayCount);
      Arrays.sort(d);
      return Arrays.stream(d).distinct().toArray();
    }

    static Activity merge(Activity a, Activity b) {
      Activity m = new Activity();
      m.first = min(a.first, b.first);
      m.last = max(a.last, b.last);
      int[] all = new int[a.dayCount + b.dayCount];
      System.arraycopy(a.days, 0, all, 0, a.dayCount);
      System.arraycopy(b.days, 0, all, a.dayCount, b.dayCount);
      Arrays.sort(all);
      m.days = Arrays.stream(all).distinct().toArray();
      m.dayCount = m.days.length;
      TreeSet<ReleaseRecord> releases = new TreeSet<>(RELEASE_ORDER);
      releases.addAll(a.releases);
      releases.addAll(b.releases);
      m.releases.addAll(releases);
      m.people.putAll(a.people);
      b.people.forEach((k, v) -> m.people.merge(k, v, Span::merge));
      return m;
    }
  }

  final Map<Repository, ForkRecord> forks;
  final Map<PullKey, Pull> pulls;
  final Map<Repository, Activity> activity;

  ForkState(Map<Repository, ForkRecord> forks, Map<PullKey, Pull> pulls, Map<Repository, Activity> activity) {
    this.forks = Collections.unmodifiableMap(forks);
    this.pulls = Collections.unmodifiableMap(pulls);
    this.activity = Collections.unmodifiableMap(activity);
  }

  /** How many forks of the scope's repositories the state knows. */
  public int forkCount() {
    return forks.size();
  }

  /** How many repositories the state holds activity of (the cost of an exact merge). */
  public int repositoriesWithActivity() {
    return activity.size();
  }

  /** The repository without its numeric id: forks are named by full name only. */
  static Repository named(Repository r) {
    return r.id().isPresent() ? Repository.of(r.forge(), r.fullName()) : r;
  }

  /** Scans one slice: the events before {@code asOf}. */
  static ForkState scan(EventStore s, People people, RepositoryScope scope, Instant asOf) {
    Map<Repository, ForkRecord> forks = new HashMap<>();
    Map<PullKey, Pull> pulls = new HashMap<>();
    int repositories = s.repositories().size();
    // A slice of a few repositories of a large store (ForkInput's): slots numbered as the slice
    // meets its repositories, not arrays as long as the store's repositories (megabytes per scan).
    Map<Integer, Integer> slotOf = s.size() < repositories / 8 ? new HashMap<>() : null;
    int slots = slotOf != null ? s.size() : repositories;
    Activity[] activity = new Activity[slots];
    byte[] inScope = new byte[slots]; // 0 unknown, 1 in, 2 out: one scope test per repository
    Repository[] named = new Repository[slots];
    for (int i = 0; i < s.size(); i++) {
      EventType type = s.type(i);
      boolean change = type == EventType.PUSH || type == EventType.COMMIT;
      boolean work = change || type == EventType.RELEASE || type == EventType.PULL_REQUEST_OPENED
          || type == EventType.PULL_REQUEST_MERGED || type == EventType.REVIEW;
      boolean pull = type == EventType.PULL_REQUEST_OPENED || type == EventType.PULL_REQUEST_MERGED
          || type == EventType.PULL_REQUEST_CLOSED;
      if (!work && !pull && type != EventType.FORK) {
        continue;
      }
      Instant at = s.instant(i);
      if (!at.isBefore(asOf)) {
        break; // events are in time order
      }
      int storeIndex = s.repositoryIndex(i);
      int r = slotOf == null ? storeIndex : slotOf.computeIfAbsent(storeIndex, k -> slotOf.size());
      if (named[r] == null) {
        named[r] = named(s.repository(storeIndex));
        // A store adopts a repository's numeric id once any event carries it, so the same
        // repository may come with or without id in different slices: test both spellings.
        inScope[r] = (byte) (scope.includes(s.repository(storeIndex)) || scope.includes(named[r]) ? 1 : 2);
      }
      int actor = s.actorIndex(i);
      if (work) {
        Activity a = activity[r];
        if (a == null) {
          a = activity[r] = new Activity();
        }
        if (change) {
          a.change(at);
        }
        if (!people.isBot(actor)) {
          int person = people.personOf(actor);
          a.act(person, at);
          if (type == EventType.RELEASE) {
            a.releases.add(new ReleaseRecord(at, ((Release) s.event(i)).tag(), people.key(person)));
          }
        }
      }
      if (inScope[r] != 1) {
        continue;
      }
      if (type == EventType.FORK) {
        Fork f = (Fork) s.event(i);
        if (f.forkFullName().isPresent()) {
          Actor who = people.key(people.personOf(actor));
          forks.merge(
              Repository.of(named[r].forge(), f.forkFullName().get()),
              new ForkRecord(at, named[r], who, null, null),
              ForkRecord::merge);
        }
      } else if (pull) {
        Pull p = pulls.computeIfAbsent(new PullKey(named[r], s.number(i)), k -> new Pull());
        if (type == EventType.PULL_REQUEST_OPENED) {
          if (p.opened == null || at.isBefore(p.opened)) {
            PullRequestOpened o = (PullRequestOpened) s.event(i);
            p.opened = at;
            p.author = people.key(people.personOf(actor));
            p.head = o.headRepository().orElse(null);
            if (o.fromOtherRepository()) {
              forks.merge(
                  Repository.of(named[r].forge(), p.head),
                  new ForkRecord(null, null, null, at, named[r]),
                  ForkRecord::merge);
            }
          }
        } else if (type == EventType.PULL_REQUEST_MERGED) {
          p.merged = min(p.merged, at);
        } else {
          p.closed = min(p.closed, at);
        }
      }
    }
    Map<Repository, Activity> byName = new HashMap<>();
    for (int r = 0; r < slots; r++) {
      if (activity[r] != null) {
        activity[r].fold(people);
        byName.merge(named[r], activity[r], Activity::merge);
      }
    }
    return new ForkState(forks, pulls, byName);
  }

  static ForkState merge(ForkState a, ForkState b) {
    Map<Repository, ForkRecord> forks = new HashMap<>(a.forks);
    b.forks.forEach((k, v) -> forks.merge(k, v, ForkRecord::merge));
    Map<PullKey, Pull> pulls = new HashMap<>(a.pulls);
    b.pulls.forEach((k, v) -> pulls.merge(k, v, Pull::merge));
    Map<Repository, Activity> activity = new HashMap<>(a.activity);
    b.activity.forEach((k, v) -> activity.merge(k, v, Activity::merge));
    return new ForkState(forks, pulls, activity);
  }

  static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || !b.isBefore(a) ? a : b;
  }

  static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
  }

  // Layout: forks (flags, fork fields, pull fields), pulls (flags, fields), activity (first, last,
  // days ascending, releases, people).
  private static void write(ForkState s, StateWriter out) {
    out.map(s.forks, StateWriter.REPOSITORIES, StateWriter::repository, (o, f) -> {
      o.varint((f.forkedAt() != null ? 1 : 0) | (f.firstPullAt() != null ? 2 : 0));
      if (f.forkedAt() != null) {
        o.instant(f.forkedAt()).repository(f.forkedFrom()).actor(f.forkedBy());
      }
      if (f.firstPullAt() != null) {
        o.instant(f.firstPullAt()).repository(f.firstPullTo());
      }
    });
    out.map(s.pulls, PULL_ORDER, (o, k) -> o.repository(k.repository()).varint(k.number()), (o, p) -> {
      o.varint((p.opened != null ? 1 : 0) | (p.head != null ? 2 : 0) | (p.merged != null ? 4 : 0) | (p.closed != null ? 8 : 0));
      if (p.opened != null) {
        o.instant(p.opened).actor(p.author);
      }
      if (p.head != null) {
        o.sharedString(p.head);
      }
      if (p.merged != null) {
        o.instant(p.merged);
      }
      if (p.closed != null) {
        o.instant(p.closed);
      }
    });
    out.map(s.activity, StateWriter.REPOSITORIES, StateWriter::repository, (o, a) -> {
      o.bool(a.first != null);
      if (a.first != null) {
        o.instant(a.first).instant(a.last);
      }
      o.ascending(Arrays.stream(a.days()).asLongStream().toArray());
      List<ReleaseRecord> releases = new ArrayList<>(a.releases);
      releases.sort(RELEASE_ORDER);
      o.list(releases, (w, rel) -> w.instant(rel.at()).sharedString(rel.tag()).actor(rel.by()));
      o.map(a.people, StateWriter.ACTORS, StateWriter::actor, (w, sp) -> w.instant(sp.first()).instant(sp.last()));
    });
  }

  private static ForkState read(StateReader in) {
    Map<Repository, ForkRecord> forks = in.map("forks", in::repository, k -> {
      int flags = in.varint();
      if (flags >= 4 || flags == 0) {
        throw in.error("fork flags " + flags);
      }
      Instant at = null;
      Repository from = null;
      Actor by = null;
      Instant pullAt = null;
      Repository to = null;
      if ((flags & 1) != 0) {
        at = in.instant();
        from = in.repository();
        by = in.actor();
      }
      if ((flags & 2) != 0) {
        pullAt = in.instant();
        to = in.repository();
      }
      return new ForkRecord(at, from, by, pullAt, to);
    });
    Map<PullKey, Pull> pulls = in.map("pulls", () -> new PullKey(in.repository(), in.varint()), k -> {
      int flags = in.varint();
      if (flags >= 16) {
        throw in.error("pull flags " + flags);
      }
      Pull p = new Pull();
      if ((flags & 1) != 0) {
        p.opened = in.instant();
        p.author = in.actor();
      }
      p.head = (flags & 2) != 0 ? in.sharedString() : null;
      p.merged = (flags & 4) != 0 ? in.instant() : null;
      p.closed = (flags & 8) != 0 ? in.instant() : null;
      return p;
    });
    Map<Repository, Activity> activity = in.map("activity", in::repository, k -> {
      Activity a = new Activity();
      if (in.bool()) {
        a.first = in.instant();
        a.last = in.instant();
      }
      long[] days = in.ascending();
      a.days = new int[days.length];
      for (int i = 0; i < days.length; i++) {
        if (days[i] < Integer.MIN_VALUE || days[i] > Integer.MAX_VALUE || (i > 0 && days[i] == days[i - 1])) {
          throw in.error("day " + days[i]);
        }
        a.days[i] = (int) days[i];
      }
      a.dayCount = days.length;
      a.releases.addAll(in.list("releases", () -> new ReleaseRecord(in.instant(), in.sharedString(), in.actor())));
      a.people.putAll(in.map("people", in::actor, p -> new Span(in.instant(), in.instant())));
      return a;
    });
    return new ForkState(forks, pulls, activity);
  }

  @Override
  public String toString() {
    return "ForkState[" + forks.size() + " forks, " + pulls.size() + " pull requests, " + activity.size() + " repositories]";
  }
}
