package io.github.communitymetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.communitymetrics.core.event.EventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples' {@code --github} and {@code --gitlab} sources against a loopback server that
 * answers in each forge's documented JSON shapes: two issues, each answered by someone else
 * hours later, and one star. The expected response times are worked out by hand from the
 * fixtures: 3 and 5 hours, so nearest-rank p50 = 3.0, p75 = p90 = p95 = 5.0, and the
 * Kaplan-Meier median (nothing censored) 3.0.
 */
class ForgeSourcesTest {
  private HttpServer server;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      requested.add(exchange.getRequestMethod() + " " + path);
      // Lists the fixture does not name are empty: one page, no Link or X-Next-Page header. With a
      // GITHUB_TOKEN in the environment the adapter reads reviews through GraphQL: no pull requests.
      String body = path.equals("/graphql")
          ? "{\"data\":{\"repository\":{\"pullRequests\":{\"pageInfo\":{\"hasNextPage\":false,"
              + "\"endCursor\":null},\"nodes\":[]}},\"rateLimit\":{\"cost\":1,\"remaining\":4999,"
              + "\"resetAt\":\"2030-01-01T00:00:00Z\"}}}"
          : bodies.getOrDefault(path, "[]");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String run(Community c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ResponseTimes.run(c, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertFirstResponseRow(String out) {
    assertTrue(
        Pattern.compile("time to first response\\s+2\\s+0\\s+3\\.0\\s+5\\.0\\s+5\\.0\\s+5\\.0\\s+3\\.0")
            .matcher(out).find(),
        out);
    assertTrue(out.contains("Still waiting for a first response: 0 items"), out);
  }

  private static Map<EventType, Long> nonZero(Map<EventType, Long> counts) {
    Map<EventType, Long> out = new java.util.EnumMap<>(EventType.class);
    counts.forEach((t, n) -> {
      if (n != 0) {
        out.put(t, n);
      }
    });
    return out;
  }

  private static String ghUser(String login, int id) {
    return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"type\":\"User\",\"site_admin\":false}";
  }

  @Test
  void gitHub() throws IOException {
    bodies.put("/repos/acme/widget", "{\"id\":77,\"name\":\"widget\",\"full_name\":\"acme/widget\"}");
    bodies.put("/repos/acme/widget/stargazers",
        "[{\"starred_at\":\"2025-05-01T00:00:00Z\",\"user\":" + ghUser("dan", 4) + "}]");
    bodies.put("/repos/acme/widget/issues", "["
        + "{\"id\":101,\"number\":1,\"created_at\":\"2025-06-01T00:00:00Z\",\"user\":" + ghUser("ann", 1)
        + ",\"author_association\":\"NONE\",\"state\":\"open\"},"
        + "{\"id\":102,\"number\":2,\"created_at\":\"2025-06-02T00:00:00Z\",\"user\":" + ghUser("bob", 2)
        + ",\"author_association\":\"NONE\",\"state\":\"open\"}]");
    bodies.put("/repos/acme/widget/issues/comments", "["
        + comment(201, 1, "2025-06-01T03:00:00Z") + "," + comment(202, 2, "2025-06-02T05:00:00Z") + "]");

    Community c = Community.fromArgs(
        "--github", "acme/widget", "--api-url", url(), "--as-of", "2025-06-30T00:00:00Z");

    assertEquals("acme/widget", c.repository().fullName());
    assertEquals(Map.of(EventType.STAR, 1L, EventType.ISSUE_OPENED, 2L, EventType.ISSUE_COMMENT, 2L),
        nonZero(c.store().countByType()), requested.toString());
    assertFirstResponseRow(run(c));
    assertTrue(requested.contains("GET /repos/acme/widget/issues/comments"), requested.toString());
  }

  private static String comment(int id, int number, String at) {
    return "{\"id\":" + id + ",\"created_at\":\"" + at + "\",\"user\":" + ghUser("carl", 3)
        + ",\"author_association\":\"MEMBER\""
        + ",\"issue_url\":\"https://api.github.com/repos/acme/widget/issues/" + number + "\""
        + ",\"html_url\":\"https://github.com/acme/widget/issues/" + number + "#issuecomment-" + id + "\"}";
  }

  private static String glUser(String username, int id) {
    return "{\"id\":" + id + ",\"username\":\"" + username + "\",\"name\":\"" + username
        + "\",\"state\":\"active\",\"bot\":false}";
  }

  private static String glIssue(int id, int iid, String login, int userId, String at) {
    return "{\"id\":" + id + ",\"iid\":" + iid + ",\"project_id\":55,\"state\":\"opened\","
        + "\"created_at\":\"" + at + "\",\"updated_at\":\"" + at + "\",\"author\":" + glUser(login, userId)
        + ",\"user_notes_count\":1}";
  }

  private static String glNote(int id, String at) {
    return "[{\"id\":" + id + ",\"body\":\"thanks\",\"created_at\":\"" + at + "\",\"updated_at\":\"" + at
        + "\",\"system\":false,\"author\":" + glUser("carl", 3) + ",\"noteable_type\":\"Issue\"}]";
  }

  @Test
  void gitLab() throws IOException {
    String project = "{\"id\":55,\"path_with_namespace\":\"acme/widget\",\"name\":\"widget\","
        + "\"created_at\":\"2025-01-01T00:00:00Z\"}";
    bodies.put("/api/v4/projects/acme%2Fwidget", project);
    bodies.put("/api/v4/projects/55", project);
    bodies.put("/api/v4/projects/55/starrers",
        "[{\"starred_since\":\"2025-05-01T00:00:00Z\",\"user\":" + glUser("dan", 4) + "}]");
    bodies.put("/api/v4/projects/55/issues", "["
        + glIssue(301, 1, "ann", 1, "2025-06-01T00:00:00Z") + ","
        + glIssue(302, 2, "bob", 2, "2025-06-02T00:00:00Z") + "]");
    bodies.put("/api/v4/projects/55/issues/1/notes", glNote(401, "2025-06-01T03:00:00Z"));
    bodies.put("/api/v4/projects/55/issues/2/notes", glNote(402, "2025-06-02T05:00:00Z"));

    Community c = Community.fromArgs(
        "--gitlab", "acme/widget", "--gitlab-url", url(), "--as-of", "2025-06-30T00:00:00Z");

    assertEquals("acme/widget", c.repository().fullName());
    assertEquals(Map.of(EventType.STAR, 1L, EventType.ISSUE_OPENED, 2L, EventType.ISSUE_COMMENT, 2L),
        nonZero(c.store().countByType()), requested.toString());
    assertFirstResponseRow(run(c));
  }

  @Test
  void aForgeUrlNeedsItsForge() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Community.fromArgs("--events", "x.jsonl", "--api-url", url()));
    assertTrue(e.getMessage().startsWith("--api-url needs --github"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Community.fromArgs("--gitlab-url", url()));
    assertTrue(e.getMessage().startsWith("--gitlab-url needs --gitlab"), e.getMessage());
  }
}
