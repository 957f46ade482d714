package io.github.communitymetrics.core.internal;

/** What a task that failed on another thread threw, to throw again on the thread that waited. */
public final class Failures {
  private Failures() {}

  /**
   * {@code cause} itself when it is unchecked (an {@link Error} is thrown from here), else
   * wrapped in an {@link IllegalStateException}: the caller writes {@code throw
   * Failures.unchecked(e.getCause())}.
   */
  public static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }
}
