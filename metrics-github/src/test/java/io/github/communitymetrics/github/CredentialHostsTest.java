package io.github.communitymetrics.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
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
import io.github.communitymetrics.forge.ForgeException;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token goes to the configured API origin only, and never comes back in a message: two loopback
 * servers on different ports play the API ({@code api}) and another host ({@code other}).
 */
class CredentialHostsTest {
  private static final String SECRET = "ghp_Se/cr+et=42";
  private static final String ENCODED = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
  private static final String PAGE1 = "/repos/acme/widget/stargazers?per_page=100";
  private static final String PAGE2 = "/repos/acme/widget/stargazers?per_page=100&page=2";
  private static final FetchOptions STARS =
      FetchOptions.all().withResources(EnumSet.of(GitHubResource.STARGAZERS));

  private WireMockServer api;
  private WireMockServer other;

  @BeforeEach
  void start() {
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    other.start();
    api.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(ok("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    other.stubFor(get(urlEqualTo(PAGE2)).willReturn(ok("[" + FakeGitHub.star(2) + "]")));
  }

  @AfterEach
  void stop() {
    api.stop();
    other.stop();
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private GitHubSource source() {
    return GitHubSource.builder()
        .apiUrl(URI.create(api.baseUrl()))
        .token(Token.of(SECRET, "TEST_TOKEN"))
        .sender(HttpSender.jdk(Duration.ofSeconds(5), Duration.ofSeconds(10)))
        .sleeper(d -> {})
        .build();
  }

  private List<Event> fetch(GitHubSource source, FetchOptions options) {
    List<Event> events = new ArrayList<>();
    source.fetch(GitHubTarget.parse("acme/widget"), options, events::add);
    return events;
  }

  private void assertNoCredentialReached(WireMockServer server) {
    List<LoggedRequest> seen = server.findAll(anyRequestedFor(anyUrl()));
    assertFalse(seen.isEmpty(), "the other host was asked nothing");
    for (LoggedRequest r : seen) {
      assertFalse(r.containsHeader("Authorization"), r.getUrl() + " got " + r.getHeader("Authorization"));
      assertFalse(r.toString().contains(SECRET), r.toString());
    }
  }

  @Test
  void aLinkNextPageOnAnotherHostIsFollowedWithoutTheToken() {
    api.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                ok("[" + FakeGitHub.star(1) + "]")
                    .withHeader("Link", "<" + other.baseUrl() + PAGE2 + ">; rel=\"next\"")));
    assertEquals(2, fetch(source(), STARS).size());
    assertNoCredentialReached(other);
    assertTrue(api.findAll(anyRequestedFor(anyUrl())).stream().allMatch(r -> r.containsHeader("Authorization")));
  }

  @Test
  void aRedirectToAnotherHostIsFollowedWithoutTheToken() {
    api.stubFor(
        get(urlEqualTo(PAGE1)).willReturn(aResponse().withStatus(302).withHeader("Location", other.baseUrl() + PAGE2)));
    assertEquals(1, fetch(source(), STARS).size());
    assertNoCredentialReached(other);
  }

  @Test
  void aTrustedHostGetsTheToken() {
    api.stubFor(
        get(urlEqualTo(PAGE1))
            .willReturn(
                ok("[" + FakeGitHub.star(1) + "]")
                    .withHeader("Link", "<" + other.baseUrl() + PAGE2 + ">; rel=\"next\"")));
    GitHubSource source =
        GitHubSource.builder()
            .apiUrl(URI.create(api.baseUrl()))
            .token(Token.of(SECRET, "TEST_TOKEN"))
            .trustedHost(URI.create(other.baseUrl() + "/uploads"))
            .build();
    fetch(source, STARS);
    assertTrue(other.findAll(anyRequestedFor(anyUrl())).get(0).containsHeader("Authorization"));
  }

  private static void assertNoSecretIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()) + " " + t;
      assertFalse(text.contains(SECRET), text);
      assertFalse(text.contains(ENCODED), text);
      assertFalse(text.contains("cr+et"), text);
    }
  }

  @Test
  void aGraphQlErrorThatEchoesTheTokenIsReportedWithoutIt() {
    api.stubFor(
        any(urlEqualTo("/graphql"))
            .willReturn(
                ok("{\"errors\": [{\"message\": \"token " + SECRET + " (" + ENCODED + ") is not valid here\"}]}")));
    ForgeException e =
        assertThrows(
            ForgeException.class,
            () -> fetch(source(), FetchOptions.all().withResources(EnumSet.of(GitHubResource.REVIEWS))));
    assertTrue(e.getMessage().contains("is not valid here"), e.getMessage());
    assertNoSecretIn(e);
  }

  @Test
  void aMalformedBodyThatEchoesTheTokenIsReportedWithoutIt() {
    api.stubFor(get(urlEqualTo(PAGE1)).willReturn(ok(ENCODED + " " + SECRET)));
    ForgeException e = assertThrows(ForgeException.class, () -> fetch(source(), STARS));
    assertNoSecretIn(e);
  }
}
