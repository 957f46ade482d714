package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.PullRequestOpened;
import io.github.communitymetrics.forge.crawl.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's head repository over the REST API, from a loopback HTTP server answering with
 * fixtures written here in GitHub's response shapes ({@code pulls-with-head-repositories.json}:
 * {@code GET /repos/{o}/{n}/pulls} items with {@code head.repo}; {@code
 * issues-with-pull-requests.json}: the issues list, whose pull requests carry no head). The issues
 * list gives the openings; the pulls list (read for the reviews) gives {@code head.repo.full_name}:
 * #2 from the fork alice/widget, #3 from a branch of acme/widget itself, #4 from a deleted fork
 * ({@code "repo": null}: no head repository).
 */
class PullRequestHeadRepositoryTest {
  private static final GitHubTarget TARGET = GitHubTarget.parse("acme/widget");

  private WireMockServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(json("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    server.stubFor(get(urlPathEqualTo("/repos/acme/widget/pulls")).willReturn(json(fixture("pulls-with-head-repositories.json"))));
    server.stubFor(get(urlPathMatching("/repos/acme/widget/pulls/[0-9]+/reviews")).willReturn(json("[]")));
    server.stubFor(get(urlPathEqualTo("/repos/acme/widget/issues")).willReturn(json(fixture("issues-with-pull-requests.json"))));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = PullRequestHeadRepositoryTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private List<Event> fetch(Set<GitHubResource> resources, Optional<Path> checkpoints) {
    List<Event> out = new ArrayList<>();
    FetchOptions options = FetchOptions.all().withResources(EnumSet.copyOf(resources));
    if (checkpoints.isPresent()) {
      options = options.withCheckpointDirectory(checkpoints.get());
    }
    // No token: the reviews come from the REST pulls list, not GraphQL.
    GitHubSource.builder().apiUrl(URI.create(server.baseUrl())).build().fetch(TARGET, options, out::add);
    return out;
  }

  /** Each pull request's head repository, by number ("" when none). */
  private static Map<Integer, String> heads(List<Event> events) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (Event e : events) {
      if (e instanceof PullRequestOpened p) {
        out.put(p.number(), p.headRepository().orElse(""));
      }
    }
    return out;
  }

  @Test
  void theIssuesListsPullRequestsGetTheHeadRepositoryOfThePullsList() {
    List<Event> events = fetch(EnumSet.of(GitHubResource.ISSUES, GitHubResource.REVIEWS), Optional.empty());
    assertEquals(Map.of(2, "alice/widget", 3, "acme/widget", 4, ""), heads(events));
    // The other facts of the openings are the issues list's, unchanged.
    PullRequestOpened two = (PullRequestOpened) events.stream()
        .filter(e -> e instanceof PullRequestOpened p && p.number() == 2).findFirst().orElseThrow();
    assertEquals(List.of(1), two.closes());
    assertEquals("alice", two.actor().login().orElseThrow());
    // The issues list alone says nothing of heads: empty, not guessed.
    assertEquals(Map.of(2, "", 3, "", 4, ""), heads(fetch(EnumSet.of(GitHubResource.ISSUES), Optional.empty())));
  }

  @Test
  void aLaterFetchJoinsTheHeadsAnEarlierOneSaved() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    // First the reviews alone (the pulls list), then the issues alone with the same checkpoints.
    fetch(EnumSet.of(GitHubResource.REVIEWS), Optional.of(checkpoints));
    server.resetRequests();
    List<Event> later = fetch(EnumSet.of(GitHubResource.ISSUES), Optional.of(checkpoints));
    server.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/widget/pulls")));
    assertEquals(Map.of(2, "alice/widget", 3, "acme/widget", 4, ""), heads(later));
    assertEquals(Optional.of("2\talice/widget\n3\tacme/widget\n"),
        Checkpoint.open(checkpoints, e -> { }).read("acme__widget.head-repos"));
  }

  @Test
  void aBrokenSavedLineNamesTheFile() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    fetch(EnumSet.of(GitHubResource.REVIEWS), Optional.of(checkpoints));
    Checkpoint.open(checkpoints, e -> { }).save("acme__widget.head-repos", "two\talice/widget\n");
    RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class, () -> fetch(EnumSet.of(GitHubResource.ISSUES), Optional.of(checkpoints)));
    assertTrue(e.getMessage().contains("head-repos has a line that is not 'NUMBER<TAB>OWNER/NAME'"), e.getMessage());
  }

  @Test
  void throughGraphQlTheHeadIsTheHeadRepositorysNameWithOwner() {
    // With a token the reviews come from GraphQL; the fake REST API lists issues 1..4 (2 and 4 are
    // pull requests), the fake GraphQL endpoint their pull requests.
    FakeGraphQl gh = new FakeGraphQl(new FakeGitHub(0, 0, 4));
    FakeGraphQl.Pull two = new FakeGraphQl.Pull(2, FakeGraphQl.T0, FakeGraphQl.actor("User", "u3", 3), "main");
    two.headRepo = "u3/widget";
    FakeGraphQl.Pull four = new FakeGraphQl.Pull(4, FakeGraphQl.T0.plusSeconds(60), FakeGraphQl.actor("User", "u5", 5), "main");
    four.headRepo = null; // deleted fork
    gh.pulls.add(two);
    gh.pulls.add(four);
    List<Event> out = new ArrayList<>();
    GitHubSource.builder()
        .apiUrl(URI.create(FakeGitHub.BASE))
        .token(io.github.communitymetrics.forge.Token.of("tok-123456", "TEST"))
        .sender(gh)
        .build()
        .fetch(TARGET, FetchOptions.all().withResources(EnumSet.of(GitHubResource.ISSUES, GitHubResource.REVIEWS)), out::add);
    assertTrue(gh.queries.get(0).contains("headRepository { nameWithOwner }"), gh.queries.get(0));
    assertEquals(Map.of(2, "u3/widget", 4, ""), heads(out));
  }
}
