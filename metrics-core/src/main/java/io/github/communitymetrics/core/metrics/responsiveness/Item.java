package io.github.communitymetrics.core.metrics.responsiveness;

import io.github.communitymetrics.core.event.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * What one slice knows about one issue or pull request. Every field merges exactly: the opening
 * is the earliest one seen, lists are unions, so the item's events may fall into any slices.
 * Mutable only while one slice is accumulated; merged items are new objects.
 */
final class Item {
  /** Epoch nanoseconds of the earliest opening seen, or {@link Long#MAX_VALUE} if none. */
  long openedAt = Long.MAX_VALUE;
  /** The author's person key, or null while unknown. */
  Actor author;
  boolean authorBot;
  /** Whether the opening event carried author association NONE (ROSS). */
  boolean authorNone;
  boolean pullRequest;
  /** Comments, reviews and review comments by anyone (bots only when they count). */
  final List<Act> responses = new ArrayList<>(2);
  /** Closes, merges and reopens, by anyone. */
  final List<Act> transitions = new ArrayList<>(1);
  /** Approving reviews (bots only when they count). */
  final List<Act> approvals = new ArrayList<>(0);

  /** Kinds of {@link Act}. */
  static final int RESPONSE = 0;
  static final int REOPEN = 1;
  static final int CLOSE = 2;
  static final int MERGE = 3;

  /**
   * One action on the item.
   *
   * @param at epoch nanoseconds
   * @param person the actor's person key
   * @param bot whether that person is a bot
   * @param kind {@link #RESPONSE}, {@link #REOPEN}, {@link #CLOSE} or {@link #MERGE}
   * @param maintainer whether the event's author association was owner, member or collaborator
   * @param organization the approver's organisation at {@code at}, or null (approvals only)
   * @param review whether the act is a review (not a comment), for the newcomer metrics' first
   *     review
   */
  record Act(long at, Actor person, boolean bot, int kind, boolean maintainer, String organization, boolean review) {}

  /** Records an author; the opening event's author wins over a second actor's. */
  void author(Actor person, boolean bot, boolean fromOpening) {
    if (author == null || fromOpening) {
      author = person;
      authorBot = bot;
    }
  }

  /** The union of two slices' knowledge of the same item. */
  static Item merge(Item a, Item b) {
    Item m = new Item();
    Item first = a.openedAt <= b.openedAt ? a : b;
    m.openedAt = first.openedAt;
    m.authorNone = first.authorNone;
    // The opening's author when a slice saw the opening, else a second actor's (they agree).
    Item source = first.openedAt != Long.MAX_VALUE || a.author != null ? (first.openedAt != Long.MAX_VALUE ? first : a) : b;
    m.author = source.author;
    m.authorBot = source.authorBot;
    m.pullRequest = a.pullRequest || b.pullRequest;
    m.responses.addAll(a.responses);
    m.responses.addAll(b.responses);
    m.transitions.addAll(a.transitions);
    m.transitions.addAll(b.transitions);
    m.approvals.addAll(a.approvals);
    m.approvals.addAll(b.approvals);
    return m;
  }
}
