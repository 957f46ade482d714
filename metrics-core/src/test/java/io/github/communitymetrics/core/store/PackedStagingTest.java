package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Signature;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pushes and commits that the store packs are packed already when a builder stages them (issue
 * 24: the staging held a payload object per push and commit, most of the ingestion peak on GH
 * Archive-shaped hours), and the store built from the packed staging is the store the events
 * give: packable and unpackable ones mixed, at one instant, duplicated, and across a builder
 * that goes on after a build (which stages the store's events again).
 */
class PackedStagingTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");
  private static final EventType[] TYPES = EventType.values();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16).map(i -> i * 0x9E3779B97F4A7C15L);
  }

  static String hex(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      sb.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return sb.toString();
  }

  /**
   * Shas that pack (40 digits) and that do not (abbreviated, 39 and 41 digits, SHA-256), some
   * a prefix of another and some equal up to the last digit, so packed and unpacked ones meet
   * in the comparison of one instant.
   */
  static List<String> shaPool(Random random) {
    List<String> pool = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      String sha = hex(random, 40);
      pool.add(sha);
      pool.add(sha.substring(0, 39) + (sha.charAt(39) == '0' ? '1' : '0'));
      pool.add(sha.substring(0, 7));
      pool.add(sha.substring(0, 39));
      pool.add(sha + "a");
      pool.add(sha + hex(random, 24));
    }
    pool.add("0000000000000000000000000000000000000000");
    pool.add("ffffffffffffffffffffffffffffffffffffffff");
    return pool;
  }

  /**
   * Pushes and commits of two repositories and a few actors over five seconds, so that many
   * share an instant, a repository and an actor and are ordered by what the staging packs;
   * some added twice.
   */
  private static List<Event> pushesAndCommits(Random random, int n) {
    List<String> shas = shaPool(random);
    List<Repository> repos = List.of(Repository.github("o/a"), Repository.github("o/b"));
    String[] names = {"Ann", "Bob", "", "Zoë"};
    String[] emails = {"ann@example.org", "b@example.org", ""};
    int[] counts = {0, 1, 3, 254, 255, 256, 1000};
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = T0.plusSeconds(random.nextInt(5));
      Repository repo = repos.get(random.nextInt(repos.size()));
      String sha = shas.get(random.nextInt(shas.size()));
      if (random.nextBoolean()) {
        Actor actor = Actor.github("u" + random.nextInt(2));
        String ref = random.nextInt(3) == 0 ? "refs/heads/dev" : "refs/heads/main";
        out.add(new Push(at, repo, actor, ref, sha, counts[random.nextInt(counts.length)]));
      } else {
        String name = names[random.nextInt(names.length)];
        String email = emails[random.nextInt(names[0].equals(name) ? 1 : emails.length)];
        if (name.isEmpty() && email.isEmpty()) {
          email = "x@example.org";
        }
        Signature author = new Signature(name, email, at);
        int kind = random.nextInt(8);
        Signature committer = kind == 0 ? new Signature("C", "c@example.org", at) : author;
        List<String> parents = kind == 1 ? List.of(shas.get(0)) : List.of();
        Actor actor =
            random.nextBoolean() || name.isEmpty() ? Actor.github("u0") : Actor.git(name, email);
        out.add(new Commit(at, repo, actor, sha, parents, author, committer, List.of(), List.of()));
      }
      if (random.nextInt(10) == 0) {
        out.add(out.get(random.nextInt(out.size())));
      }
    }
    return out;
  }

  /**
   * The build moves the staged pushes and commits into the store: each staged chunk of shas is
   * dropped once copied, and the staged tables are unreachable before the store's actor and
   * repository tables are built (issue 24: the staged tails, about 140 MB on a GH Archive-shaped
   * day, were held to the end of the build, which made its peak).
   */
  @Test
  void buildDropsTheStagedTailsAsItMovesThem() throws ReflectiveOperationException {
    Staging staging = new Staging();
    Random random = new Random(11);
    Repository repo = Repository.github("o/r");
    for (int i = 0; i < 20_000; i++) { // three chunks of each
      Instant at = T0.plusSeconds(i);
      Signature author = new Signature("Ann " + i, "ann" + i + "@example.org", at);
      staging.add(new Push(at, repo, Actor.github("alice"), "refs/heads/main", hex(random, 40), 1));
      staging.add(new Commit(at, repo, Actor.git(author.name(), author.email()), hex(random, 40),
          List.of(), author, author, List.of(), List.of()));
    }
    PackedTails tails = staging.packed();
    WeakReference<Object> pushChunk = new WeakReference<>(firstShaChunk(tails.pushes));
    WeakReference<Object> commitChunk = new WeakReference<>(firstShaChunk(tails.commits));
    WeakReference<Object> tables = new WeakReference<>(tails);
    tails = null;
    List<String> held = new ArrayList<>();
    Columns.steps = step -> {
      if (step.equals("tails moved")) {
        if (!cleared(pushChunk)) {
          held.add("a chunk of staged push shas, once copied");
        }
        if (!cleared(commitChunk)) {
          held.add("a chunk of staged commit shas, once copied");
        }
      } else if (step.equals("tails freed") && !cleared(tables)) {
        held.add("the staged tails, once freed");
      }
    };
    Columns columns;
    try {
      columns = Columns.build(staging, 1);
    } finally {
      Columns.steps = null;
    }
    assertEquals(List.of(), held, "held during the build");
    assertEquals(40_000, columns.size);
  }

  private static Object firstShaChunk(PackedTails.Packed kind) throws ReflectiveOperationException {
    java.lang.reflect.Field shas = PackedTails.Packed.class.getDeclaredField("shas");
    shas.setAccessible(true);
    Object chunk = ((byte[][]) shas.get(kind))[0];
    assertTrue(chunk != null && ((byte[]) chunk).length == 8192 * Shas.BYTES, "a whole first chunk");
    return chunk;
  }

  /** Whether {@code ref} is cleared within a few requested collections. */
  private static boolean cleared(WeakReference<?> ref) {
    for (int attempt = 0; attempt < 10 && ref.get() != null; attempt++) {
      System.gc();
    }
    return ref.get() == null;
  }

  /** Whether the store packs {@code e}, a push or a commit, by the rules of its columns. */
  private static boolean packable(Event e) {
    if (e instanceof Push p) {
      return p.commitCount() <= 255 && p.headSha().length() == 40;
    }
    Commit c = (Commit) e;
    return c.sha().length() == 40 && c.parents().isEmpty() && c.coAuthors().isEmpty()
        && c.files().isEmpty() && c.committer().equals(c.author());
  }

  private static boolean pushOrCommit(Event e) {
    return e instanceof Push || e instanceof Commit;
  }

  /**
   * Added in parts with a build after each, the staging holds a payload object for the
   * unpackable pushes and commits only (those of the earlier stores, staged again, included),
   * and each store equals the one built at once from all events so far, in another order; the
   * pushes and commits of one instant, repository and actor are in the order of their content.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void packedStagingGivesTheSameStoreAcrossBuilds(long seed) {
    Random random = new Random(seed);
    List<Event> events = pushesAndCommits(random, 600);
    events.addAll(RandomEvents.generate(seed, 300)); // every other kind, and more commits
    Collections.shuffle(events, random);
    Staging staging = new Staging();
    Set<Event> built = new HashSet<>();
    int parts = 3;
    for (int part = 1; part <= parts; part++) {
      String where = "seed " + seed + ", part " + part;
      List<Event> added =
          events.subList(events.size() * (part - 1) / parts, events.size() * part / parts);
      added.forEach(staging::add);
      staging.prepareToBuild(); // stages the earlier store's events again
      long unpackable = built.stream().filter(e -> pushOrCommit(e) && !packable(e)).count();
      unpackable += added.stream().filter(e -> pushOrCommit(e) && !packable(e)).count();
      AtomicInteger staged = new AtomicInteger();
      staging.forEachPayload(
          (p, payload) -> {
            EventType type = TYPES[staging.type(p)];
            if (type == EventType.PUSH || type == EventType.COMMIT) {
              staged.incrementAndGet();
            }
          });
      assertEquals(unpackable, staged.get(), where + ": pushes and commits staged as objects");

      Columns columns = Columns.build(staging, 1);
      built.addAll(added);
      List<Event> soFar = new ArrayList<>(events.subList(0, events.size() * part / parts));
      Collections.shuffle(soFar, random);
      EventStore expected = EventStore.of(soFar);
      assertEquals(expected.size(), columns.size, where);
      assertEquals(expected.duplicatesDropped(), columns.duplicatesDropped, where);
      assertEquals(expected.actors(), columns.actorTable.list, where);
      assertEquals(expected.repositories(), columns.repositoryTable.list, where);
      for (int j = 0; j < columns.size; j++) {
        String at = where + ", position " + j;
        assertEquals(expected.event(j), columns.event(j), at);
        assertEquals(expected.actorIndex(j), columns.actor(j), at);
        assertEquals(expected.repositoryIndex(j), columns.repo(j), at);
      }
      int pairs = assertContentOrder(expected, where);
      assertTrue(part == 1 || pairs > 0, where + ": no pushes or commits of one instant compared");
    }
  }

  private static final Comparator<Push> PUSH_CONTENT =
      Comparator.comparing(Push::ref).thenComparing(Push::headSha).thenComparingInt(Push::commitCount);
  private static final Comparator<Commit> COMMIT_CONTENT =
      Comparator.comparing(Commit::sha)
          .thenComparing(c -> c.author().name())
          .thenComparing(c -> c.author().email())
          .thenComparing(c -> c.committer().name())
          .thenComparing(c -> c.committer().email());

  /**
   * Among pushes (commits) of one instant, repository and actor, the store's order is the
   * canonical one: ref, head and count (sha, author, committer, for commits without parents,
   * co-authors or files), each strictly after the one before.
   */
  private static int assertContentOrder(EventStore store, String where) {
    int pairs = 0;
    for (int j = 1; j < store.size(); j++) {
      Event a = store.event(j - 1);
      Event b = store.event(j);
      if (a.type() != b.type()
          || !a.at().equals(b.at())
          || store.repositoryIndex(j - 1) != store.repositoryIndex(j)
          || store.actorIndex(j - 1) != store.actorIndex(j)) {
        continue;
      }
      if (a instanceof Push p && b instanceof Push q) {
        assertTrue(PUSH_CONTENT.compare(p, q) < 0, where + ", position " + j + ": " + p + " " + q);
        pairs++;
      } else if (a instanceof Commit c && b instanceof Commit d && plain(c) && plain(d)) {
        assertTrue(COMMIT_CONTENT.compare(c, d) < 0, where + ", position " + j + ": " + c + " " + d);
        pairs++;
      }
    }
    return pairs;
  }

  private static boolean plain(Commit c) {
    return c.parents().isEmpty() && c.coAuthors().isEmpty() && c.files().isEmpty();
  }

  /**
   * The builder keeps no string of a packable push or commit: once the caller drops the events,
   * their sha strings can be collected (a payload object kept each); an unpackable one's is
   * still held, and the store gives every event back.
   */
  @Test
  void builderKeepsNoShaStringOfAPackablePushOrCommit() {
    EventStore.Builder builder = EventStore.builder();
    Random random = new Random(7);
    List<WeakReference<String>> packed = new ArrayList<>();
    List<Event> copies = new ArrayList<>();
    Repository repo = Repository.github("o/r");
    for (int i = 0; i < 1000; i++) {
      Instant at = T0.plusSeconds(i);
      String sha = new String(hex(random, 40)); // an instance of its own
      Signature ann = new Signature("Ann", "ann@example.org", at);
      Event e = i % 2 == 0
          ? new Push(at, repo, Actor.github("alice"), "refs/heads/main", sha, 1 + i % 300)
          : new Commit(at, repo, Actor.git("Ann", "ann@example.org"), sha, List.of(), ann, ann,
              List.of(), List.of());
      builder.add(e);
      copies.add(e);
      if (packable(e)) {
        packed.add(new WeakReference<>(sha));
      }
    }
    List<Event> all = List.copyOf(copies);
    copies = null;
    // Keep equal events with other sha instances to compare the store with.
    List<Event> equal = new ArrayList<>();
    for (Event e : all) {
      equal.add(
          e instanceof Push p
              ? new Push(p.at(), p.repo(), p.actor(), p.ref(), new String(p.headSha()), p.commitCount())
              : new Commit(e.at(), e.repo(), e.actor(), new String(((Commit) e).sha()), List.of(),
                  ((Commit) e).author(), ((Commit) e).committer(), List.of(), List.of()));
    }
    all = null;
    long alive = packed.size();
    for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
      System.gc();
      alive = packed.stream().filter(r -> r.get() != null).count();
    }
    assertTrue(packed.size() > 900, "most pushes and commits are packable: " + packed.size());
    assertEquals(0, alive, "sha strings of packable pushes and commits still held by the builder");
    EventStore store = builder.build();
    assertEquals(new HashSet<>(equal), new HashSet<>(store.stream().toList()));
  }
}
