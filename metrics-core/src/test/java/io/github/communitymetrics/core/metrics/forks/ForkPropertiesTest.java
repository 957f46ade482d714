package io.github.communitymetrics.core.metrics.forks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Granularity;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fork metrics' state merges exactly and survives its codec on seeded random histories (seed
 * printed): upstreams, forks (some renamed, some only named by pull requests), pushes, releases,
 * pull requests back; every split into slices, each resolved apart, encoded, decoded and merged
 * in a shuffled order, finishes to the result of all the events at once.
 */
class ForkPropertiesTest {
  private static final Repository A = Repository.github("acme/widget");
  private static final Repository B = Repository.github("acme/gadget");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Window WINDOW = new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-08-01T00:00:00Z"));

  static List<Event> events(Random r, int n) {
    List<Event> out = new ArrayList<>();
    List<String[]> forks = new ArrayList<>(); // {upstream, fork}
    int[] number = {0};
    for (int k = 0; k < n; k++) {
      Instant at = T0.plusSeconds(r.nextInt(240 * 86_400)).plusNanos(r.nextInt(2) * 500_000_000L);
      Repository up = r.nextBoolean() ? A : B;
      Actor who = Actor.github("p" + r.nextInt(12));
      String sha = Long.toHexString(r.nextLong() | 1L << 60);
      switch (r.nextInt(7)) {
        case 0 -> {
          String name = who.label() + "/" + (r.nextInt(3) == 0 ? "renamed" + r.nextInt(3) : up.fullName().split("/")[1]);
          forks.add(new String[] {up.fullName(), name});
          out.add(new Fork(at, up, who, Optional.of(name)));
        }
        case 1, 2 -> {
          Repository target = forks.isEmpty() || r.nextInt(4) == 0 ? up
              : Repository.github(forks.get(r.nextInt(forks.size()))[1]);
          out.add(new Push(at, target, who, "refs/heads/main", sha, 1 + r.nextInt(3)));
        }
        case 3 -> {
          Repository target = forks.isEmpty() ? up : Repository.github(forks.get(r.nextInt(forks.size()))[1]);
          out.add(new Release(at, target, who, "v" + r.nextInt(4), Optional.empty(), false));
        }
        default -> {
          int no = ++number[0];
          String head = forks.isEmpty() || r.nextInt(5) == 0 ? who.label() + "/loose" : forks.get(r.nextInt(forks.size()))[1];
          out.add(new PullRequestOpened(at, up, who, no, false, Optional.of("main"), Optional.of(AuthorAssociation.NONE),
              List.of(), Optional.of(head), List.of()));
          Instant later = at.plusSeconds(r.nextInt(40 * 86_400));
          int fate = r.nextInt(3);
          if (fate == 0) {
            out.add(new PullRequestMerged(later, up, Actor.github("p0"), no, Optional.of(who), Optional.of("main"), Optional.empty()));
          } else if (fate == 1) {
            out.add(new PullRequestClosed(later, up, Actor.github("p1"), no, Optional.of(who)));
          }
        }
      }
    }
    // Some events carry the repository's numeric id, as GH Archive's do.
    out.add(new Push(T0.plusSeconds(86_400 * 100), new Repository(A.forge(), A.fullName(), OptionalLong.of(7)),
        Actor.github("p3"), "refs/heads/main", "abcdef1", 1));
    return out;
  }

  static List<SliceMetric<ForkState, ?>> metrics() {
    RepositoryScope scope = RepositoryScope.of(A, B);
    return List.of(
        ForkActivity.of(scope, WINDOW, Granularity.MONTH, ForkEvents.AUTO),
        ForkActivity.of(scope, WINDOW, Granularity.WEEK, ForkEvents.PRESENT),
        HardForkSignals.of(scope, WINDOW, 2, ForkEvents.AUTO),
        HardForkSignals.of(RepositoryScope.of(A), WINDOW, 3, ForkEvents.AUTO));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void slicesMergeToTheWhole(long seed) {
    System.out.println("ForkPropertiesTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = events(r, 120 + r.nextInt(200));
    EventStore whole = EventStore.of(events);
    People people = People.resolve(whole);
    int parts = 2 + r.nextInt(4);
    List<List<Event>> slices = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      slices.add(new ArrayList<>());
    }
    events.forEach(e -> slices.get(r.nextInt(parts)).add(e));
    for (SliceMetric<ForkState, ?> m : metrics()) {
      Object expected = m.compute(whole, people);
      StateCodec<ForkState> codec = m.stateCodec();
      List<ForkState> states = new ArrayList<>();
      for (List<Event> s : slices) {
        EventStore store = EventStore.of(s);
        byte[] bytes = codec.encode(m.accumulate(store, People.resolve(store)));
        ForkState back = codec.decode(bytes);
        assertArrayEquals(bytes, codec.encode(back), "seed " + seed);
        states.add(back);
      }
      Collections.shuffle(states, r);
      ForkState merged = states.get(0);
      for (int i = 1; i < states.size(); i++) {
        merged = r.nextBoolean() ? m.merge(merged, states.get(i)) : m.merge(states.get(i), merged);
      }
      assertEquals(expected, m.finish(merged), "seed " + seed);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void theHistoriesHoldChangedForksSignalsAndMerges(long seed) {
    System.out.println("ForkPropertiesTest seed " + seed);
    EventStore store = EventStore.of(events(new Random(seed), 300));
    People people = People.resolve(store);
    ForkActivity.Result a = ForkActivity.of(RepositoryScope.of(A, B), WINDOW, Granularity.MONTH, ForkEvents.AUTO).compute(store, people);
    assertTrue(a.changedForks().orElse(0) >= 3, a.forks().toString());
    assertTrue(a.total().pullRequestsMerged() >= 3, a.total().toString());
    HardForkSignals.Result h = HardForkSignals.of(RepositoryScope.of(A, B), WINDOW, 2, ForkEvents.AUTO).compute(store, people);
    assertTrue(h.withSignals().stream().anyMatch(f -> f.signals().size() >= 3), h.withSignals().toString());
  }
}
