package io.github.communitymetrics.core.metrics.responsiveness;

import java.util.List;
import io.github.communitymetrics.core.internal.StateReader;
import java.util.Comparator;
import io.github.communitymetrics.core.internal.StateWriter;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.metrics.busfactor.ContributionCounts;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The mergeable state of {@link Responsiveness}: what the slices saw of every issue and pull
 * request (keyed by repository and number, so an item's events may fall into different slices),
 * the earliest maintainer grant of each person per repository, and the review counts of the
 * review concentration. Immutable once built; {@link Responsiveness#merge} makes a new one.
 */
public final class ResponsivenessState {
  private static final Comparator<ItemKey> ITEM_ORDER =
      Comparator.comparing(ItemKey::repository, StateWriter.REPOSITORIES).thenComparingInt(ItemKey::number);
  private static final Comparator<GrantKey> GRANT_ORDER =
      Comparator.comparing(GrantKey::repository, StateWriter.REPOSITORIES)
          .thenComparing(GrantKey::person, StateWriter.ACTORS);
  @SuppressWarnings("unchecked")
  private static final BinaryStateCodec<ContributionCounts<Actor>> REVIEWS =
      (BinaryStateCodec<ContributionCounts<Actor>>) ContributionCounts.actorCodec();

  /**
   * Layout: per issue or pull request (by repository and number) its opening, author, flags and
   * acts (instants in epoch nanoseconds as deltas); per repository and person the first
   * maintainer grant; then the review counts in {@link ContributionCounts#actorCodec()}'s layout.
   */
  static final BinaryStateCodec<ResponsivenessState> CODEC =
      BinaryStateCodec.of("responsiveness", 1, ResponsivenessState::write, ResponsivenessState::read);

  final Map<ItemKey, Item> items;
  final Map<GrantKey, Long> grants;
  final ContributionCounts<Actor> reviews;

  /** An issue or pull request: GitHub numbers both from one sequence per repository. */
  record ItemKey(Repository repository, int number) {}

  /** A person's grants in one repository. */
  record GrantKey(Repository repository, Actor person) {}

  ResponsivenessState(Map<ItemKey, Item> items, Map<GrantKey, Long> grants, ContributionCounts<Actor> reviews) {
    this.items = Collections.unmodifiableMap(items);
    this.grants = Collections.unmodifiableMap(grants);
    this.reviews = reviews;
  }

  private static void write(ResponsivenessState s, StateWriter out) {
    out.map(
        s.items,
        ITEM_ORDER,
        (o, k) -> o.repository(k.repository()).varint(k.number()),
        ResponsivenessState::writeItem);
    out.map(
        s.grants,
        GRANT_ORDER,
        (o, k) -> o.repository(k.repository()).actor(k.person()),
        StateWriter::zigzag);
    REVIEWS.writeLayout(s.reviews, out);
  }

  private static void writeItem(StateWriter out, Item item) {
    boolean opened = item.openedAt != Long.MAX_VALUE;
    out.varint(
        (opened ? 1 : 0)
            | (item.author != null ? 2 : 0)
            | (item.authorBot ? 4 : 0)
            | (item.authorNone ? 8 : 0)
            | (item.pullRequest ? 16 : 0));
    if (opened) {
      out.zigzag(item.openedAt);
    }
    if (item.author != null) {
      out.actor(item.author);
    }
    writeActs(out, item.responses);
    writeActs(out, item.transitions);
    writeActs(out, item.approvals);
  }

  private static void writeActs(StateWriter out, List<Item.Act> acts) {
    out.varint(acts.size());
    long previous = 0;
    for (Item.Act a : acts) {
      out.zigzag(Math.subtractExact(a.at(), previous));
      previous = a.at();
      out.actor(a.person());
      out.varint(
          a.kind() | (a.bot() ? 4 : 0) | (a.maintainer() ? 8 : 0) | (a.organization() != null ? 16 : 0)
              | (a.review() ? 32 : 0));
      if (a.organization() != null) {
        out.sharedString(a.organization());
      }
    }
  }

  private static ResponsivenessState read(StateReader in) {
    Map<ItemKey, Item> items =
        in.map(
            "items",
            () -> new ItemKey(in.repository(), in.varint()),
            k -> readItem(in));
    Map<GrantKey, Long> grants =
        in.map("grants", () -> new GrantKey(in.repository(), in.actor()), k -> in.zigzag());
    return new ResponsivenessState(items, grants, REVIEWS.readLayout(in));
  }

  private static Item readItem(StateReader in) {
    int flags = in.varint();
    if (flags >= 32) {
      throw in.error("item flags " + flags);
    }
    Item item = new Item();
    if ((flags & 1) != 0) {
      item.openedAt = in.zigzag();
      if (item.openedAt == Long.MAX_VALUE) {
        throw in.error("an opening at the sentinel instant");
      }
    }
    if ((flags & 2) != 0) {
      item.author = in.actor();
    }
    item.authorBot = (flags & 4) != 0;
    item.authorNone = (flags & 8) != 0;
    item.pullRequest = (flags & 16) != 0;
    readActs(in, item.responses);
    readActs(in, item.transitions);
    readActs(in, item.approvals);
    return item;
  }

  private static void readActs(StateReader in, List<Item.Act> into) {
    int n = in.count("acts");
    long previous = 0;
    for (int i = 0; i < n; i++) {
      long delta = in.zigzag();
      long at = previous + delta;
      if (((previous ^ at) & (delta ^ at)) < 0) {
        throw in.error("act instant overflows");
      }
      previous = at;
      Actor person = in.actor();
      int flags = in.varint();
      // Two bits of kind: RESPONSE, REOPEN, CLOSE, MERGE, all valid. Bit 32 (review) is additive:
      // states written before it decode as comments, as they were counted then.
      if (flags >= 64) {
        throw in.error("act flags " + flags);
      }
      String organisation = (flags & 16) != 0 ? in.sharedString() : null;
      into.add(new Item.Act(at, person, (flags & 4) != 0, flags & 3, (flags & 8) != 0, organisation, (flags & 32) != 0));
    }
  }

  /**
   * Every issue and pull request the state knows, by repository and number, with its actions
   * sorted by time (reopens before closes at the same instant).
   */
  public List<ItemTimeline> timelines() {
    List<ItemKey> keys = new java.util.ArrayList<>(items.keySet());
    keys.sort(ITEM_ORDER);
    List<ItemTimeline> out = new java.util.ArrayList<>(keys.size());
    for (ItemKey k : keys) {
      out.add(timeline(k, items.get(k)));
    }
    return out;
  }

  private static ItemTimeline timeline(ItemKey k, Item item) {
    List<ItemTimeline.Action> actions = new java.util.ArrayList<>(item.responses.size() + item.transitions.size());
    for (Item.Act a : item.responses) {
      actions.add(action(a, a.review() ? ItemTimeline.Kind.REVIEW : ItemTimeline.Kind.COMMENT));
    }
    for (Item.Act a : item.transitions) {
      ItemTimeline.Kind kind =
          a.kind() == Item.MERGE ? ItemTimeline.Kind.MERGE
              : a.kind() == Item.CLOSE ? ItemTimeline.Kind.CLOSE : ItemTimeline.Kind.REOPEN;
      actions.add(action(a, kind));
    }
    actions.sort(Comparator.comparing(ItemTimeline.Action::at).thenComparing(ItemTimeline.Action::kind));
    return new ItemTimeline(
        k.repository(),
        k.number(),
        item.pullRequest,
        item.openedAt == Long.MAX_VALUE ? java.util.Optional.empty() : java.util.Optional.of(Responsiveness.instant(item.openedAt)),
        java.util.Optional.ofNullable(item.author),
        item.authorBot,
        actions);
  }

  private static ItemTimeline.Action action(Item.Act a, ItemTimeline.Kind kind) {
    return new ItemTimeline.Action(Responsiveness.instant(a.at()), a.person(), a.bot(), kind, a.maintainer());
  }

  /** When {@code person} was first granted access to {@code repository} ({@code member_added}). */
  public java.util.Optional<java.time.Instant> granted(Repository repository, Actor person) {
    Long at = grants.get(new GrantKey(repository, person));
    return at == null ? java.util.Optional.empty() : java.util.Optional.of(Responsiveness.instant(at));
  }

  /** The item's internal record, or null. */
  Item item(Repository repository, int number) {
    return items.get(new ItemKey(repository, number));
  }

  /** How many issues and pull requests the state knows something about. */
  public int itemCount() {
    return items.size();
  }

  static ResponsivenessState merge(ResponsivenessState a, ResponsivenessState b) {
    Map<ItemKey, Item> items = new HashMap<>(a.items);
    b.items.forEach((k, v) -> items.merge(k, v, Item::merge));
    Map<GrantKey, Long> grants = new HashMap<>(a.grants);
    b.grants.forEach((k, v) -> grants.merge(k, v, Math::min));
    return new ResponsivenessState(items, grants, a.reviews.merge(b.reviews));
  }

  @Override
  public String toString() {
    return "ResponsivenessState[" + items.size() + " items, " + grants.size() + " grants]";
  }
}
