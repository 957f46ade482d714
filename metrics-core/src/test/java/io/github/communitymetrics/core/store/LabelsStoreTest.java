package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The columnar store keeps labels and label changes, and tells apart events that differ only there. */
class LabelsStoreTest {
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final Repository REPO = Repository.github("octo/hello");
  private static final Actor ALICE = Actor.github("alice");

  @Test
  void keepsLabelsAndLabelChanges() {
    List<Event> events =
        List.of(
            new IssueOpened(AT, REPO, ALICE, 1, Optional.empty(), List.of("bug")),
            new IssueOpened(AT, REPO, ALICE, 1, Optional.empty(), List.of("bug", "ux")),
            new IssueOpened(AT, REPO, ALICE, 1, Optional.empty()),
            new PullRequestOpened(AT, REPO, ALICE, 2, true, Optional.of("main"), Optional.empty(), List.of("x")),
            new PullRequestOpened(AT, REPO, ALICE, 2, true, Optional.empty(), Optional.empty(), List.of("x")),
            new PullRequestOpened(AT, REPO, ALICE, 2, true, Optional.of("main"), Optional.empty()),
            new LabelChanged(AT, REPO, ALICE, 3, false, "bug", true),
            new LabelChanged(AT, REPO, ALICE, 3, false, "bug", false),
            new LabelChanged(AT, REPO, ALICE, 3, true, "bug", true),
            new LabelChanged(AT, REPO, ALICE, 3, true, "bug", false),
            new LabelChanged(AT, REPO, ALICE, 3, true, "ux", false));
    List<Event> twice = new ArrayList<>(events);
    twice.addAll(events);
    EventStore store = EventStore.of(twice);
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < store.size(); i++) {
      out.add(store.event(i));
    }
    // Every event distinct, each once (the copies are duplicates), none altered.
    assertEquals(events.size(), store.size());
    assertEquals(new HashSet<>(events), new HashSet<>(out));
  }
}
