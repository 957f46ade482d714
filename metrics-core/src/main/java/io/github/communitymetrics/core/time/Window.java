package io.github.communitymetrics.core.time;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A half-open span of time {@code [start, end)}: it contains {@code start} and excludes {@code
 * end}, so consecutive windows tile time without overlap or gap.
 *
 * @param start the first instant inside the window
 * @param end the first instant after the window; equal to {@code start} for an empty window
 */
public record Window(Instant start, Instant end) implements Comparable<Window> {

  /** Every instant an {@link Instant} can hold. */
  public static final Window ALL = new Window(Instant.MIN, Instant.MAX);

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  public Window {
    Checks.notNull(start, "start");
    Checks.notNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("window end " + end + " is before its start " + start);
    }
  }

  /** The window {@code [start, end)}. */
  public static Window of(Instant start, Instant end) {
    return new Window(start, end);
  }

  /** The window of the given length that starts at {@code start}. */
  public static Window startingAt(Instant start, Duration length) {
    checkLength(length);
    return new Window(start, start.plus(length));
  }

  /** The window of the given length that ends (exclusively) at {@code end}. */
  public static Window endingAt(Instant end, Duration length) {
    checkLength(length);
    return new Window(end.minus(length), end);
  }

  /** The window of the given length that ends now, as the clock tells. */
  public static Window trailing(Clock clock, Duration length) {
    Checks.notNull(clock, "clock");
    return endingAt(clock.instant(), length);
  }

  /**
   * {@code count} windows of {@code length}, each {@code step} after the previous, the last one
   * ending at {@code end}; oldest first. With {@code step < length} they overlap (a rolling
   * average); with {@code step == length} they tile.
   *
   * @throws IllegalArgumentException if a duration is not positive or {@code count < 1}
   */
  public static List<Window> rolling(Instant end, Duration length, Duration step, int count) {
    Checks.notNull(end, "end");
    checkLength(length);
    checkLength(step);
    Checks.positive(count, "count");
    List<Window> windows = new ArrayList<>(count);
    for (int i = count - 1; i >= 0; i--) {
      Instant e = end.minus(step.multipliedBy(i));
      windows.add(new Window(e.minus(length), e));
    }
    return List.copyOf(windows);
  }

  /** Whether {@code start <= instant < end}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Whether the window contains no instant. */
  public boolean isEmpty() {
    return start.equals(end);
  }

  /** The length of the window. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** The instants inside both windows, if any. */
  public Optional<Window> intersection(Window other) {
    Instant s = start.isAfter(other.start) ? start : other.start;
    Instant e = end.isBefore(other.end) ? end : other.end;
    return s.isBefore(e) ? Optional.of(new Window(s, e)) : Optional.empty();
  }

  /** Whether the windows share at least one instant. */
  public boolean overlaps(Window other) {
    return intersection(other).isPresent();
  }

  /** The window of the same length that ends where this one starts. */
  public Window previous() {
    return new Window(start.minus(duration()), start);
  }

  @Override
  public int compareTo(Window other) {
    int c = start.compareTo(other.start);
    return c != 0 ? c : end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }

  private static void checkLength(Duration length) {
    Checks.notNull(length, "length");
    if (!(!length.isNegative() && !length.isZero())) {
      throw new IllegalArgumentException("duration must be positive but was " + length);
    }
  }
}
