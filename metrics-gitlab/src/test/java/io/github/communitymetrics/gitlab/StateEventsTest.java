package io.github.communitymetrics.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.NumberedEvent;
import io.github.communitymetrics.core.event.PullRequestClosed;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closings and reopenings from GitLab's resource state events (13.2 and later), and the fallback to
 * the lists' state and system notes on an instance that answers them with 404.
 */
class StateEventsTest {
  private static final GitLabTarget TARGET = GitLabTarget.project("acme/widget");
  private static final Instant T0 = FakeGitLab.T0;
  /** Ten days after T0: after every item of the fixture. */
  private static final Instant LATER = T0.plusSeconds(10 * 86400);

  @TempDir Path dir;

  private static GitLabSource source(HttpSender sender) {
    return GitLabSource.builder()
        .baseUrl(URI.create(FakeGitLab.BASE))
        .sender(sender)
        .sleeper(d -> {})
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static Map<Event, Long> multiset(List<Event> events) {
    return events.stream().collect(Collectors.groupingBy(e -> e, Collectors.counting()));
  }

  /** Type, time, actor and number of each event, in the order emitted. */
  private static List<String> brief(List<Event> events) {
    return events.stream()
        .map(e -> e.type().wireName() + " " + e.at() + " " + e.actor().login().orElseThrow() + " #"
            + ((NumberedEvent) e).number())
        .toList();
  }

  @Test
  void stateEventsGiveTheSameEventsAsTheListsAndNotesOfTheFixture() {
    FakeGitLab old = new FakeGitLab(250, 3, 7, 5);
    List<Event> fromNotes = new ArrayList<>();
    source(old).fetch(TARGET, FetchOptions.all(), fromNotes::add);

    FakeGitLab gl = new FakeGitLab(250, 3, 7, 5);
    gl.stateEvents = true;
    List<Event> fromStates = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, FetchOptions.all(), fromStates::add);
    // The fixture's state events repeat its closes (MRs 2, 5; issues 2, 4: same user and time as
    // closed_by/closed_at) and its "reopened" notes (issues 1, 5), so the events are the same.
    assertEquals(multiset(fromNotes), multiset(fromStates));
    assertEquals(fromNotes.size(), fromStates.size());
    // Skips worked out by hand: 7 milestone notes; the "merged" notes of MRs 3, 6; the "closed"
    // notes of issues 2, 4 and "reopened" of 1, 5, which have state events; the "merged" state
    // events of MRs 3, 6 (the merges come from the list).
    assertEquals(
        Map.of(
            "system_note", 7L,
            "system_note_state_listed", 2L,
            "system_note_state_event", 4L,
            "state_event_merged_listed", 2L,
            "member_below_developer", 1L,
            "member_without_time", 1L),
        report.skipped());
    // Issues: 5 openings, 2 closes and 2 reopenings; their notes: 5 comments.
    assertEquals(9L, report.items().get(GitLabResource.ISSUES));
    assertEquals(5L, report.items().get(GitLabResource.ISSUE_NOTES));
    assertEquals(11L, report.items().get(GitLabResource.MERGE_REQUESTS));
    // 25 as on an older instance (GitLabSourceTest: 27 with its two 404s), plus one state-events
    // list per merge request (7) and issue (5) and the one label-events request answered 404; the
    // notes cost nothing more (already known).
    assertEquals(25 + 7 + 5 + 1, report.requests().requests());
  }

  /** MR 1 (open) closed by u3, reopened by u1 and closed by u2 after the first fetch. */
  private static void closeReopenClose(FakeGitLab gl) {
    gl.lateMergeRequestStates.put(1, List.of(
        new FakeGitLab.StateChange("closed", 3, LATER),
        new FakeGitLab.StateChange("reopened", 1, LATER.plusSeconds(100)),
        new FakeGitLab.StateChange("closed", 2, LATER.plusSeconds(200))));
    // The system notes of the same actions, as instances between 13.2 and the end of such notes
    // create next to the state events, and older ones instead of them (ids above the fixture's).
    int offset = 10 * 86400 - 600; // FakeGitLab.note times are T0 + 600 iid + seconds
    gl.lateMergeRequestNotes.put(1, List.of(
        FakeGitLab.note(900_101, "closed", true, "null", 3, 1, offset),
        FakeGitLab.note(900_102, "reopened", true, "null", 1, 1, offset + 100),
        FakeGitLab.note(900_103, "closed", true, "null", 2, 1, offset + 200)));
  }

  @Test
  void closedReopenedAndClosedAgainBetweenTwoFetchesGivesAllThreeOnce() {
    FakeGitLab gl = new FakeGitLab(0, 0, 4, 0);
    gl.stateEvents = true;
    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir);
    source(gl).fetch(TARGET, options, e -> {});
    closeReopenClose(gl);

    List<Event> second = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, options, second::add);
    assertEquals(
        List.of(
            "pull_request_closed " + LATER + " u3 #1",
            "pull_request_reopened " + LATER.plusSeconds(100) + " u1 #1",
            "pull_request_closed " + LATER.plusSeconds(200) + " u2 #1"),
        brief(second));
    // MR 1 is by u2 (iid % 7 + 1).
    assertEquals("u2", ((PullRequestClosed) second.get(0)).author().orElseThrow().login().orElseThrow());
    // The three system notes are the same actions: skipped, not counted twice.
    assertEquals(3L, report.skipped().get("system_note_state_event"));

    List<Event> third = new ArrayList<>();
    source(gl).fetch(TARGET, options, third::add);
    assertEquals(List.of(), third);

    List<FakeGitLab.StateChange> more = new ArrayList<>(gl.lateMergeRequestStates.get(1));
    more.add(new FakeGitLab.StateChange("reopened", 1, LATER.plusSeconds(300)));
    gl.lateMergeRequestStates.put(1, more);
    List<Event> fourth = new ArrayList<>();
    source(gl).fetch(TARGET, options, fourth::add);
    assertEquals(List.of("pull_request_reopened " + LATER.plusSeconds(300) + " u1 #1"), brief(fourth));
  }

  @Test
  void anInstanceWithoutStateEventsFallsBackToTheListsLastCloseAndReopenNotes() {
    FakeGitLab gl = new FakeGitLab(0, 0, 4, 0);
    FetchOptions options = FetchOptions.all().withCheckpointDirectory(dir);
    source(gl).fetch(TARGET, options, e -> {});
    closeReopenClose(gl);
    int before = gl.requests.size();

    List<Event> second = new ArrayList<>();
    FetchReport report = source(gl).fetch(TARGET, options, second::add);
    // The list shows the last close only; the reopening comes from its system note; the first
    // close is lost (docs/gitlab.md, Missing).
    assertEquals(
        List.of(
            "pull_request_closed " + LATER.plusSeconds(200) + " u2 #1",
            "pull_request_reopened " + LATER.plusSeconds(100) + " u1 #1"),
        brief(second));
    assertEquals(2L, report.skipped().get("system_note_state_listed"));
    // One state-events request per fetch (404), then none for the project's other items.
    assertEquals(1L, gl.requests.subList(before, gl.requests.size()).stream()
        .filter(r -> r.uri().getPath().endsWith("/resource_state_events")).count());
  }

  @Test
  void aStateEventOfAnItemThatIsGoneIsNotTheInstancesFault() {
    // The first item asked answers, a later one is gone (404): that item keeps its list close.
    FakeGitLab gl = new FakeGitLab(0, 0, 5, 0);
    gl.stateEvents = true;
    HttpSender gone = request -> request.uri().getPath().endsWith("/merge_requests/5/resource_state_events")
        ? new ForgeResponse(404, request.uri(), Map.of(), "{\"message\":\"404 Not found\"}")
        : gl.send(request);
    List<Event> events = new ArrayList<>();
    source(gone).fetch(TARGET, FetchOptions.all(), events::add);
    // MRs 2 and 5 are closed by the fixture's rule: 2 from its state event, 5 from the list.
    assertEquals(
        List.of("pull_request_closed " + T0.plusSeconds(1400) + " u3 #2",
            "pull_request_closed " + T0.plusSeconds(3200) + " u3 #5"),
        brief(events.stream().filter(e -> e.type() == EventType.PULL_REQUEST_CLOSED).toList()));
  }
}
