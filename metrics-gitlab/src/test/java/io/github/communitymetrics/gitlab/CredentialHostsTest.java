package io.github.communitymetrics.gitlab;

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
import io.github.communitymetrics.forge.ForgeException;
import io.github.communitymetrics.forge.HttpSender;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.Token;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PRIVATE-TOKEN} goes to the configured instance only, and the shared bounds apply: two
 * loopback servers on different ports play the instance ({@code gitlab}) and another host.
 */
class CredentialHostsTest {
  private static final String SECRET = "glpat-Se/cr+et=42";
  private static final String STARRERS = "/api/v4/projects/7/starrers?per_page=100";
  private static final String PAGE2 = "/api/v4/projects/7/starrers?per_page=100&page=2";
  private static final FetchOptions OPTIONS = FetchOptions.all().withResources(EnumSet.of(GitLabResource.STARRERS));

  private WireMockServer gitlab;
  private WireMockServer other;

  @BeforeEach
  void start() {
    gitlab = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    gitlab.start();
    other.start();
    gitlab.stubFor(
        get(urlEqualTo("/api/v4/projects/acme%2Fwidget"))
            .willReturn(ok("{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}")));
    other.stubFor(get(urlEqualTo(PAGE2)).willReturn(ok(star(2))));
  }

  @AfterEach
  void stop() {
    gitlab.stop();
    other.stop();
  }

  private static String star(int i) {
    return "[{\"starred_since\": \"2020-01-0" + i + "T00:00:00Z\", \"user\": {\"id\": " + i + ", \"username\": \"u" + i + "\"}}]";
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private GitLabSource.Builder builder() {
    return GitLabSource.builder()
        .baseUrl(URI.create(gitlab.baseUrl()))
        .privateToken(Token.of(SECRET, "TEST"))
        .sender(HttpSender.jdk(Duration.ofSeconds(5), Duration.ofSeconds(10)))
        .sleeper(d -> {});
  }

  private List<Event> fetch(GitLabSource source) {
    List<Event> events = new ArrayList<>();
    source.fetch(GitLabTarget.project("acme/widget"), OPTIONS, events::add);
    return events;
  }

  private void assertNoCredentialReachedTheOtherHost() {
    List<LoggedRequest> seen = other.findAll(anyRequestedFor(anyUrl()));
    assertFalse(seen.isEmpty(), "the other host was asked nothing");
    for (LoggedRequest r : seen) {
      assertFalse(r.containsHeader("PRIVATE-TOKEN"), r.getUrl() + " got PRIVATE-TOKEN");
      assertFalse(r.containsHeader("Authorization"), r.getUrl() + " got Authorization");
    }
  }

  @Test
  void aLinkNextPageOnAnotherHostIsFollowedWithoutTheToken() {
    gitlab.stubFor(
        get(urlEqualTo(STARRERS))
            .willReturn(ok(star(1)).withHeader("Link", "<" + other.baseUrl() + PAGE2 + ">; rel=\"next\"")));
    assertEquals(2, fetch(builder().build()).size());
    assertNoCredentialReachedTheOtherHost();
    assertTrue(gitlab.findAll(anyRequestedFor(anyUrl())).stream().allMatch(r -> r.containsHeader("PRIVATE-TOKEN")));
  }

  @Test
  void aRedirectToAnotherHostIsFollowedWithoutTheToken() {
    gitlab.stubFor(
        get(urlEqualTo(STARRERS)).willReturn(aResponse().withStatus(302).withHeader("Location", other.baseUrl() + PAGE2)));
    assertEquals(1, fetch(builder().build()).size());
    assertNoCredentialReachedTheOtherHost();
  }

  @Test
  void aBodyOverTheLimitFailsTyped() {
    gitlab.stubFor(get(urlEqualTo(STARRERS)).willReturn(ok(" ".repeat(5000) + star(1))));
    GitLabSource source =
        GitLabSource.builder().baseUrl(URI.create(gitlab.baseUrl())).maxBodySize(4096).sleeper(d -> {}).build();
    ForgeException e = assertThrows(ForgeException.class, () -> fetch(source));
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
    assertTrue(e.getMessage().contains(STARRERS), e.getMessage());
  }

  @Test
  void aRetryAfterBeyondTheMaxWaitFails() {
    gitlab.stubFor(get(urlEqualTo(STARRERS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "9999999")));
    List<Duration> sleeps = new ArrayList<>();
    assertThrows(RateLimitedException.class, () -> fetch(builder().sleeper(sleeps::add).build()));
    assertEquals(List.of(), sleeps);
  }
}
