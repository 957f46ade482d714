package io.github.communitymetrics.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.github.communitymetrics.core.event.IssueReopened;
import io.github.communitymetrics.core.event.IssueAssigned;
import io.github.communitymetrics.core.event.LabelChanged;
import io.github.communitymetrics.core.event.MemberAdded;
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
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonLinesTest {
  static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  static final Repository REPO = Repository.github("octo/hello");
  static final Actor ALICE = Actor.github("alice");
  /** A gitlab user with every identifying component, two addresses among them. */
  static final Actor BOB =
      new Actor(
          Forge.GITLAB,
          Optional.of("bob"),
          OptionalLong.of(7),
          Optional.of("Bob B"),
          List.of("b@x.org", "bob@y.org"),
          ActorKind.USER);
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  /** Every type with every optional component present, and again with all of them absent. */
  static Stream<Arguments> examples() {
    Repository full = new Repository(Forge.GITLAB, "group/sub/project", OptionalLong.of(42));
    Actor rich = BOB;
    Actor other = Actor.github("carol").withKind(ActorKind.BOT);
    Optional<AuthorAssociation> member = Optional.of(AuthorAssociation.MEMBER);
    Signature author = new Signature("Ann", "ann@example.org", AT);
    Signature committer = new Signature("Cy", "cy@example.org", AT.plusSeconds(3600));
    List<FileChange> files =
        List.of(
            new FileChange(
                ChangeStatus.MODIFIED, "src/a.c", Optional.empty(), OptionalInt.of(3),
                OptionalInt.of(0)),
            FileChange.renamed("docs/old.md", "docs/new.md"),
            new FileChange(
                ChangeStatus.COPIED, "b", Optional.of("a"), OptionalInt.empty(),
                OptionalInt.of(9)));
    return Stream.of(
        Arguments.of("star", new Star(AT, full, rich)),
        Arguments.of("star minimal", new Star(AT, REPO, ALICE)),
        Arguments.of("fork", new Fork(AT, full, rich, Optional.of("bob/project"))),
        Arguments.of("fork minimal", new Fork(AT, REPO, ALICE, Optional.empty())),
        Arguments.of("issue_opened", new IssueOpened(AT, full, rich, 1, member)),
        Arguments.of("issue_opened minimal", new IssueOpened(AT, REPO, ALICE, 1, Optional.empty())),
        Arguments.of("issue_closed", new IssueClosed(AT, full, rich, 2)),
        Arguments.of("issue_reopened", new IssueReopened(AT, full, rich, 3)),
        Arguments.of(
            "issue_comment",
            new IssueComment(AT, full, rich, 4, true, member, OptionalLong.of(Long.MAX_VALUE))),
        Arguments.of(
            "issue_comment minimal",
            new IssueComment(AT, REPO, ALICE, 4, false, Optional.empty(), OptionalLong.empty())),
        Arguments.of(
            "pull_request_opened",
            new PullRequestOpened(AT, full, rich, 5, true, Optional.of("main"), member)),
        Arguments.of(
            "pull_request_opened minimal",
            new PullRequestOpened(AT, REPO, ALICE, 5, false, Optional.empty(), Optional.empty())),
        Arguments.of(
            "pull_request_closed", new PullRequestClosed(AT, full, rich, 6, Optional.of(other))),
        Arguments.of(
            "pull_request_closed minimal",
            new PullRequestClosed(AT, REPO, ALICE, 6, Optional.empty())),
        Arguments.of(
            "pull_request_merged",
            new PullRequestMerged(
                AT, full, rich, 7, Optional.of(other), Optional.of("main"), Optional.of(SHA))),
        Arguments.of(
            "pull_request_merged minimal",
            new PullRequestMerged(
                AT, REPO, ALICE, 7, Optional.empty(), Optional.empty(), Optional.empty())),
        Arguments.of("pull_request_reopened", new PullRequestReopened(AT, full, rich, 8)),
        Arguments.of(
            "review",
            new Review(
                AT, full, rich, 9, ReviewState.CHANGES_REQUESTED, Optional.of(other), member,
                OptionalLong.of(1))),
        Arguments.of(
            "review minimal",
            new Review(
                AT, REPO, ALICE, 9, ReviewState.DISMISSED, Optional.empty(), Optional.empty(),
                OptionalLong.empty())),
        Arguments.of(
            "review_comment",
            new ReviewComment(AT, full, rich, 10, member, OptionalLong.of(1_234_567_890_123L))),
        Arguments.of(
            "review_comment minimal",
            new ReviewComment(AT, REPO, ALICE, 10, Optional.empty(), OptionalLong.empty())),
        Arguments.of(
            "commit",
            new Commit(
                AT, full, rich, SHA, List.of("abcdef0", "1234567"), author, committer,
                List.of(new CoAuthor("Zoë", ""), new CoAuthor("", "z@example.org")), files)),
        Arguments.of(
            "commit minimal (root, no files, empty signatures)",
            new Commit(
                AT, REPO, Actor.git("", "x@example.org"), "abcdef0", List.of(),
                new Signature("", "", AT), new Signature("", "", AT), List.of(), List.of())),
        Arguments.of("push", new Push(AT, full, rich, "refs/heads/main", SHA, 3)),
        Arguments.of("push of nothing", new Push(AT, REPO, ALICE, "refs/tags/v1", SHA, 0)),
        Arguments.of("release", new Release(AT, full, rich, "v1.0", Optional.of("One"), true)),
        Arguments.of(
            "release minimal", new Release(AT, REPO, ALICE, "v1.0", Optional.empty(), false)),
        Arguments.of(
            "member_added",
            new MemberAdded(
                AT, full, rich, other.withKind(ActorKind.ORGANIZATION), Permission.ADMIN)),
        Arguments.of(
            "member_added minimal", new MemberAdded(AT, REPO, ALICE, ALICE, Permission.WRITE)),
        Arguments.of(
            "issue_opened with labels",
            new IssueOpened(AT, full, rich, 1, member, List.of("bug", "area/io"))),
        Arguments.of(
            "pull_request_opened with labels",
            new PullRequestOpened(
                AT, full, rich, 5, true, Optional.of("main"), member, List.of("dependencies"))),
        Arguments.of("issue_labeled", new LabelChanged(AT, full, rich, 11, false, "bug", true)),
        Arguments.of("issue_unlabeled", new LabelChanged(AT, REPO, ALICE, 11, false, "bug", false)),
        Arguments.of(
            "pull_request_labeled", new LabelChanged(AT, full, other, 12, true, "size/L", true)),
        Arguments.of(
            "pull_request_unlabeled",
            new LabelChanged(AT, REPO, ALICE, 12, true, "needs rebase", false)),
        Arguments.of(
            "pull_request_opened from a fork, closing issues",
            new PullRequestOpened(
                AT, full, rich, 5, false, Optional.of("main"), member, List.of(),
                Optional.of("rich/fork"), List.of(11, 2))),
        Arguments.of(
            "issue_assigned", new IssueAssigned(AT, full, rich, 11, false, other)),
        Arguments.of(
            "issue_assigned minimal (self, on a pull request)",
            new IssueAssigned(AT, REPO, ALICE, 12, true, ALICE)));
  }

  @Test
  void examplesCoverEveryType() {
    Set<EventType> covered =
        examples()
            .map(a -> ((Event) a.get()[1]).type())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
    assertEquals(EnumSet.allOf(EventType.class), covered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void roundTrips(String name, Event event) {
    String line = EventJsonLines.toLine(event);
    assertEquals(event, EventJsonLines.fromLine(line), line);
    assertEquals(line, EventJsonLines.toLine(EventJsonLines.fromLine(line)));
  }

  // Expected lines below were written by hand from docs/events.md, not copied from output.

  /** The event writes as the expected line, and the expected line reads as the event. */
  private static void assertLine(String expected, Event event) {
    assertEquals(expected, EventJsonLines.toLine(event));
    assertEquals(event, EventJsonLines.fromLine(expected));
  }

  @Test
  void writesMinimalStar() {
    assertLine(
        "{\"type\":\"star\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false}}",
        new Star(AT, REPO, ALICE));
  }

  @Test
  void writesRepoIdForgeAndSeveralEmails() {
    Event e =
        new IssueComment(
            AT,
            new Repository(Forge.GITLAB, "group/sub/proj", OptionalLong.of(42)),
            BOB,
            5,
            true,
            Optional.of(AuthorAssociation.MEMBER),
            OptionalLong.empty());
    assertLine(
        "{\"type\":\"issue_comment\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"group/sub/proj\","
            + "\"repo_id\":42,\"forge\":\"gitlab\",\"actor\":{\"login\":\"bob\",\"id\":7,"
            + "\"name\":\"Bob B\",\"emails\":[\"b@x.org\",\"bob@y.org\"],\"bot\":false},"
            + "\"number\":5,\"pull_request\":true,\"association\":\"MEMBER\"}",
        e);
  }

  @Test
  void writesCommentIdLastAndOmitsItWhenAbsent() {
    assertLine(
        "{\"type\":\"issue_comment\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":4,\"pull_request\":false,"
            + "\"association\":\"NONE\",\"comment_id\":1977}",
        new IssueComment(
            AT, REPO, ALICE, 4, false, Optional.of(AuthorAssociation.NONE), OptionalLong.of(1977)));
    assertLine(
        "{\"type\":\"issue_comment\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":4,\"pull_request\":true,"
            + "\"comment_id\":9223372036854775807}",
        new IssueComment(
            AT, REPO, ALICE, 4, true, Optional.empty(), OptionalLong.of(Long.MAX_VALUE)));
    assertLine(
        "{\"type\":\"review_comment\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":43,"
            + "\"association\":\"MEMBER\",\"comment_id\":1}",
        new ReviewComment(
            AT, REPO, ALICE, 43, Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(1)));
    assertLine(
        "{\"type\":\"review_comment\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":43}",
        new ReviewComment(AT, REPO, ALICE, 43, Optional.empty(), OptionalLong.empty()));
  }

  @Test
  void writesReviewIdLastAndOmitsItWhenAbsent() {
    assertLine(
        "{\"type\":\"review\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":43,"
            + "\"state\":\"commented\",\"pull_request_author\":{\"login\":\"bob\",\"bot\":false},"
            + "\"association\":\"MEMBER\",\"review_id\":80}",
        new Review(
            AT, REPO, ALICE, 43, ReviewState.COMMENTED, Optional.of(Actor.github("bob")),
            Optional.of(AuthorAssociation.MEMBER), OptionalLong.of(80)));
    assertLine(
        "{\"type\":\"review\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":43,"
            + "\"state\":\"approved\"}",
        new Review(
            AT, REPO, ALICE, 43, ReviewState.APPROVED, Optional.empty(), Optional.empty(),
            OptionalLong.empty()));
  }

  @Test
  void readsIdsInAnyPositionAndIgnoresThemOnOtherTypes() {
    assertEquals(
        new ReviewComment(AT, REPO, ALICE, 43, Optional.empty(), OptionalLong.of(5)),
        EventJsonLines.fromLine(
            "{\"comment_id\":5,\"type\":\"review_comment\",\"at\":\"2024-03-01T12:00:00Z\","
                + "\"repo\":\"octo/hello\",\"actor\":{\"login\":\"alice\",\"bot\":false},"
                + "\"number\":43,\"review_id\":6}"));
    assertEquals(
        new ReviewComment(AT, REPO, ALICE, 43, Optional.empty(), OptionalLong.empty()),
        EventJsonLines.fromLine(
            "{\"type\":\"review_comment\",\"at\":\"2024-03-01T12:00:00Z\","
                + "\"repo\":\"octo/hello\",\"actor\":{\"login\":\"alice\",\"bot\":false},"
                + "\"number\":43,\"comment_id\":null}"));
    assertEquals(
        new IssueClosed(AT, REPO, ALICE, 3),
        EventJsonLines.fromLine(
            "{\"type\":\"issue_closed\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
                + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"number\":3,"
                + "\"comment_id\":9,\"review_id\":10}"));
  }

  @Test
  void writesCommitWithGitIdentityOnGithubRepository() {
    Event e =
        new Commit(
            AT,
            REPO,
            Actor.git("Ann", "ann@example.org"),
            SHA,
            List.of("abcdef0"),
            new Signature("Ann", "ann@example.org", AT),
            new Signature("", "", Instant.parse("2024-03-01T13:00:00Z")),
            List.of(new CoAuthor("Zoë", "")),
            List.of(
                new FileChange(
                    ChangeStatus.MODIFIED, "src/a.c", Optional.empty(), OptionalInt.of(3),
                    OptionalInt.of(0)),
                FileChange.renamed("docs/old.md", "docs/new.md")));
    assertLine(
        "{\"type\":\"commit\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"name\":\"Ann\",\"email\":\"ann@example.org\",\"bot\":false,"
            + "\"forge\":\"git\"},"
            + "\"sha\":\"0123456789abcdef0123456789abcdef01234567\",\"parents\":[\"abcdef0\"],"
            + "\"author\":{\"name\":\"Ann\",\"email\":\"ann@example.org\"},"
            + "\"committer\":{\"name\":\"\",\"email\":\"\",\"at\":\"2024-03-01T13:00:00Z\"},"
            + "\"co_authors\":[{\"name\":\"Zoë\",\"email\":\"\"}],"
            + "\"files\":[{\"status\":\"modified\",\"path\":\"src/a.c\",\"added\":3,\"removed\":0},"
            + "{\"status\":\"renamed\",\"path\":\"docs/new.md\",\"old_path\":\"docs/old.md\"}]}",
        e);
  }

  @Test
  void writesBotActorAndOrganizationMember() {
    Event e =
        new MemberAdded(
            AT,
            new Repository(Forge.GITHUB, "octo/hello", OptionalLong.of(1296269)),
            Actor.github("dependabot[bot]").withKind(ActorKind.BOT),
            new Actor(
                Forge.GITHUB, Optional.of("acme"), OptionalLong.of(99), Optional.empty(),
                List.of(), ActorKind.ORGANIZATION),
            Permission.MAINTAIN);
    assertLine(
        "{\"type\":\"member_added\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"repo_id\":1296269,\"actor\":{\"login\":\"dependabot[bot]\",\"bot\":true},"
            + "\"member\":{\"login\":\"acme\",\"id\":99,\"bot\":false,\"kind\":\"organization\"},"
            + "\"permission\":\"maintain\"}",
        e);
  }

  @Test
  void actorsOnTheRepositorysForgeOmitTheirForgeAndOthersWriteIt() {
    // A gitlab repository: a gitlab actor inherits the forge, a github author declares its own.
    Event e =
        new PullRequestClosed(
            AT,
            Repository.of(Forge.GITLAB, "g/p"),
            Actor.user(Forge.GITLAB, "gl"),
            1,
            Optional.of(Actor.github("gh")));
    assertLine(
        "{\"type\":\"pull_request_closed\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"g/p\","
            + "\"forge\":\"gitlab\",\"actor\":{\"login\":\"gl\",\"bot\":false},\"number\":1,"
            + "\"author\":{\"login\":\"gh\",\"bot\":false,\"forge\":\"github\"}}",
        e);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersButNotNonAsciiOrSlashes() {
    Event e =
        new Release(
            AT, REPO, ALICE, "v1/rc", Optional.of("say \"hi\"\\ \n\t\u001f é😀\r"), true);
    assertLine(
        "{\"type\":\"release\",\"at\":\"2024-03-01T12:00:00Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false},\"tag\":\"v1/rc\","
            + "\"name\":\"say \\\"hi\\\"\\\\ \\n\\t\\u001F é😀\\r\",\"prerelease\":true}",
        e);
  }

  @Test
  void specialCharactersInNamesAndPathsRoundTrip() {
    String nasty = "a\"b\\c\nd\re\tf\u0000g\u001fh/é中😀\u2028";
    // Identity fields (actors, repositories) refuse NUL, so the actor has every other character.
    String nastyIdentity = nasty.replace("\u0000", "");
    Event e =
        new Commit(
            AT,
            REPO,
            new Actor(
                Forge.GIT, Optional.empty(), OptionalLong.empty(), Optional.of(nastyIdentity),
                List.of(nastyIdentity + "@x"), ActorKind.USER),
            "abcdef0",
            List.of(),
            new Signature(nasty, "", AT),
            new Signature("", nasty, AT),
            List.of(new CoAuthor(nasty, nasty)),
            List.of(FileChange.renamed(nasty, nasty + "/new"), FileChange.of(ChangeStatus.ADDED, nasty)));
    String line = EventJsonLines.toLine(e);
    assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u0000"), line);
    assertEquals(e, EventJsonLines.fromLine(line));
  }

  @Test
  void readsKeysInAnyOrderAndIgnoresUnknownKeysAndNulls() {
    String line =
        "{\"actor\":{\"future\":[1,{\"x\":2}],\"bot\":false,\"login\":\"alice\"},\"number\":3,"
            + "\"new_field\":{\"nested\":[true]},\"association\":null,\"repo\":\"octo/hello\","
            + "\"v\":1,\"at\":\"2024-03-01T12:00:00Z\",\"type\":\"issue_closed\"}";
    assertEquals(new IssueClosed(AT, REPO, ALICE, 3), EventJsonLines.fromLine(line));
  }

  @Test
  void readsFractionalSecondsAndSurroundingWhiteSpace() {
    Event e = EventJsonLines.fromLine(
        "  {\"type\":\"star\",\"at\":\"2024-03-01T12:00:00.250Z\",\"repo\":\"octo/hello\","
            + "\"actor\":{\"login\":\"alice\",\"bot\":false}} \t");
    assertEquals(new Star(AT.plusMillis(250), REPO, ALICE), e);
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** Random events of every type survive the line format exactly, and lines are canonical. */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomEventsRoundTrip(long seed) {
    List<Event> events = new RandomEvents(seed).someOfEveryType(3);
    for (Event e : events) {
      String line = EventJsonLines.toLine(e);
      String where = "seed " + seed + ": " + line;
      assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, where);
      Event back = EventJsonLines.fromLine(line);
      assertEquals(e, back, where);
      assertEquals(line, EventJsonLines.toLine(back), where);
      assertEquals(line, EventJsonLines.toLine(e), where);
    }
    StringWriter out = new StringWriter();
    EventJsonLines.writeAll(events, out);
    assertEquals(events, EventJsonLines.readAll(new StringReader(out.toString())), "seed " + seed);
  }
}
