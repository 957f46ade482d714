package io.github.communitymetrics.forge;

import java.time.Duration;

/** Waits. Injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** The real sleeper: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the duration.
   *
   * @param duration how long, not negative
   * @throws InterruptedException when interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
