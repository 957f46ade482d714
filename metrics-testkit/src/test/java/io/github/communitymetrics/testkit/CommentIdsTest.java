package io.github.communitymetrics.testkit;

import io.github.communitymetrics.simulator.CommunitySimulator;
import io.github.communitymetrics.simulator.SimulationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Simulated comments and reviews carry forge ids, so no simulated event is a duplicate of another:
 * a store keeps every one of them, including the line comments submitted together with a review.
 */
class CommentIdsTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16).map(i -> i * 104_729 + 11);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aStoreKeepsEverySimulatedEvent(long seed) {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.small(seed)).events();
    EventStore store = EventStore.of(events);
    assertEquals(0, store.duplicatesDropped(), "seed " + seed);
    assertEquals(events.size(), store.size(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void commentAndReviewIdsCountUpInTimeOrder(long seed) {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.small(seed)).events();
    long comments = 0;
    long reviews = 0;
    for (Event e : events) {
      switch (e.type()) {
        case ISSUE_COMMENT:
          assertEquals(
              OptionalLong.of(++comments), ((IssueComment) e).commentId(), "seed " + seed + ": " + e);
          break;
        case REVIEW_COMMENT:
          assertEquals(
              OptionalLong.of(++comments), ((ReviewComment) e).commentId(), "seed " + seed + ": " + e);
          break;
        case REVIEW:
          assertEquals(
              OptionalLong.of(++reviews), ((Review) e).reviewId(), "seed " + seed + ": " + e);
          break;
        default:
          break;
      }
    }
    assertTrue(comments > 0 && reviews > 0, "seed " + seed + ": no comments or no reviews");
  }

  /**
   * The demo community, whose reviews come with bursts of line comments in one second: all kept
   * with their ids, and, as a check that this test can fail, many lost without them.
   */
  @Test
  void demoKeepsEveryLineCommentAndWouldLoseManyWithoutIds() {
    List<Event> events = CommunitySimulator.simulate(SimulationConfig.demo()).events();
    EventStore store = EventStore.of(events);
    assertEquals(0, store.duplicatesDropped());
    assertEquals(events.size(), store.size());

    List<Event> withoutIds = new ArrayList<>(events.size());
    for (Event e : events) {
      withoutIds.add(withoutId(e));
    }
    assertTrue(
        EventStore.of(withoutIds).duplicatesDropped() > 100,
        "the demo should have same-second comment bursts that only ids tell apart");
  }

  private static Event withoutId(Event e) {
    switch (e.type()) {
      case ISSUE_COMMENT:
        IssueComment c = (IssueComment) e;
        return new IssueComment(
            c.at(), c.repo(), c.actor(), c.number(), c.onPullRequest(), c.association(),
            OptionalLong.empty());
      case REVIEW_COMMENT:
        ReviewComment r = (ReviewComment) e;
        return new ReviewComment(
            r.at(), r.repo(), r.actor(), r.number(), r.association(), OptionalLong.empty());
      default:
        return e;
    }
  }
}
