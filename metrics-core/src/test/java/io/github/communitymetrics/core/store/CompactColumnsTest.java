package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventTimes;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compact encodings of the store's columns (issue 24) give back exactly what was added: pushes
 * packed or not (head commits of every length and digit, commit counts around the code byte's
 * limit, repeated and distinct refs), times spanning more or less than 2^31 seconds, numbers.
 */
class CompactColumnsTest {
  private static final Repository REPO = Repository.github("octo/repo");
  private static final Actor ALICE = Actor.github("alice");
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  private static String hex(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      sb.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return sb.toString();
  }

  private static SplittableRandom seeded(long seed) {
    System.out.println("seed " + seed);
    return new SplittableRandom(seed);
  }

  /** Mostly a full SHA-1 (packable), one in eight of another length (7 to 64 digits). */
  private static String randomSha(SplittableRandom random) {
    return hex(random, random.nextInt(8) == 0 ? 7 + random.nextInt(58) : 40);
  }

  private static void assertRebuilt(List<? extends Event> events) {
    EventStore store = EventStore.of(events);
    // Events are values: the store holds each distinct event once, equal to the one added.
    Set<Event> distinct = new HashSet<>(events);
    List<Event> rebuilt = store.stream().collect(Collectors.toList());
    assertEquals(distinct.size(), rebuilt.size());
    assertEquals(distinct, new HashSet<>(rebuilt));
    // A builder that goes on after a build stages the store's (packed) events again.
    EventStore.Builder builder = EventStore.builder().addAll(events);
    builder.build();
    EventStore again = builder.add(events.get(0)).build();
    assertEquals(store.stream().collect(Collectors.toList()), again.stream().collect(Collectors.toList()));
    assertEquals(events.size() - store.size() + 1, again.duplicatesDropped());
  }

  @Test
  void pushesWithHeadsOfEveryLengthAndDigitAreRebuiltExactly() {
    List<String> shas =
        List.of(
            "0000000000000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffffffffffff",
            "0123456789abcdef0123456789abcdef01234567",
            "f0e1d2c3b4a5968778695a4b3c2d1e0f00ff80a7",
            "abc1234", // abbreviated
            "0123456789abcdef0123456789abcdef0123456", // 39
            "0123456789abcdef0123456789abcdef012345678", // 41
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"); // SHA-256
    List<Push> pushes = new ArrayList<>();
    for (int k = 0; k < shas.size(); k++) {
      pushes.add(new Push(T0.plusSeconds(k), REPO, ALICE, "refs/heads/main", shas.get(k), 1));
    }
    assertRebuilt(pushes);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void randomPushesAreRebuiltExactly(long seed) {
    SplittableRandom random = seeded(seed);
    List<Push> pushes = new ArrayList<>();
    int[] counts = {0, 1, 20, 254, 255, 256, 1000, Integer.MAX_VALUE};
    for (int k = 0; k < 500; k++) {
      String sha = randomSha(random);
      String ref = "refs/heads/b" + random.nextInt(40);
      int count = random.nextBoolean() ? counts[random.nextInt(counts.length)] : random.nextInt(300);
      Actor actor = Actor.github("u" + random.nextInt(30));
      pushes.add(new Push(T0.plusSeconds(random.nextInt(50)), REPO, actor, ref, sha, count));
    }
    assertRebuilt(pushes);
  }

  @Test
  void commitCountsAroundTheCodeByteAreRebuiltExactly() {
    List<Push> pushes = new ArrayList<>();
    int[] counts = {0, 127, 128, 255, 256, 257, 65536, Integer.MAX_VALUE};
    for (int k = 0; k < counts.length; k++) {
      pushes.add(
          new Push(T0, REPO, ALICE, "refs/heads/main",
              "0123456789abcdef0123456789abcdef0123456" + k, counts[k]));
    }
    assertRebuilt(pushes);
  }

  @Test
  void pushesWithManyRefsKeepEachOne() {
    List<Push> pushes = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      // The same head on different refs, and the same ref again later.
      String ref = k % 3 == 0 ? "refs/heads/main" : "refs/tags/v" + k;
      pushes.add(new Push(T0.plusSeconds(k), REPO, ALICE, ref,
          "0123456789abcdef0123456789abcdef01234567", 2));
    }
    assertRebuilt(pushes);
  }

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private static Commit commit(Instant at, String sha, Signature author, Signature committer,
      List<String> parents, List<CoAuthor> coAuthors, List<FileChange> files) {
    Actor actor = Actor.git(author.name().isEmpty() ? "anon" : author.name(), author.email());
    return new Commit(at, REPO, actor, sha, parents, author, committer, coAuthors, files);
  }

  @Test
  void commitsPackedOrNotAreRebuiltExactly() {
    Instant at = T0;
    Signature ann = new Signature("Ann", "ann@example.org", at);
    Signature bob = new Signature("Bob", "bob@example.org", at);
    Signature noName = new Signature("", "x@example.org", at);
    Signature noMail = new Signature("Ann", "", at);
    Signature annLater = new Signature("Ann", "ann@example.org", at.plusSeconds(60));
    List<Commit> commits = List.of(
        // As GH Archive lists them: packed.
        commit(at, SHA, ann, ann, List.of(), List.of(), List.of()),
        commit(at, "f" + SHA.substring(1), bob, bob, List.of(), List.of(), List.of()),
        commit(at, "e" + SHA.substring(1), noName, noName, List.of(), List.of(), List.of()),
        commit(at, "d" + SHA.substring(1), noMail, noMail, List.of(), List.of(), List.of()),
        // Anything else keeps its payload object.
        commit(at, "abc1234", ann, ann, List.of(), List.of(), List.of()),
        commit(at, SHA + SHA.substring(0, 24), ann, ann, List.of(), List.of(), List.of()),
        commit(at, "c" + SHA.substring(1), ann, bob, List.of(), List.of(), List.of()),
        commit(at, "b" + SHA.substring(1), ann, annLater, List.of(), List.of(), List.of()),
        commit(at, "a" + SHA.substring(1), ann, ann, List.of(SHA), List.of(), List.of()),
        commit(at, "9" + SHA.substring(1), ann, ann, List.of(),
            List.of(new CoAuthor("Bob", "bob@example.org")), List.of()),
        commit(at, "8" + SHA.substring(1), ann, ann, List.of(), List.of(),
            List.of(FileChange.of(ChangeStatus.ADDED, "a.txt"))));
    assertRebuilt(commits);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void randomCommitsAreRebuiltExactly(long seed) {
    SplittableRandom random = seeded(seed);
    List<Commit> commits = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      Instant at = T0.plusSeconds(random.nextInt(50));
      String sha = randomSha(random);
      Signature author =
          new Signature("n" + random.nextInt(20), "e" + random.nextInt(20) + "@example.org", at);
      Signature committer = random.nextInt(8) == 0
          ? new Signature("c", "c@example.org", at.plusSeconds(random.nextInt(3)))
          : author;
      List<String> parents = random.nextInt(8) == 0 ? List.of(hex(random, 40)) : List.of();
      commits.add(commit(at, sha, author, committer, parents, List.of(), List.of()));
    }
    assertRebuilt(commits);
  }

  /** Events at the epoch and {@code span} seconds later, with one in between. */
  private static List<Event> spanning(long span) {
    Instant first = EventTimes.MIN;
    return List.of(
        new Star(first, REPO, ALICE),
        new IssueClosed(first.plusSeconds(span / 2), REPO, ALICE, 7),
        new Star(first.plusSeconds(span), REPO, Actor.github("bob")));
  }

  @ParameterizedTest(name = "span {0} s")
  @ValueSource(longs = {
    1, 2, 255, 256, 65535, 65536, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (1L << 32) - 1, 1L << 32,
    9_000_000_000L})
  void timesSpanningMoreOrLessThanAnIntAreKept(long span) {
    List<Event> events = spanning(span);
    assertRebuilt(events);
    EventStore store = EventStore.of(events);
    assertEquals(0, store.epochSecond(0));
    assertEquals(span / 2, store.epochSecond(1));
    assertEquals(span, store.epochSecond(2));
    // Slicing by time reads the same column.
    Instant last = EventTimes.MIN.plusSeconds(span);
    assertEquals(List.of(events.get(2)),
        store.slice(new Window(last, last.plusSeconds(1))).stream().collect(Collectors.toList()));
  }

  /**
   * A block of seconds spanning one second more than its form holds moves to the next wider
   * side array, of a whole block (128 positions), and the estimate counts it: the stores differ
   * in that alone.
   */
  @ParameterizedTest(name = "span {0} s")
  @CsvSource({
    "255, 256", // byte per position -> char[128] (16 + 256)
    "65535, 256", // char[128] -> int[128] (16 + 512)
    "4294967295, 512" // int[128] -> long[128] (16 + 1024)
  })
  void estimateCountsTheSideArrayOfABlockSpanningMoreThanItsForm(long span, long more) {
    EventStore narrow = EventStore.of(spanning(span));
    EventStore wide = EventStore.of(spanning(span + 1));
    assertEquals(more, wide.estimatedBytes() - narrow.estimatedBytes());
  }

  @Test
  void numbersAreKeptForNumberedKindsAndZeroElsewhere() {
    List<Event> events = new ArrayList<>();
    int[] numbers = {1, 2, 255, 65536, Integer.MAX_VALUE};
    for (int k = 0; k < 200; k++) {
      Instant at = T0.plusSeconds(k);
      switch (k % 3) {
        case 0 -> events.add(new Star(at, REPO, ALICE));
        case 1 -> events.add(new IssueClosed(at, REPO, ALICE, numbers[k % numbers.length]));
        default -> events.add(new IssueOpened(at, REPO, ALICE, k, Optional.empty(), List.of()));
      }
    }
    assertRebuilt(events);
    EventStore store = EventStore.of(events);
    for (int i = 0; i < store.size(); i++) {
      Event e = store.event(i);
      int expected = e instanceof NumberedEvent n ? n.number() : 0;
      assertEquals(expected, store.number(i), "position " + i);
    }
    EventStore slice = store.slice(new Window(T0.plusSeconds(50), T0.plusSeconds(60)));
    for (int i = 0; i < slice.size(); i++) {
      assertEquals(((int) (slice.epochSecond(i) - T0.getEpochSecond()) % 3 == 0) ? 0 : 1,
          Integer.signum(slice.number(i)), "slice position " + i);
    }
  }
}
