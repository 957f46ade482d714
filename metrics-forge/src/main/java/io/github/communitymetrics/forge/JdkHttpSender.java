package io.github.communitymetrics.forge;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@link HttpSender} over {@link HttpClient}; the body is read whole as UTF-8. */
final class JdkHttpSender implements HttpSender {
  private final HttpClient client;
  private final Duration requestTimeout;

  JdkHttpSender(HttpClient client, Duration requestTimeout) {
    this.client = Args.notNull(client, "client");
    this.requestTimeout = Args.notNegative(requestTimeout, "requestTimeout");
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "the HttpClient must not follow redirects (the forge client drops credentials across hosts)");
    }
  }

  @Override
  public ForgeResponse send(ForgeRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(requestTimeout)
            .method(
                request.method(),
                request.body().isPresent()
                    ? HttpRequest.BodyPublishers.ofString(
                        request.body().get(), StandardCharsets.UTF_8)
                    : HttpRequest.BodyPublishers.noBody());
    request.headers().forEach(builder::header);
    HttpResponse<String> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new ForgeResponse(
        response.statusCode(), response.uri(), response.headers().map(), response.body());
  }
}
