package io.github.communitymetrics.cli;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The cuts a command makes of events streamed into a store ({@code --repo}, {@code --since}),
 * made on the store: each reads the store's events one by one and streams the kept ones into a
 * new store, so that no list of events is built (issue 24).
 */
final class StoreEvents {
  private StoreEvents() {}

  /** The events of {@code store}, in its order, rebuilt one by one as they are read. */
  static List<Event> view(EventStore store) {
    return new View(store);
  }

  private static final class View extends AbstractList<Event> implements RandomAccess {
    private final EventStore store;

    View(EventStore store) {
      this.store = store;
    }

    @Override
    public Event get(int index) {
      return store.event(index);
    }

    @Override
    public int size() {
      return store.size();
    }
  }

  /** The events at or after {@code since}. */
  static EventStore since(EventStore store, Instant since) {
    EventStore.Builder kept = EventStore.builder();
    for (int i = 0; i < store.size(); i++) {
      if (!store.instant(i).isBefore(since)) {
        kept.add(store.event(i));
      }
    }
    return kept.build();
  }

  /**
   * The events of {@code fullName} (case-insensitive, as the filter matches) and, of other
   * repositories, the pull request events credited to one of its stargazers or forkers (the
   * opener, or the author of a closed or merged one): what contributor confidence reads there.
   */
  static EventStore ofRepository(EventStore store, String fullName) {
    Set<String> starOrFork = new HashSet<>();
    for (int i = 0; i < store.size(); i++) {
      EventType t = store.type(i);
      if ((t == EventType.STAR || t == EventType.FORK)
          && store.repository(store.repositoryIndex(i)).fullName().equalsIgnoreCase(fullName)) {
        store.actor(store.actorIndex(i)).login().ifPresent(l -> starOrFork.add(l.toLowerCase(Locale.ROOT)));
      }
    }
    EventStore.Builder out = EventStore.builder();
    for (int i = 0; i < store.size(); i++) {
      Event e = store.event(i);
      if (e.repo().fullName().equalsIgnoreCase(fullName)) {
        out.add(e);
        continue;
      }
      Optional<Actor> credited =
          switch (e.type()) {
            case PULL_REQUEST_OPENED -> Optional.of(e.actor());
            case PULL_REQUEST_CLOSED -> ((PullRequestClosed) e).author();
            case PULL_REQUEST_MERGED -> ((PullRequestMerged) e).author();
            default -> Optional.empty();
          };
      if (credited
          .flatMap(Actor::login)
          .map(l -> starOrFork.contains(l.toLowerCase(Locale.ROOT)))
          .orElse(false)) {
        out.add(e);
      }
    }
    return out.build();
  }
}
