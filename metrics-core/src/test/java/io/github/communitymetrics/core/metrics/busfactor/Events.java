package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built events for the bus-factor tests. */
final class Events {
  static final Repository REPO = Repository.github("org/repo");
  static final Repository OTHER = Repository.github("org/other");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final List<Event> events = new ArrayList<>();
  private long sha = 1;

  static Actor person(String login, String... emails) {
    return new Actor(
        Forge.GITHUB, Optional.of(login), OptionalLong.empty(), Optional.empty(), List.of(emails), ActorKind.USER);
  }

  Events commit(Instant at, Repository repo, Actor actor) {
    String s = String.format("%040x", sha++);
    Signature sig = new Signature(actor.label(), "x@example.org", at);
    events.add(new Commit(at, repo, actor, s, List.of(), sig, sig, List.of(), List.of()));
    return this;
  }

  /** {@code n} commits by {@code actor}, one second apart from {@code from}. */
  Events commits(int n, Instant from, Repository repo, Actor actor) {
    for (int i = 0; i < n; i++) {
      commit(from.plusSeconds(i), repo, actor);
    }
    return this;
  }

  Events opened(Instant at, Repository repo, Actor actor, int number) {
    events.add(new PullRequestOpened(at, repo, actor, number, false, Optional.empty(), Optional.empty()));
    return this;
  }

  Events merged(Instant at, Repository repo, Actor merger, int number, Optional<Actor> author) {
    events.add(
        new PullRequestMerged(at, repo, merger, number, author, Optional.empty(), Optional.empty()));
    return this;
  }

  Events star(Instant at, Repository repo, Actor actor) {
    events.add(new Star(at, repo, actor));
    return this;
  }

  List<Event> list() {
    return List.copyOf(events);
  }

  EventStore store() {
    return EventStore.of(events);
  }

  <S, R> R compute(SliceMetric<S, R> metric) {
    EventStore store = store();
    return metric.compute(store, People.resolve(store));
  }
}
