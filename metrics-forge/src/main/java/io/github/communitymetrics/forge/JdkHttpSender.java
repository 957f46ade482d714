package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpSender} over {@link HttpClient}, with bounds on time and size that the JDK does not
 * enforce on a body: {@link HttpRequest#timeout} ends when the headers arrive, so a body trickled
 * one byte a second would hold a request forever, and {@code BodyHandlers.ofString()} reads any
 * size. Here the body is collected by a subscriber that stops at {@code maxBodyBytes}, and the
 * calling thread watches the exchange: no byte for {@code idleTimeout}, or the whole exchange
 * (headers and body) longer than {@code deadline}, cancels it with an {@link HttpTimeoutException}
 * (a transport failure, which {@link ForgeHttpClient} retries).
 */
final class JdkHttpSender implements HttpSender {
  private final HttpClient client;
  private final Duration idleTimeout;
  private final Duration deadline;
  private final long maxBodyBytes;

  JdkHttpSender(HttpClient client, Duration idleTimeout, Duration deadline, long maxBodyBytes) {
    this.client = Args.notNull(client, "client");
    this.idleTimeout = Args.positive(idleTimeout, "idleTimeout");
    this.deadline = Args.positive(deadline, "deadline");
    this.maxBodyBytes = Args.positive(maxBodyBytes, "maxBodyBytes");
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "the HttpClient must not follow redirects (the forge client drops credentials across hosts)");
    }
  }

  @Override
  public ForgeResponse send(ForgeRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            // Until the headers: the JDK's own timer, the watch below covers the body too.
            .timeout(idleTimeout.compareTo(deadline) < 0 ? idleTimeout : deadline)
            .method(
                request.method(),
                request.body().isPresent()
                    ? HttpRequest.BodyPublishers.ofString(
                        request.body().get(), StandardCharsets.UTF_8)
                    : HttpRequest.BodyPublishers.noBody());
    request.headers().forEach(builder::header);
    long start = System.nanoTime();
    Bounded body = new Bounded(request.uri(), maxBodyBytes, start);
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(builder.build(), body);
    HttpResponse<byte[]> response = await(exchange, body, request.uri(), start);
    return new ForgeResponse(
        response.statusCode(),
        response.uri(),
        response.headers().map(),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /** Waits for the exchange, cancelling it when it idles or outlasts the deadline. */
  private HttpResponse<byte[]> await(
      CompletableFuture<HttpResponse<byte[]>> exchange, Bounded body, URI uri, long start)
      throws IOException, InterruptedException {
    long idleNanos = idleTimeout.toNanos();
    long deadlineNanos = deadline.toNanos();
    while (true) {
      long now = System.nanoTime();
      long idleLeft = body.lastActivity() + idleNanos - now;
      long deadlineLeft = start + deadlineNanos - now;
      if (deadlineLeft <= 0) {
        body.cancel();
        exchange.cancel(true);
        throw new HttpTimeoutException(
            "no complete response within the deadline of " + deadline + " from " + uri);
      }
      if (idleLeft <= 0) {
        body.cancel();
        exchange.cancel(true);
        throw new HttpTimeoutException(
            "no byte received for " + idleTimeout + " (idle timeout) from " + uri);
      }
      try {
        return exchange.get(Math.min(idleLeft, deadlineLeft), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Look again: bytes may have arrived meanwhile, which moves the idle limit.
      } catch (InterruptedException e) {
        body.cancel();
        exchange.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        if (body.tooLarge()) {
          throw body.tooLargeException();
        }
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
          throw (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IOException(cause);
      }
    }
  }

  /**
   * Collects a body up to a limit, noting when the last bytes arrived. A {@code Content-Length}
   * above the limit fails before any byte of the body is read.
   */
  private static final class Bounded
      implements HttpResponse.BodyHandler<byte[]>, HttpResponse.BodySubscriber<byte[]> {
    private final URI uri;
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile long lastActivity;
    private volatile boolean tooLarge;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    Bounded(URI uri, long limit, long start) {
      this.uri = uri;
      this.limit = limit;
      this.lastActivity = start;
    }

    long lastActivity() {
      return lastActivity;
    }

    boolean tooLarge() {
      return tooLarge;
    }

    ResponseTooLargeException tooLargeException() {
      return new ResponseTooLargeException(
          "response body larger than the limit of " + limit + " bytes", uri, limit);
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new IOException("cancelled"));
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      lastActivity = System.nanoTime();
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > limit) {
        tooLarge = true;
      }
      return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (tooLarge || cancelled) {
        s.cancel();
        result.completeExceptionally(tooLarge ? tooLargeException() : new IOException("cancelled"));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      lastActivity = System.nanoTime();
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        if (bytes.size() + (long) n > limit) {
          tooLarge = true;
          subscription.cancel();
          result.completeExceptionally(tooLargeException());
          return;
        }
        byte[] chunk = new byte[n];
        b.get(chunk);
        bytes.write(chunk, 0, n);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
