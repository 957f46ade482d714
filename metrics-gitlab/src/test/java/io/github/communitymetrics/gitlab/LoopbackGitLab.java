package io.github.communitymetrics.gitlab;

import com.sun.net.httpserver.HttpServer;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.HttpSender;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Serves a {@link FakeGitLab} over HTTP on the loopback interface, so that a fetch goes through
 * the JDK HTTP client; the fake still records each request (under its own base URL).
 */
final class LoopbackGitLab implements AutoCloseable {
  private final HttpServer server;

  LoopbackGitLab(FakeGitLab fake) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      try {
        URI asked = exchange.getRequestURI();
        ForgeResponse r = fake.send(ForgeRequest.get(URI.create(FakeGitLab.BASE + asked.getRawPath()
            + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()))));
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        r.headers().forEach((k, v) -> v.forEach(value -> exchange.getResponseHeaders().add(k, value)));
        exchange.sendResponseHeaders(r.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  HttpSender sender() {
    return HttpSender.jdk(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
