package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events for the fork tests, dated {@code 2024-MM-DD} at noon UTC. */
final class ForkFixture {
  private ForkFixture() {}

  static Instant day(String monthDay) {
    return Instant.parse("2024-" + monthDay + "T12:00:00Z");
  }

  static Fork fork(Repository upstream, String who, String forkName, String monthDay) {
    return new Fork(day(monthDay), upstream, Actor.github(who), Optional.of(forkName));
  }

  static Push push(String repo, String who, String monthDay) {
    String sha = Integer.toHexString((repo + who + monthDay).hashCode() | 0x10000000);
    return new Push(day(monthDay), Repository.github(repo), Actor.github(who), "refs/heads/main", sha, 1);
  }

  static Release release(String repo, String who, String tag, String monthDay) {
    return new Release(day(monthDay), Repository.github(repo), Actor.github(who), tag, Optional.empty(), false);
  }

  static PullRequestOpened pr(Repository upstream, int number, String who, String head, String monthDay) {
    return new PullRequestOpened(day(monthDay), upstream, Actor.github(who), number, false, Optional.of("main"),
        Optional.of(AuthorAssociation.NONE), List.of(), Optional.of(head), List.of());
  }

  static PullRequestMerged merged(Repository upstream, int number, String by, String author, String monthDay) {
    return new PullRequestMerged(day(monthDay), upstream, Actor.github(by), number, Optional.of(Actor.github(author)),
        Optional.of("main"), Optional.empty());
  }

  static PullRequestClosed closed(Repository upstream, int number, String by, String author, String monthDay) {
    return new PullRequestClosed(day(monthDay), upstream, Actor.github(by), number, Optional.of(Actor.github(author)));
  }

  /** Keeps the event list type explicit at call sites. */
  static List<Event> events(Event... events) {
    return List.of(events);
  }
}
