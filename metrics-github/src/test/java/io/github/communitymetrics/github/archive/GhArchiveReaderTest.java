package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.AuthorAssociation;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.IssueClosed;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.IssueOpened;
import io.github.communitymetrics.core.event.IssueReopened;
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
import io.github.communitymetrics.core.event.Star;
import io.github.communitymetrics.core.io.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader on hand-written fixtures in both GH Archive shapes, and on damaged input. */
class GhArchiveReaderTest {
  private static final String H1 = "1111111111111111111111111111111111111111";
  private static final String M = "abcdef0123456789abcdef0123456789abcdef01";

  @TempDir Path dir;

  static byte[] resource(String name) {
    try (InputStream in = GhArchiveReaderTest.class.getResourceAsStream("/gharchive/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static final class Read {
    final List<Event> events = new ArrayList<>();
    GhArchiveReport report;
  }

  static Read read(GhArchiveReader reader, byte[] input) {
    Read r = new Read();
    r.report = reader.read(new ByteArrayInputStream(input), "input.json", r.events::add);
    return r;
  }

  static Read read(byte[] input) {
    return read(GhArchiveReader.builder().build(), input);
  }

  private static Actor user(String login, long id) {
    return new Actor(
        Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(),
        ActorKind.USER);
  }

  private static Actor bot(String login, long id) {
    return user(login, id).withKind(ActorKind.BOT);
  }

  private static Instant at(int second) {
    return Instant.parse("2021-07-21T06:00:00Z").plusSeconds(second);
  }

  static io.github.communitymetrics.core.event.Commit commit(
      Instant at, Repository repo, String sha, String name, String email) {
    io.github.communitymetrics.core.event.Signature s =
        new io.github.communitymetrics.core.event.Signature(name, email, at);
    return new io.github.communitymetrics.core.event.Commit(
        at, repo, Actor.git(name, email), sha, List.of(), s, s, List.of(), List.of());
  }

  /** The events of events-api.json, written from the fixture by hand. */
  static List<Event> expectedModern() {
    Repository w = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9));
    Actor alice = user("alice", 101);
    Actor bob = user("bob", 102);
    Actor carol = user("carol", 103);
    Actor dave = user("dave", 104);
    Actor renovate = bot("renovate[bot]", 29139614);
    Optional<AuthorAssociation> member = Optional.of(AuthorAssociation.MEMBER);
    return List.of(
        new Star(at(0), w, alice),
        new Fork(at(1), w, bob, Optional.of("bob/widget")),
        new IssueOpened(at(2), w, alice, 1, Optional.of(AuthorAssociation.NONE)),
        new IssueComment(at(3), w, carol, 1, false, member, OptionalLong.of(5001)),
        // "fixes #1" in the body; the fixture's pull requests give no head repository.
        new PullRequestOpened(
            at(5), w, dave, 2, false, Optional.of("main"), Optional.of(AuthorAssociation.CONTRIBUTOR),
            List.of(), Optional.empty(), List.of(1)),
        new IssueComment(at(6), w, carol, 2, true, member, OptionalLong.of(5002)),
        new Review(
            at(7), w, carol, 2, ReviewState.APPROVED, Optional.of(dave), member, OptionalLong.of(7001)),
        new ReviewComment(at(8), w, carol, 2, member, OptionalLong.of(8001)),
        new PullRequestMerged(at(9), w, carol, 2, Optional.of(dave), Optional.of("main"), Optional.of(M)),
        new Push(at(10), w, carol, "refs/heads/main", M, 2),
        // The push's two distinct commits, as git identities, at the push time.
        commit(at(10), w, "2222222222222222222222222222222222222222", "Dave", "dave@example.com"),
        commit(at(10), w, M, "Carol", "carol@example.com"),
        new IssueClosed(at(11), w, carol, 1),
        new Release(at(12), w, carol, "v1.0", Optional.of("1.0"), false),
        new MemberAdded(at(13), w, carol, user("erin", 105), Permission.WRITE),
        new IssueReopened(at(14), w, alice, 1),
        new PullRequestOpened(
            at(15), w, renovate, 3, true, Optional.of("main"), Optional.of(AuthorAssociation.NONE),
            List.of(), Optional.empty(), List.of(1)),
        new PullRequestClosed(at(16), w, carol, 3, Optional.of(renovate)),
        new PullRequestReopened(at(17), w, carol, 3),
        new IssueComment(
            at(18), w, bot("github-actions[bot]", 41898282), 2, true,
            Optional.of(AuthorAssociation.NONE), OptionalLong.of(5003)),
        new Star(at(21), new Repository(Forge.GITHUB, "other/thing", OptionalLong.of(33)), alice),
        new Star(at(22), new Repository(Forge.GITHUB, "acme/gadget", OptionalLong.of(34)), bob));
  }

  @Test
  void modernShapeGivesExactlyTheHandWrittenEvents() {
    Read r = read(resource("events-api.json"));
    assertEquals(expectedModern(), r.events);
    assertEquals(22, r.report.lines());
    assertEquals(22, r.report.eventsMapped());
    assertEquals(2, r.report.mapped(EventType.COMMIT));
    assertEquals(20, r.report.linesMapped());
    assertEquals(
        Map.of("CreateEvent", 1L, "PullRequestEvent:synchronize", 1L), r.report.notMapped());
    assertEquals(3, r.report.mapped(EventType.STAR));
    assertEquals(3, r.report.mapped(EventType.ISSUE_COMMENT));
    assertTrue(r.report.isClean());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }

  @Test
  void gzipIsDetectedByContentAndGivesTheSameResult() {
    byte[] plain = resource("events-api.json");
    Read a = read(plain);
    Read b = read(gzip(plain));
    assertEquals(a.events, b.events);
    assertEquals(a.report, b.report);
    assertEquals(plain.length, b.report.uncompressedBytes());
  }

  /**
   * What the timeline cannot carry: the acting user's id. Removed from the event's text (an
   * actor's {@code id=} component; {@code commentId=} and the like stay), everything else must
   * agree.
   */
  private static String withoutActorIds(Event e) {
    return e.toString().replaceAll("(?<![A-Za-z])id=OptionalLong(\\[\\d+\\]|\\.empty)", "id=none");
  }

  @Test
  void timelineShapeGivesTheSameEventsAsTheEventsApiShape() {
    Read api = read(resource("events-api-2012.json"));
    Read timeline = read(resource("timeline-2012.json"));
    // Ten lines' events and the push's one commit.
    assertEquals(12, api.events.size(), api.report.toString());
    assertEquals(12, timeline.events.size(), timeline.report.toString());
    List<String> apiNoIds = new ArrayList<>();
    api.events.forEach(e -> apiNoIds.add(withoutActorIds(e)));
    // The timeline's member object carries an id; its actor (a login string) does not.
    List<String> timelineNoIds = new ArrayList<>();
    timeline.events.forEach(e -> timelineNoIds.add(withoutActorIds(e)));
    assertEquals(apiNoIds, timelineNoIds);
    assertTrue(apiNoIds.get(0).contains("id=none") && apiNoIds.get(3).contains("commentId=OptionalLong[5001]"), apiNoIds.get(3));
    // Spot checks against the fixture text, so that agreeing on nothing cannot pass.
    assertEquals(
        new Fork(Instant.parse("2012-10-13T07:00:01Z"),
            new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9)),
            Actor.github("bob"), Optional.of("bob/widget")),
        timeline.events.get(1));
    IssueComment onPr = (IssueComment) timeline.events.get(5);
    assertTrue(onPr.onPullRequest());
    assertEquals(2, onPr.number());
    assertEquals(OptionalLong.of(5002), onPr.commentId());
    PullRequestMerged merged = (PullRequestMerged) api.events.get(7);
    assertEquals(Optional.of(user("dave", 104)), merged.author());
    assertEquals(Optional.of(M), merged.mergeCommitSha());
    assertEquals(Optional.of("master"), merged.baseBranch());
    assertEquals(new ReviewComment(Instant.parse("2012-10-13T07:00:08Z"),
            new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9)),
            user("carol", 103), 2, Optional.empty(), OptionalLong.of(8001)),
        api.events.get(6));
    assertEquals(OptionalLong.of(101), api.events.get(0).actor().id());
  }

  @Test
  void filterByRepositoryOrOwnerIsCaseInsensitiveAndCounted() {
    byte[] in = resource("events-api.json");
    Read repo =
        read(
            GhArchiveReader.builder()
                .filter(GhArchiveFilter.repositories(List.of("ACME/Widget")))
                .build(),
            in);
    assertEquals(expectedModern().subList(0, 20), repo.events);
    assertEquals(2, repo.report.filteredOut());
    assertEquals(2, repo.report.eventsNotMapped());
    GhArchiveSharedDataTest.assertAccounted(repo.report);
    Read owner =
        read(GhArchiveReader.builder().filter(GhArchiveFilter.owners(List.of("acme"))).build(), in);
    List<Event> expected = new ArrayList<>(expectedModern().subList(0, 20));
    expected.add(expectedModern().get(21));
    assertEquals(expected, owner.events);
    assertEquals(1, owner.report.filteredOut());
    // The 2012 Events API shape puts the payload before the repository.
    Read early =
        read(
            GhArchiveReader.builder()
                .filter(GhArchiveFilter.repositories(List.of("acme/widget")))
                .build(),
            resource("events-api-2012.json"));
    assertEquals(read(resource("events-api-2012.json")).events, early.events);
    Read none =
        read(
            GhArchiveReader.builder()
                .filter(GhArchiveFilter.repositories(List.of("acme/nothing")))
                .build(),
            resource("timeline-2012.json"));
    assertEquals(List.of(), none.events);
    assertEquals(11, none.report.filteredOut());
  }

  private static String push(int second, String payload) {
    return "{\"id\":\"" + (900 + second) + "\",\"type\":\"PushEvent\",\"actor\":{\"id\":103,"
        + "\"login\":\"carol\"},\"repo\":{\"id\":9,\"name\":\"acme/widget\"},\"payload\":"
        + payload + ",\"public\":true,\"created_at\":\"2021-07-21T06:00:"
        + String.format("%02d", second) + "Z\"}";
  }

  private static String listed(String sha, String name, String email, boolean distinct) {
    return "{\"sha\":\"" + sha + "\",\"author\":{\"email\":\"" + email + "\",\"name\":\"" + name
        + "\"},\"message\":\"m\",\"distinct\":" + distinct + ",\"url\":\"u\"}";
  }

  /**
   * Pushes give their distinct listed commits; a push whose size exceeds its list (GitHub lists
   * at most 20) is counted as truncated, with the commits it leaves out; a push without a list
   * (the public feed since 2025) is counted and gives no commit; a listed commit without author
   * is counted as unmappable. Every number below is read off the fixture lines.
   */
  @Test
  void pushesGiveDistinctCommitsAndCountTruncatedAndMissingLists() {
    String a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    String b = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    String c = "cccccccccccccccccccccccccccccccccccccccc";
    String d = "dddddddddddddddddddddddddddddddddddddddd";
    List<String> in =
        List.of(
            // size 25, three listed (one not distinct): truncated, 22 not listed, 2 commits.
            push(1, "{\"push_id\":1,\"size\":25,\"distinct_size\":24,\"ref\":\"refs/heads/main\","
                + "\"head\":\"" + c + "\",\"commits\":[" + listed(a, "Ann", "ann@example.com", false)
                + "," + listed(b, "Bo", "bo@example.com", true) + ","
                + listed(c, "Ann", "ann@example.com", true) + "]}"),
            // The 2025 public feed: no size, no commits.
            push(2, "{\"repository_id\":9,\"push_id\":2,\"ref\":\"refs/heads/main\",\"head\":\""
                + d + "\",\"before\":\"" + c + "\"}"),
            // A listed commit with neither name nor e-mail.
            push(3, "{\"push_id\":3,\"size\":1,\"ref\":\"refs/heads/main\",\"head\":\"" + d
                + "\",\"commits\":[" + listed(d, "", "", true) + "]}"));
    Read r = read(String.join("\n", in).getBytes(StandardCharsets.UTF_8));
    Repository w = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9));
    Actor carol = user("carol", 103);
    assertEquals(
        List.of(
            new Push(at(1), w, carol, "refs/heads/main", c, 25),
            commit(at(1), w, b, "Bo", "bo@example.com"),
            commit(at(1), w, c, "Ann", "ann@example.com"),
            new Push(at(2), w, carol, "refs/heads/main", d, 0),
            new Push(at(3), w, carol, "refs/heads/main", d, 1)),
        r.events);
    assertEquals(2, r.report.mapped(EventType.COMMIT));
    assertEquals(new GhArchiveReport.Commits(1, 1, 22, 1, 1), r.report.commits());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }

  /**
   * A line without the optional {@code repo.id} next to lines with it, and a rename (same id, new
   * name): one repository in the store, under its latest name, with all the events.
   */
  @Test
  void repositoryWithAndWithoutIdAndRenamedIsOneRepositoryInTheStore() {
    String a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    String withId = push(1, "{\"push_id\":1,\"size\":1,\"ref\":\"refs/heads/main\",\"head\":\"" + a
        + "\",\"commits\":[" + listed(a, "Ann", "ann@example.com", true) + "]}");
    String star =
        "{\"id\":\"2\",\"type\":\"WatchEvent\",\"actor\":{\"id\":101,\"login\":\"alice\"},"
            + "\"repo\":{\"name\":\"acme/widget\"},\"payload\":{\"action\":\"started\"},"
            + "\"public\":true,\"created_at\":\"2021-07-21T06:00:02Z\"}";
    String renamed =
        "{\"id\":\"3\",\"type\":\"WatchEvent\",\"actor\":{\"id\":102,\"login\":\"bob\"},"
            + "\"repo\":{\"id\":9,\"name\":\"acme/gizmo\"},\"payload\":{\"action\":\"started\"},"
            + "\"public\":true,\"created_at\":\"2021-07-21T06:00:03Z\"}";
    Read r = read(String.join("\n", withId, star, renamed).getBytes(StandardCharsets.UTF_8));
    assertEquals(4, r.events.size());
    io.github.communitymetrics.core.store.EventStore store =
        io.github.communitymetrics.core.store.EventStore.of(r.events);
    Repository gizmo = new Repository(Forge.GITHUB, "acme/gizmo", OptionalLong.of(9));
    assertEquals(List.of(gizmo), store.repositories());
    assertEquals(4, store.slice(gizmo).size());
  }

  @Test
  void filterRejectsBadNames() {
    assertThrows(IllegalArgumentException.class, () -> GhArchiveFilter.repositories(List.of("acme")));
    assertThrows(IllegalArgumentException.class, () -> GhArchiveFilter.repositories(List.of()));
    assertThrows(IllegalArgumentException.class, () -> GhArchiveFilter.owners(List.of("a/b")));
    assertTrue(GhArchiveFilter.all().keeps("x/y"));
    assertFalse(GhArchiveFilter.owners(List.of("acme")).keeps("acmex/y"));
  }

  private static List<String> lines(byte[] data) {
    return new ArrayList<>(Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n")));
  }

  @Test
  void garbageBlankAndCutLinesAreCountedWithTheirNumbers() {
    List<String> good = lines(resource("events-api.json"));
    List<String> mixed = new ArrayList<>(good);
    mixed.add(3, "this is not json");                       // line 4
    mixed.add(5, "");                                       // line 6, blank
    mixed.add(8, good.get(0).substring(0, 100));            // line 9, cut in the middle
    mixed.add(10, "[1,2]");                                 // line 11, not an object
    mixed.add(12, "{\"type\":\"WatchEvent\"}");            // line 13, no time
    mixed.add(14, good.get(1) + good.get(2));               // line 15, two events on one line
    mixed.add(16, "  \t\r");                                // line 17, blank
    Read r = read((String.join("\r\n", mixed)).getBytes(StandardCharsets.UTF_8));
    assertEquals(expectedModern(), r.events);
    assertEquals(29, r.report.lines());
    assertEquals(2, r.report.blankLines());
    assertEquals(5, r.report.malformedLines());
    List<Long> where = new ArrayList<>();
    r.report.malformed().forEach(p -> where.add(p.line()));
    assertEquals(List.of(4L, 9L, 11L, 13L, 15L), where);
    assertEquals("input.json", r.report.malformed().get(0).file());
    assertFalse(r.report.isClean());
    GhArchiveSharedDataTest.assertAccounted(r.report);
    // Only the first few are described; all are counted.
    Read few =
        read(
            GhArchiveReader.builder().options(ReadOptions.skipMalformed(2)).build(),
            (String.join("\n", mixed)).getBytes(StandardCharsets.UTF_8));
    assertEquals(5, few.report.malformedLines());
    assertEquals(2, few.report.malformed().size());
  }

  @Test
  void strictModeThrowsAtTheFirstMalformedLineAfterDeliveringTheEventsBefore() {
    List<String> mixed = lines(resource("events-api.json"));
    mixed.add(3, "{oops");
    List<Event> got = new ArrayList<>();
    GhArchiveReader strict = GhArchiveReader.builder().options(ReadOptions.strict()).build();
    GhArchiveException e =
        assertThrows(
            GhArchiveException.class,
            () ->
                strict.read(
                    new ByteArrayInputStream(String.join("\n", mixed).getBytes(StandardCharsets.UTF_8)),
                    "hour.json",
                    got::add));
    assertEquals("hour.json", e.file());
    assertEquals(4, e.line());
    assertTrue(e.getMessage().startsWith("hour.json:4: not JSON"), e.getMessage());
    assertEquals(expectedModern().subList(0, 3), got);
  }

  @Test
  void emptyInputsReadAsNothing() {
    for (byte[] empty : new byte[][] {new byte[0], gzip(new byte[0]), "\n\n".getBytes(StandardCharsets.UTF_8)}) {
      Read r = read(empty);
      assertEquals(List.of(), r.events);
      assertEquals(1, r.report.files());
      assertTrue(r.report.isClean());
      assertEquals(r.report.blankLines(), r.report.lines());
    }
  }

  @Test
  void concatenatedGzipMembersReadAsOneFile() {
    List<String> all = lines(resource("events-api.json"));
    byte[] first = (String.join("\n", all.subList(0, 7)) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] second = (String.join("\n", all.subList(7, 15)) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] third = String.join("\n", all.subList(15, all.size())).getBytes(StandardCharsets.UTF_8);
    Read r = read(concat(gzip(first), gzip(second), gzip(third)));
    assertEquals(expectedModern(), r.events);
    assertTrue(r.report.isClean());
    assertEquals(22, r.report.lines());
  }

  /** Cutting a gzip file anywhere gives a prefix of the events and one reported corruption. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void truncatedGzipDeliversEverythingBeforeTheCut(long seed) {
    byte[] whole = gzip(resource("events-api.json"));
    SplittableRandom random = new SplittableRandom(seed);
    int cut = 20 + random.nextInt(whole.length - 28); // inside the deflate data, before the trailer
    Read r = read(Arrays.copyOf(whole, cut));
    List<Event> all = expectedModern();
    assertTrue(r.events.size() < all.size(), "seed " + seed + " cut " + cut);
    assertEquals(all.subList(0, r.events.size()), r.events, "seed " + seed);
    assertEquals(1, r.report.corruptInputs().size(), "seed " + seed);
    GhArchiveReport.Problem p = r.report.corruptInputs().get(0);
    assertEquals("input.json", p.file());
    assertEquals(r.report.lines() + 1, p.line(), "seed " + seed);
    assertTrue(p.reason().contains("truncated"), p.reason());
    GhArchiveSharedDataTest.assertAccounted(r.report);
    // Strict reading throws instead, after delivering the same events.
    List<Event> got = new ArrayList<>();
    GhArchiveReader strict = GhArchiveReader.builder().options(ReadOptions.strict()).build();
    assertThrows(
        GhArchiveException.class,
        () -> strict.read(new ByteArrayInputStream(Arrays.copyOf(whole, cut)), "x", got::add));
    assertEquals(r.events, got);
  }

  @Test
  void corruptGzipDataIsReportedNotThrown() {
    byte[] whole = gzip(resource("events-api.json"));
    byte[] bad = whole.clone();
    for (int i = bad.length / 2; i < bad.length / 2 + 16; i++) {
      bad[i] = (byte) 0xff;
    }
    Read r = read(bad);
    assertEquals(1, r.report.corruptInputs().size());
    assertEquals(expectedModern().subList(0, r.events.size()), r.events);
  }

  @Test
  void overlongLinesAreMalformedAndSkipped() {
    List<String> all = lines(resource("events-api.json"));
    List<String> withLong = new ArrayList<>(all);
    withLong.add(2, "{\"x\":\"" + "y".repeat(5000) + "\"}");
    Read r =
        read(
            GhArchiveReader.builder().maxLineBytes(4096).build(),
            String.join("\n", withLong).getBytes(StandardCharsets.UTF_8));
    assertEquals(expectedModern(), r.events);
    assertEquals(1, r.report.malformedLines());
    assertEquals(3, r.report.malformed().get(0).line());
    assertEquals(23, r.report.lines());
  }

  /**
   * Random splits of the fixtures into files (plain, gzipped, multi-member, with garbage) read
   * with 1 to 4 threads give the same events, in file order, and the same report.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void resultsDoNotDependOnTheThreadCount(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> pool = new ArrayList<>();
    pool.addAll(lines(resource("events-api.json")));
    pool.addAll(lines(resource("events-api-2012.json")));
    pool.addAll(lines(resource("timeline-2012.json")));
    List<Path> files = new ArrayList<>();
    int nFiles = 1 + random.nextInt(8);
    for (int f = 0; f < nFiles; f++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(3000); // some files span several batches of the parallel reader
      for (int i = 0; i < n; i++) {
        text.append(random.nextInt(50) == 0 ? "garbage" : pool.get(random.nextInt(pool.size())));
        text.append('\n');
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextBoolean()) {
        int mid = random.nextInt(bytes.length + 1);
        bytes = concat(gzip(Arrays.copyOf(bytes, mid)), gzip(Arrays.copyOfRange(bytes, mid, bytes.length)));
      }
      Path p = dir.resolve("f" + f + ".json.gz");
      Files.write(p, bytes);
      files.add(p);
    }
    List<Event> sequential = new ArrayList<>();
    GhArchiveReport expected = GhArchiveReader.builder().build().read(files, sequential::add);
    for (int threads = 2; threads <= 4; threads++) {
      List<Event> parallel = new ArrayList<>();
      GhArchiveReport report =
          GhArchiveReader.builder().threads(threads).build().read(files, parallel::add);
      assertEquals(sequential, parallel, "seed " + seed + ", threads " + threads);
      assertEquals(expected, report, "seed " + seed + ", threads " + threads);
    }
    assertEquals(nFiles, expected.files());
    GhArchiveSharedDataTest.assertAccounted(expected);
  }

  @Test
  void aFileThatCannotBeOpenedIsAnExceptionNamingIt() {
    Path missing = dir.resolve("missing.json.gz");
    GhArchiveException e =
        assertThrows(
            GhArchiveException.class,
            () -> GhArchiveReader.builder().threads(2).build().read(List.of(missing, missing), x -> {}));
    assertEquals(missing.toString(), e.file());
  }

  @Test
  void eventsThatLackWhatTheCoreNeedsAreCountedAsUnmappable() {
    String repo = "\"repo\":{\"id\":9,\"name\":\"acme/widget\"}";
    String time = "\"created_at\":\"2021-07-21T06:00:00Z\"";
    String actor = "\"actor\":{\"id\":1,\"login\":\"alice\"}";
    String text =
        String.join(
            "\n",
            // A head that is not a sha.
            "{\"type\":\"PushEvent\"," + actor + "," + repo + ",\"payload\":{\"ref\":\"refs/heads/x\","
                + "\"head\":\"HEAD\",\"size\":1}," + time + "}",
            // No actor at all.
            "{\"type\":\"WatchEvent\"," + repo + ",\"payload\":{\"action\":\"started\"}," + time + "}",
            // An issue event about a pull request: its PullRequestEvent is the one mapped.
            "{\"type\":\"IssuesEvent\"," + actor + "," + repo + ",\"payload\":{\"action\":\"opened\","
                + "\"issue\":{\"number\":3,\"pull_request\":{\"html_url\":\"u\"}}}," + time + "}",
            // An action without a core event.
            "{\"type\":\"IssuesEvent\"," + actor + "," + repo + ",\"payload\":{\"action\":\"unassigned\","
                + "\"issue\":{\"number\":3}}," + time + "}",
            // A used type without a repository.
            "{\"type\":\"ForkEvent\"," + actor + ",\"payload\":{}," + time + "}",
            // Escapes in a login are decoded.
            "{\"type\":\"WatchEvent\",\"actor\":{\"login\":\"al\\u0069ce\"}," + repo
                + ",\"payload\":{\"action\":\"started\"}," + time + "}");
    Read r = read(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        Map.of("PushEvent", 1L, "WatchEvent", 1L, "ForkEvent", 1L), r.report.unmappable());
    assertEquals(
        Map.of("IssuesEvent:opened on a pull request", 1L, "IssuesEvent:unassigned", 1L),
        r.report.notMapped());
    assertEquals(
        List.of(
            new Star(
                Instant.parse("2021-07-21T06:00:00Z"),
                new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(9)),
                Actor.github("alice"))),
        r.events);
    assertTrue(r.report.isClean());
    GhArchiveSharedDataTest.assertAccounted(r.report);
  }
}
