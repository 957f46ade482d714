package io.github.communitymetrics.forge;

import io.github.communitymetrics.forge.internal.Args;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The transport seam: sends one request and returns the response, whatever its status. Retries,
 * rate limits and error mapping are the job of {@link ForgeHttpClient}; a sender only moves bytes,
 * which lets tests replace the network with a fake (as Micrometer's {@code HttpSender} does).
 *
 * <p>A sender must not follow redirects itself: {@link ForgeHttpClient} follows them so that it
 * can drop the credential when the host changes.
 */
@FunctionalInterface
public interface HttpSender {

  /**
   * Sends a request.
   *
   * @param request the request, credential header included
   * @return the response, for any status
   * @throws IOException when the connection failed, was reset or timed out
   * @throws InterruptedException when the calling thread was interrupted
   */
  ForgeResponse send(ForgeRequest request) throws IOException, InterruptedException;

  /** Default of {@link #jdk(Duration, Duration, Duration, long)}'s deadline: 5 minutes. */
  Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

  /** Default of {@link #jdk(Duration, Duration, Duration, long)}'s body limit: 32 MiB. */
  long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

  /**
   * A sender over the JDK's {@link HttpClient}, which must be configured not to follow
   * redirects ({@link HttpClient.Redirect#NEVER}); the deadline is {@link #DEFAULT_DEADLINE} and
   * the body limit {@link #DEFAULT_MAX_BODY_BYTES}.
   *
   * @param client the client
   * @param requestTimeout the longest wait for the response headers, and for each next byte of
   *     the body (the idle timeout)
   * @return the sender
   */
  static HttpSender jdk(HttpClient client, Duration requestTimeout) {
    return new JdkHttpSender(client, requestTimeout, DEFAULT_DEADLINE, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A sender over a new JDK client that does not follow redirects; the deadline is {@link
   * #DEFAULT_DEADLINE} and the body limit {@link #DEFAULT_MAX_BODY_BYTES}.
   *
   * @param connectTimeout the time allowed to connect
   * @param requestTimeout the longest wait for the response headers, and for each next byte of
   *     the body (the idle timeout)
   * @return the sender
   */
  static HttpSender jdk(Duration connectTimeout, Duration requestTimeout) {
    return jdk(connectTimeout, requestTimeout, DEFAULT_DEADLINE, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A sender over a new JDK client that does not follow redirects, with every bound: a request
   * that idles or outlasts its deadline fails with an {@link java.net.http.HttpTimeoutException}
   * (a transport failure, retried by {@link ForgeHttpClient}); a body over the limit fails with
   * {@link ResponseTooLargeException} as soon as the limit is passed (or at once when {@code
   * Content-Length} says so), without reading the rest.
   *
   * @param connectTimeout the time allowed to open a connection, positive
   * @param idleTimeout the longest wait for the response headers and for each next byte of the
   *     body, positive
   * @param deadline the longest time for a whole request, from sending to the last byte of the
   *     body, positive
   * @param maxBodyBytes the most bytes a response body may have, positive
   * @return the sender
   */
  static HttpSender jdk(
      Duration connectTimeout, Duration idleTimeout, Duration deadline, long maxBodyBytes) {
    return new JdkHttpSender(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Args.positive(connectTimeout, "connectTimeout"))
            .build(),
        idleTimeout,
        deadline,
        maxBodyBytes);
  }
}
