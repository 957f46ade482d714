package io.github.communitymetrics.github.internal;

import io.github.communitymetrics.forge.internal.Authenticator;
import io.github.communitymetrics.forge.ForgeRequest;
import io.github.communitymetrics.forge.ForgeResponse;
import io.github.communitymetrics.forge.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several tokens; each request uses the one with the most requests left according to the last
 * {@code X-RateLimit-Remaining} seen for it (a token not yet used counts as having the most).
 */
public final class TokenPool implements Authenticator {
  private final Map<Token, Long> remaining = new LinkedHashMap<>();

  /** A pool of at least one token. */
  public TokenPool(List<Token> tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("a token pool needs at least one token");
    }
    for (Token t : tokens) {
      remaining.put(t, Long.MAX_VALUE);
    }
  }

  @Override
  public synchronized ForgeRequest authenticate(ForgeRequest request) {
    Token best = null;
    long most = Long.MIN_VALUE;
    for (Map.Entry<Token, Long> e : remaining.entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        best = e.getKey();
      }
    }
    return Authenticator.bearer(best).authenticate(request);
  }

  @Override
  public synchronized void onResponse(ForgeRequest sent, ForgeResponse response) {
    String header = sent.headers().get("Authorization");
    response
        .longHeader("X-RateLimit-Remaining")
        .ifPresent(
            left -> {
              for (Token t : remaining.keySet()) {
                if (("Bearer " + t.reveal()).equals(header)) {
                  remaining.put(t, left);
                }
              }
            });
  }

  @Override
  public java.util.Set<Token> tokens() {
    return java.util.Set.copyOf(remaining.keySet());
  }

  /** The remaining count last seen per token label, for tests and reports. */
  public synchronized Map<String, Long> remainingByLabel() {
    Map<String, Long> out = new LinkedHashMap<>();
    remaining.forEach((t, n) -> out.put(t.label(), n));
    return out;
  }

  @Override
  public String toString() {
    return "TokenPool" + remaining.keySet();
  }
}
