package io.github.communitymetrics.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A loopback forge for tests of the real process: a GitHub repository ({@code acme/widget}: 3,000
 * stars in 30 pages, 500 issues, 1,000 issue comments) in organisation {@code acme}, which also
 * owns {@code gadget} and {@code gizmo} (3,000 stars each, of other users; listed one a page) and a GitLab project ({@code acme/widget},
 * id 9: 1,000 starrers, 120 issues each with 2 notes) in the shapes the adapters read, paged by
 * {@code page} with {@code Link} (and GitLab's {@code X-Next-Page}). Each request is counted and
 * handed to a hook before it is answered, so a test can kill a client at a chosen request.
 *
 * <p>GitLab's issue list follows an {@link Order}: kept as asked, or ignored the way a compatible
 * server that does not implement the parameters answers (by creation, newest first: GitLab's
 * default), with or without honouring {@code updated_after}.
 */
final class FakeForgeServer implements AutoCloseable {
  static final int STARS = 3000;
  static final int ISSUES = 500;
  static final int COMMENTS = 1000;
  static final int GL_STARRERS = 1000;
  static final int GL_ISSUES = 120;
  /** The GitHub repositories of organisation acme, ids 7, 8, 9. */
  static final List<String> OWNED = List.of("widget", "gadget", "gizmo");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  static {
    // See LoopbackForge: without it every response waits for the client's delayed ACK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final Order order;

  /** How the GitLab issue list treats {@code order_by=updated_at&sort=asc&updated_after=}. */
  enum Order {
    /** As GitLab does. */
    KEPT,
    /** Filters by {@code updated_after} but lists newest created first. */
    IGNORED_BUT_FILTERED,
    /** Ignores all three: every issue, newest created first. */
    IGNORED
  }
  private volatile IntConsumer hook = n -> {};
  private volatile int goneFrom = Integer.MAX_VALUE;

  FakeForgeServer(Order order) throws IOException {
    this.order = order;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Called with each request's number (from 1 since the last {@link #resetCount()}). */
  void onRequest(IntConsumer value) {
    hook = value;
  }

  /** Answers 404 to every request numbered {@code n} or later (a definite failure, not retried). */
  void goneFrom(int n) {
    goneFrom = n;
  }

  void resetCount() {
    requests.set(0);
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private static String user(String login, long id) {
    return "{\"login\":\"" + login + "\",\"id\":" + id + ",\"type\":\"User\"}";
  }

  private static String glUser(String login, long id) {
    return "{\"username\":\"" + login + "\",\"id\":" + id + ",\"name\":\"" + login + "\"}";
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          q.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  private void handle(HttpExchange exchange) throws IOException {
    int n = requests.incrementAndGet();
    hook.accept(n);
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    Map<String, String> q = query(uri);
    if (n >= goneFrom) {
      reply(exchange, 404, "{\"message\":\"gone for this test\"}", null, null);
      return;
    }
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    try {
      if (path.equals("/orgs/acme/repos")) {
        // Organisation acme: widget and two more repositories, one a page.
        List<String> items = new ArrayList<>();
        for (int r = 0; r < OWNED.size(); r++) {
          items.add("{\"id\":" + (7 + r) + ",\"name\":\"" + OWNED.get(r) + "\",\"full_name\":\"acme/" + OWNED.get(r)
              + "\",\"fork\":false,\"archived\":false,\"private\":false}");
        }
        page(exchange, uri, items, page, 1);
      } else if (path.matches("/repos/acme/[a-z]+") && OWNED.contains(path.split("/")[3])) {
        int r = OWNED.indexOf(path.split("/")[3]);
        reply(exchange, 200, "{\"id\":" + (7 + r) + ",\"full_name\":\"acme/" + OWNED.get(r) + "\"}", null, null);
      } else if (path.matches("/repos/acme/[a-z]+/stargazers") && OWNED.contains(path.split("/")[3])) {
        // widget's stargazers are u0..u2999; each further repository's are others.
        int r = OWNED.indexOf(path.split("/")[3]);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < STARS; i++) {
          int u = i + r * STARS;
          items.add("{\"starred_at\":\"" + T0.plusSeconds(60L * i) + "\",\"user\":" + user("u" + u, 1000 + u) + "}");
        }
        page(exchange, uri, items, page, 100);
      } else if (path.equals("/repos/acme/widget/issues")) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= ISSUES; i++) {
          items.add("{\"id\":" + (50000 + i) + ",\"number\":" + i + ",\"created_at\":\"" + T0.plusSeconds(3600L * i)
              + "\",\"user\":" + user("u" + (i % 97), 1000 + (i % 97)) + "}");
        }
        page(exchange, uri, items, page, 100);
      } else if (path.equals("/repos/acme/widget/issues/comments")) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= COMMENTS; i++) {
          int issue = 1 + (i % ISSUES);
          items.add("{\"id\":" + (90000 + i) + ",\"created_at\":\"" + T0.plusSeconds(3600L * ISSUES + 60L * i)
              + "\",\"user\":" + user("u" + (i % 31), 1000 + (i % 31))
              + ",\"issue_url\":\"http://x/repos/acme/widget/issues/" + issue
              + "\",\"html_url\":\"http://x/acme/widget/issues/" + issue + "#c" + i + "\"}");
        }
        page(exchange, uri, items, page, 100);
      } else if (path.equals("/api/v4/projects/acme%2Fwidget") || path.equals("/api/v4/projects/9")) {
        reply(exchange, 200, "{\"id\":9,\"path_with_namespace\":\"acme/widget\"}", null, null);
      } else if (path.equals("/api/v4/projects/9/starrers")) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < GL_STARRERS; i++) {
          items.add("{\"starred_since\":\"" + T0.plusSeconds(60L * i) + "\",\"user\":" + glUser("g" + i, 2000 + i) + "}");
        }
        page(exchange, uri, items, page, 100);
      } else if (path.equals("/api/v4/projects/9/issues")) {
        gitLabIssues(exchange, uri, q, page);
      } else if (path.matches("/api/v4/projects/9/issues/[0-9]+/resource_state_events")) {
        reply(exchange, 404, "{\"message\":\"404 Not found\"}", null, null);
      } else if (path.matches("/api/v4/projects/9/issues/[0-9]+/notes")) {
        int iid = Integer.parseInt(path.split("/")[6]);
        List<String> items = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
          items.add("{\"id\":" + (700000 + iid * 10 + k) + ",\"created_at\":\"" + updatedAt(iid).minusSeconds(10 - k)
              + "\",\"author\":" + glUser("g" + (iid % 13), 2000 + (iid % 13)) + ",\"system\":false,\"body\":\"note " + k + "\"}");
        }
        page(exchange, uri, items, page, 100);
      } else {
        reply(exchange, 404, "{\"message\":\"not found: " + path + "\"}", null, null);
      }
    } catch (RuntimeException e) {
      reply(exchange, 500, "{\"message\":\"" + e + "\"}", null, null);
    }
  }

  /** When issue {@code iid} of the GitLab project was last updated: not in creation order. */
  static Instant updatedAt(int iid) {
    return T0.plusSeconds(86_400L * 30 + 7_919L * ((iid * 37L) % GL_ISSUES));
  }

  private void gitLabIssues(HttpExchange exchange, URI uri, Map<String, String> q, int page) throws IOException {
    List<Integer> iids = new ArrayList<>();
    for (int iid = 1; iid <= GL_ISSUES; iid++) {
      iids.add(iid);
    }
    if (order != Order.IGNORED) {
      Instant after = q.containsKey("updated_after") ? Instant.parse(q.get("updated_after")) : Instant.MIN;
      iids.removeIf(iid -> updatedAt(iid).isBefore(after));
    }
    if (order == Order.KEPT) {
      iids.sort(Comparator.comparing(FakeForgeServer::updatedAt).thenComparing(iid -> iid));
    } else {
      iids.sort(Comparator.reverseOrder());
    }
    List<String> items = new ArrayList<>();
    for (int iid : iids) {
      boolean closed = iid % 3 == 0;
      Instant created = T0.plusSeconds(3600L * iid);
      items.add("{\"id\":" + (80000 + iid) + ",\"iid\":" + iid + ",\"created_at\":\"" + created
          + "\",\"updated_at\":\"" + updatedAt(iid) + "\",\"author\":" + glUser("g" + (iid % 17), 2000 + (iid % 17))
          + ",\"state\":\"" + (closed ? "closed" : "opened") + "\""
          + (closed ? ",\"closed_at\":\"" + updatedAt(iid) + "\",\"closed_by\":" + glUser("g1", 2001) : "")
          + "}");
    }
    page(exchange, uri, items, page, 100);
  }

  private void page(HttpExchange exchange, URI uri, List<String> items, int page, int size) throws IOException {
    int from = Math.min(items.size(), (page - 1) * size);
    int to = Math.min(items.size(), page * size);
    String body = "[" + String.join(",", items.subList(from, to)) + "]";
    String next = null;
    if (to < items.size()) {
      String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      String rest = raw.replaceAll("(^|&)page=[^&]*", "").replaceAll("^&", "");
      next = url() + uri.getRawPath() + "?" + (rest.isEmpty() ? "" : rest + "&") + "page=" + (page + 1);
    }
    reply(exchange, 200, body, next, to < items.size() ? Integer.toString(page + 1) : "");
  }

  private static void reply(HttpExchange exchange, int status, String body, String next, String nextPage)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (next != null) {
      exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
    }
    if (nextPage != null) {
      exchange.getResponseHeaders().add("X-Next-Page", nextPage);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
