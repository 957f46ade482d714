package io.github.communitymetrics.testkit;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit's loopback HTTP server: serves a renderer's objects and lists in pages and injects one
 * {@link ForgeCompatibilityKit.Fault} and an outage. Requests are numbered from 1.
 */
final class LoopbackForge implements AutoCloseable {
  private static final String PAGE = "page";

  static {
    // The JDK server writes a response's headers and body in separate segments; without
    // TCP_NODELAY, Nagle's algorithm holds the body until the client's delayed ACK (about 40 ms
    // on Linux), which made every request cost 40 ms and the kit minutes. Read by the server
    // when its first instance in this JVM starts; an explicit setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ForgeRenderer renderer;
  private final int pageSize;
  private final HttpServer server;
  private final URI baseUrl;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<String> faultedOnce = new HashSet<>();
  private volatile Optional<ForgeCompatibilityKit.Fault> fault = Optional.empty();
  private volatile int outageAfter = Integer.MAX_VALUE;

  LoopbackForge(ForgeRenderer renderer, int pageSize) {
    this.renderer = renderer;
    this.pageSize = pageSize;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot start the loopback forge", e);
    }
    server.createContext("/", this::handle);
    server.start();
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI baseUrl() {
    return baseUrl;
  }

  int requests() {
    return requests.get();
  }

  void fault(ForgeCompatibilityKit.Fault value) {
    fault = Optional.of(value);
  }

  /** Answers 503 to every request numbered above {@code n}, until {@link #endOutage()}. */
  void outageAfter(int n) {
    outageAfter = n;
  }

  void endOutage() {
    outageAfter = Integer.MAX_VALUE;
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean cut = false;
    try {
      int n = requests.incrementAndGet();
      if (n > outageAfter) {
        send(exchange, 503, Map.of(), "{\"message\":\"outage\"}");
        return;
      }
      ForgeCompatibilityKit.Fault f = fault.orElse(null);
      if (f == ForgeCompatibilityKit.Fault.BAD_GATEWAY_BURST && (n >= 2 && n <= 4 || n % 9 == 0)) {
        send(exchange, 502, Map.of(), "<html>502 Bad Gateway</html>");
        return;
      }
      if (f == ForgeCompatibilityKit.Fault.TOO_MANY_REQUESTS && n % 5 == 3) {
        // Retry-After of 0 or 1 s: an adapter with an injected sleeper does not really wait.
        send(exchange, 429, Map.of("Retry-After", Integer.toString(n % 2)), "{\"message\":\"slow down\"}");
        return;
      }
      Response response = respond(exchange);
      if (f == ForgeCompatibilityKit.Fault.CUT_BODY && n % 4 == 2 && response.status == 200) {
        byte[] bytes = response.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        response.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        // A handler that throws makes the JDK server close the connection: the client sees EOF
        // before Content-Length. (Closing the short stream would leave the connection open.)
        cut = true;
        throw new IOException("body cut on purpose after " + bytes.length / 2 + " bytes");
      }
      send(exchange, response.status, response.headers, response.body);
    } finally {
      if (!cut) {
        exchange.close();
      }
    }
  }

  private record Response(int status, Map<String, String> headers, String body) {}

  private Response respond(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.put(key, value);
      }
    }
    int page;
    try {
      page = Integer.parseInt(query.getOrDefault(PAGE, "1"));
    } catch (NumberFormatException e) {
      return new Response(400, Map.of(), "{\"message\":\"bad page\"}");
    }
    query.remove(PAGE);
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    String requestBody;
    try {
      requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Response(400, Map.of(), "{\"message\":\"unreadable body\"}");
    }
    WireRequest request =
        new WireRequest(baseUrl, exchange.getRequestMethod(), uri.getPath(), query, headers, requestBody);
    Optional<String> object = renderer.object(request);
    if (object.isPresent()) {
      return new Response(200, Map.of(), object.get());
    }
    Optional<List<String>> list = renderer.list(request);
    if (list.isEmpty()) {
      return new Response(404, Map.of(), "{\"message\":\"Not Found\"}");
    }
    String listKey = uri.getPath() + "?" + query;
    ForgeCompatibilityKit.Fault f = fault.orElse(null);
    int shown = page;
    if (f == ForgeCompatibilityKit.Fault.REPEATED_PAGE && page == 2 && faultedOnce.add(listKey)) {
      shown = 1; // a stale cache answers page 2 with page 1, Link included
    }
    List<String> items = list.get();
    int from = Math.min(items.size(), (shown - 1) * pageSize);
    int to = Math.min(items.size(), from + pageSize);
    if (f == ForgeCompatibilityKit.Fault.OVERLAPPING_PAGES
        && shown >= 2
        && from > 0
        && faultedOnce.add(listKey + "#" + shown)) {
      from--; // an item removed meanwhile shifts the list: the previous page's last item again
    }
    StringBuilder body = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      body.append(i > from ? "," : "").append(items.get(i));
    }
    body.append(']');
    Map<String, String> responseHeaders = new HashMap<>();
    if (shown * pageSize < items.size()) {
      responseHeaders.put("Link", "<" + pageUrl(uri.getPath(), query, shown + 1) + ">; rel=\"next\"");
    }
    return new Response(200, responseHeaders, body.toString());
  }

  private String pageUrl(String path, Map<String, String> query, int page) {
    List<String> parts = new ArrayList<>();
    query.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
    parts.add(PAGE + "=" + page);
    return baseUrl + path + "?" + String.join("&", parts);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
