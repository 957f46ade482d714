package io.github.communitymetrics.core.metrics.newcomers;

import io.github.communitymetrics.core.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Collects waits for an answer: answered, or censored at the end of the window. */
final class Waits {
  private final Window window;
  private long[] seconds = new long[8];
  private boolean[] answered = new boolean[8];
  private int n;

  Waits(Window window) {
    this.window = window;
  }

  void add(Instant opened, Optional<Welcome> w) {
    if (n == seconds.length) {
      seconds = java.util.Arrays.copyOf(seconds, 2 * n);
      answered = java.util.Arrays.copyOf(answered, 2 * n);
    }
    seconds[n] = w.map(x -> x.waited().getSeconds()).orElse(Duration.between(opened, window.end()).getSeconds());
    answered[n] = w.isPresent();
    n++;
  }

  ResponseTimes build() {
    return ResponseTimes.of(java.util.Arrays.copyOf(seconds, n), java.util.Arrays.copyOf(answered, n));
  }
}
