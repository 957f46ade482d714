package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Event;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Permission;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct collaborators snapshot, and a token that may not see it. */
class CollaboratorsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Repository REPO = new Repository(Forge.GITHUB, "acme/widget", OptionalLong.of(7));
  private static final String PAGE1 = "/repos/acme/widget/collaborators?affiliation=direct&per_page=100";
  private static final String PAGE2 = "/repos/acme/widget/collaborators?affiliation=direct&per_page=100&page=2";
  private static final FetchOptions STARS = FetchOptions.all().withResources(EnumSet.of(GitHubResource.STARGAZERS));

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(json(200, "{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    server.stubFor(
        get(urlEqualTo("/repos/acme/widget/stargazers?per_page=100"))
            .willReturn(json(200, "[" + FakeGitHub.star(1) + "]")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private GitHubSource source() {
    return GitHubSource.builder()
        .apiUrl(URI.create(server.baseUrl()))
        .token(Token.of("tok-abcdef", "TEST"))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  /** A collaborator in GitHub's documented shape: the user with {@code permissions} and {@code role_name}. */
  private static String collaborator(String login, long id, String type, String granted, String role) {
    return "{\"login\": \"" + login + "\", \"id\": " + id + ", \"type\": \"" + type + "\", \"site_admin\": false,"
        + " \"permissions\": {" + granted + "}, \"role_name\": \"" + role + "\"}";
  }

  private static Actor actor(String login, long id, ActorKind kind) {
    return new Actor(Forge.GITHUB, Optional.of(login), OptionalLong.of(id), Optional.empty(), List.of(), kind);
  }

  @Test
  void directCollaboratorsWithTheirHighestPermissionOverTwoPages() {
    server.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                json(
                        200,
                        "[" + collaborator("octocat", 1, "User",
                                "\"admin\": true, \"maintain\": true, \"push\": true, \"triage\": true, \"pull\": true", "admin")
                            + ", " + collaborator("hubot", 2, "User",
                                "\"admin\": false, \"maintain\": false, \"push\": true, \"triage\": true, \"pull\": true", "write")
                            + "]")
                    .withHeader("Link", "<" + server.baseUrl() + PAGE2 + ">; rel=\"next\"")));
    server.stubFor(
        get(urlEqualTo(PAGE2))
            .willReturn(
                json(
                    200,
                    "[" + collaborator("triager", 3, "User",
                            "\"admin\": false, \"maintain\": false, \"push\": false, \"triage\": true, \"pull\": true", "triage")
                        + ", " + collaborator("release-bot[bot]", 4, "Bot",
                            "\"admin\": false, \"maintain\": true, \"push\": true, \"triage\": true, \"pull\": true", "maintain")
                        + "]")));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme/widget"), STARS.withCollaborators(), events::add);
    assertEquals(
        List.of(
            new Collaborator(REPO, actor("octocat", 1, ActorKind.USER), Optional.of(Permission.ADMIN), Optional.of("admin"), NOW),
            new Collaborator(REPO, actor("hubot", 2, ActorKind.USER), Optional.of(Permission.WRITE), Optional.of("write"), NOW),
            new Collaborator(REPO, actor("triager", 3, ActorKind.USER), Optional.empty(), Optional.of("triage"), NOW),
            new Collaborator(
                REPO, actor("release-bot[bot]", 4, ActorKind.BOT), Optional.of(Permission.MAINTAIN), Optional.of("maintain"), NOW)),
        report.collaborators());
    assertEquals(List.of(), report.skipped());
    assertEquals(1, events.size());
    // Metadata, two collaborator pages, one stargazer page.
    assertEquals(4, report.requests().requests());
  }

  @Test
  void aTokenWithoutPushAccessIsACountedSkipAndTheFetchGoesOn() {
    server.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                json(
                    403,
                    "{\"message\": \"Must have push access to view repository collaborators.\","
                        + " \"documentation_url\": \"https://docs.github.com/rest/collaborators/collaborators\"}")));
    List<Event> events = new ArrayList<>();
    FetchReport report = source().fetch(GitHubTarget.parse("acme/widget"), STARS.withCollaborators(), events::add);
    assertEquals(List.of(), report.collaborators());
    assertEquals(1, report.skipped().size());
    FetchReport.Skip skip = report.skipped().get(0);
    assertEquals("acme/widget", skip.repository());
    assertEquals("collaborators", skip.what());
    assertEquals(
        "HTTP 403: the credential may not read this resource (" + server.baseUrl() + PAGE1 + ")", skip.reason());
    assertEquals(1, events.size());
  }

  @Test
  void collaboratorsAreNotReadUnlessAsked() {
    FetchReport report = source().fetch(GitHubTarget.parse("acme/widget"), STARS, e -> {});
    assertEquals(List.of(), report.collaborators());
    server.verify(0, getRequestedFor(urlPathEqualTo("/repos/acme/widget/collaborators")));
  }
}
