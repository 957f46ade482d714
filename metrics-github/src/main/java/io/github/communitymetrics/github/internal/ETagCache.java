package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.forge.internal.CheckpointStore;
import io.github.communitymetrics.forge.internal.ForgeHttpClient;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conditional GETs: the {@code ETag}, {@code Link} and body of each response are kept on disk
 * (one atomic file per URL and media type, named by their SHA-256), and the next request for the
 * same URL sends {@code If-None-Match}; GitHub answers an unchanged resource with 304, which costs
 * no rate limit, and the kept body is used.
 */
public final class ETagCache {
  private final Optional<CheckpointStore> store;

  /** A cache in a directory, or none (plain requests). */
  public ETagCache(Optional<CheckpointStore> store) {
    this.store = store;
  }

  /** Sends the request, conditional when a response of it is kept; a 304 returns the kept one. */
  public ForgeResponse execute(ForgeHttpClient http, ForgeRequest request) {
    if (store.isEmpty()) {
      return http.execute(request);
    }
    String key = key(request);
    Optional<String[]> kept = store.get().read(key).map(text -> text.split("\n", 3)).filter(p -> p.length == 3);
    ForgeRequest sent = kept.isPresent() ? request.withHeader("If-None-Match", kept.get()[0]) : request;
    ForgeResponse response = http.execute(sent);
    if (response.status() == 304 && kept.isPresent()) {
      String link = kept.get()[1];
      return new ForgeResponse(
          200, response.uri(), link.isEmpty() ? Map.of() : Map.of("Link", List.of(link)), kept.get()[2]);
    }
    Optional<String> etag = response.header("ETag");
    if (response.isSuccess() && etag.isPresent() && !etag.get().contains("\n")) {
      String link = response.header("Link").orElse("").replace("\n", " ");
      store.get().write(key, etag.get() + "\n" + link + "\n" + response.body());
    }
    return response;
  }

  private static String key(ForgeRequest request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (request.headers().getOrDefault("Accept", "") + " " + request.uri())
                  .getBytes(StandardCharsets.UTF_8));
      return "etag-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
