package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EventStore#association(int)} is the rebuilt event's association, in a store and its slices. */
class EventStoreAssociationTest {
  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  /** The association the event itself carries, or empty for kinds without one. */
  private static Optional<AuthorAssociation> carried(Event e) {
    if (e instanceof IssueOpened o) {
      return o.association();
    } else if (e instanceof PullRequestOpened o) {
      return o.association();
    } else if (e instanceof IssueComment c) {
      return c.association();
    } else if (e instanceof Review r) {
      return r.association();
    } else if (e instanceof ReviewComment c) {
      return c.association();
    }
    return Optional.empty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void associationIsTheEventsOwn(long seed) {
    EventStore store = EventStore.of(RandomEvents.generate(seed, 400));
    int present = 0;
    for (int i = 0; i < store.size(); i++) {
      Optional<AuthorAssociation> expected = carried(store.event(i));
      assertEquals(expected, store.association(i), "seed " + seed + ", event " + i + ": " + store.event(i));
      present += expected.isPresent() ? 1 : 0;
    }
    assertTrue(present > 0, "seed " + seed + ": no event with an association");
    // A slice reads the same column through its index.
    EventStore slice = store.slice(store.repositories().get(0))
        .slice(Window.endingAt(store.instant(store.size() - 1).plusSeconds(1), Duration.ofDays(3650)));
    for (int i = 0; i < slice.size(); i++) {
      assertEquals(carried(slice.event(i)), slice.association(i), "seed " + seed + ", slice event " + i);
    }
  }
}
