package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ServerErrorException;
import io.github.communitymetrics.forge.ForgeException;
import io.github.communitymetrics.forge.NotFoundException;
import io.github.communitymetrics.forge.RequestCounts;
import io.github.communitymetrics.forge.Token;
import io.github.communitymetrics.forge.AuthenticationException;
import io.github.communitymetrics.forge.ForbiddenException;
import io.github.communitymetrics.forge.UnavailableForLegalReasonsException;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.RateLimitPolicy;
import io.github.communitymetrics.forge.GoneException;
import io.github.communitymetrics.forge.RateLimitedException;
import io.github.communitymetrics.forge.ProgressListener;
import io.github.communitymetrics.forge.MalformedResponseException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.ForgeResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForgeHttpClientTest {
  private static final URI URL = URI.create("https://forge.example/api/repos/a/b");
  private static final Token TOKEN = Token.of("s3cr3t-value", "TEST_TOKEN");

  private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScriptedSender sender = new ScriptedSender();
  private final List<String> waits = new ArrayList<>();

  private ForgeHttpClient.Builder client() {
    return ForgeHttpClient.builder(sender)
        .authenticator(Authenticator.bearer(TOKEN))
        .credentialOrigin(URL)
        .clock(time)
        .sleeper(time)
        .random(new SplittableRandom(1))
        .listener(
            new ProgressListener() {
              @Override
              public void onWait(Duration d, String reason) {
                waits.add(reason);
              }
            });
  }

  @Test
  void successAddsTheCredential() {
    sender.respond(200, Map.of(), "[]");
    ForgeResponse r = client().build().execute(ForgeRequest.get(URL));
    assertEquals(200, r.status());
    assertEquals("Bearer s3cr3t-value", sender.sent.get(0).headers().get("authorization"));
  }

  @Test
  void burstOf502IsRetriedWithGrowingCappedDelays() {
    sender.respond(502).respond(502).respond(503).respond(500).respond(200);
    ForgeHttpClient c =
        client()
            .retryPolicy(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4), 0))
            .build();
    assertEquals(200, c.execute(ForgeRequest.get(URL)).status());
    // No jitter: 1, 2, 4, then capped at 4.
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4)),
        time.sleeps);
    RequestCounts counts = c.accounting().snapshot();
    assertEquals(5, counts.requests());
    assertEquals(4, counts.retries());
    assertEquals(Duration.ofSeconds(11), counts.waited());
  }

  @Test
  void serverErrorsOutlastingTheRetriesBecomeServerErrorException() {
    sender.respond(502).respond(502).respond(502);
    ForgeHttpClient c = client().retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build();
    ServerErrorException e =
        assertThrows(ServerErrorException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertEquals(502, e.status());
    assertEquals(3, e.attempts());
    assertEquals(URL, e.uri());
    assertEquals(2, time.sleeps.size());
  }

  @Test
  void connectionResetsAndTimeoutsAreRetried() {
    sender
        .fail(new IOException("Connection reset"))
        .fail(new HttpTimeoutException("request timed out"))
        .respond(200);
    assertEquals(200, client().build().execute(ForgeRequest.get(URL)).status());
    assertEquals(3, sender.sent.size());
  }

  @Test
  void transportFailuresOutlastingTheRetriesKeepTheCause() {
    IOException reset = new IOException("Connection reset");
    sender.fail(reset).fail(reset);
    ForgeHttpClient c = client().retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).build();
    ServerErrorException e =
        assertThrows(ServerErrorException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertEquals(0, e.status());
    assertEquals(reset, e.getCause());
  }

  @Test
  void typedErrors() {
    assertStatus(401, AuthenticationException.class);
    assertStatus(403, ForbiddenException.class);
    assertStatus(404, NotFoundException.class);
    assertStatus(410, GoneException.class);
    assertStatus(451, UnavailableForLegalReasonsException.class);
    assertStatus(422, ServerErrorException.class);
  }

  private void assertStatus(int status, Class<? extends ForgeException> type) {
    ScriptedSender s = new ScriptedSender().respond(status, Map.of(), "{\"message\":\"s3cr3t-value\"}");
    ForgeHttpClient c =
        ForgeHttpClient.builder(s)
            .authenticator(Authenticator.bearer(TOKEN))
            .credentialOrigin(URL)
            .sleeper(time)
            .build();
    ForgeException e = assertThrows(type, () -> c.execute(ForgeRequest.get(URL)));
    assertTrue(e.getMessage().contains(URL.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertEquals(1, s.sent.size(), "client errors are not retried");
  }

  @Test
  void primaryLimitWaitsUntilTheResetPlusOneSecond() {
    long reset = time.instant().getEpochSecond() + 120;
    sender
        .respond(429, Map.of("X-RateLimit-Reset", List.of(Long.toString(reset))), "")
        .respond(200);
    ForgeHttpClient c = client().build();
    assertEquals(200, c.execute(ForgeRequest.get(URL)).status());
    assertEquals(List.of(Duration.ofSeconds(121)), time.sleeps);
    assertEquals(1, c.accounting().snapshot().rateLimitWaits());
    assertEquals(0, c.accounting().snapshot().retries());
    assertEquals(List.of("primary rate limit"), waits);
  }

  @Test
  void failFastThrowsWithTheResetInstant() {
    long reset = time.instant().getEpochSecond() + 120;
    sender.respond(429, Map.of("RateLimit-Reset", List.of(Long.toString(reset))), "");
    ForgeHttpClient c = client().rateLimitPolicy(RateLimitPolicy.FAIL_FAST).build();
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertEquals(Instant.ofEpochSecond(reset), e.resetAt().orElseThrow());
    assertTrue(time.sleeps.isEmpty());
  }

  @Test
  void secondaryLimitHonoursRetryAfter() {
    sender.respond(429, Map.of("Retry-After", List.of("7")), "").respond(200);
    client().build().execute(ForgeRequest.get(URL));
    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
  }

  @Test
  void secondaryLimitWithoutRetryAfterBacksOffFromOneMinute() {
    sender.respond(429).respond(429).respond(429).respond(200);
    client().build().execute(ForgeRequest.get(URL));
    assertEquals(
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4)), time.sleeps);
  }

  @Test
  void tooManyRateLimitWaitsFail() {
    sender.respond(429).respond(429).respond(429);
    ForgeHttpClient c = client().maxRateLimitWaits(2).build();
    assertThrows(RateLimitedException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertEquals(2, time.sleeps.size());
  }

  @Test
  void redirectToTheSameHostKeepsTheCredentialAndAnotherHostDropsIt() {
    sender
        .respond(301, Map.of("Location", List.of("/api/repositories/42")), "")
        .respond(302, Map.of("Location", List.of("https://cdn.example/blob")), "")
        .respond(200);
    ForgeResponse r = client().build().execute(ForgeRequest.get(URL));
    assertEquals(URI.create("https://cdn.example/blob"), r.uri());
    assertTrue(sender.sent.get(1).headers().containsKey("Authorization"));
    assertEquals(URI.create("https://forge.example/api/repositories/42"), sender.sent.get(1).uri());
    assertFalse(sender.sent.get(2).headers().containsKey("Authorization"));
  }

  @Test
  void endlessRedirectsFail() {
    for (int i = 0; i < 3; i++) {
      sender.respond(301, Map.of("Location", List.of("/again")), "");
    }
    ForgeHttpClient c = client().maxRedirects(2).build();
    assertThrows(ServerErrorException.class, () -> c.execute(ForgeRequest.get(URL)));
  }

  @Test
  void redirectWithoutLocationIsMalformed() {
    sender.respond(301);
    assertThrows(MalformedResponseException.class, () -> client().build().execute(ForgeRequest.get(URL)));
  }

  @Test
  void notModifiedIsReturnedAndCounted() {
    sender.respond(304);
    ForgeHttpClient c = client().build();
    assertEquals(304, c.execute(ForgeRequest.get(URL)).status());
    assertEquals(1, c.accounting().snapshot().notModified());
  }

  @Test
  void sameOriginComparesSchemeHostAndDefaultPort() {
    assertTrue(ForgeHttpClient.sameOrigin(URI.create("https://A.example/x"), URI.create("https://a.example:443/y")));
    assertFalse(ForgeHttpClient.sameOrigin(URI.create("https://a.example/x"), URI.create("http://a.example/x")));
    assertFalse(ForgeHttpClient.sameOrigin(URI.create("https://a.example/x"), URI.create("https://a.example:8443/x")));
  }

  @Test
  void retryAfterBeyondTheMaxWaitFailsNamingTheResetInsteadOfSleeping() {
    sender.respond(429, Map.of("Retry-After", List.of("9999999")), "");
    ForgeHttpClient c = client().build();
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertTrue(time.sleeps.isEmpty(), "slept " + time.sleeps);
    Instant resume = time.instant().plusSeconds(9999999);
    assertEquals(resume, e.resetAt().orElseThrow());
    assertTrue(e.getMessage().contains(resume.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("PT1H"), e.getMessage());
  }

  @Test
  void primaryResetBeyondAConfiguredMaxWaitFails() {
    long reset = time.instant().getEpochSecond() + 7200;
    sender.respond(429, Map.of("X-RateLimit-Reset", List.of(Long.toString(reset))), "");
    ForgeHttpClient c = client().maxWait(Duration.ofMinutes(30)).build();
    RateLimitedException e =
        assertThrows(RateLimitedException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertEquals(Instant.ofEpochSecond(reset), e.resetAt().orElseThrow());
    assertTrue(time.sleeps.isEmpty());
  }

  @Test
  void waitsWithinTheMaxWaitAreTakenAndRetryDelaysAreCutToIt() {
    sender.respond(429, Map.of("Retry-After", List.of("3599")), "").respond(502).respond(200);
    ForgeHttpClient c =
        client()
            .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(10), 0))
            .maxWait(Duration.ofHours(1))
            .build();
    assertEquals(200, c.execute(ForgeRequest.get(URL)).status());
    assertEquals(List.of(Duration.ofSeconds(3599), Duration.ofMinutes(10)), time.sleeps);
    sender.respond(502).respond(200);
    time.sleeps.clear();
    client()
        .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(10), 0))
        .maxWait(Duration.ofMinutes(2))
        .build()
        .execute(ForgeRequest.get(URL));
    assertEquals(List.of(Duration.ofMinutes(2)), time.sleeps);
  }

  @Test
  void aRequestToAnotherOriginCarriesNoCredentialUnlessTrusted() {
    sender.respond(200).respond(200).respond(200);
    ForgeHttpClient c = client().credentialOrigin(URI.create("https://uploads.example:8443/")).build();
    // A Link next page on another host is a new request: it must not get the token either.
    c.execute(ForgeRequest.get(URI.create("https://elsewhere.example/api/repos/a/b?page=2")));
    c.execute(ForgeRequest.get(URI.create("https://uploads.example:8443/x")));
    c.execute(ForgeRequest.get(URI.create("https://forge.example:443/api/other")));
    assertFalse(sender.sent.get(0).headers().containsKey("Authorization"));
    assertTrue(sender.sent.get(1).headers().containsKey("Authorization"));
    assertTrue(sender.sent.get(2).headers().containsKey("Authorization"));
  }

  @Test
  void anAuthenticatorWithoutACredentialOriginIsRefused() {
    ForgeHttpClient.Builder b = ForgeHttpClient.builder(sender).authenticator(Authenticator.bearer(TOKEN));
    assertThrows(IllegalStateException.class, b::build);
    ForgeHttpClient.builder(sender).build();
  }

  @Test
  void tokensEchoedByTheServerAreHiddenInBodiesHeadersAndMessages() {
    Token odd = Token.of("ghp_Se/cr+et=42 x", "ODD");
    String encoded = java.net.URLEncoder.encode(odd.reveal(), java.nio.charset.StandardCharsets.UTF_8);
    ScriptedSender s =
        new ScriptedSender()
            .respond(
                200,
                Map.of("X-Echo", List.of("Bearer " + odd.reveal())),
                "{\"a\": \"" + odd.reveal() + "\", \"b\": \"" + encoded + "\", \"c\": \"ghp_Se%2fcr%2bet%3d42%20x\","
                    + " \"d\": \"ghp_Se\\/cr+et=42 x\"}")
            .fail(new IOException("reset by " + odd.reveal()));
    ForgeHttpClient c =
        ForgeHttpClient.builder(s)
            .authenticator(Authenticator.bearer(odd))
            .credentialOrigin(URL)
            .retryPolicy(RetryPolicy.defaults().withMaxAttempts(1))
            .sleeper(time)
            .build();
    ForgeResponse r = c.execute(ForgeRequest.get(URL));
    assertFalse(r.body().contains("cr+et") || r.body().contains("cr%2") || r.body().contains("cr\\/"), r.body());
    assertEquals("{\"a\": \"****\", \"b\": \"****\", \"c\": \"****\", \"d\": \"****\"}", r.body());
    assertEquals("Bearer ****", r.header("X-Echo").orElseThrow());
    ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.execute(ForgeRequest.get(URL)));
    assertFalse(e.getMessage().contains("cr+et"), e.getMessage());
  }
}
