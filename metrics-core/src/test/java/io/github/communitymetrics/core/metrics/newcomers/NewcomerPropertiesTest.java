package io.github.communitymetrics.core.metrics.newcomers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.metrics.People;
import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.metrics.SliceMetric;
import io.github.communitymetrics.core.registry.Evaluation;
import io.github.communitymetrics.core.registry.MetricDescriptor;
import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.state.StateFormatException;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The newcomer metrics' states merge exactly and survive their codec, on seeded random event
 * streams of two repositories (each seed printed): every split of the events into slices,
 * accumulated apart (each slice with its own identity resolution, as on Spark), encoded, decoded
 * and merged in a shuffled order, finishes to the result of all the events at once.
 */
class NewcomerPropertiesTest {
  private static final Repository A = Repository.github("acme/widget");
  private static final Repository B = Repository.github("acme/gadget");
  private static final Instant T0 = Instant.parse("2023-10-01T00:00:00Z");
  private static final Window WINDOW =
      new Window(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
  private static final List<MetricDescriptor<?>> METRICS =
      List.of(NewcomerExperience.INSTANCE, NewcomerStaying.INSTANCE, NewcomerWelcomers.INSTANCE, Mentorship.INSTANCE);

  /** A random history of about {@code n} events: items opened, answered, reviewed, closed. */
  static List<Event> events(Random r, int n) {
    List<Actor> people = new ArrayList<>();
    // Person i arrives on day 15 i: p0 to p6 before the window, the rest inside it or after.
    for (int i = 0; i < 20; i++) {
      people.add(Actor.github("p" + i));
    }
    Actor bot = Actor.github("helper[bot]");
    List<Event> out = new ArrayList<>();
    int[] next = {1, 1};
    List<Object[]> open = new ArrayList<>(); // {repo, number, author, pr, opened}
    for (int k = 0; k < n; k++) {
      Instant at = T0.plusSeconds(r.nextInt(300 * 86400)).plusNanos(r.nextInt(3) * 500_000_000L);
      Repository repo = r.nextBoolean() ? A : B;
      int arrived = (int) Math.min(people.size(), Duration.between(T0, at).toDays() / 15 + 1);
      // Some acts by the first three (the maintainers), some by a bot, the rest by anyone arrived.
      int pick = r.nextInt(10);
      Actor who = pick < 3 ? people.get(r.nextInt(3)) : pick == 3 ? bot : people.get(r.nextInt(arrived));
      Optional<AuthorAssociation> assoc =
          r.nextInt(4) == 0 ? Optional.of(AuthorAssociation.MEMBER) : Optional.of(AuthorAssociation.NONE);
      int kind = r.nextInt(10);
      if (open.isEmpty() || kind <= 2) {
        int idx = repo == A ? 0 : 1;
        boolean pr = r.nextBoolean();
        int number = next[idx]++;
        out.add(pr
            ? new PullRequestOpened(at, repo, who, number, false, Optional.of("main"), assoc)
            : new IssueOpened(at, repo, who, number, assoc, List.of()));
        open.add(new Object[] {repo, number, who, pr, at});
        continue;
      }
      // Mostly one of the latest items, so that newcomers' items get answers too.
      int from = r.nextInt(4) == 0 ? 0 : Math.max(0, open.size() - 8);
      Object[] item = open.get(from + r.nextInt(open.size() - from));
      Repository ir = (Repository) item[0];
      int number = (Integer) item[1];
      Actor author = (Actor) item[2];
      boolean pr = (Boolean) item[3];
      // Acts on an item mostly follow its opening within days (a few come before: clock skew).
      if (r.nextInt(8) != 0) {
        at = ((Instant) item[4]).plusSeconds(r.nextInt(20 * 86400));
      }
      switch (kind) {
        case 3, 4 -> out.add(new IssueComment(at, ir, who, number, pr, assoc, OptionalLong.empty()));
        case 5 -> out.add(pr
            ? new Review(at, ir, who, number, ReviewState.values()[r.nextInt(ReviewState.values().length)], Optional.of(author), assoc, OptionalLong.empty())
            : new IssueClosed(at, ir, who, number));
        case 6 -> out.add(pr
            ? new PullRequestMerged(at, ir, who, number, Optional.of(author), Optional.of("main"), Optional.empty())
            : new IssueReopened(at, ir, who, number));
        case 7 -> out.add(pr
            ? new PullRequestClosed(at, ir, who, number, Optional.of(author))
            : new ReviewComment(at, ir, who, number, assoc, OptionalLong.empty()));
        case 8 -> out.add(new MemberAdded(at, ir, people.get(0), who, Permission.values()[0]));
        default -> {
          Signature s = new Signature(who.login().orElseThrow(), who.login().orElseThrow() + "@example.com", at);
          out.add(new Commit(at, ir, who, String.format("%040x", r.nextLong() & Long.MAX_VALUE), List.of(), s, s, List.of(), List.of()));
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void everySplitMergesThroughTheCodecToTheWhole(long seed) {
    System.out.println("NewcomerPropertiesTest seed " + seed);
    Random r = new Random(seed);
    List<Event> events = events(r, 150 + r.nextInt(250));
    EventStore whole = EventStore.of(events);
    People people = People.resolve(whole);
    RepositoryScope scope = seed % 3 == 0 ? RepositoryScope.all() : RepositoryScope.of(A);
    Evaluation e = Evaluation.of(scope, WINDOW);
    List<List<Event>> slices = slices(events, r);
    for (MetricDescriptor<?> d : METRICS) {
      check(d, e, whole, people, slices, new Random(seed * 31 + d.id().hashCode()), seed);
    }
  }

  /** The events dealt at random into 2 to 5 slices. */
  static List<List<Event>> slices(List<Event> events, Random r) {
    int parts = 2 + r.nextInt(4);
    List<List<Event>> slices = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      slices.add(new ArrayList<>());
    }
    for (Event ev : events) {
      slices.get(r.nextInt(parts)).add(ev);
    }
    return slices;
  }

  /** Accumulates, encodes, decodes and merges the slices in a shuffled order; checks the whole's result. */
  static <R> void check(
      MetricDescriptor<R> d, Evaluation e, EventStore whole, People people, List<List<Event>> slices, Random r, long seed) {
    @SuppressWarnings("unchecked")
    SliceMetric<Object, R> m = (SliceMetric<Object, R>) d.metric(e);
    R expected = m.compute(whole, people);
    StateCodec<Object> codec = m.stateCodec();
    List<Object> states = new ArrayList<>();
    for (List<Event> s : slices) {
      EventStore store = EventStore.of(s);
      Object state = m.accumulate(store, People.resolve(store));
      byte[] bytes = codec.encode(state);
      Object back = codec.decode(bytes);
      assertArrayEquals(bytes, codec.encode(back), d.id() + " seed " + seed);
      states.add(back);
    }
    java.util.Collections.shuffle(states, r);
    Object merged = states.get(0);
    for (int i = 1; i < states.size(); i++) {
      merged = r.nextBoolean() ? m.merge(merged, states.get(i)) : m.merge(states.get(i), merged);
    }
    assertEquals(expected, m.finish(merged), d.id() + " seed " + seed);
  }

  /** The seeds of the property above, with what their histories hold (guards against vacuous streams). */
  @org.junit.jupiter.api.Test
  void thePropertysHistoriesHaveNewcomersAnswersMentorsAndReturns() {
    int answered = 0;
    int mentored = 0;
    int returned = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Random r = new Random(seed);
      EventStore store = EventStore.of(events(r, 150 + r.nextInt(250)));
      Journeys j = NewcomerExperience.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), WINDOW))
          .compute(store, People.resolve(store)).journeys();
      System.out.println("NewcomerPropertiesTest seed " + seed + ": " + j.newcomers().size() + " newcomers");
      assertTrue(j.newcomers().size() >= 3, "newcomers, seed " + seed);
      answered += j.newcomers().stream().anyMatch(x -> x.firstItem().flatMap(FirstItem::firstResponse).isPresent()) ? 1 : 0;
      mentored += j.newcomers().stream().anyMatch(Journey::mentored) ? 1 : 0;
      returned += j.newcomers().stream().anyMatch(x -> x.secondContribution().isPresent()) ? 1 : 0;
    }
    assertTrue(answered >= 10, "seeds with an answered newcomer: " + answered);
    assertTrue(mentored >= 3, "seeds with a mentee: " + mentored);
    assertTrue(returned >= 10, "seeds with a returning newcomer: " + returned);
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32})
  void aCutStateIsAFormatError(long seed) {
    System.out.println("NewcomerPropertiesTest seed " + seed);
    EventStore store = EventStore.of(events(new Random(seed), 40));
    @SuppressWarnings("unchecked")
    SliceMetric<Object, ?> m = (SliceMetric<Object, ?>) Mentorship.INSTANCE.metric(Evaluation.of(RepositoryScope.all(), WINDOW));
    byte[] bytes = m.stateCodec().encode(m.accumulate(store, People.resolve(store)));
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThrows(StateFormatException.class, () -> m.stateCodec().decode(cut), "cut at " + n + " seed " + seed);
    }
  }
}
