package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.NotReadyException;
import io.github.communitymetrics.forge.RetryPolicy;
import io.github.communitymetrics.forge.ForgeResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ForgeHttpClient#executeUntilReady}: 202 Accepted is polled with backoff, then given up. */
class AcceptedPollingTest {
  private static final URI URL = URI.create("https://forge.example/api/repos/a/b/stats/contributors");
  private static final RetryPolicy POLLS = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(5), 0);

  private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScriptedSender sender = new ScriptedSender();

  private ForgeHttpClient client() {
    return ForgeHttpClient.builder(sender).clock(time).sleeper(time).random(new SplittableRandom(1)).build();
  }

  @Test
  void twoAcceptedThenTheAnswer() {
    sender.respond(202, Map.of(), "{}").respond(202).respond(200, Map.of(), "[1]");
    ForgeHttpClient c = client();
    ForgeResponse r = c.executeUntilReady(ForgeRequest.get(URL), POLLS);
    assertEquals(200, r.status());
    assertEquals("[1]", r.body());
    assertEquals(3, sender.sent.size());
    // No jitter: 2 s, then doubled to 4 s.
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), time.sleeps);
    assertEquals(3, c.accounting().snapshot().requests());
    assertEquals(2, c.accounting().snapshot().retries());
  }

  @Test
  void acceptedThroughEveryPollIsATypedError() {
    for (int i = 0; i < 4; i++) {
      sender.respond(202);
    }
    NotReadyException e =
        assertThrows(NotReadyException.class, () -> client().executeUntilReady(ForgeRequest.get(URL), POLLS));
    assertEquals(4, e.polls());
    assertEquals(URL, e.uri());
    assertEquals(4, sender.sent.size());
    // Three waits between four requests: 2, 4, then capped at 5 s.
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5)), time.sleeps);
  }

  @Test
  void anAnswerWithoutAcceptedIsNotPolled() {
    sender.respond(200, Map.of(), "[]");
    assertEquals("[]", client().executeUntilReady(ForgeRequest.get(URL), POLLS).body());
    assertEquals(List.of(), time.sleeps);
  }
}
