package io.github.communitymetrics.core;

/**
 * Hears how far a long computation has come, so that a caller can show a progress bar or log
 * lines; the library itself prints nothing. A computation that takes a listener counts units it
 * names (repositories, owners) and reports after each one.
 *
 * <p>Calls come from the computing thread, in order: first {@code (0, total)} before the first
 * unit, then {@code (k, total)} after the k-th, ending with {@code (total, total)}. {@code total}
 * stays the same within one computation. A listener must return quickly and must not throw: an
 * exception it throws ends the computation and reaches the caller.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every call. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done the units finished so far, from 0 to {@code total}
   * @param total the units of the whole computation, at least 0
   */
  void progressed(long done, long total);
}
