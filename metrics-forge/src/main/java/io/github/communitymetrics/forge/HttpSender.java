package io.github.communitymetrics.forge;

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

  /**
   * A sender over the JDK's {@link HttpClient}, which must be configured not to follow
   * redirects ({@link HttpClient.Redirect#NEVER}).
   *
   * @param client the client
   * @param requestTimeout the time allowed for each request until the response headers arrive
   * @return the sender
   */
  static HttpSender jdk(HttpClient client, Duration requestTimeout) {
    return new JdkHttpSender(client, requestTimeout);
  }

  /**
   * A sender over a new JDK client that does not follow redirects.
   *
   * @param connectTimeout the time allowed to connect
   * @param requestTimeout the time allowed for each request until the response headers arrive
   * @return the sender
   */
  static HttpSender jdk(Duration connectTimeout, Duration requestTimeout) {
    return jdk(
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Args.notNegative(connectTimeout, "connectTimeout"))
            .build(),
        requestTimeout);
  }
}
