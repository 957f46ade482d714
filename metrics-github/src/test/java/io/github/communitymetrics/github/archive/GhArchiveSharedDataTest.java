package io.github.communitymetrics.github.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.Fork;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.store.EventStore;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The real GH Archive hours in {@code ../shared/data/gharchive}, counted exactly.
 *
 * <p>The expected numbers were obtained independently of this code: a Python script read every
 * line with the standard {@code json} module ({@code zcat FILE | python3 ...}) and applied the
 * mapping rules of {@link GhArchiveReader}'s documentation to the parsed objects (WatchEvent
 * started, IssuesEvent opened/closed/reopened unless the issue is a pull request,
 * PullRequestEvent closed split on {@code pull_request.merged}, comment numbers from {@code
 * issue.number} or, in the timeline, from the event {@code url}, review comments from {@code
 * pull_request.number} or {@code comment._links.pull_request.href}). The per-type totals of the raw
 * {@code type} field match the README's event counts (7,981, 3,086, 800).
 */
@SharedDataTest
class GhArchiveSharedDataTest {
  private static final String KLANGNER =
      "gharchive/klangner-github-analysis/src/test/java/com/matrobot/gha/archive/testdata/";
  private static final String PINOT =
      "gharchive/apache-pinot/pinot-tools/src/main/resources/examples/stream/githubEvents/rawdata/"
          + "2021-07-21-few-hours.json";

  private static Map<EventType, Long> counts(Object... typeAndCount) {
    Map<EventType, Long> m = new EnumMap<>(EventType.class);
    for (int i = 0; i < typeAndCount.length; i += 2) {
      m.put((EventType) typeAndCount[i], ((Integer) typeAndCount[i + 1]).longValue());
    }
    return m;
  }

  private static Map<String, Long> named(Object... nameAndCount) {
    Map<String, Long> m = new TreeMap<>();
    for (int i = 0; i < nameAndCount.length; i += 2) {
      m.put((String) nameAndCount[i], ((Integer) nameAndCount[i + 1]).longValue());
    }
    return m;
  }

  private static GhArchiveReport read(Path file, List<Event> out) {
    return GhArchiveReader.builder().build().read(List.of(file), out::add);
  }

  @Test
  void eventsApiHourOf2012() {
    List<Event> events = new ArrayList<>();
    GhArchiveReport r = read(SharedData.resolve(KLANGNER + "2012-04-01-0.json.gz"), events);
    assertEquals(7981, r.lines());
    assertEquals(
        counts(
            EventType.FORK, 73, EventType.ISSUE_CLOSED, 36, EventType.ISSUE_COMMENT, 165,
            EventType.ISSUE_OPENED, 70, EventType.ISSUE_REOPENED, 3, EventType.MEMBER_ADDED, 9,
            EventType.PULL_REQUEST_CLOSED, 7, EventType.PULL_REQUEST_MERGED, 28,
            EventType.PULL_REQUEST_OPENED, 42, EventType.PULL_REQUEST_REOPENED, 1,
            EventType.PUSH, 1522, EventType.STAR, 253, EventType.COMMIT, 2547),
        r.mapped());
    assertEquals(
        named(
            "CommitCommentEvent", 27, "CreateEvent", 4808, "DeleteEvent", 15, "DownloadEvent", 17,
            "FollowEvent", 77, "GistEvent", 218, "GollumEvent", 61, "PublicEvent", 1,
            "PullRequestEvent:synchronize", 544),
        r.notMapped());
    // 2012-04 review comments name neither the pull request nor a link to it.
    assertEquals(named("PullRequestReviewCommentEvent", 4), r.unmappable());
    assertEquals(0, r.malformedLines());
    assertTrue(r.isClean());
    assertEquals(r.eventsMapped(), events.size());
    assertAccounted(r);
  }

  @Test
  void timelineHourOf2012() {
    List<Event> events = new ArrayList<>();
    GhArchiveReport r = read(SharedData.resolve(KLANGNER + "2012-10-13-0.json.gz"), events);
    assertEquals(3086, r.lines());
    assertEquals(
        counts(
            EventType.FORK, 118, EventType.ISSUE_CLOSED, 45, EventType.ISSUE_COMMENT, 158,
            EventType.ISSUE_OPENED, 87, EventType.ISSUE_REOPENED, 1, EventType.MEMBER_ADDED, 13,
            EventType.PULL_REQUEST_CLOSED, 20, EventType.PULL_REQUEST_MERGED, 19,
            EventType.PULL_REQUEST_OPENED, 42, EventType.PULL_REQUEST_REOPENED, 1,
            EventType.PUSH, 1585, EventType.REVIEW_COMMENT, 8, EventType.STAR, 306,
            EventType.COMMIT, 2809),
        r.mapped());
    assertEquals(
        named(
            "CommitCommentEvent", 19, "CreateEvent", 422, "DeleteEvent", 19, "DownloadEvent", 24,
            "FollowEvent", 68, "GistEvent", 74, "GollumEvent", 55, "PublicEvent", 2),
        r.notMapped());
    assertEquals(Map.of(), r.unmappable());
    assertTrue(r.isClean());
    assertAccounted(r);
    // Timeline times are Pacific with an offset: 00:xx-07:00 is 07:xx UTC. The file also holds
    // six events of the next hour, 01:00:05-07:00 to 01:00:08-07:00 (five pushes and an opened
    // issue, found with python), which are 08:00:05Z to 08:00:08Z; the five pushes list seven
    // distinct commits (python again), which are events of the same seconds.
    int nextHour = 0;
    for (Event e : events) {
      Instant at = e.at();
      boolean inHour =
          !at.isBefore(Instant.parse("2012-10-13T07:00:00Z"))
              && at.isBefore(Instant.parse("2012-10-13T08:00:00Z"));
      boolean inNext =
          !at.isBefore(Instant.parse("2012-10-13T08:00:05Z"))
              && !at.isAfter(Instant.parse("2012-10-13T08:00:08Z"));
      assertTrue(inHour || inNext, "time " + at + " of " + e);
      nextHour += inNext ? 1 : 0;
    }
    assertEquals(6 + 7, nextHour);
  }

  @Test
  void modernHours() {
    List<Event> events = new ArrayList<>();
    GhArchiveReport r = read(SharedData.resolve(PINOT), events);
    assertEquals(800, r.lines());
    assertEquals(
        counts(
            EventType.FORK, 19, EventType.ISSUE_CLOSED, 8, EventType.ISSUE_COMMENT, 36,
            EventType.ISSUE_OPENED, 13, EventType.MEMBER_ADDED, 4,
            EventType.PULL_REQUEST_CLOSED, 6, EventType.PULL_REQUEST_MERGED, 25,
            EventType.PULL_REQUEST_OPENED, 33, EventType.PUSH, 425, EventType.RELEASE, 3,
            EventType.REVIEW, 28, EventType.REVIEW_COMMENT, 10, EventType.STAR, 58,
            EventType.COMMIT, 581),
        r.mapped());
    assertEquals(
        named(
            "CommitCommentEvent", 2, "CreateEvent", 103, "DeleteEvent", 23, "GollumEvent", 2,
            "PublicEvent", 2),
        r.notMapped());
    assertTrue(r.isClean());
    assertAccounted(r);
    // Every merge carries the merge commit and the author of the pull request.
    for (Event e : events) {
      if (e instanceof PullRequestMerged) {
        PullRequestMerged m = (PullRequestMerged) e;
        assertTrue(m.mergeCommitSha().isPresent() && m.author().isPresent(), m.toString());
      }
      if (e instanceof Fork) {
        assertTrue(((Fork) e).forkFullName().isPresent(), e.toString());
      }
    }
    // GH Archive lists three reviews twice (different event ids, the same review id, state, pull
    // request, actor and second: checked by hand with python); the store keeps each once.
    EventStore store = EventStore.of(events);
    assertEquals(3, store.duplicatesDropped());
    assertEquals(r.eventsMapped() - 3, store.size());
  }

  @Test
  void allThreeFilesInParallelGiveTheSameStreamAsOneByOne() {
    List<Path> files =
        List.of(
            SharedData.resolve(KLANGNER + "2012-04-01-0.json.gz"),
            SharedData.resolve(PINOT),
            SharedData.resolve(KLANGNER + "2012-10-13-0.json.gz"));
    List<Event> one = new ArrayList<>();
    GhArchiveReport r1 = GhArchiveReader.builder().build().read(files, one::add);
    for (int threads : new int[] {2, 3, 8}) {
      List<Event> many = new ArrayList<>();
      GhArchiveReport rn = GhArchiveReader.builder().threads(threads).build().read(files, many::add);
      assertEquals(one, many, "threads " + threads);
      assertEquals(r1, rn, "threads " + threads);
    }
    assertEquals(3, r1.files());
    assertEquals(7981 + 3086 + 800, r1.lines());
  }

  /**
   * The commits of the pushes, against an independent Python reading (json module). For each PushEvent with a string ref and a hex head (the mapped pushes), the
   * list is {@code payload.commits} (objects) or, in the timeline, {@code payload.shas} (arrays of
   * sha, e-mail, message, name, distinct); listed = the list length, commits = entries with
   * {@code distinct} true, truncated = pushes with {@code size} above the list length. Python
   * gave, for 2012-04-01-0, 2012-10-13-0 and the 2021 hours: listed 2724 / 3138 / 680, commits
   * 2547 / 2809 / 581, not distinct 177 / 329 / 99, truncated 16 / 32 / 6, no list 0, and the
   * repository with the most commits jcrigby/packaged-linux-linaro-3.1-ci (100) / skodak/moodle
   * (40) / three repositories with 20.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "2012-04-01-0.json.gz, 2724, 2547, 177, 16, jcrigby/packaged-linux-linaro-3.1-ci, 100",
    "2012-10-13-0.json.gz, 3138, 2809, 329, 32, skodak/moodle, 40",
    "PINOT, 680, 581, 99, 6, ruscur/skiboot, 20"
  })
  void pushesGiveTheirDistinctCommits(
      String file, long listed, long commits, long notDistinct, long truncated, String top, int topCommits) {
    List<Event> events = new ArrayList<>();
    Path path = SharedData.resolve(file.equals("PINOT") ? PINOT : KLANGNER + file);
    GhArchiveReport r = read(path, events);
    assertEquals(commits, r.mapped(EventType.COMMIT));
    assertEquals(notDistinct, r.commits().notDistinct());
    assertEquals(0, r.commits().unmappable());
    assertEquals(listed, r.mapped(EventType.COMMIT) + r.commits().notDistinct() + r.commits().unmappable());
    assertEquals(truncated, r.commits().pushesTruncated());
    assertEquals(0, r.commits().pushesWithoutList());
    assertAccounted(r);
    long ofTop =
        events.stream()
            .filter(e -> e.type() == EventType.COMMIT && e.repo().fullName().equals(top))
            .count();
    assertEquals(topCommits, ofTop);
    // ... and a commit-based metric of that repository has evidence: the CHAOSS absence factor
    // over its commits is at least one person, with every commit counted.
    EventStore store = EventStore.of(events);
    io.github.communitymetrics.core.event.Repository repo =
        store.repositories().stream().filter(x -> x.fullName().equals(top)).findFirst().orElseThrow();
    var absence =
        io.github.communitymetrics.core.metrics.busfactor.ContributorAbsenceFactor.chaoss(
                store.timeSpan().orElseThrow())
            .withScope(io.github.communitymetrics.core.metrics.RepositoryScope.of(repo))
            .compute(store, io.github.communitymetrics.core.metrics.People.resolve(store));
    assertTrue(absence.factor() >= 1, absence.toString());
    System.out.println(top + ": absence factor " + absence.factor() + " over " + ofTop + " commits");
  }

  /** Every line is accounted for exactly once. */
  static void assertAccounted(GhArchiveReport r) {
    assertEquals(
        r.lines(),
        r.blankLines()
            + r.linesMapped()
            + r.eventsNotMapped()
            + r.eventsUnmappable()
            + r.filteredOut()
            + r.malformedLines(),
        r.toString());
  }
}
