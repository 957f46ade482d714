package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.EventFile;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.ListedRepository;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.RepositoryFailure;
import io.github.communitymetrics.forge.RepositoryListing;
import io.github.communitymetrics.forge.RepositorySelection;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.testkit.EventAssertions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every repository of an owner against a loopback WireMock in GitHub's formats: organisation
 * {@code acme} lists five repositories over three pages ({@code Link} to {@code
 * /organizations/100/repos?...&page=N}, as GitHub writes it): alpha, beta (a fork), gamma
 * (archived), delta and epsilon, each with stars of its own; user {@code ann} (no organisation)
 * owns one.
 */
class OwnerRepositoriesTest {
  private static final String SECRET = "ghp_owner_listing_secret_1";
  private static final String ORG_LIST = "/orgs/acme/repos?type=all&per_page=100";
  private static final String PAGED = "/organizations/100/repos?type=all&per_page=100&page=";
  private static final FetchOptions STARS =
      FetchOptions.all().withResources(EnumSet.of(GitHubResource.STARGAZERS));
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private WireMockServer api;
  private WireMockServer other;

  @TempDir Path dir;

  /** A repository as GitHub lists it in {@code /orgs/{org}/repos} (abridged to the common fields). */
  static String listed(String owner, String name, long id, boolean fork, boolean archived) {
    return "{\"id\": " + id + ", \"node_id\": \"R_kgDO" + id + "\", \"name\": \"" + name + "\", \"full_name\": \""
        + owner + "/" + name + "\", \"private\": false, \"owner\": {\"login\": \"" + owner
        + "\", \"id\": 100, \"type\": \"Organization\", \"site_admin\": false}, \"html_url\": \"https://github.com/"
        + owner + "/" + name + "\", \"description\": null, \"fork\": " + fork + ", \"url\": \"https://api.github.com/repos/"
        + owner + "/" + name + "\", \"created_at\": \"2020-01-01T00:00:00Z\", \"updated_at\": \"2024-01-01T00:00:00Z\","
        + " \"pushed_at\": \"2024-01-01T00:00:00Z\", \"stargazers_count\": 3, \"watchers_count\": 3, \"language\": \"Java\","
        + " \"forks_count\": 0, \"archived\": " + archived + ", \"disabled\": false, \"open_issues_count\": 0,"
        + " \"license\": null, \"topics\": [], \"visibility\": \"public\", \"default_branch\": \"main\","
        + " \"permissions\": {\"admin\": false, \"maintain\": false, \"push\": false, \"triage\": false, \"pull\": true}}";
  }

  /** Three stars of repository {@code id} by users id*10+1..3, an hour apart. */
  static String stars(long id) {
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      out.add(star(id * 10 + k, T0.plusSeconds(3600L * (id * 10 + k))));
    }
    return "[" + String.join(", ", out) + "]";
  }

  static String star(long user, Instant at) {
    return "{\"starred_at\": \"" + at + "\", \"user\": {\"login\": \"u" + user + "\", \"id\": " + user
        + ", \"type\": \"User\", \"site_admin\": false}}";
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  private static ResponseDefinitionBuilder notFound() {
    return aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody("{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"404\"}");
  }

  private String link(String base, int next, boolean more) {
    String last = "<" + base + PAGED + "3>; rel=\"last\"";
    String first = "<" + base + PAGED + "1>; rel=\"first\"";
    return more
        ? "<" + base + PAGED + next + ">; rel=\"next\", " + last
        : "<" + base + PAGED + (next - 2) + ">; rel=\"prev\", " + first;
  }

  private void stubRepository(String name, long id) {
    api.stubFor(get(urlEqualTo("/repos/acme/" + name)).willReturn(ok(
        "{\"id\": " + id + ", \"name\": \"" + name + "\", \"full_name\": \"acme/" + name + "\"}")));
    api.stubFor(get(urlEqualTo("/repos/acme/" + name + "/stargazers?per_page=100")).willReturn(ok(stars(id))));
  }

  @BeforeEach
  void start() {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    other.start();
    String base = api.baseUrl();
    api.stubFor(get(urlEqualTo(ORG_LIST)).willReturn(ok(
        "[" + listed("acme", "alpha", 11, false, false) + ", " + listed("acme", "beta", 12, true, false) + "]")
        .withHeader("Link", link(base, 2, true))));
    api.stubFor(get(urlEqualTo(PAGED + "2")).willReturn(ok(
        "[" + listed("acme", "gamma", 13, false, true) + ", " + listed("acme", "delta", 14, false, false) + "]")
        .withHeader("Link", "<" + base + PAGED + "3>; rel=\"next\", <" + base + PAGED + "3>; rel=\"last\", <"
            + base + PAGED + "1>; rel=\"prev\", <" + base + PAGED + "1>; rel=\"first\"")));
    api.stubFor(get(urlEqualTo(PAGED + "3")).willReturn(ok("[" + listed("acme", "epsilon", 15, false, false) + "]")
        .withHeader("Link", link(base, 4, false))));
    stubRepository("alpha", 11);
    stubRepository("beta", 12);
    stubRepository("gamma", 13);
    stubRepository("delta", 14);
    stubRepository("epsilon", 15);
  }

  @AfterEach
  void stop() {
    api.stop();
    other.stop();
  }

  private GitHubSource source() {
    return GitHubSource.builder()
        .apiUrl(URI.create(api.baseUrl()))
        .token(Token.of(SECRET, "TEST_TOKEN"))
        .reviewsApi(ReviewsApi.REST)
        .sender(HttpSender.jdk(Duration.ofSeconds(5), Duration.ofSeconds(10)))
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 0.0))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void threePagesOfAnOrganisationAreReadAndForksAndArchivedAreLeftOut() {
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme"), STARS, events::add);

    RepositoryListing listing = report.listing().orElseThrow();
    assertEquals(URI.create(api.baseUrl() + ORG_LIST), listing.listedAt());
    assertEquals(List.of("acme/alpha", "acme/delta", "acme/epsilon"), listing.names());
    assertEquals(1, listing.forksLeftOut());
    assertEquals(1, listing.archivedLeftOut());
    assertEquals(0, listing.namesNotMatching());
    assertEquals(
        List.of("acme/alpha", "acme/delta", "acme/epsilon"),
        report.repositories().stream().map(Repository::fullName).toList());
    assertEquals(List.of(), report.failed());
    Map<String, List<Event>> stars = EventAssertions.byRepository(events);
    assertEquals(List.of("acme/alpha", "acme/delta", "acme/epsilon"), List.copyOf(stars.keySet()));
    stars.values().forEach(list -> assertEquals(3, list.size()));
    // 3 list pages, then for each of 3 repositories its metadata and one page of stars.
    assertEquals(3 + 3 * 2, report.requests().requests());
    assertEquals(0, other.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void forksArchivedAndNamesAreChosenBySelection() {
    RepositoryListing all =
        source().repositories("acme", RepositorySelection.defaults().withForks().withArchived());
    assertEquals(
        List.of(
            new ListedRepository("acme/alpha", 11, false, false),
            new ListedRepository("acme/beta", 12, true, false),
            new ListedRepository("acme/gamma", 13, false, true),
            new ListedRepository("acme/delta", 14, false, false),
            new ListedRepository("acme/epsilon", 15, false, false)),
        all.selected());
    // Names ending in 'a': alpha, beta (a fork, left out as one), gamma (archived), delta.
    RepositoryListing endingInA = source().repositories("acme", RepositorySelection.defaults().withNamesMatching("*A"));
    assertEquals(List.of("acme/alpha", "acme/delta"), endingInA.names());
    assertEquals(1, endingInA.forksLeftOut());
    assertEquals(1, endingInA.archivedLeftOut());
    assertEquals(1, endingInA.namesNotMatching());
    RepositoryListing oneLetter = source().repositories("acme", RepositorySelection.defaults().withNamesMatching("?lpha"));
    assertEquals(List.of("acme/alpha"), oneLetter.names());

    List<Event> events = new ArrayList<>();
    FetchReport report =
        source().fetch(
            GitHubTarget.parse("acme"),
            STARS.withSelection(RepositorySelection.defaults().withForks().withArchived()),
            events::add);
    assertEquals(5, report.repositories().size());
    assertEquals(15, events.size());
  }

  @Test
  void anOwnerThatIsAUserIsListedFromUsersAfterTheOrganisationListAnswers404() {
    api.stubFor(get(urlEqualTo("/orgs/ann/repos?type=all&per_page=100")).willReturn(notFound()));
    api.stubFor(get(urlEqualTo("/users/ann/repos?type=owner&per_page=100"))
        .willReturn(ok("[" + listed("ann", "notes", 21, false, false) + "]")));
    api.stubFor(get(urlEqualTo("/repos/ann/notes")).willReturn(ok("{\"id\": 21, \"full_name\": \"ann/notes\"}")));
    api.stubFor(get(urlEqualTo("/repos/ann/notes/stargazers?per_page=100")).willReturn(ok(stars(21))));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("ann"), STARS, events::add);

    assertEquals(URI.create(api.baseUrl() + "/users/ann/repos?type=owner&per_page=100"), report.listing().orElseThrow().listedAt());
    assertEquals(List.of("ann/notes"), report.repositories().stream().map(Repository::fullName).toList());
    assertEquals(3, events.size());
    // The organisation's 404, the user's list, the metadata, the stars.
    assertEquals(4, report.requests().requests());
  }

  @Test
  void anOwnerThatIsNeitherIsNotFound() {
    api.stubFor(get(urlEqualTo("/orgs/nobody/repos?type=all&per_page=100")).willReturn(notFound()));
    api.stubFor(get(urlEqualTo("/users/nobody/repos?type=owner&per_page=100")).willReturn(notFound()));
    NotFoundException e =
        assertThrows(NotFoundException.class, () -> source().fetch(GitHubTarget.parse("nobody"), STARS, x -> {}));
    assertTrue(e.getMessage().contains("no organisation or user 'nobody'"), e.getMessage());
  }

  @Test
  void aRepositoryThatAnswers404MidListIsCountedAndTheOthersAreRead() {
    api.stubFor(get(urlEqualTo("/repos/acme/delta/stargazers?per_page=100")).willReturn(notFound()));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme"), STARS, events::add);

    assertEquals(List.of("acme/alpha", "acme/epsilon"), report.repositories().stream().map(Repository::fullName).toList());
    assertEquals(1, report.failed().size());
    RepositoryFailure failure = report.failed().get(0);
    assertEquals("acme/delta", failure.repository());
    assertEquals("NotFoundException", failure.error());
    assertTrue(failure.reason().contains("/repos/acme/delta/stargazers"), failure.reason());
    assertEquals(List.of("acme/alpha", "acme/epsilon"), List.copyOf(EventAssertions.byRepository(events).keySet()));

    // Stopping at the first failure: the exception, after alpha was read.
    List<Event> stopped = new ArrayList<>();
    assertThrows(
        NotFoundException.class,
        () -> source().fetch(GitHubTarget.parse("acme"), STARS.stoppingAtFailedRepository(), stopped::add));
    assertEquals(List.of("acme/alpha"), List.copyOf(EventAssertions.byRepository(stopped).keySet()));
  }

  @Test
  void aFailedRepositorysReasonNeverCarriesTheToken() {
    // A server that echoes the request's credential where a time belongs: the message quotes it.
    api.stubFor(get(urlEqualTo("/repos/acme/delta/stargazers?per_page=100"))
        .willReturn(ok("[" + star(141, T0).replace(T0.toString(), "Bearer " + SECRET) + "]")));
    FetchReport report = source().fetch(GitHubTarget.parse("acme"), STARS, e -> {});
    RepositoryFailure failure = report.failed().get(0);
    assertEquals("MalformedResponseException", failure.error());
    assertTrue(failure.reason().contains("'starred_at' is not an instant: Bearer ****"), failure.reason());
    assertFalse(report.toString().contains(SECRET), report.toString());
  }

  @Test
  void aNextListPageOnAnotherHostIsReadWithoutTheToken() {
    String base = other.baseUrl();
    api.stubFor(get(urlEqualTo(ORG_LIST)).willReturn(ok("[" + listed("acme", "alpha", 11, false, false) + "]")
        .withHeader("Link", "<" + base + PAGED + "2>; rel=\"next\"")));
    other.stubFor(get(urlEqualTo(PAGED + "2")).willReturn(ok("[" + listed("acme", "delta", 14, false, false) + "]")));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme"), STARS, events::add);

    assertEquals(List.of("acme/alpha", "acme/delta"), report.listing().orElseThrow().names());
    List<LoggedRequest> foreign = other.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, foreign.size());
    for (LoggedRequest r : foreign) {
      assertFalse(r.containsHeader("Authorization"), r.getUrl() + " got " + r.getHeader("Authorization"));
      assertFalse(r.toString().contains(SECRET), r.toString());
    }
    List<LoggedRequest> own = api.findAll(anyRequestedFor(anyUrl()));
    assertEquals(5, own.size());
    assertTrue(own.stream().allMatch(r -> r.getHeader("Authorization").contains(SECRET)));
  }

  private FetchReport fetchInto(Path out, Path checkpoint) {
    try (EventFile file = EventFile.open(out, checkpoint)) {
      return source().fetch(GitHubTarget.parse("acme"), STARS.withCheckpointDirectory(checkpoint), file);
    }
  }

  /**
   * Delta's star page breaks the documented shape at its third item, after two stars were handed
   * over but before the page's cursor was committed. Those two are dropped with the repository,
   * though epsilon's commits come after them: a later fetch from the checkpoint, once the page is
   * right, reads delta's page again and each star is in the output once.
   */
  @Test
  void eventsOfAFailedRepositoryAfterItsLastCommitAreDroppedSoAResumedFetchWritesEachOnce() {
    String broken = stars(14).replace("\"starred_at\": \"" + T0.plusSeconds(3600L * 143) + "\"", "\"starred_at\": \"soon\"");
    api.stubFor(get(urlEqualTo("/repos/acme/delta/stargazers?per_page=100")).willReturn(ok(broken)));
    Path out = dir.resolve("acme.jsonl");
    Path checkpoint = dir.resolve("checkpoint");

    FetchReport first = fetchInto(out, checkpoint);
    assertEquals(1, first.failed().size(), first.failed().toString());
    assertEquals("MalformedResponseException", first.failed().get(0).error());
    assertEquals(2, first.failed().get(0).eventsDiscarded());
    assertEquals(List.of("acme/alpha", "acme/epsilon"), List.copyOf(EventAssertions.byRepository(EventAssertions.read(out)).keySet()));

    api.stubFor(get(urlEqualTo("/repos/acme/delta/stargazers?per_page=100")).willReturn(ok(stars(14))));
    FetchReport second = fetchInto(out, checkpoint);
    assertEquals(List.of(), second.failed());

    List<Event> clean = new ArrayList<>();
    source().fetch(GitHubTarget.parse("acme"), STARS, clean::add);
    EventAssertions.assertSameMultiset(clean, EventAssertions.read(out), "resumed from the checkpoint");
  }

  @Test
  void withoutACheckpointAFailedRepositoryLeavesNoEvents() {
    String broken = stars(14).replace("\"starred_at\": \"" + T0.plusSeconds(3600L * 143) + "\"", "\"starred_at\": \"soon\"");
    api.stubFor(get(urlEqualTo("/repos/acme/delta/stargazers?per_page=100")).willReturn(ok(broken)));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme"), STARS, events::add);
    assertEquals(2, report.failed().get(0).eventsDiscarded());
    assertEquals(List.of("acme/alpha", "acme/epsilon"), List.copyOf(EventAssertions.byRepository(events).keySet()));
    assertEquals(6, events.size());
  }

  @Test
  void anEmptyRepositorysCommitsAre409AndCountAsNoCommits() {
    api.stubFor(get(urlEqualTo("/repos/acme/alpha/commits?per_page=100")).willReturn(
        aResponse().withStatus(409).withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody("{\"message\": \"Git Repository is empty.\", \"documentation_url\":"
                + " \"https://docs.github.com/rest/commits/commits#list-commits\", \"status\": \"409\"}")));
    FetchReport report =
        source().fetch(
            GitHubTarget.parse("acme/alpha"), FetchOptions.all().withResources(EnumSet.of(GitHubResource.COMMITS)), e -> {});
    assertEquals(Map.of(GitHubResource.COMMITS, 0L), report.items());
    assertEquals(List.of(new FetchReport.Skip("acme/alpha", "commits", "HTTP 409: the repository is empty")), report.skipped());
  }
}
