package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A packed push's head is held as the rank of a packed commit of the same second with the same
 * sha (issue 24: GH Archive pushes name their last commit as head), and its own bytes otherwise;
 * either way the push is rebuilt with exactly its head.
 */
class PushHeadsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 24).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  private static byte[] randomShas(Random random, int n) {
    byte[] shas = new byte[n * Shas.BYTES];
    random.nextBytes(shas);
    if (n > 1 && random.nextBoolean()) {
      // Two commits with one sha (the same commit pushed to two repositories).
      System.arraycopy(shas, 0, shas, Shas.BYTES, Shas.BYTES);
    }
    if (n > 2) {
      // Equal in the four bytes the table hashes, different after: they collide.
      System.arraycopy(shas, 0, shas, 2 * Shas.BYTES, 4);
    }
    return shas;
  }

  private static long[] words(boolean[] set) {
    long[] words = new long[(set.length + 63) >>> 6];
    for (int i = 0; i < set.length; i++) {
      if (set[i]) {
        words[i >>> 6] |= 1L << i;
      }
    }
    return words;
  }

  /**
   * Positions over runs of seconds (some runs long, so the table grows), each a push, a commit
   * or neither; each push's head is a commit of its own second (shared), a commit of another
   * second, or random (both held as its own bytes). Every head reads back as given and exactly
   * the heads not among their second's commits are held as own bytes.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void headsReadBackAndOnlyTheUnmatchedAreOwned(long seed) {
    Random random = new Random(seed);
    int size = random.nextInt(3000);
    long[] seconds = new long[size];
    long s = random.nextInt(1000);
    for (int p = 0; p < size; p++) {
      if (random.nextInt(random.nextBoolean() ? 3 : 200) == 0) {
        s += 1 + random.nextInt(3);
      }
      seconds[p] = s;
    }
    boolean[] isPush = new boolean[size];
    boolean[] isCommit = new boolean[size];
    for (int p = 0; p < size; p++) {
      int kind = random.nextInt(5);
      isPush[p] = kind == 0 || kind == 1;
      isCommit[p] = kind == 2 || kind == 3;
    }
    RankBits pushBits = RankBits.ofWords(words(isPush));
    RankBits commitBits = RankBits.ofWords(words(isCommit));
    byte[] commitShas = randomShas(random, commitBits.count());
    byte[] pushShas = new byte[pushBits.count() * Shas.BYTES];
    List<String> expected = new ArrayList<>();
    int expectedOwned = 0;
    for (int p = 0; p < size; p++) {
      if (!isPush[p]) {
        continue;
      }
      int k = pushBits.rank(p);
      // The commits of this push's second, and of any other.
      List<Integer> same = new ArrayList<>();
      List<Integer> other = new ArrayList<>();
      for (int q = 0; q < size; q++) {
        if (isCommit[q]) {
          (seconds[q] == seconds[p] ? same : other).add(commitBits.rank(q));
        }
      }
      int choice = random.nextInt(3);
      if (choice == 0 && !same.isEmpty()) {
        int c = same.get(random.nextInt(same.size()));
        System.arraycopy(commitShas, c * Shas.BYTES, pushShas, k * Shas.BYTES, Shas.BYTES);
      } else if (choice == 1 && !other.isEmpty()) {
        int c = other.get(random.nextInt(other.size()));
        System.arraycopy(commitShas, c * Shas.BYTES, pushShas, k * Shas.BYTES, Shas.BYTES);
      } else {
        byte[] sha = new byte[Shas.BYTES];
        random.nextBytes(sha);
        System.arraycopy(sha, 0, pushShas, k * Shas.BYTES, Shas.BYTES);
      }
      String head = Shas.get(pushShas, k);
      expected.add(head);
      boolean matched = false;
      for (int c : same) {
        matched |= Shas.get(commitShas, c).equals(head);
      }
      expectedOwned += matched ? 0 : 1;
    }

    PushHeads heads = PushHeads.of(
        size, p -> seconds[p], pushBits, pushShas.clone(), commitBits, commitShas);

    String where = "seed " + seed;
    for (int k = 0; k < expected.size(); k++) {
      assertEquals(expected.get(k), heads.get(k), where + ", push " + k);
      assertEquals(expected.get(k), Shas.get(heads.array(k), heads.slot(k)), where + ", push " + k);
    }
    assertEquals(expectedOwned, heads.owned(), where + ": heads held as their own bytes");
  }

  /**
   * GH Archive-like pushes (head = the last of the commits added at the push's second), pushes
   * whose head was added at another second or never, and heads that do not pack (SHA-256): the store gives
   * back exactly the events added, and across a second build of the same builder.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void storeGivesBackEveryPushAndCommit(long seed) {
    Random random = new Random(seed);
    List<Repository> repos = List.of(Repository.github("o/a"), Repository.github("o/b"));
    List<Event> events = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    int sharedHeads = 0;
    for (int i = 0; i < 300; i++) {
      Instant at = T0.plusSeconds(random.nextInt(20));
      Repository repo = repos.get(random.nextInt(repos.size()));
      Actor actor = Actor.github("u" + random.nextInt(3));
      int n = random.nextInt(4);
      String last = null;
      for (int c = 0; c < n; c++) {
        last = hex(random, 40);
        Signature author = new Signature("u", "u@users.noreply.github.com", at);
        events.add(new Commit(at, repo, actor, last, List.of(), author, author, List.of(), List.of()));
        earlier.add(last);
      }
      String head;
      int kind = random.nextInt(6);
      if (kind <= 2 && last != null) {
        head = last;
        sharedHeads++;
      } else if (kind == 3 && !earlier.isEmpty()) {
        head = earlier.get(random.nextInt(earlier.size()));
      } else if (kind == 4) {
        head = hex(random, 64); // SHA-256: not packed
      } else {
        head = hex(random, 40);
      }
      events.add(new Push(at, repo, actor, "refs/heads/main", head, Math.max(n, 1)));
    }
    assertTrue(sharedHeads > 0, "seed " + seed + ": no push names a commit of its second");
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, random);
    EventStore.Builder builder = EventStore.builder();
    shuffled.subList(0, shuffled.size() / 2).forEach(builder::add);
    EventStore half = builder.build();
    assertEquals(Set.copyOf(shuffled.subList(0, shuffled.size() / 2)), new HashSet<>(half.stream().toList()),
        "seed " + seed + ": first build");
    shuffled.subList(shuffled.size() / 2, shuffled.size()).forEach(builder::add);
    EventStore all = builder.build();
    assertEquals(Set.copyOf(events), new HashSet<>(all.stream().toList()), "seed " + seed + ": second build");
    assertEquals(all.stream().toList(), EventStore.of(events).stream().toList(), "seed " + seed);
  }

  private static String hex(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      sb.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return sb.toString();
  }
}
