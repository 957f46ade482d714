package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ForgeResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitClassifierTest {
  private static ForgeResponse response(int status, Map<String, List<String>> headers) {
    return new ForgeResponse(status, URI.create("https://h/"), headers, "");
  }

  @Test
  void standardReadsOnly429() {
    RateLimitClassifier c = RateLimitClassifier.standard();
    assertEquals(Optional.empty(), c.classify(response(403, Map.of("Retry-After", List.of("5")))));
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, Optional.empty(), Optional.of(Duration.ofSeconds(5)))),
        c.classify(response(429, Map.of("retry-after", List.of("5")))));
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.PRIMARY, Optional.of(Instant.ofEpochSecond(100)), Optional.empty())),
        c.classify(response(429, Map.of("RateLimit-Reset", List.of("100")))));
    assertEquals(
        Optional.of(new RateLimitSignal(RateLimitSignal.Kind.SECONDARY, Optional.empty(), Optional.empty())),
        c.classify(response(429, Map.of("Retry-After", List.of("soon")))));
  }
}
