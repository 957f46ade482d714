package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.ForgeHttpClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK sender's bounds against a loopback server that trickles or floods: the JDK's own request
 * timeout ends at the headers, so the body needs the sender's idle timeout, deadline and size
 * limit. Hang bounds are generous (20 s) against timeouts of 1-2 s.
 */
class JdkHttpSenderBoundsTest {
  private static final Duration HANG = Duration.ofSeconds(20);

  private HttpServer server;
  private final AtomicLong written = new AtomicLong();
  private volatile boolean finished;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      try {
        handler.handle(exchange);
        finished = true;
      } catch (IOException | InterruptedException e) {
        // The client hung up: what the bounded sender should do.
      } finally {
        exchange.close();
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page");
  }

  interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** Headers at once, then one byte every {@code every}, {@code count} bytes in all. */
  private Handler trickle(Duration every, int count) {
    return exchange -> {
      exchange.sendResponseHeaders(200, count);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < count; i++) {
        out.write(' ');
        out.flush();
        written.incrementAndGet();
        Thread.sleep(every.toMillis());
      }
      out.close();
    };
  }

  /** {@code total} bytes of JSON-ish filler in 64 KiB writes, with or without Content-Length. */
  private Handler flood(long total, boolean declareLength) {
    return exchange -> {
      exchange.sendResponseHeaders(200, declareLength ? total : 0);
      OutputStream out = exchange.getResponseBody();
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (long sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
        written.addAndGet(chunk.length);
      }
      out.close();
    };
  }

  @Test
  void bodyThatStopsArrivingFailsAfterTheIdleTimeout() throws IOException {
    // One byte, then silence for 30 s: the old sender waited all of it.
    URI uri = serve(trickle(Duration.ofSeconds(30), 2));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(1));
    HttpTimeoutException e =
        assertTimeoutPreemptively(
            HANG, () -> assertThrows(HttpTimeoutException.class, () -> sender.send(ForgeRequest.get(uri))));
    assertTrue(e.getMessage().contains("idle"), e.getMessage());
  }

  @Test
  void bodyTrickledFasterThanTheIdleTimeoutFailsAtTheDeadline() throws IOException {
    // A byte every 200 ms never idles for 1 s, but 100 of them take 20 s: over the 2 s deadline.
    URI uri = serve(trickle(Duration.ofMillis(200), 100));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 1024);
    HttpTimeoutException e =
        assertTimeoutPreemptively(
            HANG, () -> assertThrows(HttpTimeoutException.class, () -> sender.send(ForgeRequest.get(uri))));
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
  }

  @Test
  void bodyOverTheLimitFailsWithoutBeingReadWhole() throws IOException {
    long total = 64L * 1024 * 1024;
    URI uri = serve(flood(total, false));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);
    ResponseTooLargeException e =
        assertTimeoutPreemptively(
            HANG, () -> assertThrows(ResponseTooLargeException.class, () -> sender.send(ForgeRequest.get(uri))));
    assertEquals(1024 * 1024, e.limitBytes());
    assertEquals(uri, e.uri());
    assertTrue(e.getMessage().contains("1048576"), e.getMessage());
    // The client hung up: the server could not write the rest (socket buffers hold a few MiB at most).
    assertTimeoutPreemptively(HANG, () -> {
      while (!finished && written.get() < total && server != null) {
        Thread.sleep(50);
        if (written.get() > 0 && !Thread.currentThread().isInterrupted()) {
          long before = written.get();
          Thread.sleep(500);
          if (written.get() == before) {
            break;
          }
        }
      }
    });
    assertTrue(written.get() < total / 4, "the server wrote " + written.get() + " of " + total + " bytes");
  }

  @Test
  void declaredLengthOverTheLimitFailsBeforeTheBody() throws IOException {
    URI uri = serve(flood(5L * 1024 * 1024, true));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);
    assertTimeoutPreemptively(
        HANG, () -> assertThrows(ResponseTooLargeException.class, () -> sender.send(ForgeRequest.get(uri))));
  }

  @Test
  void bodyWithinTheBoundsIsReadWhole() throws IOException {
    URI uri = serve(flood(3 * 64 * 1024, true));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);
    ForgeResponse r = assertTimeoutPreemptively(HANG, () -> sender.send(ForgeRequest.get(uri)));
    assertEquals(200, r.status());
    assertEquals(3 * 64 * 1024, r.body().length());
  }

  @Test
  void tooLargeIsNotRetriedByTheClient() throws IOException {
    URI uri = serve(flood(4L * 1024 * 1024, false));
    HttpSender sender = HttpSender.jdk(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60), 1024 * 1024);
    AtomicLong sends = new AtomicLong();
    ForgeHttpClient client =
        ForgeHttpClient.builder(request -> {
              sends.incrementAndGet();
              return sender.send(request);
            })
            .sleeper(d -> {})
            .build();
    assertTimeoutPreemptively(
        HANG, () -> assertThrows(ResponseTooLargeException.class, () -> client.execute(ForgeRequest.get(uri))));
    assertEquals(1, sends.get());
  }
}
