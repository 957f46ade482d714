package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.Measurement;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NewContributorsTest {
  private static final Repository REPO = Repository.github("acme/widget");
  private static final Repository OTHER = Repository.github("acme/other");
  private static final Window FEB =
      new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
  private static int number = 1;

  private static IssueOpened issue(String login, Repository repo, String at) {
    return new IssueOpened(Instant.parse(at), repo, Actor.github(login), number++, Optional.empty());
  }

  private static IssueComment comment(String login, Repository repo, String at) {
    return new IssueComment(
        Instant.parse(at), repo, Actor.github(login), number++, false, Optional.empty(), OptionalLong.empty());
  }

  private static final List<Event> EVENTS =
      List.of(
          issue("alice", REPO, "2024-01-10T00:00:00Z"), // history: alice is not new in February
          comment("alice", REPO, "2024-02-10T00:00:00Z"),
          issue("bob", REPO, "2024-02-05T00:00:00Z"), // new
          comment("bob", REPO, "2024-02-06T00:00:00Z"),
          issue("carol", OTHER, "2024-01-05T00:00:00Z"), // other repository: history elsewhere
          comment("carol", REPO, "2024-02-29T23:59:59Z"), // new here, last second of the window
          comment("dave", REPO, "2024-03-01T00:00:00Z"), // at the end: after the window
          comment("dependabot[bot]", REPO, "2024-02-07T00:00:00Z"), // a bot
          new Star(Instant.parse("2024-02-08T00:00:00Z"), REPO, Actor.github("erin"))); // no contribution

  @Test
  void handComputedFebruary() {
    EventStore store = EventStore.of(EVENTS);
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), FEB);
    NewContributors.Result r = NewContributors.INSTANCE.metric(e).compute(store, People.resolve(store));
    assertEquals(List.of(Actor.github("bob"), Actor.github("carol")), r.newcomers());
    assertEquals(3, r.contributors());
    List<Measurement> m = NewContributors.INSTANCE.measure(r, e);
    assertEquals(2.0, m.get(0).value().getAsDouble());
    assertEquals(2.0 / 3, m.get(2).value().getAsDouble(), 1e-15);
  }

  @Test
  void everySplitOfTheEventsMergesToTheWhole() {
    EventStore store = EventStore.of(EVENTS);
    People people = People.resolve(store);
    var metric = NewContributors.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), FEB));
    NewContributors.Result whole = metric.compute(store, people);
    for (int cut = 0; cut <= store.size(); cut++) {
      Instant at = cut == store.size() ? Instant.parse("2030-01-01T00:00:00Z") : store.instant(cut);
      EventStore before = store.slice(new Window(Instant.parse("2000-01-01T00:00:00Z"), at));
      EventStore after = store.slice(new Window(at, Instant.parse("2030-01-01T00:00:00Z")));
      assertEquals(whole, finish(metric, before, after, people), "cut at " + at);
    }
  }

  @SuppressWarnings("unchecked")
  private static <S> NewContributors.Result finish(
      io.github.communitymetrics.core.metrics.SliceMetric<S, NewContributors.Result> m,
      EventStore a, EventStore b, People people) {
    return m.finish(m.merge(m.accumulate(b, people), m.accumulate(a, people)));
  }

  @Test
  void statesRoundTripThroughTheirCodec() {
    EventStore store = EventStore.of(EVENTS);
    People people = People.resolve(store);
    roundTrip(NewContributors.INSTANCE.metric(Evaluation.of(RepositoryScope.of(REPO), FEB)), store, people);
  }

  private static <S> void roundTrip(
      io.github.communitymetrics.core.metrics.SliceMetric<S, NewContributors.Result> m,
      EventStore store, People people) {
    S state = m.accumulate(store, people);
    byte[] bytes = m.stateCodec().encode(state);
    S back = m.stateCodec().decode(bytes);
    assertEquals(m.finish(state), m.finish(back));
    org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, m.stateCodec().encode(back));
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(bytes, n);
      org.junit.jupiter.api.Assertions.assertThrows(
          io.github.communitymetrics.core.state.StateFormatException.class,
          () -> m.stateCodec().decode(cut), "truncated to " + n);
    }
  }

  @Test
  void nobodyContributedIsNoData() {
    EventStore store = EventStore.of(List.of(EVENTS.get(8)));
    Evaluation e = Evaluation.of(RepositoryScope.of(REPO), FEB);
    var r = NewContributors.INSTANCE.metric(e).compute(store, People.resolve(store));
    for (Measurement m : NewContributors.INSTANCE.measure(r, e)) {
      assertFalse(m.hasValue(), m.toString());
    }
  }
}
