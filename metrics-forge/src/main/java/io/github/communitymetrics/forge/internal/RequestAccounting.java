package io.github.communitymetrics.forge.internal;

import io.github.communitymetrics.forge.RequestCounts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters of requests, retries and waits; {@link #snapshot()} reads them. */
public final class RequestAccounting {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rateLimitWaits = new AtomicLong();
  private final AtomicLong waitedMillis = new AtomicLong();

  /** Creates counters at zero. */
  public RequestAccounting() {}

  void request(int status) {
    requests.incrementAndGet();
    if (status == 304) {
      notModified.incrementAndGet();
    }
  }

  void retry(Duration wait) {
    retries.incrementAndGet();
    waitedMillis.addAndGet(wait.toMillis());
  }

  void rateLimitWait(Duration wait) {
    rateLimitWaits.incrementAndGet();
    waitedMillis.addAndGet(wait.toMillis());
  }

  /**
   * The counts so far.
   *
   * @return an immutable snapshot
   */
  public RequestCounts snapshot() {
    return new RequestCounts(
        requests.get(),
        notModified.get(),
        retries.get(),
        rateLimitWaits.get(),
        Duration.ofMillis(waitedMillis.get()));
  }
}
