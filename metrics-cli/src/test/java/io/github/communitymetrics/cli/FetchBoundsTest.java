package io.github.communitymetrics.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bound flags of {@code fetch} (parsed, refused when malformed, applied to GitHub and GitLab)
 * and the token kept out of everything the CLI prints, against a loopback server.
 */
class FetchBoundsTest {
  private static final String SECRET = "ghp_Se/cr+et=42";
  private static final String ENCODED = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
  private static final String STARS = "/repos/acme/widget/stargazers?per_page=100";
  private static final String GITLAB_STARS = "/api/v4/projects/7/starrers?per_page=100";

  private WireMockServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/repos/acme/widget")).willReturn(ok("{\"id\": 7, \"full_name\": \"acme/widget\"}")));
    server.stubFor(
        get(urlEqualTo("/api/v4/projects/acme%2Fwidget"))
            .willReturn(ok("{\"id\": 7, \"path_with_namespace\": \"acme/widget\"}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private CommunityMetricsCliTest.Run github(String... flags) {
    List<String> args = new ArrayList<>(List.of(
        "fetch", "--github", "acme/widget", "--api-url", server.baseUrl(), "--only", "stargazers",
        "--out", dir.resolve("out.jsonl").toString()));
    args.addAll(List.of(flags));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  private CommunityMetricsCliTest.Run gitlab(String... flags) {
    List<String> args = new ArrayList<>(List.of(
        "fetch", "--gitlab", "acme/widget", "--gitlab-url", server.baseUrl(), "--only", "starrers",
        "--out", dir.resolve("out.jsonl").toString()));
    args.addAll(List.of(flags));
    return CommunityMetricsCliTest.run(args.toArray(String[]::new));
  }

  @Test
  void malformedBoundValuesAreUsageErrors() {
    for (String[] bad : List.of(
        new String[] {"--max-body-size", "lots"},
        new String[] {"--max-body-size", "0MB"},
        new String[] {"--max-wait", "5x"},
        new String[] {"--max-wait", "0s"},
        new String[] {"--idle-timeout", "PT"},
        new String[] {"--connect-timeout", "-1s"},
        new String[] {"--request-deadline", "soon"})) {
      CommunityMetricsCliTest.Run r = github(bad);
      assertEquals(2, r.status(), String.join(" ", bad) + ": " + r.err());
      assertTrue(r.err().contains(bad[0]) && r.err().contains("--help"), r.err());
      assertEquals(2, gitlab(bad).status(), String.join(" ", bad));
    }
  }

  @Test
  void wellFormedBoundValuesAreAccepted() {
    server.stubFor(get(urlEqualTo(STARS)).willReturn(ok("[]")));
    CommunityMetricsCliTest.Run r = github(
        "--max-body-size", "32MB", "--connect-timeout", "10s", "--idle-timeout", "1m",
        "--request-deadline", "PT5M", "--max-wait", "1h30m", "--fail-fast");
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void maxBodySizeFailsAPageOverIt() {
    server.stubFor(get(urlEqualTo(STARS)).willReturn(ok(" ".repeat(5000) + "[]")));
    server.stubFor(get(urlEqualTo(GITLAB_STARS)).willReturn(ok(" ".repeat(5000) + "[]")));
    for (CommunityMetricsCliTest.Run r : List.of(github("--max-body-size", "4KB"), gitlab("--max-body-size", "4KB"))) {
      assertEquals(1, r.status(), r.err());
      assertTrue(r.err().contains("4096 bytes"), r.err());
    }
    assertEquals(0, github().status());
  }

  @Test
  void maxWaitAndFailFastStopAtARateLimitInsteadOfSleeping() {
    server.stubFor(get(urlEqualTo(STARS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "9999999")));
    server.stubFor(get(urlEqualTo(GITLAB_STARS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    // Without the cap these would sleep 115 days and an hour.
    CommunityMetricsCliTest.Run r = github("--max-wait", "30m");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("rate limit") && r.err().contains("PT30M"), r.err());
    CommunityMetricsCliTest.Run l = gitlab("--max-wait", "PT30M");
    assertEquals(1, l.status(), l.err());
    assertTrue(l.err().contains("rate limit"), l.err());
    server.stubFor(get(urlEqualTo(GITLAB_STARS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
    CommunityMetricsCliTest.Run f = gitlab("--fail-fast");
    assertEquals(1, f.status(), f.err());
    assertTrue(f.err().contains("rate limit"), f.err());
    assertFalse(f.err().contains("waiting"), f.err());
  }

  /**
   * The real {@code main} in a child JVM (the token comes from the environment), against a server
   * that echoes the token in a GraphQL error and in a malformed page.
   */
  @Test
  void aTokenEchoedByTheServerIsPrintedNowhere() throws IOException, InterruptedException {
    String echo = "token " + SECRET + " / " + ENCODED + " is not valid here";
    server.stubFor(any(urlEqualTo("/graphql")).willReturn(ok("{\"errors\": [{\"message\": \"" + echo + "\"}]}")));
    server.stubFor(get(urlEqualTo(STARS)).willReturn(ok(ENCODED + " " + SECRET)));
    for (String only : List.of("reviews", "stargazers")) {
      Path out = dir.resolve(only + ".out");
      Path err = dir.resolve(only + ".err");
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder b = new ProcessBuilder(
          java.toString(), "-cp", System.getProperty("java.class.path"),
          CommunityMetricsCli.class.getName(),
          "fetch", "--github", "acme/widget", "--api-url", server.baseUrl(), "--only", only,
          "--out", dir.resolve(only + ".jsonl").toString());
      b.environment().remove("GH_TOKEN");
      b.environment().put("GITHUB_TOKEN", SECRET);
      b.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = b.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI hung");
      String printed = Files.readString(out) + Files.readString(err);
      assertEquals(1, p.exitValue(), printed);
      assertTrue(printed.contains(only.equals("reviews") ? "is not valid here" : "malformed"), printed);
      assertFalse(printed.contains(SECRET), printed);
      assertFalse(printed.contains(ENCODED), printed);
      assertFalse(printed.contains("cr+et"), printed);
    }
  }

  /**
   * The real {@code main} in a child JVM with {@code GITLAB_TOKEN}: a next page on another host
   * gets the token only when {@code --trusted-host} names that host.
   */
  @Test
  void aTrustedHostGetsTheTokenAndOnlyIt() throws IOException, InterruptedException {
    com.github.tomakehurst.wiremock.WireMockServer other =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    other.start();
    try {
      server.stubFor(get(urlEqualTo("/api/v4/projects/acme%2Fwidget")).willReturn(ok("{\"id\": 9, \"path_with_namespace\": \"acme/widget\"}")));
      server.stubFor(get(urlEqualTo("/api/v4/projects/9/starrers?per_page=100")).willReturn(
          ok("[]").withHeader("Link", "<" + other.baseUrl() + "/api/v4/projects/9/starrers?per_page=100&page=2>; rel=\"next\"")));
      other.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(ok("[]")));
      for (boolean trusted : new boolean[] {false, true}) {
        other.resetRequests();
        List<String> args = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
            CommunityMetricsCli.class.getName(),
            "fetch", "--gitlab", "acme/widget", "--gitlab-url", server.baseUrl(), "--only", "starrers",
            "--out", dir.resolve("t" + trusted + ".jsonl").toString()));
        if (trusted) {
          args.addAll(List.of("--trusted-host", other.baseUrl()));
        }
        ProcessBuilder b = new ProcessBuilder(args);
        b.environment().put("GITLAB_TOKEN", SECRET);
        Path log = dir.resolve("t" + trusted + ".log");
        b.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = b.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI hung");
        assertEquals(0, p.exitValue(), Files.readString(log));
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> seen =
            other.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, seen.size(), "the next page was read on the other host");
        assertEquals(trusted, seen.get(0).containsHeader("PRIVATE-TOKEN"), "trusted: " + trusted);
        assertFalse(Files.readString(log).contains(SECRET));
      }
    } finally {
      other.stop();
    }
  }
}
