package io.github.communitymetrics.core.impact;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.ladder.ContributorLadder;
import io.github.communitymetrics.core.metrics.ladder.LadderResult;
import io.github.communitymetrics.core.metrics.ladder.Rung;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns events into the inputs of the impact methods: one {@link DailySeries} per {@link
 * ImpactSeriesId}, each person's contributions for {@link EventCohort}, and an event's attendees
 * matched to people.
 *
 * <p>Scope: only the events of the {@link RepositoryScope} count, and "first" means first in the
 * scope over the whole store, not only within the days asked for (someone who contributed a year
 * before the series starts is not new in it). People are as {@link People} resolved them (one
 * person may have several logins and addresses); bots are left out of every series and of the
 * contributions.
 */
public final class ImpactSeries {
  private static final long SECONDS_PER_DAY = 86_400L;

  private ImpactSeries() {}

  /**
   * Every series of {@link ImpactSeriesId}, over the UTC days {@code first} through {@code last}
   * (both included). A day without a counted event is 0: give the days the input observed.
   *
   * @param store the events
   * @param people the store's people
   * @param scope the repositories counted
   * @throws IllegalArgumentException if {@code last} is before {@code first} or {@code people} was
   *     not resolved for {@code store}
   */
  public static Map<ImpactSeriesId, DailySeries> daily(
      EventStore store, People people, RepositoryScope scope, LocalDate first, LocalDate last) {
    check(store, people, scope);
    Checks.notNull(first, "first");
    Checks.notNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last (" + last + ") must not be before first (" + first + ")");
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (days > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many days: " + days);
    }
    int n = (int) days;
    long origin = first.toEpochDay();
    EventStore s = scope.restrict(store);
    Map<ImpactSeriesId, double[]> values = new EnumMap<>(ImpactSeriesId.class);
    for (ImpactSeriesId id : ImpactSeriesId.values()) {
      values.put(id, new double[n]);
    }
    // Per person (dense People numbers): the first day of any contribution, of a pull request
    // opened, of a star; Long.MAX_VALUE for never.
    long[] firstAny = filled(people.size());
    long[] firstPr = filled(people.size());
    long[] firstStar = filled(people.size());
    Set<Long> active = new HashSet<>(); // day * people + person, for distinct people per day
    for (int i = 0; i < s.size(); i++) {
      int actor = s.actorIndex(i);
      if (people.isBot(actor)) {
        continue;
      }
      int person = people.personOf(actor);
      long day = Math.floorDiv(s.epochSecond(i), SECONDS_PER_DAY);
      EventType type = s.type(i);
      int index = dayIndex(day, origin, n);
      if (ContributionType.ANY.includes(type)) {
        firstAny[person] = Math.min(firstAny[person], day);
        if (index >= 0 && active.add(((long) index) * people.size() + person)) {
          values.get(ImpactSeriesId.ACTIVE_CONTRIBUTORS)[index]++;
        }
      }
      if (type == EventType.PULL_REQUEST_OPENED) {
        firstPr[person] = Math.min(firstPr[person], day);
        if (index >= 0) {
          values.get(ImpactSeriesId.PRS_OPENED)[index]++;
        }
      } else if (type == EventType.ISSUE_OPENED) {
        if (index >= 0) {
          values.get(ImpactSeriesId.ISSUES_OPENED)[index]++;
        }
      } else if (type == EventType.STAR) {
        firstStar[person] = Math.min(firstStar[person], day);
      }
    }
    for (int p = 0; p < people.size(); p++) {
      count(values.get(ImpactSeriesId.NEW_CONTRIBUTORS), firstAny[p], origin, n);
      count(values.get(ImpactSeriesId.FIRST_TIME_PR_AUTHORS), firstPr[p], origin, n);
      count(values.get(ImpactSeriesId.STARS), firstStar[p], origin, n);
    }
    responses(s, people, origin, values.get(ImpactSeriesId.AWAITING_FIRST_RESPONSE),
        values.get(ImpactSeriesId.FIRST_RESPONSES));
    Map<ImpactSeriesId, DailySeries> out = new EnumMap<>(ImpactSeriesId.class);
    values.forEach((id, v) -> out.put(id, new DailySeries(first, v)));
    return out;
  }

  /**
   * The two response series over the scoped events {@code s}, one pass in time order. An item is a
   * repository, a number and whether it is a pull request (GitLab numbers issues and merge
   * requests apart); only items whose opening the data holds, by a person, are followed. The
   * responsiveness scan's timelines would give the same first responses, but it keys an item by
   * repository and number only (GitHub's one sequence), which would let a GitLab merge request's
   * comment answer the issue of the same number; and a day's level needs no per-item records. It waits
   * from its opening day until the day of its first response or its close or merge, whichever
   * comes first: on the days {@code [opened, left)}, so an item answered on its opening day never
   * waits at a day's end.
   */
  private static void responses(EventStore s, People people, long origin, double[] awaiting, double[] firstResponses) {
    int n = awaiting.length;
    // Per item: its author's person, and whether it still waits or was ever answered.
    Map<Long, int[]> items = new HashMap<>(); // {author, waiting (1/0), answered (1/0)}
    double[] change = new double[n + 1];
    for (int i = 0; i < s.size(); i++) {
      EventType type = s.type(i);
      boolean pr;
      switch (type) {
        case ISSUE_OPENED, ISSUE_CLOSED -> pr = false;
        case PULL_REQUEST_OPENED, PULL_REQUEST_CLOSED, PULL_REQUEST_MERGED, REVIEW, REVIEW_COMMENT -> pr = true;
        case ISSUE_COMMENT -> pr = ((IssueComment) s.event(i)).onPullRequest();
        default -> {
          continue;
        }
      }
      long key = item(s.repositoryIndex(i), s.number(i), pr);
      int actor = s.actorIndex(i);
      long day = Math.floorDiv(s.epochSecond(i), SECONDS_PER_DAY);
      if (type == EventType.ISSUE_OPENED || type == EventType.PULL_REQUEST_OPENED) {
        if (!people.isBot(actor) && !items.containsKey(key)) {
          items.put(key, new int[] {people.personOf(actor), 1, 0});
          shift(change, day - origin, n, 1);
        }
        continue;
      }
      int[] item = items.get(key);
      if (item == null) {
        continue;
      }
      boolean closes = type == EventType.ISSUE_CLOSED || type == EventType.PULL_REQUEST_CLOSED
          || type == EventType.PULL_REQUEST_MERGED;
      boolean responds = !closes && !people.isBot(actor) && people.personOf(actor) != item[0];
      if (responds && item[2] == 0) {
        item[2] = 1;
        int index = dayIndex(day, origin, n);
        if (index >= 0) {
          firstResponses[index]++;
        }
      }
      if ((responds || closes) && item[1] == 1) {
        item[1] = 0;
        shift(change, day - origin, n, -1);
      }
    }
    double level = 0;
    for (int d = 0; d < n; d++) {
      level += change[d];
      awaiting[d] = level;
    }
  }

  /** Adds {@code delta} to the level from day index {@code at} on (days before the series count at its first day). */
  private static void shift(double[] change, long at, int n, double delta) {
    if (at < n) {
      change[(int) Math.max(0, at)] += delta;
    }
  }

  /**
   * Each person's contributions of any kind ({@link ContributionType#ANY}) in the scope, the
   * whole history, in time order; people without one and bots are left out. A person is named by
   * the {@linkplain Actor#label() label} of their {@linkplain People#key key}, followed by the
   * forge (and, if need be, their number) where two people share a label.
   */
  public static List<PersonContributions> contributions(EventStore store, People people, RepositoryScope scope) {
    check(store, people, scope);
    EventStore s = scope.restrict(store);
    Map<Integer, List<Instant>> byPerson = new LinkedHashMap<>();
    for (int i = 0; i < s.size(); i++) {
      int actor = s.actorIndex(i);
      if (people.isBot(actor) || !ContributionType.ANY.includes(s.type(i))) {
        continue;
      }
      byPerson.computeIfAbsent(people.personOf(actor), p -> new ArrayList<>()).add(s.instant(i));
    }
    String[] names = names(people);
    List<PersonContributions> out = new ArrayList<>();
    byPerson.forEach((p, times) -> {
      times.sort(null);
      out.add(new PersonContributions(names[p], times));
    });
    return out;
  }

  /**
   * When each person first reached at least {@code rung} of the contributor ladder in the scope
   * before {@code asOf} ({@link ContributorLadder}: D2 a merged pull request of theirs, D3 a
   * maintainer act), named as in {@link #contributions}; people who never did, and bots, are
   * absent. For an event cohort's conversion to D2 or D3 ({@link EventCohort#reaching}).
   */
  public static Map<String, Instant> reached(
      EventStore store, People people, RepositoryScope scope, Instant asOf, Rung rung) {
    check(store, people, scope);
    Checks.notNull(asOf, "asOf");
    Checks.notNull(rung, "rung");
    LadderResult ladder = ContributorLadder.asOf(asOf).withScope(scope).compute(store, people);
    String[] names = names(people);
    Map<String, Instant> out = new LinkedHashMap<>();
    for (int p = 0; p < people.size(); p++) {
      int person = p;
      ladder.climb(people.key(p)).flatMap(c -> c.reached(rung)).ifPresent(t -> out.put(names[person], t));
    }
    return out;
  }

  /**
   * The people who came through an event's labelled work: those whose first issue or pull request
   * in the scope (the first they opened, in time order) carries one of {@code labels} as of
   * {@code asOf}. A label counts whether it was there at opening or added later by a label event,
   * and a removal undoes either, because maintainers often tag a contribution for a hackathon
   * (Hacktoberfest's {@code hacktoberfest-accepted}) after it arrives, and untag one tagged by
   * mistake. Names are compared ignoring case ({@link Locale#ROOT}), as GitHub and GitLab treat
   * two label names that differ only in case as one label. Only events before {@code asOf} count.
   *
   * @param labels the event's labels; none gives an empty map
   * @return by person, named as in {@link #contributions}, when they opened that first issue or
   *     pull request; people whose first one carries none of the labels, people who opened none,
   *     and bots are absent
   */
  public static Map<String, Instant> labelled(
      EventStore store, People people, RepositoryScope scope, Set<String> labels, Instant asOf) {
    check(store, people, scope);
    Checks.notNull(labels, "labels");
    Checks.notNull(asOf, "asOf");
    Set<String> wanted = new HashSet<>();
    labels.forEach(l -> wanted.add(l.toLowerCase(Locale.ROOT)));
    if (wanted.isEmpty()) {
      return Map.of();
    }
    EventStore s = scope.restrict(store);
    // Each person's first item, and the wanted labels it carries now. An item is a repository,
    // a number and whether it is a pull request: GitLab numbers issues and merge requests apart.
    Map<Integer, Long> firstItem = new HashMap<>();
    Map<Long, Set<String>> carried = new HashMap<>();
    Map<Integer, Instant> opened = new LinkedHashMap<>();
    for (int i = 0; i < s.size() && s.instant(i).isBefore(asOf); i++) {
      EventType type = s.type(i);
      if (type == EventType.ISSUE_OPENED || type == EventType.PULL_REQUEST_OPENED) {
        int actor = s.actorIndex(i);
        int person = people.personOf(actor);
        if (people.isBot(actor) || firstItem.containsKey(person)) {
          continue;
        }
        boolean pr = type == EventType.PULL_REQUEST_OPENED;
        long item = item(s.repositoryIndex(i), s.number(i), pr);
        firstItem.put(person, item);
        opened.put(person, s.instant(i));
        List<String> at = pr
            ? ((PullRequestOpened) s.event(i)).labels()
            : ((IssueOpened) s.event(i)).labels();
        Set<String> have = new HashSet<>();
        for (String l : at) {
          String key = l.toLowerCase(Locale.ROOT);
          if (wanted.contains(key)) {
            have.add(key);
          }
        }
        carried.put(item, have);
      } else if (type == EventType.ISSUE_LABELED || type == EventType.ISSUE_UNLABELED
          || type == EventType.PULL_REQUEST_LABELED || type == EventType.PULL_REQUEST_UNLABELED) {
        LabelChanged c = (LabelChanged) s.event(i);
        String key = c.label().toLowerCase(Locale.ROOT);
        Set<String> have = wanted.contains(key)
            ? carried.get(item(s.repositoryIndex(i), c.number(), c.onPullRequest()))
            : null;
        if (have != null) {
          if (c.added()) {
            have.add(key);
          } else {
            have.remove(key);
          }
        }
      }
    }
    String[] names = names(people);
    Map<String, Instant> out = new LinkedHashMap<>();
    opened.forEach((person, at) -> {
      if (!carried.get(firstItem.get(person)).isEmpty()) {
        out.put(names[person], at);
      }
    });
    return out;
  }

  private static long item(int repository, int number, boolean pullRequest) {
    return ((long) repository << 33) | ((long) number << 1) | (pullRequest ? 1 : 0);
  }

  /**
   * The people the attendee names denote: an attendee matches an actor of the store whose login
   * or one of whose e-mail addresses equals it, ignoring case ({@link Locale#ROOT}); a match
   * stands for the actor's whole person, named as in {@link #contributions}. An attendee that
   * matches actors of two people (one login on two forges) stands for the first of those actors
   * in the store's order.
   *
   * @return by attendee, in the order given, the name of the person it matched; attendees that
   *     matched no actor, or only a bot, are absent
   */
  public static Map<String, String> attendees(EventStore store, People people, Set<String> attendees) {
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.notNull(attendees, "attendees");
    Map<String, Integer> byIdentity = new HashMap<>();
    List<Actor> actors = store.actors();
    for (int a = 0; a < actors.size(); a++) {
      if (people.isBot(a)) {
        continue;
      }
      Actor actor = actors.get(a);
      int person = people.personOf(a);
      actor.login().ifPresent(l -> byIdentity.putIfAbsent(l.toLowerCase(Locale.ROOT), person));
      for (String e : actor.emails()) {
        byIdentity.putIfAbsent(e.toLowerCase(Locale.ROOT), person);
      }
    }
    String[] names = names(people);
    Map<String, String> out = new LinkedHashMap<>();
    for (String attendee : attendees.stream().sorted().toList()) {
      Integer person = byIdentity.get(attendee.strip().toLowerCase(Locale.ROOT));
      if (person != null) {
        out.put(attendee, names[person]);
      }
    }
    return out;
  }

  /**
   * Each person's name: the label of their key, made unique where two people share one (alice on
   * GitHub and alice on GitLab are two people) by the forge and then the person's number, so that
   * a cohort never mistakes one for the other.
   */
  private static String[] names(People people) {
    String[] names = new String[people.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int p = 0; p < names.length; p++) {
      names[p] = people.key(p).label();
      seen.merge(names[p], 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>();
    for (int p = 0; p < names.length; p++) {
      if (seen.get(names[p]) > 1) {
        String withForge = names[p] + " (" + people.key(p).forge().name() + ")";
        names[p] = taken.add(withForge) && !seen.containsKey(withForge) ? withForge : withForge + " #" + p;
      }
    }
    return names;
  }

  private static void check(EventStore store, People people, RepositoryScope scope) {
    Checks.notNull(store, "store");
    Checks.notNull(people, "people");
    Checks.notNull(scope, "scope");
    if (people.store() != store) {
      throw new IllegalArgumentException("people must be resolved for this store");
    }
  }

  private static long[] filled(int n) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, Long.MAX_VALUE);
    return a;
  }

  /** The index of {@code day} in a series of n days from {@code origin}, or -1 outside it. */
  private static int dayIndex(long day, long origin, int n) {
    long i = day - origin;
    return i >= 0 && i < n ? (int) i : -1;
  }

  private static void count(double[] values, long day, long origin, int n) {
    int i = day == Long.MAX_VALUE ? -1 : dayIndex(day, origin, n);
    if (i >= 0) {
      values[i]++;
    }
  }
}
