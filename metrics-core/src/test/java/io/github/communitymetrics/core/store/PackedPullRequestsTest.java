package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.store.Payloads.BranchAndSha;
import io.github.communitymetrics.core.store.Payloads.PullTail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opened and merged pull requests that the store packs into its own columns (issue 24: their
 * payload objects were most of the payloads of GH Archive-shaped hours) are rebuilt exactly as
 * added, in the order their payload objects give, and cost no payload object; those it does not
 * pack (labels, closing references, a head in the repository itself or none, upper-case or short
 * merge commits) keep theirs.
 */
class PackedPullRequestsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 24).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /**
   * Pull requests of every shape in two repositories by three actors (one without a login, whose
   * fork name cannot be derived) over three seconds, so that many share an instant, repository,
   * actor and number and are ordered by their payloads; a few closed ones among them, some
   * events added twice.
   */
  private static List<Event> pullRequests(Random random, int n) {
    // Merge commits that pack and that do not, some equal up to the last digit or a prefix of
    // another, so packed and unpacked ones meet in the order of one instant.
    List<String> shas = PackedStagingTest.shaPool(random);
    List<Repository> repos = List.of(Repository.github("o/a"), Repository.github("p/b"));
    List<Actor> actors =
        List.of(Actor.github("alice"), Actor.github("Bob"), Actor.git("Carol", "c@example.org"));
    List<Optional<String>> branches =
        List.of(Optional.empty(), Optional.of("main"), Optional.of("dev"), Optional.of("zweig-ü"));
    List<List<String>> labels = List.of(List.of(), List.of(), List.of("bug"), List.of("a", "b"));
    List<List<Integer>> closes = List.of(List.of(), List.of(), List.of(3), List.of(3, 4));
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = T0.plusSeconds(random.nextInt(3));
      Repository repo = pick(random, repos);
      Actor actor = pick(random, actors);
      int number = 1 + random.nextInt(2);
      Optional<String> branch = pick(random, branches);
      String login = actor.login().orElse("carol");
      String name = Staging.repositoryName(repo);
      switch (random.nextInt(5)) {
        case 0, 1 -> {
          List<Optional<String>> heads = List.of(
              Optional.empty(),
              Optional.of(repo.fullName()), // the repository itself
              Optional.of(login + "/" + name), // the author's fork, as GitHub names it
              Optional.of(login + "/" + name),
              Optional.of(login.toUpperCase(Locale.ROOT) + "/" + name), // not derived
              Optional.of(login + "/" + name + "-fork"),
              Optional.of("other/" + name),
              Optional.of(login + "/a")); // derived in o/a, not in p/b
          Optional<AuthorAssociation> association = random.nextBoolean()
              ? Optional.empty()
              : Optional.of(pick(random, List.of(AuthorAssociation.values())));
          out.add(new PullRequestOpened(at, repo, actor, number, random.nextBoolean(), branch,
              association, pick(random, labels), pick(random, heads), pick(random, closes)));
        }
        case 2, 3 -> {
          Optional<Actor> author =
              random.nextBoolean() ? Optional.empty() : Optional.of(pick(random, actors));
          Optional<String> sha = random.nextInt(6) == 0 ? Optional.empty() : Optional.of(pick(random, shas));
          out.add(new PullRequestMerged(at, repo, actor, number, author, branch, sha));
        }
        default -> out.add(new PullRequestClosed(at, repo, actor, number, Optional.empty()));
      }
      if (random.nextInt(10) == 0) {
        out.add(out.get(random.nextInt(out.size())));
      }
    }
    return out;
  }

  /** Whether the store packs {@code e}, by the rules of its pull request columns. */
  private static boolean packable(Event e) {
    if (e instanceof PullRequestOpened o) {
      return o.headRepository().isPresent()
          && !o.headRepository().get().equals(o.repo().fullName())
          && o.labels().isEmpty()
          && o.closes().isEmpty();
    }
    if (e instanceof PullRequestMerged m) {
      return m.baseBranch().isPresent()
          && m.mergeCommitSha().isPresent()
          && m.mergeCommitSha().get().matches("[0-9a-f]{40}");
    }
    return false;
  }

  /**
   * The distinct events in the canonical order as a staging orders their payload objects (it
   * holds every pull request as one): the order the store must keep.
   */
  private static List<Event> stagedOrder(List<Event> events) {
    Staging staging = new Staging();
    events.forEach(staging::add);
    staging.prepare();
    List<Event> ordered = new ArrayList<>();
    int previous = -1;
    for (int p : staging.canonicalOrder(1)) {
      if (previous < 0 || staging.compare(previous, p) != 0) {
        ordered.add(events.get(p));
      }
      previous = p;
    }
    return ordered;
  }

  /**
   * Every distinct pull request once, equal to the one added, in the order the staging gives
   * their payload objects, whatever the input order and also from a builder that goes on after a
   * build (which stages the store's events again); the packable ones have no payload object.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void pullRequestsOfEveryShapeAreRebuiltInTheOrderOfTheirPayloads(long seed) {
    String where = "seed " + seed;
    Random random = new Random(seed);
    List<Event> events = pullRequests(random, 500);
    List<Event> expected = stagedOrder(events);
    assertEquals(new HashSet<>(events).size(), expected.size(), where);

    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);
    Staging staging = new Staging();
    shuffled.forEach(staging::add);
    Columns columns = Columns.build(staging, 1);
    List<Event> rebuilt = new ArrayList<>();
    for (int j = 0; j < columns.size; j++) {
      rebuilt.add(columns.event(j));
    }
    assertSameEvents(expected, rebuilt, where);

    long packable = expected.stream().filter(PackedPullRequestsTest::packable).count();
    assertTrue(packable > 50, where + ": only " + packable + " packable pull requests");
    assertEquals(packable, columns.pullBits.count(), where + ": packed pull requests");
    for (int j = 0; j < columns.size; j++) {
      assertEquals(packable(rebuilt.get(j)), columns.pullBits.get(j), where + ", position " + j);
    }
    for (Object payload : columns.payloads) {
      boolean packed = payload instanceof PullTail t
          && t.headRepository().isPresent() && t.labels().isEmpty() && t.closes().isEmpty();
      packed |= payload instanceof BranchAndSha b && b.sha().matches("[0-9a-f]{40}");
      assertTrue(!packed, where + ": a packable pull request kept its payload " + payload);
    }

    // Half added, built, then the rest: the first store's packed pull requests staged again.
    EventStore.Builder builder = EventStore.builder();
    builder.addAll(shuffled.subList(0, shuffled.size() / 2)).build();
    EventStore store = builder.addAll(shuffled.subList(shuffled.size() / 2, shuffled.size())).build();
    assertSameEvents(expected, store.stream().toList(), where + ", after a second build");
  }

  private static void assertSameEvents(List<Event> expected, List<Event> actual, String where) {
    assertEquals(expected.size(), actual.size(), where + ": events");
    for (int j = 0; j < expected.size(); j++) {
      assertEquals(expected.get(j), actual.get(j), where + ", position " + j);
    }
  }

  /**
   * A fork's head is derived from the store's name of the repository and the author's login,
   * and rebuilt as it was given when the store names the repository otherwise (a rename: one id,
   * two names, the later one kept).
   */
  @Test
  void aHeadIsRebuiltAsGivenWhenTheStoreRenamesTheRepository() {
    Repository old = new Repository(io.github.communitymetrics.core.event.Forge.GITHUB, "o/old",
        java.util.OptionalLong.of(7));
    Repository renamed = new Repository(io.github.communitymetrics.core.event.Forge.GITHUB, "o/new",
        java.util.OptionalLong.of(7));
    Actor alice = Actor.github("alice");
    Function<String, PullRequestOpened> opened = head -> new PullRequestOpened(T0, old, alice, 1,
        false, Optional.of("main"), Optional.empty(), List.of(), Optional.of(head), List.of());
    List<Event> events = List.of(
        opened.apply("alice/old"), // the fork's name under the name given
        opened.apply("alice/new"), // the fork's name under the name kept
        new PullRequestMerged(T0.plusSeconds(60), renamed, alice, 1, Optional.empty(),
            Optional.of("main"), Optional.of("00112233445566778899aabbccddeeff00112233")));
    EventStore store = EventStore.of(events);
    assertEquals(List.of(renamed), store.repositories());
    Set<String> heads = new HashSet<>();
    for (Event e : store.stream().toList()) {
      if (e instanceof PullRequestOpened o) {
        assertEquals(renamed, o.repo());
        heads.add(o.headRepository().orElseThrow());
      }
    }
    assertEquals(Set.of("alice/old", "alice/new"), heads);
  }

  /**
   * A packed pull request costs its few bytes, not a payload object: an opened one from the
   * author's fork at most 12 bytes more than one from the repository itself (whose branch is a
   * payload reference), a merged one at most 28 bytes more than one without a merge commit.
   */
  @Test
  void aPackedPullRequestCostsNoPayloadObject() {
    Repository repo = Repository.github("octo/hello");
    Actor alice = Actor.github("alice");
    int n = 2000;
    Function<Integer, Instant> at = i -> T0.plusSeconds(i);
    List<Event> own = new ArrayList<>();
    List<Event> forks = new ArrayList<>();
    List<Event> withoutSha = new ArrayList<>();
    List<Event> withSha = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < n; i++) {
      Optional<String> main = Optional.of("main");
      own.add(new PullRequestOpened(at.apply(i), repo, alice, i + 1, false, main, Optional.empty(),
          List.of(), Optional.of("octo/hello"), List.of()));
      forks.add(new PullRequestOpened(at.apply(i), repo, alice, i + 1, false, main,
          Optional.empty(), List.of(), Optional.of("alice/hello"), List.of()));
      withoutSha.add(new PullRequestMerged(at.apply(i), repo, alice, i + 1, Optional.empty(), main,
          Optional.empty()));
      withSha.add(new PullRequestMerged(at.apply(i), repo, alice, i + 1, Optional.empty(), main,
          Optional.of(PackedStagingTest.hex(random, 40))));
    }
    long opened = EventStore.of(forks).estimatedBytes() - EventStore.of(own).estimatedBytes();
    long merged = EventStore.of(withSha).estimatedBytes() - EventStore.of(withoutSha).estimatedBytes();
    assertTrue(opened <= 12L * n, "an opened pull request from a fork: " + (double) opened / n);
    assertTrue(merged <= 28L * n, "a merged pull request with its commit: " + (double) merged / n);
  }
}
