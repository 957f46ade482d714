package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.identity.Affiliations;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.internal.LongList;
import io.github.communitymetrics.core.internal.LongMap;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState.GrantKey;
import io.github.communitymetrics.core.metrics.responsiveness.ResponsivenessState.ItemKey;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Responsiveness and review: time to first response, to close and to merge, acceptance and
 * closure ratios, review coverage, concentration and diversity, OpenSauced PR velocity and the
 * ROSS ratio. Immutable; build from a preset ({@link #chaoss}, {@link #openSaucedVelocity},
 * {@link #rossWeekly}) and the {@code with...} methods.
 *
 * <p><b>Which events count.</b> Events before {@link #asOf()} (exclusive) in {@link #scope()}.
 * An issue or pull request is keyed by repository and number. Items whose author is a bot are
 * left out unless bots are included; bots' comments and reviews never count as responses or
 * approvals unless bots are included. Closes, merges and reopens are facts about the item and
 * count whoever did them.
 *
 * <p><b>First response.</b> The earliest issue comment, review or review comment, at or after
 * the opening, by a person other than the author (after identity resolution); with {@link
 * #closingIsResponse()} also a close or merge by someone else. With {@link #maintainersOnly()}
 * only a responder whose event carried author association OWNER, MEMBER or COLLABORATOR, or who
 * was granted access to the repository ({@code member_added}) at or before the response. Items
 * opened in the {@link #window()} without a response before {@code asOf} are right-censored at
 * {@code asOf - opened}: counted and listed, and used by the Kaplan-Meier median.
 *
 * <p><b>Durations</b> are exact to the nanosecond; percentiles are nearest-rank (see {@link
 * DurationSummary}).
 *
 * <p>The state merges exactly: an item's opening, responses and closes may lie in different
 * slices.
 */
public final class Responsiveness implements SliceMetric<ResponsivenessState, ResponsivenessResult> {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
  /** An odd multiplier (the golden ratio's), so a bijection on longs; and its inverse. */
  private static final long SCRAMBLE = 0x9E3779B97F4A7C15L;

  private static final long UNSCRAMBLE = inverse(SCRAMBLE);
  private static final Affiliations NO_AFFILIATIONS = Affiliations.builder().build();

  private final Window window;
  private final Instant asOf;
  private final RepositoryScope scope;
  private final boolean includeBots;
  private final boolean maintainersOnly;
  private final boolean closingIsResponse;
  private final int minApprovers;
  private final int minOrganizations;
  private final Affiliations affiliations;
  private final double confidence;

  private Responsiveness(
      Window window,
      Instant asOf,
      RepositoryScope scope,
      boolean includeBots,
      boolean maintainersOnly,
      boolean closingIsResponse,
      int minApprovers,
      int minOrganizations,
      Affiliations affiliations,
      double confidence) {
    this.window = Checks.notNull(window, "window");
    this.asOf = Checks.notNull(asOf, "asOf");
    if (!(!window.end().isAfter(asOf))) {
      throw new IllegalArgumentException(
          "window must end at or before asOf, was " + window + " and asOf " + asOf);
    }
    this.scope = Checks.notNull(scope, "scope");
    this.includeBots = includeBots;
    this.maintainersOnly = maintainersOnly;
    this.closingIsResponse = closingIsResponse;
    this.minApprovers = Checks.positive(minApprovers, "minApprovers");
    this.minOrganizations = Checks.notNegative(minOrganizations, "minOrganizations");
    this.affiliations = Checks.notNull(affiliations, "affiliations");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    this.confidence = confidence;
  }

  /**
   * CHAOSS time to first response (and the rest of the family) for items opened in {@code
   * window}, looking at events before {@code asOf}: every responder but the author and bots,
   * closing is not a response, approval diversity 2 approvers from 2 organisations (no
   * affiliations known until {@link #withAffiliations}), 95% median interval.
   *
   * @throws IllegalArgumentException if {@code window} ends after {@code asOf}
   */
  public static Responsiveness chaoss(Window window, Instant asOf) {
    return new Responsiveness(
        window, asOf, RepositoryScope.all(), false, false, false, 2, 2, NO_AFFILIATIONS, 0.95);
  }

  /**
   * OpenSauced PR velocity ({@link ResponsivenessResult#velocityDays()}): pull requests merged
   * in the {@code days} days before {@code asOf}.
   */
  public static Responsiveness openSaucedVelocity(Instant asOf, int days) {
    Checks.positive(days, "days");
    return chaoss(Window.endingAt(asOf, Duration.ofDays(days)), asOf);
  }

  /**
   * ROSS weekly ({@link ResponsivenessResult#ross()}): the week that ends at {@code weekEnd},
   * as of its end.
   */
  public static Responsiveness rossWeekly(Instant weekEnd) {
    return chaoss(Window.endingAt(weekEnd, Duration.ofDays(7)), weekEnd);
  }

  /** Items opened (first response, close, closure) or merged (merge, review) in this window. */
  public Window window() {
    return window;
  }

  /** Events at or after this instant are ignored; unanswered items are censored here. */
  public Instant asOf() {
    return asOf;
  }

  /** Which repositories' items count. */
  public RepositoryScope scope() {
    return scope;
  }

  /** Whether bots' items, responses and approvals count ({@code false} by default). */
  public boolean includeBots() {
    return includeBots;
  }

  /** Whether only maintainers' responses count ({@code false} by default). */
  public boolean maintainersOnly() {
    return maintainersOnly;
  }

  /** Whether a close or merge by someone other than the author is a response. */
  public boolean closingIsResponse() {
    return closingIsResponse;
  }

  /** N of approval diversity: distinct approvers other than the author, at least 1. */
  public int minApprovers() {
    return minApprovers;
  }

  /** M of approval diversity: distinct organisations among those approvers, at least 0. */
  public int minOrganizations() {
    return minOrganizations;
  }

  /**
   * Who works where, for approval diversity: an approver's organisation is the one {@link
   * Affiliations#organizationOf} gives at the approval; unaffiliated approvers add none.
   */
  public Affiliations affiliations() {
    return affiliations;
  }

  /** The confidence level of the medians' order-statistic intervals, in (0, 1). */
  public double confidence() {
    return confidence;
  }

  /** This metric over another window (which must end at or before {@link #asOf()}). */
  public Responsiveness withWindow(Window value) {
    return new Responsiveness(value, asOf, scope, includeBots, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric as of another instant (at or after the window's end). */
  public Responsiveness withAsOf(Instant value) {
    return new Responsiveness(window, value, scope, includeBots, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric over another repository group. */
  public Responsiveness withScope(RepositoryScope value) {
    return new Responsiveness(window, asOf, value, includeBots, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric with bots counted ({@code true}) or excluded ({@code false}, the default). */
  public Responsiveness withBots(boolean value) {
    return new Responsiveness(window, asOf, scope, value, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric counting only maintainers' responses ({@code true}) or everyone's. */
  public Responsiveness withMaintainersOnly(boolean value) {
    return new Responsiveness(window, asOf, scope, includeBots, value, closingIsResponse, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric with closing and merging by someone else counted as a response, or not. */
  public Responsiveness withClosingIsResponse(boolean value) {
    return new Responsiveness(window, asOf, scope, includeBots, maintainersOnly, value, minApprovers, minOrganizations, affiliations, confidence);
  }

  /** This metric with approval diversity requiring N approvers from M organisations. */
  public Responsiveness withApprovalDiversity(int approvers, int organizations) {
    return new Responsiveness(window, asOf, scope, includeBots, maintainersOnly, closingIsResponse, approvers, organizations, affiliations, confidence);
  }

  /** This metric with other affiliations. */
  public Responsiveness withAffiliations(Affiliations value) {
    return new Responsiveness(window, asOf, scope, includeBots, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, value, confidence);
  }

  /** This metric with another confidence level for the median intervals. */
  public Responsiveness withConfidence(double value) {
    return new Responsiveness(window, asOf, scope, includeBots, maintainersOnly, closingIsResponse, minApprovers, minOrganizations, affiliations, value);
  }

  /** The review concentration this metric reports: the absence factor over reviews. */
  ContributorAbsenceFactor reviewConcentration() {
    return ContributorAbsenceFactor.chaoss(window)
        .withContributionType(ContributionType.REVIEW)
        .withScope(scope)
        .withBots(includeBots);
  }

  @Override
  public ResponsivenessState accumulate(EventStore slice, People people) {
    Checks.notNull(slice, "slice");
    Checks.notNull(people, "people");
    Scan scan = scan(slice, people);
    return new ResponsivenessState(scan.items(), scan.grants, reviewConcentration().accumulate(slice, people));
  }

  /** The items and grants of one scan; items keyed by scrambled repository index and number. */
  private static final class Scan {
    final EventStore events;
    final LongMap<Item> byIndex;
    final Map<GrantKey, Long> grants;

    Scan(EventStore events, LongMap<Item> byIndex, Map<GrantKey, Long> grants) {
      this.events = events;
      this.byIndex = byIndex;
      this.grants = grants;
    }

    /** The items keyed by repository and number. */
    Map<ItemKey, Item> items() {
      Map<ItemKey, Item> items = new HashMap<>(byIndex.size() * 4 / 3 + 1);
      byIndex.forEach((k, v) -> items.put(key(k), v));
      return items;
    }

    ItemKey key(long scrambled) {
      long packed = scrambled * UNSCRAMBLE;
      return new ItemKey(events.repository((int) (packed >>> 32)), (int) packed);
    }

  }

  private Scan scan(EventStore slice, People people) {
    // Exactly the events in scope: with one repository or a few, only theirs are read.
    EventStore events = scope.restrict(slice);
    long asOfNanos = saturatedNanos(asOf);
    // Keyed by repository index and number while scanning; by repository once per item at the end.
    LongMap<Item> byIndex = new LongMap<>();
    Map<GrantKey, Long> grants = new HashMap<>();
    int n = events.size();
    for (int i = 0; i < n; i++) {
      // The type first: most events (pushes, stars) are of no item, and their repository and
      // time need not be read.
      EventType type = events.type(i);
      boolean member = type == EventType.MEMBER_ADDED;
      if (!member && !isItemEvent(type)) {
        continue;
      }
      long at = nanos(events.epochSecond(i), events.nano(i));
      if (at >= asOfNanos) {
        continue;
      }
      int repo = events.repositoryIndex(i);
      if (member) {
        grants.merge(new GrantKey(events.repository(repo), people.key(people.personOf(events.secondActorIndex(i)))), at, Math::min);
        continue;
      }
      int actor = events.actorIndex(i);
      boolean bot = people.isBot(actor);
      Actor who = people.key(people.personOf(actor));
      // Scrambled so that the map's slots spread small repository indices and numbers.
      long key = (((long) repo << 32) | (events.number(i) & 0xFFFF_FFFFL)) * SCRAMBLE;
      Item item = byIndex.get(key);
      if (item == null) {
        item = new Item();
        byIndex.put(key, item);
      }
      int second = events.secondActorIndex(i);
      if (second >= 0) {
        item.author(people.key(people.personOf(second)), people.isBot(second), false);
      }
      boolean counts = includeBots || !bot;
      switch (type) {
        case ISSUE_OPENED:
        case PULL_REQUEST_OPENED:
          item.pullRequest |= type == EventType.PULL_REQUEST_OPENED;
          if (at < item.openedAt) {
            item.openedAt = at;
            item.author(who, bot, true);
            item.authorNone = events.association(i).filter(a -> a == AuthorAssociation.NONE).isPresent();
          }
          break;
        case ISSUE_COMMENT:
        case REVIEW_COMMENT:
          if (counts) {
            boolean m = maintainersOnly && events.association(i).filter(AuthorAssociation::isMaintainerLike).isPresent();
            item.responses.add(new Item.Act(at, who, bot, Item.RESPONSE, m, null, false));
          }
          break;
        case REVIEW:
          item.pullRequest = true;
          if (counts) {
            Review review = (Review) events.event(i);
            boolean m = review.association().filter(AuthorAssociation::isMaintainerLike).isPresent();
            item.responses.add(new Item.Act(at, who, bot, Item.RESPONSE, m, null, true));
            if (review.state() == ReviewState.APPROVED) {
              String org =
                  affiliations.organizationOf(people.person(people.personOf(actor)), review.at()).orElse(null);
              item.approvals.add(new Item.Act(at, who, bot, Item.RESPONSE, m, org, true));
            }
          }
          break;
        case ISSUE_CLOSED:
        case PULL_REQUEST_CLOSED:
        case PULL_REQUEST_MERGED:
          item.pullRequest |= type != EventType.ISSUE_CLOSED;
          item.transitions.add(
              new Item.Act(at, who, bot, type == EventType.PULL_REQUEST_MERGED ? Item.MERGE : Item.CLOSE, false, null, false));
          break;
        default: // reopened
          item.pullRequest |= type == EventType.PULL_REQUEST_REOPENED;
          item.transitions.add(new Item.Act(at, who, bot, Item.REOPEN, false, null, false));
          break;
      }
    }
    return new Scan(events, byIndex, grants);
  }

  private static boolean isItemEvent(EventType type) {
    return ITEM_EVENTS.contains(type);
  }

  /** The issues' and pull requests' events: openings, comments, reviews, closes, merges, reopenings. */
  private static final Set<EventType> ITEM_EVENTS = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
      EventType.ISSUE_OPENED, EventType.PULL_REQUEST_OPENED, EventType.ISSUE_COMMENT,
      EventType.REVIEW_COMMENT, EventType.REVIEW, EventType.ISSUE_CLOSED,
      EventType.PULL_REQUEST_CLOSED, EventType.PULL_REQUEST_MERGED, EventType.ISSUE_REOPENED,
      EventType.PULL_REQUEST_REOPENED));

  private static final Set<EventType> READS;

  static {
    java.util.EnumSet<EventType> reads = java.util.EnumSet.copyOf(ITEM_EVENTS);
    reads.add(EventType.MEMBER_ADDED); // maintainer grants
    READS = java.util.Collections.unmodifiableSet(reads);
  }

  /**
   * The types of the events this metric reads, of any parameters: the issues' and pull requests'
   * events and maintainer grants (the review concentration counts reviews, one of them). Events
   * of other types change no result.
   */
  public static Set<EventType> eventTypes() {
    return READS;
  }

  private static long nanos(long seconds, int nano) {
    return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nano);
  }

  /** The multiplicative inverse of an odd long modulo 2^64, by Newton's iteration. */
  static long inverse(long odd) {
    long x = odd; // correct to 3 bits; each step doubles them
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }

  /** Epoch nanoseconds, clamped to the long range (for unbounded windows). */
  private static long saturatedNanos(Instant t) {
    try {
      return nanos(t.getEpochSecond(), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE - 1;
    }
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  /** {@link ResponsivenessState#CODEC}. */
  @Override
  public StateCodec<ResponsivenessState> stateCodec() {
    return ResponsivenessState.CODEC;
  }

  @Override
  public ResponsivenessState merge(ResponsivenessState a, ResponsivenessState b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    return ResponsivenessState.merge(a, b);
  }

  @Override
  public ResponsivenessResult finish(ResponsivenessState state) {
    Checks.notNull(state, "state");
    long start = saturatedNanos(window.start());
    long end = saturatedNanos(window.end());
    long asOfNanos = saturatedNanos(asOf);
    LongList respIssue = new LongList();
    LongList respPull = new LongList();
    LongList censIssue = new LongList();
    LongList censPull = new LongList();
    LongList closed = new LongList();
    LongList closeCensored = new LongList();
    LongList merged = new LongList();
    long velocityDaysSum = 0;
    long opened = 0;
    long closedInWindow = 0;
    long mergedInWindow = 0;
    long closedUnmerged = 0;
    long knownAuthor = 0;
    long covered = 0;
    long diverse = 0;
    long mergedWithoutOpening = 0;
    long outOfOrder = 0;
    Set<Actor> rossAuthors = new TreeSet<>();
    List<ItemRef> unanswered = new ArrayList<>();
    for (Map.Entry<ItemKey, Item> e : state.items.entrySet()) {
      Item item = e.getValue();
      if (item.authorBot && !includeBots) {
        continue;
      }
      boolean hasOpening = item.openedAt != Long.MAX_VALUE;
      boolean inCohort = hasOpening && item.openedAt >= start && item.openedAt < end;
      if (!inCohort && !closedIn(item.transitions, start, end)) {
        continue; // nothing in the window: most of a long history
      }
      List<Item.Act> transitions = item.transitions;
      if (transitions.size() > 1) {
        transitions = new ArrayList<>(transitions);
        // Reopens before closes at the same instant, so that a tie leaves the item closed.
        transitions.sort(Comparator.comparingLong(Item.Act::at).thenComparingInt(Item.Act::kind));
      }
      long finalClose = finalClose(transitions);
      // A close, merge or response before the opening (clocks of different services, an opening
      // re-sent later) is no duration: the item leaves the times it would make negative and is
      // counted, rather than fail the whole result.
      boolean disordered = false;
      if (inCohort) {
        opened++;
        long response = firstResponse(item, e.getKey(), state.grants, transitions);
        if (response != Long.MAX_VALUE && response < item.openedAt) {
          disordered = true;
        } else if (response != Long.MAX_VALUE) {
          (item.pullRequest ? respPull : respIssue).add(response - item.openedAt);
        } else {
          (item.pullRequest ? censPull : censIssue).add(asOfNanos - item.openedAt);
          unanswered.add(new ItemRef(e.getKey().repository(), e.getKey().number(), item.pullRequest, instant(item.openedAt)));
        }
        if (finalClose != Long.MAX_VALUE && finalClose < item.openedAt) {
          disordered = true;
        } else if (finalClose != Long.MAX_VALUE) {
          closed.add(finalClose - item.openedAt);
        } else {
          closeCensored.add(asOfNanos - item.openedAt);
        }
      }
      boolean closedHere = false;
      long mergeAt = Long.MAX_VALUE;
      boolean closedUnmergedHere = false;
      for (Item.Act t : transitions) {
        if (t.kind() == Item.MERGE) {
          mergeAt = Math.min(mergeAt, t.at());
        }
        if (t.kind() != Item.REOPEN && t.at() >= start && t.at() < end) {
          closedHere = true;
          closedUnmergedHere |= t.kind() == Item.CLOSE;
        }
      }
      if (closedHere) {
        closedInWindow++;
      }
      if (item.pullRequest && closedUnmergedHere && mergeAt == Long.MAX_VALUE && finalClose != Long.MAX_VALUE) {
        closedUnmerged++;
      }
      if (mergeAt != Long.MAX_VALUE && hasOpening && mergeAt < item.openedAt) {
        disordered = true;
      }
      if (disordered) {
        outOfOrder++;
      }
      if (mergeAt == Long.MAX_VALUE || mergeAt < start || mergeAt >= end) {
        continue;
      }
      mergedInWindow++;
      if (hasOpening && mergeAt < item.openedAt) {
        // Counted above; its merge is no duration.
      } else if (hasOpening) {
        long d = mergeAt - item.openedAt;
        merged.add(d);
        velocityDaysSum += Math.floorDiv(d, NANOS_PER_DAY);
      } else {
        mergedWithoutOpening++;
      }
      if (item.authorNone && item.author != null) {
        rossAuthors.add(item.author);
      }
      if (item.author == null) {
        continue;
      }
      knownAuthor++;
      Set<Actor> approvers = new HashSet<>();
      Set<String> organizations = new HashSet<>();
      for (Item.Act a : item.approvals) {
        if (a.at() <= mergeAt && !a.person().equals(item.author)) {
          approvers.add(a.person());
          if (a.organization() != null) {
            organizations.add(a.organization());
          }
        }
      }
      if (!approvers.isEmpty()) {
        covered++;
      }
      if (approvers.size() >= minApprovers && organizations.size() >= minOrganizations) {
        diverse++;
      }
    }
    unanswered.sort(Comparator.naturalOrder());
    LongList respAll = respIssue.concat(respPull);
    LongList censAll = censIssue.concat(censPull);
    long withOpening = merged.size();
    return new ResponsivenessResult(
        this,
        DurationSummary.of(respAll.toArray(), censAll.toArray(), confidence),
        DurationSummary.of(respIssue.toArray(), censIssue.toArray(), confidence),
        DurationSummary.of(respPull.toArray(), censPull.toArray(), confidence),
        DurationSummary.of(closed.toArray(), closeCensored.toArray(), confidence),
        DurationSummary.of(merged.toArray(), new long[0], confidence),
        withOpening == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) velocityDaysSum / withOpening),
        new Ratio(mergedInWindow, mergedInWindow + closedUnmerged),
        new Ratio(closedInWindow, opened),
        new Ratio(covered, knownAuthor),
        reviewConcentration().finish(state.reviews),
        new Ratio(diverse, knownAuthor),
        new Ratio(rossAuthors.size(), mergedInWindow),
        new ArrayList<>(rossAuthors),
        unanswered,
        mergedWithoutOpening,
        outOfOrder);
  }

  /** Whether a close or merge falls in {@code [start, end)}. */
  private static boolean closedIn(List<Item.Act> transitions, long start, long end) {
    for (Item.Act t : transitions) {
      if (t.kind() != Item.REOPEN && t.at() >= start && t.at() < end) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first close or merge after the last reopen, if the item ends closed; else {@link
   * Long#MAX_VALUE}. {@code transitions} are sorted.
   */
  private static long finalClose(List<Item.Act> transitions) {
    long close = Long.MAX_VALUE;
    for (Item.Act t : transitions) {
      if (t.kind() == Item.REOPEN) {
        close = Long.MAX_VALUE;
      } else if (close == Long.MAX_VALUE) {
        close = t.at();
      }
    }
    return close;
  }

  /** The instant of the item's first qualifying response, or {@link Long#MAX_VALUE}. */
  private long firstResponse(Item item, ItemKey key, Map<GrantKey, Long> grants, List<Item.Act> transitions) {
    Item.Act first = firstResponseAct(item, key, grants, transitions);
    return first == null ? Long.MAX_VALUE : first.at();
  }

  /** The item's first qualifying response (the earliest; ties to the first listed), or null. */
  private Item.Act firstResponseAct(Item item, ItemKey key, Map<GrantKey, Long> grants, List<Item.Act> transitions) {
    Item.Act first = null;
    for (Item.Act a : item.responses) {
      if (qualifies(a, item, key, grants) && (first == null || earlier(a, first))) {
        first = a;
      }
    }
    if (closingIsResponse) {
      for (Item.Act t : transitions) {
        if (t.kind() != Item.REOPEN && (includeBots || !t.bot()) && qualifies(t, item, key, grants)
            && (first == null || earlier(t, first))) {
          first = t;
        }
      }
    }
    return first;
  }

  /**
   * Whether {@code a} comes before {@code b}; at the same instant the lesser person key, so that
   * the responder named does not depend on the order in which slices merged.
   */
  private static boolean earlier(Item.Act a, Item.Act b) {
    return a.at() < b.at() || (a.at() == b.at() && a.person().compareTo(b.person()) < 0);
  }

  /**
   * The first response to one issue or pull request of {@code state} by this metric's rule (see
   * the class comment: someone other than the author, bots left out unless included, maintainers
   * only if so configured, closing only if it counts), whatever the window: the newcomer metrics
   * ask it of the items they follow. Empty when the item is unknown, has no opening in the
   * state, or no qualifying response came before {@link #asOf()}.
   */
  public Optional<ItemTimeline.Action> firstResponse(
      ResponsivenessState state, io.github.communitymetrics.core.event.Repository repository, int number) {
    Checks.notNull(state, "state");
    Checks.notNull(repository, "repository");
    Item item = state.item(repository, number);
    if (item == null || item.openedAt == Long.MAX_VALUE) {
      return Optional.empty();
    }
    Item.Act a = firstResponseAct(item, new ItemKey(repository, number), state.grants, item.transitions);
    if (a == null) {
      return Optional.empty();
    }
    ItemTimeline.Kind kind =
        a.kind() == Item.RESPONSE
            ? (a.review() ? ItemTimeline.Kind.REVIEW : ItemTimeline.Kind.COMMENT)
            : a.kind() == Item.MERGE ? ItemTimeline.Kind.MERGE : ItemTimeline.Kind.CLOSE;
    return Optional.of(new ItemTimeline.Action(instant(a.at()), a.person(), a.bot(), kind, a.maintainer()));
  }

  private boolean qualifies(Item.Act a, Item item, ItemKey key, Map<GrantKey, Long> grants) {
    if (a.at() < item.openedAt || a.person().equals(item.author)) {
      return false;
    }
    if (!maintainersOnly || a.maintainer()) {
      return true;
    }
    Long granted = grants.get(new GrantKey(key.repository(), a.person()));
    return granted != null && granted <= a.at();
  }

  /** Equal when every parameter is equal (affiliations by their own equality). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Responsiveness)) {
      return false;
    }
    Responsiveness r = (Responsiveness) o;
    return window.equals(r.window)
        && asOf.equals(r.asOf)
        && scope.equals(r.scope)
        && includeBots == r.includeBots
        && maintainersOnly == r.maintainersOnly
        && closingIsResponse == r.closingIsResponse
        && minApprovers == r.minApprovers
        && minOrganizations == r.minOrganizations
        && affiliations.equals(r.affiliations)
        && Double.compare(confidence, r.confidence) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        window, asOf, scope, includeBots, maintainersOnly, closingIsResponse, minApprovers,
        minOrganizations, affiliations, confidence);
  }

  @Override
  public String toString() {
    return "Responsiveness[window=" + window + ", asOf=" + asOf + ", scope=" + scope
        + ", bots=" + includeBots + ", maintainersOnly=" + maintainersOnly
        + ", closingIsResponse=" + closingIsResponse + ", approvalDiversity=" + minApprovers
        + "/" + minOrganizations + ", confidence=" + confidence + "]";
  }
}
