package io.github.communitymetrics.core.io;

import java.util.Locale;

/**
 * Why a line was malformed, in the few kinds a {@link ReadReport} counts separately: the bytes
 * that are not text at all (invalid UTF-8, a raw NUL, an overlong line), an instant the event
 * model cannot hold, text that is not JSON, and JSON that is not a valid event.
 */
public enum MalformedReason {
  /** The line's bytes are not valid UTF-8. */
  INVALID_UTF8,
  /** The line holds a raw NUL character (U+0000), which JSON allows only escaped. */
  NUL_CHARACTER,
  /** The line is longer than {@link ReadOptions#maxLineLength()}. */
  LINE_TOO_LONG,
  /** An instant lies outside the range events support ({@code EventTimes}). */
  INSTANT_OUT_OF_RANGE,
  /** The line is not a single JSON object. */
  INVALID_JSON,
  /** The line is JSON but not a valid event: a missing field, a wrong type or value. */
  INVALID_EVENT;

  /** The name used in reports and JSON: lower case with hyphens, such as {@code invalid-utf8}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind of a reason produced by this package's readers ({@link MalformedEventException#reason()}).
   * The readers write these reasons themselves, so their opening words identify the kind.
   */
  static MalformedReason classify(String reason) {
    if (reason.startsWith("invalid UTF-8")) {
      return INVALID_UTF8;
    }
    if (reason.startsWith("raw NUL character")) {
      return NUL_CHARACTER;
    }
    if (reason.startsWith("line longer than")) {
      return LINE_TOO_LONG;
    }
    if (reason.contains("(the supported range, see docs/events.md)")) {
      return INSTANT_OUT_OF_RANGE;
    }
    if (reason.startsWith("invalid JSON") || reason.startsWith("expected a JSON object")
        || reason.startsWith("unexpected content after the JSON object")) {
      return INVALID_JSON;
    }
    return INVALID_EVENT;
  }
}
