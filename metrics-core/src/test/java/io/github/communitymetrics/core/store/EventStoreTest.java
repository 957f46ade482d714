package io.github.communitymetrics.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.ChangeStatus;
import io.github.communitymetrics.core.event.CoAuthor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.FileChange;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.MemberAdded;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.PullRequestReopened;
import io.github.communitymetrics.core.event.Push;
import io.github.communitymetrics.core.event.Release;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.core.event.ReviewComment;
import io.github.communitymetrics.core.event.ReviewState;
import io.github.communitymetrics.core.event.Signature;
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.time.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventStoreTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Repository REPO = Repository.github("acme/rocket");
  private static final Repository GITLAB_REPO =
      new Repository(Forge.GITLAB, "group/sub/proj", OptionalLong.of(42));
  private static final Actor ALICE = Actor.github("alice");
  private static final Actor BOB =
      new Actor(
          Forge.GITHUB,
          Optional.of("bob"),
          OptionalLong.of(7),
          Optional.of("Bob B."),
          List.of("bob@example.org", "b@example.com"),
          ActorKind.USER);
  private static final Actor GIT_CAROL = Actor.git("Carol", "carol@example.org");

  private static Instant t(int second) {
    return T0.plusSeconds(second);
  }

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  /** At least one event of each type and each optional shape, at strictly increasing instants. */
  static List<Event> everyKind() {
    Signature author = new Signature("Carol", "carol@example.org", t(30));
    return List.of(
        new Star(t(0), REPO, ALICE),
        new Fork(t(1), REPO, ALICE, Optional.of("alice/rocket")), // as GitHub names forks
        new Fork(t(2), REPO, BOB, Optional.of("elsewhere/rocket-fork")),
        new Fork(t(3), REPO, GIT_CAROL, Optional.empty()),
        new IssueOpened(t(4), REPO, BOB, 1, Optional.of(AuthorAssociation.FIRST_TIMER)),
        new IssueOpened(t(5), REPO, BOB, 2, Optional.empty()),
        new IssueClosed(t(6), REPO, ALICE, 1),
        new IssueReopened(t(7), REPO, BOB, 1),
        new IssueComment(
            t(8), REPO, ALICE, 1, false, Optional.of(AuthorAssociation.OWNER), OptionalLong.of(5)),
        new IssueComment(t(9), REPO, BOB, 3, true, Optional.empty(), OptionalLong.empty()),
        new PullRequestOpened(
            t(10), REPO, BOB, 3, true, Optional.of("main"), Optional.of(AuthorAssociation.NONE)),
        new PullRequestOpened(t(11), REPO, BOB, 4, false, Optional.empty(), Optional.empty()),
        new PullRequestClosed(t(12), REPO, ALICE, 4, Optional.of(BOB)),
        new PullRequestClosed(t(13), REPO, ALICE, 5, Optional.empty()),
        new PullRequestMerged(
            t(14), REPO, ALICE, 3, Optional.of(BOB), Optional.of("main"), Optional.of(SHA)),
        new PullRequestMerged(
            t(15), REPO, ALICE, 6, Optional.empty(), Optional.of("dev"), Optional.empty()),
        new PullRequestMerged(
            t(16), REPO, ALICE, 7, Optional.of(ALICE), Optional.empty(), Optional.of("abcdef1")),
        new PullRequestMerged(
            t(17), REPO, ALICE, 8, Optional.empty(), Optional.empty(), Optional.empty()),
        new PullRequestReopened(t(18), REPO, BOB, 4),
        new Review(
            t(19),
            REPO,
            ALICE,
            3,
            ReviewState.CHANGES_REQUESTED,
            Optional.of(BOB),
            Optional.of(AuthorAssociation.MEMBER),
            OptionalLong.of(Long.MAX_VALUE)),
        new Review(
            t(20), REPO, ALICE, 3, ReviewState.DISMISSED, Optional.empty(), Optional.empty(),
            OptionalLong.empty()),
        new ReviewComment(
            t(21), REPO, ALICE, 3, Optional.of(AuthorAssociation.COLLABORATOR), OptionalLong.of(1)),
        new ReviewComment(t(22), REPO, BOB, 3, Optional.empty(), OptionalLong.empty()),
        // Labels, within the span above and off the other tests' slices.
        new IssueOpened(t(23), REPO, BOB, 7, Optional.empty(), List.of("bug", "ux")),
        new PullRequestOpened(
            t(23), REPO, BOB, 8, false, Optional.of("main"), Optional.empty(), List.of("deps")),
        new LabelChanged(t(24), REPO, ALICE, 7, false, "bug", true),
        new LabelChanged(t(24), REPO, ALICE, 7, false, "ux", false),
        new LabelChanged(t(25), REPO, BOB, 8, true, "bug", true),
        new LabelChanged(t(25), REPO, BOB, 8, true, "bug", false),
        // Head repositories, closing references and an assignment.
        new PullRequestOpened(
            t(26), REPO, ALICE, 9, false, Optional.of("main"), Optional.empty(), List.of(),
            Optional.of("acme/rocket"), List.of(7)),
        new PullRequestOpened(
            t(26), REPO, BOB, 10, false, Optional.empty(), Optional.empty(), List.of("x"),
            Optional.of("bob/rocket"), List.of()),
        new IssueAssigned(t(27), REPO, ALICE, 7, false, BOB),
        new Commit(
            t(30),
            GITLAB_REPO,
            GIT_CAROL,
            SHA,
            List.of("1111111"),
            author,
            new Signature("", "", t(40)),
            List.of(new CoAuthor("Dan", "")),
            List.of(
                FileChange.of(ChangeStatus.MODIFIED, "README.md"),
                FileChange.renamed("a.txt", "b.txt"),
                new FileChange(
                    ChangeStatus.ADDED,
                    "src/x.java",
                    Optional.empty(),
                    OptionalInt.of(10),
                    OptionalInt.of(0)))),
        new Push(t(31), GITLAB_REPO, BOB, "refs/heads/main", SHA, 3),
        new Release(t(32), REPO, ALICE, "v1.0.0", Optional.of("One"), false),
        new Release(t(33), REPO, ALICE, "v2.0.0-rc1", Optional.empty(), true),
        new MemberAdded(t(34), REPO, ALICE, GIT_CAROL, Permission.MAINTAIN),
        // Sub-second instants, including one nanosecond apart.
        new Star(t(35).plusNanos(1), REPO, BOB),
        new Star(t(35).plusNanos(2), REPO, ALICE),
        new Star(t(36).plusMillis(999), GITLAB_REPO, BOB));
  }

  @Test
  void everyTypeRoundTripsExactly() {
    List<Event> expected = everyKind();
    assertEquals(
        EnumSet.allOf(EventType.class),
        expected.stream().map(Event::type).collect(Collectors.toCollection(
            () -> EnumSet.noneOf(EventType.class))));
    List<Event> input = new ArrayList<>(expected);
    Collections.reverse(input);
    EventStore store = EventStore.of(input);

    assertEquals(expected.size(), store.size());
    for (int i = 0; i < expected.size(); i++) {
      Event e = expected.get(i);
      String at = "event " + i + " " + e;
      assertEquals(e, store.event(i), at);
      assertEquals(e.type(), store.type(i), at);
      assertEquals(e.at(), store.instant(i), at);
      assertEquals(e.at().getEpochSecond(), store.epochSecond(i), at);
      assertEquals(e.at().getNano(), store.nano(i), at);
      assertEquals(e.repo(), store.repository(store.repositoryIndex(i)), at);
      assertEquals(e.actor(), store.actor(store.actorIndex(i)), at);
      int number = e instanceof NumberedEvent ? ((NumberedEvent) e).number() : 0;
      assertEquals(number, store.number(i), at);
    }
    assertEquals(expected, store.stream().collect(Collectors.toList()));
    List<Event> iterated = new ArrayList<>();
    store.forEach(iterated::add);
    assertEquals(expected, iterated);
    assertEquals(0, store.duplicatesDropped());
  }

  @Test
  void wholeSecondEventsNeedNoNanosecondColumn() {
    List<Event> whole = List.of(new Star(t(0), REPO, ALICE), new Star(t(1), REPO, BOB));
    List<Event> fine =
        List.of(new Star(t(0), REPO, ALICE), new Star(t(1).plusNanos(5), REPO, BOB));
    EventStore a = EventStore.of(whole);
    EventStore b = EventStore.of(fine);
    // Same shape except the int[2] of nanoseconds: 16-byte header + 8 bytes.
    assertEquals(24, b.estimatedBytes() - a.estimatedBytes());
    assertEquals(whole, a.stream().collect(Collectors.toList()));
    assertEquals(fine, b.stream().collect(Collectors.toList()));
  }

  /** A store as built is whole; a slice that leaves events out is not. */
  @Test
  void onlyAStoreAsBuiltIsWhole() {
    EventStore store = EventStore.of(everyKind());
    assertTrue(store.isWhole());
    assertTrue(EventStore.of(List.of()).isWhole());
    assertFalse(store.slice(REPO).isWhole());
    assertFalse(store.slice(Window.of(t(0), t(2))).isWhole());
    assertFalse(store.slice(List.of(REPO, GITLAB_REPO)).isWhole());
  }

  @Test
  void equalEventsAreKeptOnceAndCounted() {
    // Equal values built separately, as two overlapping API pages would give them.
    Event a1 = comment(t(5), 9, Optional.empty(), OptionalLong.empty());
    Event a2 = comment(t(5), 9, Optional.empty(), OptionalLong.empty());
    Event a3 = comment(t(5), 9, Optional.empty(), OptionalLong.empty());
    // Differs only in the association: a different event.
    Event b = comment(t(5), 9, Optional.of(AuthorAssociation.OWNER), OptionalLong.empty());
    Event star = new Star(t(1), REPO, ALICE);
    assertNotSame(a1, a2);
    EventStore store =
        EventStore.builder().add(a1).add(star).addAll(List.of(a2, b, star, a3)).build();
    assertEquals(3, store.size());
    assertEquals(3, store.duplicatesDropped());
    assertEquals(
        Set.of(a1, b, star), new LinkedHashSet<>(store.stream().collect(Collectors.toList())));
    assertEquals(star, store.event(0));
  }

  private static IssueComment comment(
      Instant at, int number, Optional<AuthorAssociation> association, OptionalLong id) {
    return new IssueComment(at, REPO, Actor.github("alice"), number, true, association, id);
  }

  private static ReviewComment lineComment(Instant at, long id) {
    return new ReviewComment(
        at, REPO, Actor.github("carol"), 43, Optional.of(AuthorAssociation.MEMBER),
        OptionalLong.of(id));
  }

  @Test
  void lineCommentsOfOneReviewAreAllKeptWhenTheirIdsDiffer() {
    // One review submitted with four line comments: same second, person, pull request and
    // association, told apart only by the forge's ids. Given out of order, one of them twice.
    List<Event> input =
        List.of(
            lineComment(t(7), 104),
            lineComment(t(7), 101),
            lineComment(t(7), 103),
            lineComment(t(7), 102),
            lineComment(t(7), 103));
    EventStore store = EventStore.of(input);
    assertEquals(4, store.size());
    assertEquals(1, store.duplicatesDropped());
    assertEquals(
        List.of(
            lineComment(t(7), 101),
            lineComment(t(7), 102),
            lineComment(t(7), 103),
            lineComment(t(7), 104)),
        store.stream().collect(Collectors.toList()));
  }

  @Test
  void commentsWithTheSameIdAreDuplicatesAndAnIdlessCopyIsNot() {
    Event withId = comment(t(5), 9, Optional.empty(), OptionalLong.of(77));
    Event sameId = comment(t(5), 9, Optional.empty(), OptionalLong.of(77));
    Event otherId = comment(t(5), 9, Optional.empty(), OptionalLong.of(78));
    Event noId = comment(t(5), 9, Optional.empty(), OptionalLong.empty());
    Event noIdAgain = comment(t(5), 9, Optional.empty(), OptionalLong.empty());
    EventStore store = EventStore.of(List.of(otherId, withId, noId, sameId, noIdAgain));
    assertEquals(3, store.size());
    assertEquals(2, store.duplicatesDropped());
    // Absent ids sort before present ones, and present ones by value.
    assertEquals(List.of(noId, withId, otherId), store.stream().collect(Collectors.toList()));
  }

  @Test
  void reviewsAtTheSameSecondAreKeptWhenTheirIdsDiffer() {
    Review first =
        new Review(
            t(3), REPO, ALICE, 3, ReviewState.COMMENTED, Optional.empty(), Optional.empty(),
            OptionalLong.of(900));
    Review second =
        new Review(
            t(3), REPO, ALICE, 3, ReviewState.COMMENTED, Optional.empty(), Optional.empty(),
            OptionalLong.of(901));
    EventStore store = EventStore.of(List.of(second, first, second));
    assertEquals(List.of(first, second), store.stream().collect(Collectors.toList()));
    assertEquals(1, store.duplicatesDropped());
  }

  @Test
  void idColumnIsAllocatedOnlyWhenSomeEventHasAnId() {
    List<Event> idless =
        List.of(
            comment(t(0), 1, Optional.empty(), OptionalLong.empty()),
            comment(t(1), 2, Optional.empty(), OptionalLong.empty()));
    List<Event> oneId =
        List.of(
            comment(t(0), 1, Optional.empty(), OptionalLong.empty()),
            comment(t(1), 2, Optional.empty(), OptionalLong.of(3)));
    EventStore a = EventStore.of(idless);
    EventStore b = EventStore.of(oneId);
    // The rank bits (one word: long[1] 24 + int[1] 24 + 16) and one long: long[1] 24 bytes.
    assertEquals(24 + 24 + 16 + 24, b.estimatedBytes() - a.estimatedBytes());
    assertEquals(idless, a.stream().collect(Collectors.toList()));
    assertEquals(oneId, b.stream().collect(Collectors.toList()));
  }

  @Test
  void commitsThatDifferOnlyInTheirFilesAreBothKept() {
    Signature s = new Signature("Carol", "carol@example.org", t(0));
    Commit c1 =
        new Commit(t(0), REPO, GIT_CAROL, SHA, List.of(), s, s, List.of(),
            List.of(FileChange.of(ChangeStatus.ADDED, "a")));
    Commit c2 =
        new Commit(t(0), REPO, GIT_CAROL, SHA, List.of(), s, s, List.of(),
            List.of(FileChange.of(ChangeStatus.ADDED, "b")));
    EventStore store = EventStore.of(List.of(c2, c1, c2));
    assertEquals(List.of(c1, c2), store.stream().collect(Collectors.toList()));
    assertEquals(1, store.duplicatesDropped());
  }

  @Test
  void equalActorsAndRepositoriesShareOneIndex() {
    Event e1 = new Star(t(0), Repository.github("x/y"), Actor.github("zed"));
    Event e2 = new IssueClosed(t(1), Repository.github("x/y"), Actor.github("zed"), 3);
    Event e3 = new Star(t(2), Repository.github("a/b"), Actor.github("amy"));
    Event e4 =
        new PullRequestClosed(
            t(3), Repository.github("a/b"), Actor.github("amy"), 2,
            Optional.of(Actor.github("pat")));
    EventStore store = EventStore.of(List.of(e4, e3, e2, e1));

    assertEquals(
        List.of(Actor.github("amy"), Actor.github("pat"), Actor.github("zed")), store.actors());
    assertEquals(List.of(Repository.github("a/b"), Repository.github("x/y")), store.repositories());
    assertEquals(2, store.actorIndex(0));
    assertEquals(2, store.actorIndex(1));
    assertEquals(0, store.actorIndex(2));
    assertEquals(1, store.repositoryIndex(0));
    assertEquals(1, store.repositoryIndex(1));
    assertEquals(0, store.repositoryIndex(2));
    assertEquals(OptionalInt.of(1), store.indexOf(Actor.github("pat")));
    assertEquals(OptionalInt.of(1), store.indexOf(Repository.github("x/y")));
    assertEquals(OptionalInt.empty(), store.indexOf(Actor.github("nobody")));
    assertEquals(OptionalInt.empty(), store.indexOf(Repository.github("x/z")));
    // An id of Long.MIN_VALUE is still another actor than no id at all.
    Actor minId =
        new Actor(
            Forge.GITHUB, Optional.of("zed"), OptionalLong.of(Long.MIN_VALUE), Optional.empty(),
            List.of(), ActorKind.USER);
    assertTrue(minId.compareTo(Actor.github("zed")) > 0);
    assertEquals(OptionalInt.empty(), store.indexOf(minId));
    EventStore both = EventStore.of(List.of(new Star(t(0), REPO, minId), e1));
    assertEquals(2, both.size());
    assertEquals(List.of(Actor.github("zed"), minId), both.actors());
  }

  @Test
  void countsTypesAndSpansTime() {
    EventStore store = EventStore.of(everyKind());
    Map<EventType, Long> counts = store.countByType();
    assertEquals(EnumSet.allOf(EventType.class), counts.keySet());
    assertEquals(4, counts.get(EventType.STAR));
    assertEquals(3, counts.get(EventType.FORK));
    assertEquals(4, counts.get(EventType.PULL_REQUEST_MERGED));
    assertEquals(1, counts.get(EventType.COMMIT));
    assertEquals(everyKind().size(), counts.values().stream().mapToLong(Long::longValue).sum());
    Window span = store.timeSpan().orElseThrow();
    assertEquals(t(0), span.start());
    assertEquals(t(36).plusMillis(999).plusNanos(1), span.end());
    assertTrue(span.contains(store.instant(store.size() - 1)));

    EventStore empty = EventStore.of(List.of());
    assertTrue(empty.isEmpty());
    assertEquals(Optional.empty(), empty.timeSpan());
    assertEquals(0L, empty.countByType().get(EventType.STAR));
    assertFalse(empty.iterator().hasNext());
    assertEquals(List.of(), empty.actors());
  }

  @Test
  void estimatedBytesCountsEveryColumn() {
    EventStore store = EventStore.of(RandomEvents.generate(3, 2000));
    // The six dense columns (4 + 4 nanos + 1 + 4 + 4 + 1 bytes per event), numbers and payloads.
    assertTrue(store.estimatedBytes() >= 26L * store.size(), () -> "" + store.estimatedBytes());
    long before = store.estimatedBytes();
    EventStore slice = store.slice(RandomEvents.repository(1));
    // The per-repository index: int[repositories + 1], int[size] and a map of repositories.
    long index = Columns.RepositoryIndex.estimatedBytes(store.repositories().size(), store.size());
    assertTrue(index > Sizes.array(store.repositories().size() + 1, 4) + Sizes.array(store.size(), 4));
    assertEquals(before + index, store.estimatedBytes());
    assertEquals(store.estimatedBytes(), slice.estimatedBytes());
  }

  @Test
  void rejectsNullsAndOutOfRangePositions() {
    assertThrows(NullPointerException.class, () -> EventStore.of(null));
    assertThrows(NullPointerException.class, () -> EventStore.of(Arrays.asList((Event) null)));
    assertThrows(NullPointerException.class, () -> EventStore.builder().add(null));
    EventStore store = EventStore.of(everyKind());
    assertThrows(IndexOutOfBoundsException.class, () -> store.event(store.size()));
    assertThrows(IndexOutOfBoundsException.class, () -> store.type(-1));
    EventStore slice = store.slice(Window.of(t(1), t(3)));
    assertEquals(2, slice.size());
    // Position 2 exists in the store but not in the slice.
    assertThrows(IndexOutOfBoundsException.class, () -> slice.epochSecond(2));
  }

  @Test
  void sliceSharesTheStoresInterning() {
    EventStore store = EventStore.of(everyKind());
    EventStore slice = store.slice(GITLAB_REPO);
    assertSame(store.actors(), slice.actors());
    assertSame(store.repositories(), slice.repositories());
    assertEquals(3, slice.size());
  }

  /**
   * {@link EventStore#binarySearch(Actor)} and {@link EventStore#binarySearch(Repository)} answer
   * as {@link java.util.Arrays#binarySearch}: the index of a value the store has, and for one it
   * lacks, the index it has in a store with one more event of it.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void binarySearchFindsIndicesAndInsertionPoints(long seed) {
    java.util.Random random = new java.util.Random(seed);
    java.util.List<Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(RandomEvents.event(random, T0.plusSeconds(random.nextInt(1_000)), 8, 25));
    }
    EventStore store = EventStore.of(events);
    for (int k = 0; k < 40; k++) {
      Actor actor = RandomEvents.actor(k);
      int s = store.binarySearch(actor);
      java.util.OptionalInt index = store.indexOf(actor);
      if (index.isPresent()) {
        assertEquals(index.getAsInt(), s, "seed " + seed + ", " + actor);
      } else {
        java.util.List<Event> more = new java.util.ArrayList<>(events);
        more.add(new io.github.communitymetrics.core.event.Star(T0, Repository.github("o/more"), actor));
        assertEquals(EventStore.of(more).indexOf(actor).getAsInt(), -s - 1, "seed " + seed + ", " + actor);
      }
    }
    for (int k = 0; k < 12; k++) {
      Repository repo = RandomEvents.repository(k);
      int s = store.binarySearch(repo);
      java.util.OptionalInt index = store.indexOf(repo);
      if (index.isPresent() && store.repositories().get(index.getAsInt()).equals(repo)) {
        assertEquals(index.getAsInt(), s, "seed " + seed + ", " + repo);
      } else if (index.isEmpty()) {
        java.util.List<Event> more = new java.util.ArrayList<>(events);
        more.add(new io.github.communitymetrics.core.event.Star(T0, repo, Actor.github("x")));
        assertEquals(EventStore.of(more).indexOf(repo).getAsInt(), -s - 1, "seed " + seed + ", " + repo);
      }
    }
  }

  /**
   * {@link EventStore#binarySearch(Actor)} compares the store's actors with the one sought field
   * by field from the columns (no actor rebuilt): it answers as {@link
   * java.util.Collections#binarySearch} over the store's actors rebuilt, for actors that differ
   * in one field only, logins and names that are prefixes of each other or differ in case or
   * outside ASCII (a surrogate pair among them), addresses sharing a domain, ids present or not.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void actorSearchComparesAsActorsDo(long seed) {
    java.util.Random r = new java.util.Random(seed);
    String[] texts = {"a", "ab", "abc", "Ab", "b", "\u00e9", "a\u00e9", "\ud83d\ude00", "a\ud83d\ude00", "\uffff", "z z"};
    String[] emails = {"a@x.org", "ab@x.org", "a@y.org", "1+a@users.noreply.github.com", "\u00e9@x.org", "a@x.or"};
    java.util.Set<Actor> all = new java.util.TreeSet<>();
    while (all.size() < 120) {
      io.github.communitymetrics.core.event.Forge[] forges = {
        io.github.communitymetrics.core.event.Forge.GITHUB, io.github.communitymetrics.core.event.Forge.GITLAB,
        io.github.communitymetrics.core.event.Forge.GIT, io.github.communitymetrics.core.event.Forge.of("codeberg")};
      io.github.communitymetrics.core.event.Forge forge = forges[r.nextInt(forges.length)];
      java.util.Optional<String> login = r.nextInt(4) == 0 ? java.util.Optional.empty() : java.util.Optional.of(texts[r.nextInt(texts.length)]);
      java.util.OptionalLong id = r.nextBoolean() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.nextInt(3) - 1);
      java.util.Optional<String> name = r.nextInt(3) == 0 ? java.util.Optional.empty() : java.util.Optional.of(texts[r.nextInt(texts.length)]);
      java.util.List<String> es = new java.util.ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        String e = emails[r.nextInt(emails.length)];
        if (!es.contains(e)) {
          es.add(e);
        }
      }
      io.github.communitymetrics.core.event.ActorKind kind =
          io.github.communitymetrics.core.event.ActorKind.values()[r.nextInt(io.github.communitymetrics.core.event.ActorKind.values().length)];
      try {
        all.add(new Actor(forge, login, id, name, es, kind));
      } catch (IllegalArgumentException nothingIdentifiesIt) {
        // drawn again
      }
    }
    java.util.List<Event> events = new java.util.ArrayList<>();
    for (Actor a : all) {
      if (r.nextBoolean()) {
        events.add(new io.github.communitymetrics.core.event.Star(T0, Repository.github("o/r"), a));
      }
    }
    EventStore store = EventStore.of(events);
    java.util.List<Actor> rebuilt = new java.util.ArrayList<>(store.actors());
    for (Actor a : all) {
      assertEquals(java.util.Collections.binarySearch(rebuilt, a), store.binarySearch(a), "seed " + seed + ", " + a);
    }
  }
}
