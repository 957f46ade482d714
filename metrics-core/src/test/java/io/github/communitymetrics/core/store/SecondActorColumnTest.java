package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.Review;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EventStore#secondActorIndex(int)} agrees with the rebuilt event, for every kind. */
class SecondActorColumnTest {

  private static Optional<Actor> secondActor(Event e) {
    switch (e.type()) {
      case PULL_REQUEST_CLOSED:
        return ((PullRequestClosed) e).author();
      case PULL_REQUEST_MERGED:
        return ((PullRequestMerged) e).author();
      case REVIEW:
        return ((Review) e).pullRequestAuthor();
      case MEMBER_ADDED:
        return Optional.of(((MemberAdded) e).member());
      case ISSUE_ASSIGNED:
        return Optional.of(((IssueAssigned) e).assignee());
      default:
        return Optional.empty();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void matchesTheEventsOwnAuthorOrMember(long seed) {
    EventStore store = EventStore.of(RandomEvents.generate(seed, 400));
    int withSecond = 0;
    for (int i = 0; i < store.size(); i++) {
      Optional<Actor> expected = secondActor(store.event(i));
      int index = store.secondActorIndex(i);
      assertEquals(expected.isPresent(), index >= 0, "seed " + seed + ", position " + i);
      if (expected.isPresent()) {
        assertEquals(expected.get(), store.actor(index), "seed " + seed + ", position " + i);
        withSecond++;
      }
    }
    assertTrue(withSecond > 0, "seed " + seed + ": no event with a second actor");
    // Slices read the same column.
    EventStore slice = store.slice(store.repositories().get(0));
    for (int i = 0; i < slice.size(); i++) {
      Optional<Actor> expected = secondActor(slice.event(i));
      assertEquals(expected.map(a -> store.indexOf(a).getAsInt()).orElse(-1), slice.secondActorIndex(i),
          "seed " + seed + ", slice position " + i);
    }
  }
}
