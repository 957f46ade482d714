package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The columnar store keeps head repositories, closing references and assignments, tells apart
 * events that differ only there, and a pull request from the repository itself costs nothing more.
 */
class PullRequestLinksStoreTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final Repository REPO = Repository.github("octo/hello");
  private static final Actor ALICE = Actor.github("alice");
  private static final Actor BOB = Actor.github("bob");

  private static PullRequestOpened pull(
      Optional<String> branch, List<String> labels, Optional<String> head, List<Integer> closes) {
    return new PullRequestOpened(
        AT, REPO, ALICE, 2, false, branch, Optional.empty(), labels, head, closes);
  }

  @Test
  void keepsHeadsClosesAndAssignments() {
    Optional<String> main = Optional.of("main");
    Optional<String> own = Optional.of("octo/hello");
    Optional<String> fork = Optional.of("alice/hello");
    List<Event> events = new ArrayList<>();
    for (Optional<String> branch : List.of(Optional.<String>empty(), main)) {
      for (List<String> labels : List.of(List.<String>of(), List.of("bug"))) {
        for (Optional<String> head : List.of(Optional.<String>empty(), own, fork)) {
          for (List<Integer> closes : List.of(List.<Integer>of(), List.of(3), List.of(3, 4))) {
            events.add(pull(branch, labels, head, closes));
          }
        }
      }
    }
    events.add(new IssueAssigned(AT, REPO, ALICE, 3, false, BOB));
    events.add(new IssueAssigned(AT, REPO, ALICE, 3, false, ALICE));
    events.add(new IssueAssigned(AT, REPO, ALICE, 3, true, BOB));
    List<Event> twice = new ArrayList<>(events);
    twice.addAll(events);
    java.util.Collections.shuffle(twice, new java.util.Random(21));
    EventStore store = EventStore.of(twice);
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < store.size(); i++) {
      out.add(store.event(i));
    }
    // Every event distinct, each once (the copies are duplicates), none altered.
    assertEquals(events.size(), new HashSet<>(events).size());
    assertEquals(events.size(), store.size());
    assertEquals(new HashSet<>(events), new HashSet<>(out));
  }

  @Test
  void aHeadInTheRepositoryItselfCostsNothing() {
    Optional<String> main = Optional.of("main");
    EventStore without = EventStore.of(List.of(pull(main, List.of(), Optional.empty(), List.of())));
    EventStore own =
        EventStore.of(List.of(pull(main, List.of(), Optional.of("octo/hello"), List.of())));
    EventStore fork =
        EventStore.of(List.of(pull(main, List.of(), Optional.of("alice/hello"), List.of())));
    EventStore other =
        EventStore.of(List.of(pull(main, List.of(), Optional.of("bob/hello"), List.of())));
    assertEquals(without.estimatedBytes(), own.estimatedBytes());
    // The author's fork (alice/hello) is derived from the actor and the repository; another
    // head's name is held (packed pull requests: PackedPullRequestsTest).
    assertEquals(true, other.estimatedBytes() > fork.estimatedBytes());
  }
}
