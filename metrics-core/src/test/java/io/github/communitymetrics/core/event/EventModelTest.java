package io.github.communitymetrics.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventModelTest {
  private static final Instant T = Instant.parse("2025-05-01T12:00:00Z");
  private static final Repository REPO = Repository.github("octo/widgets");
  private static final Actor ALICE = Actor.github("alice");

  @Nested
  class Identities {
    @Test
    void forgeNamesAreLowerCaseIdentifiers() {
      assertEquals(Forge.GITHUB, Forge.of("github"));
      assertEquals("gitlab:gitlab.example.org", Forge.of("gitlab:gitlab.example.org").name());
      assertThrows(IllegalArgumentException.class, () -> Forge.of("GitHub"));
      assertThrows(IllegalArgumentException.class, () -> Forge.of(""));
    }

    @Test
    void repositoryOwnerIsTheFirstPathSegment() {
      assertEquals("octo", REPO.owner());
      assertEquals("group", Repository.of(Forge.GITLAB, "group/sub/project").owner());
      assertThrows(IllegalArgumentException.class, () -> Repository.github(" octo/x"));
      assertThrows(IllegalArgumentException.class, () -> Repository.github(" "));
    }

    @Test
    void actorsNeedSomethingThatIdentifiesThem() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new Actor(
                      Forge.GITHUB,
                      Optional.empty(),
                      OptionalLong.empty(),
                      Optional.empty(),
                      List.of(),
                      ActorKind.USER));
      assertTrue(e.getMessage().contains("at least"), e.getMessage());
    }

    @Test
    void actorEmailsAreCopiedAndMustNotRepeat() {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new Actor(
                  Forge.GIT,
                  Optional.empty(),
                  OptionalLong.empty(),
                  Optional.of("A"),
                  List.of("a@x.org", "a@x.org"),
                  ActorKind.USER));
      Actor git = Actor.git("", "a@x.org");
      assertEquals(Optional.empty(), git.name());
      assertEquals("a@x.org", git.label());
    }

    @Test
    void orderIsConsistentWithEquals() {
      Actor noId = Actor.github("x");
      Actor minId =
          new Actor(Forge.GITHUB, Optional.of("x"), OptionalLong.of(Long.MIN_VALUE), Optional.empty(),
              List.of(), ActorKind.USER);
      assertNotEquals(noId, minId);
      assertTrue(noId.compareTo(minId) != 0);
      Actor ab = new Actor(Forge.GIT, Optional.empty(), OptionalLong.empty(), Optional.of("n"),
          List.of("a", "b"), ActorKind.USER);
      Actor joined = new Actor(Forge.GIT, Optional.empty(), OptionalLong.empty(), Optional.of("n"),
          List.of("a\nb"), ActorKind.USER);
      assertTrue(ab.compareTo(joined) != 0);
      Repository plain = Repository.github("o/r");
      Repository min = new Repository(Forge.GITHUB, "o/r", OptionalLong.of(Long.MIN_VALUE));
      assertTrue(plain.compareTo(min) != 0);
      assertEquals(0, plain.compareTo(Repository.github("o/r")));
    }

    @Test
    void actorsAreValues() {
      assertEquals(Actor.github("alice"), ALICE);
      assertNotEquals(Actor.github("alice"), Actor.user(Forge.GITLAB, "alice"));
      assertTrue(ALICE.withKind(ActorKind.BOT).isBot());
      assertFalse(ALICE.isBot());
    }
  }

  @Nested
  class Events {
    @Test
    void numberedEventsRejectNonPositiveNumbers() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> new IssueClosed(T, REPO, ALICE, 0));
      assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    @Test
    void pullRequestKindsAreOnPullRequests() {
      NumberedEvent merged =
          new PullRequestMerged(
              T, REPO, ALICE, 7, Optional.of(Actor.github("bob")), Optional.of("main"), Optional.empty());
      NumberedEvent issue = new IssueOpened(T, REPO, ALICE, 7, Optional.empty());
      assertTrue(merged.onPullRequest());
      assertFalse(issue.onPullRequest());
      assertTrue(
          new IssueComment(T, REPO, ALICE, 7, true, Optional.empty(), OptionalLong.empty())
              .onPullRequest());
      assertEquals(EventType.PULL_REQUEST_MERGED, merged.type());
    }

    @Test
    void commitAtMustBeTheAuthorTime() {
      Signature author = new Signature("Alice", "alice@x.org", T);
      Signature committer = new Signature("Bob", "bob@x.org", T.plusSeconds(60));
      Commit c =
          new Commit(
              T, REPO, Actor.git("Alice", "alice@x.org"), "0123456789abcdef0123456789abcdef01234567",
              List.of(), author, committer, List.of(), List.of(FileChange.of(ChangeStatus.ADDED, "a.txt")));
      assertFalse(c.isMerge());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new Commit(
                      T.plusSeconds(1), REPO, Actor.git("Alice", "alice@x.org"), c.sha(),
                      List.of(), author, committer, List.of(), List.of()));
      assertTrue(e.getMessage().contains("author time"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xyz", "ABCDEF0123", "012345"})
    void commitIdsMustBeLowerCaseHex(String sha) {
      Signature s = new Signature("A", "a@x.org", T);
      assertThrows(
          IllegalArgumentException.class,
          () -> new Commit(T, REPO, ALICE, sha, List.of(), s, s, List.of(), List.of()));
    }

    @Test
    void renamesNeedTheirOldPathAndOthersMustNotHaveOne() {
      assertEquals(Optional.of("old.txt"), FileChange.renamed("old.txt", "new.txt").oldPath());
      assertThrows(
          IllegalArgumentException.class, () -> FileChange.of(ChangeStatus.RENAMED, "new.txt"));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new FileChange(
                  ChangeStatus.MODIFIED, "a", Optional.of("b"), OptionalInt.empty(), OptionalInt.empty()));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new FileChange(
                  ChangeStatus.MODIFIED, "a", Optional.empty(), OptionalInt.of(-1), OptionalInt.empty()));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void commentAndReviewIdsMustBePositive(long id) {
      OptionalLong bad = OptionalLong.of(id);
      IllegalArgumentException c =
          assertThrows(
              IllegalArgumentException.class,
              () -> new IssueComment(T, REPO, ALICE, 1, false, Optional.empty(), bad));
      assertEquals("commentId must be positive but was " + id, c.getMessage());
      IllegalArgumentException r =
          assertThrows(
              IllegalArgumentException.class,
              () -> new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), bad));
      assertEquals("commentId must be positive but was " + id, r.getMessage());
      IllegalArgumentException v =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new Review(
                      T, REPO, ALICE, 1, ReviewState.APPROVED, Optional.empty(), Optional.empty(),
                      bad));
      assertEquals("reviewId must be positive but was " + id, v.getMessage());
      assertThrows(
          NullPointerException.class,
          () -> new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), null));
    }

    @Test
    void commentsThatDifferOnlyInTheirIdsAreDifferentEvents() {
      ReviewComment a = new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), OptionalLong.of(1));
      ReviewComment b = new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), OptionalLong.of(2));
      ReviewComment none =
          new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), OptionalLong.empty());
      assertNotEquals(a, b);
      assertNotEquals(a, none);
      assertEquals(a, new ReviewComment(T, REPO, ALICE, 1, Optional.empty(), OptionalLong.of(1)));
    }

    @Test
    void equalEventsAreTheSameEvent() {
      assertEquals(new Star(T, REPO, ALICE), new Star(T, REPO, ALICE));
      assertNotEquals(new Star(T, REPO, ALICE), new Star(T.plusSeconds(1), REPO, ALICE));
    }
  }

  @Nested
  class WireNames {
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasAUniqueRoundTrippingWireName(EventType type) {
      assertEquals(Optional.of(type), EventType.fromWireName(type.wireName()));
      assertEquals(type.name().toLowerCase(java.util.Locale.ROOT), type.wireName());
    }

    @Test
    void theTwentyOneTypesOfTheFormat() {
      assertEquals(21, EnumSet.allOf(EventType.class).size());
      assertEquals(Optional.empty(), EventType.fromWireName("watch"));
      // The four label changes and the assignment came with version 2; every other type with 1.
      for (EventType t : EventType.values()) {
        boolean two = t.wireName().endsWith("labeled") || t == EventType.ISSUE_ASSIGNED;
        assertEquals(two ? 2 : 1, t.sinceVersion(), t::wireName);
      }
    }

    @Test
    void gitLettersMapToStatuses() {
      assertEquals(Optional.of(ChangeStatus.RENAMED), ChangeStatus.fromGitLetter('R'));
      assertEquals(Optional.of(ChangeStatus.TYPE_CHANGED), ChangeStatus.fromGitLetter('T'));
      assertEquals(Optional.empty(), ChangeStatus.fromGitLetter('X'));
      assertEquals(Optional.of(ReviewState.CHANGES_REQUESTED), ReviewState.fromWireName("changes_requested"));
      assertEquals(Optional.of(AuthorAssociation.FIRST_TIME_CONTRIBUTOR), AuthorAssociation.fromWireName("first_time_contributor"));
      assertTrue(AuthorAssociation.COLLABORATOR.isMaintainerLike());
      assertEquals(Optional.of(Permission.MAINTAIN), Permission.fromWireName("maintain"));
    }
  }
}
