package io.github.communitymetrics.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.Commit;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.EventType;
import io.github.communitymetrics.core.event.IssueComment;
import io.github.communitymetrics.core.event.PullRequestMerged;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.core.event.Review;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.internal.JsonValues;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.testkit.SharedData;
import io.github.communitymetrics.testkit.SharedDataTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Replays danger-js's real gitlab.com recordings of merge request !27117 of gitlab-org/gitlab-foss
 * (the merge request and its 15 notes, with gitlab.com's headers) on a loopback WireMock server.
 * The project object is not recorded there; the test serves a minimal one of its own.
 */
@SharedDataTest
class RecordedGitLabTest {
  private static final String DIR = "gitlab/danger-js/source/platforms/gitlab/_tests/fixtures/";
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** The first recorded exchange of a fixture: its JSON body and its raw headers (name, value, ...). */
  private static ResponseDefinitionBuilder recorded(String file, boolean wrapInArray) throws IOException {
    String text = Files.readString(SharedData.resolve(DIR + file), StandardCharsets.UTF_8);
    ForgeResponse fake = new ForgeResponse(200, URI.create("file:///" + file), Map.of(), text);
    JsonValues json = JsonValues.of(fake);
    Map<String, Object> exchange = json.array().get(0);
    ResponseDefinitionBuilder b = aResponse().withStatus((int) json.number(exchange, "status"));
    Object headers = exchange.get("rawHeaders");
    if (headers instanceof List) {
      List<?> raw = (List<?>) headers;
      for (int i = 0; i + 1 < raw.size(); i += 2) {
        String name = (String) raw.get(i);
        if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
          b = b.withHeader(name, (String) raw.get(i + 1));
        }
      }
    }
    String body = write(exchange.get("response"));
    return b.withBody(wrapInArray ? "[" + body + "]" : body);
  }

  private static String write(Object value) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      writeValue(g, value);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeName((String) e.getKey());
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List) {
      g.writeStartArray();
      for (Object o : (List<?>) v) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Long) {
      g.writeNumber((Long) v);
    } else if (v instanceof Double) {
      g.writeNumber((Double) v);
    } else {
      g.writeBoolean((Boolean) v);
    }
  }

  @Test
  void mergeRequest27117AndItsNotes() throws IOException {
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/gitlab-org%2Fgitlab-foss"))
            .willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": 13083, \"path_with_namespace\": \"gitlab-org/gitlab-foss\"}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/13083/merge_requests"))
            .willReturn(recorded("getMergeRequestInfo.json", true)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/13083/merge_requests/27117/notes"))
            .willReturn(recorded("getMergeRequestNotes.json", false)));
    List<Event> events = new ArrayList<>();
    FetchReport report =
        GitLabSource.builder()
            .baseUrl(URI.create(server.baseUrl()))
            .privateToken(Token.of("recorded-secret"))
            .retryPolicy(RetryPolicy.none())
            .build()
            .fetch(
                GitLabTarget.project("gitlab-org/gitlab-foss"),
                FetchOptions.all().withResources(
                    EnumSet.of(GitLabResource.MERGE_REQUESTS, GitLabResource.MERGE_REQUEST_NOTES)),
                events::add);
    // Read by hand from the recordings: the MR was opened by smcgivern and merged by dbalexandre;
    // of its 15 notes, 4 are human (2 of them DiscussionNotes), 2 are "approved this merge
    // request" (reprazent, then dbalexandre: the approvals endpoint lists the same two), 1 is
    // "merged" and 8 are other system notes.
    Map<EventType, Long> byType =
        events.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));
    assertEquals(
        Map.of(EventType.PULL_REQUEST_OPENED, 1L, EventType.PULL_REQUEST_MERGED, 1L,
            EventType.ISSUE_COMMENT, 4L, EventType.REVIEW, 2L),
        byType);
    assertEquals(Map.of("system_note", 8L, "system_note_state_listed", 1L), report.skipped());
    PullRequestOpened opened = (PullRequestOpened) events.get(0);
    assertEquals(27117, opened.number());
    assertEquals(Instant.parse("2019-04-08T10:59:38.140Z"), opened.at());
    assertEquals(Optional.of("smcgivern"), opened.actor().login());
    // source_project_id = target_project_id = 13083; the description's "Closes
    // https://gitlab.com/gitlab-org/gitlab-ce/issues/57766." is a link, which is not read.
    assertEquals(Optional.of("gitlab-org/gitlab-foss"), opened.headRepository());
    assertEquals(List.of(), opened.closes());
    PullRequestMerged merged = (PullRequestMerged) events.get(1);
    assertEquals(Instant.parse("2019-04-09T13:57:11.931Z"), merged.at());
    assertEquals(Optional.of("dbalexandre"), merged.actor().login());
    assertEquals(Optional.of("58d4099c1469dba9ff850733ba29da11f6eeb158"), merged.mergeCommitSha());
    assertEquals(Optional.of("master"), merged.baseBranch());
    List<String> approvers = events.stream().filter(e -> e instanceof Review)
        .map(e -> e.actor().login().orElseThrow()).sorted().toList();
    assertEquals(List.of("dbalexandre", "reprazent"), approvers);
    Review first = (Review) events.stream().filter(e -> e instanceof Review)
        .filter(e -> e.actor().login().orElseThrow().equals("reprazent")).findFirst().orElseThrow();
    assertEquals(Instant.parse("2019-04-09T06:46:03.790Z"), first.at());
    assertEquals(Optional.of("smcgivern"), first.pullRequestAuthor().orElseThrow().login());
    assertTrue(events.stream().filter(e -> e instanceof IssueComment)
        .allMatch(e -> ((IssueComment) e).onPullRequest() && ((IssueComment) e).number() == 27117));
    // X-Next-Page is empty and Link has only first/last: one page each, nothing followed; and
    // the merge request's resource_state_events and resource_label_events, not recorded
    // (WireMock answers 404): closes from the list, reopenings from system notes, no label changes.
    assertEquals(6, report.requests().requests());
  }

  @Test
  void commitsInGitLabsRecordedShape() throws IOException {
    // The recording is of the merge request's commits, which have the shape of the repository's
    // commits list (newest first); served here as the default branch's commits.
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/gitlab-org%2Fgitlab-foss"))
            .willReturn(aResponse().withStatus(200)
                .withBody("{\"id\": 13083, \"path_with_namespace\": \"gitlab-org/gitlab-foss\"}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/projects/13083/repository/commits"))
            .willReturn(recorded("getMergeRequestCommits.json", false)));
    List<Event> events = new ArrayList<>();
    GitLabSource.builder()
        .baseUrl(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build()
        .fetch(GitLabTarget.project("gitlab-org/gitlab-foss"),
            FetchOptions.all().withResources(EnumSet.of(GitLabResource.COMMITS)), events::add);
    // Read by hand from the recording: 28531ab4 (authored 10:44:57) is listed before 575ec3af
    // (09:50:39), both by Sean McGivern <sean@gitlab.com>, committed 10:56:17, no parent ids.
    List<Commit> commits = events.stream().map(e -> (Commit) e).toList();
    assertEquals(List.of("575ec3af131e9c101edfc50ee563381b37c8076e", "28531ab43666b5fdf37e0a70db3bcbf7d3f92183"),
        commits.stream().map(Commit::sha).toList());
    assertEquals(Instant.parse("2019-04-08T09:50:39Z"), commits.get(0).at());
    assertEquals(Actor.git("Sean McGivern", "sean@gitlab.com"), commits.get(0).actor());
    assertEquals(Instant.parse("2019-04-08T10:56:17Z"), commits.get(1).committer().time());
    assertEquals(List.of(), commits.get(1).parents());
  }
}
