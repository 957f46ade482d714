package io.github.communitymetrics.github.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the members of a JSON object in raw UTF-8 bytes without decoding them: strings are
 * skipped quote to quote (minding backslashes), nested values by bracket depth. This checks the
 * line's structure (an object, balanced, with quoted names, one value per name, nothing after it)
 * but not the values it skips. It is what makes the reader fast: most of a GH Archive line (the
 * commit list of a push, the payload of an event the metrics do not use) is stepped over at
 * memory speed, and only the few members that matter go to Jackson.
 */
final class RawJson {
  private RawJson() {}

  /** Receives one member: its name is {@code buf[nameStart, nameEnd)} (without quotes). */
  interface Members {
    void member(byte[] buf, int nameStart, int nameEnd, int valueStart, int valueEnd);
  }

  /**
   * Visits the members of the object starting at {@code buf[from]} (after white space).
   *
   * @return the index just after the object's closing brace
   * @throws LineDecoder.MalformedLine if it is not a well-formed object
   */
  static int members(byte[] buf, int from, int end, Members visitor) {
    int i = skipWs(buf, from, end);
    if (i >= end || buf[i] != '{') {
      throw bad("not a JSON object");
    }
    i = skipWs(buf, i + 1, end);
    if (i < end && buf[i] == '}') {
      return i + 1;
    }
    while (true) {
      if (i >= end || buf[i] != '"') {
        throw bad("expected a quoted name");
      }
      int nameStart = i + 1;
      int nameEnd = skipString(buf, i, end) - 1;
      i = skipWs(buf, nameEnd + 1, end);
      if (i >= end || buf[i] != ':') {
        throw bad("expected ':'");
      }
      int valueStart = skipWs(buf, i + 1, end);
      int valueEnd = skipValue(buf, valueStart, end);
      visitor.member(buf, nameStart, nameEnd, valueStart, valueEnd);
      i = skipWs(buf, valueEnd, end);
      if (i >= end) {
        throw bad("unexpected end of line");
      }
      if (buf[i] == '}') {
        return i + 1;
      }
      if (buf[i] != ',') {
        throw bad("expected ',' or '}'");
      }
      i = skipWs(buf, i + 1, end);
    }
  }

  static int skipWs(byte[] buf, int i, int end) {
    while (i < end) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        break;
      }
      i++;
    }
    return i;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  private static final long NEWLINES = ONES * '\n';

  /**
   * The index of the first {@code '\n'} in {@code buf[from, end)}, or -1; eight bytes at a time,
   * since every byte of the input passes here.
   */
  static int indexOfNewline(byte[] buf, int from, int end) {
    int j = from;
    while (j + 8 <= end) {
      long w = (long) LONGS.get(buf, j);
      if (hasZeroByte(w ^ NEWLINES)) {
        break;
      }
      j += 8;
    }
    for (; j < end; j++) {
      if (buf[j] == '\n') {
        return j;
      }
    }
    return -1;
  }

  /** Whether some byte of {@code v} is zero (the classic SWAR test). */
  private static boolean hasZeroByte(long v) {
    return ((v - ONES) & ~v & HIGHS) != 0;
  }

  /**
   * The index after the string starting with the quote at {@code buf[i]}. Strings are most of a
   * line's bytes, so they are stepped over eight bytes at a time while no quote or backslash is
   * in sight.
   */
  private static int skipString(byte[] buf, int i, int end) {
    int j = i + 1;
    while (true) {
      // Whole words without a quote or a backslash; an escape does not end the fast path.
      while (j + 8 <= end) {
        long w = (long) LONGS.get(buf, j);
        if (hasZeroByte(w ^ QUOTES) || hasZeroByte(w ^ BACKSLASHES)) {
          break;
        }
        j += 8;
      }
      int stop = Math.min(j + 8, end);
      for (; j < stop; j++) {
        byte b = buf[j];
        if (b == '"') {
          return j + 1;
        }
        if (b == '\\') {
          j++;
        }
      }
      if (j >= end) {
        throw bad("unterminated string");
      }
    }
  }

  /** The index after the value starting at {@code buf[i]}. */
  static int skipValue(byte[] buf, int i, int end) {
    if (i >= end) {
      throw bad("missing value");
    }
    byte first = buf[i];
    if (first == '"') {
      return skipString(buf, i, end);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      for (int j = i; j < end; j++) {
        byte b = buf[j];
        if (b == '"') {
          j = skipString(buf, j, end) - 1;
        } else if (b == '{' || b == '[') {
          depth++;
        } else if (b == '}' || b == ']') {
          if (--depth == 0) {
            return j + 1;
          }
        }
      }
      throw bad("unexpected end of line");
    }
    int j = i;
    while (j < end) {
      byte b = buf[j];
      if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        break;
      }
      j++;
    }
    if (j == i) {
      throw bad("missing value");
    }
    return j;
  }

  /** Whether {@code buf[start, end)} holds exactly the ASCII {@code name}. */
  static boolean is(byte[] buf, int start, int end, String name) {
    int n = name.length();
    if (end - start != n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (buf[start + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value at {@code buf[start, end)} is a string. */
  static boolean isString(byte[] buf, int start, int end) {
    return end - start >= 2 && buf[start] == '"';
  }

  /**
   * The string value at {@code buf[start, end)} (with its quotes), or null if it is not a string.
   * Escapes are decoded by Jackson; GH Archive logins, names and refs rarely have any.
   */
  static String string(byte[] buf, int start, int end) {
    if (!isString(buf, start, end)) {
      return null;
    }
    for (int k = start + 1; k < end - 1; k++) {
      if (buf[k] == '\\') {
        return Jackson.string(buf, start, end);
      }
    }
    return new String(buf, start + 1, end - start - 2, StandardCharsets.UTF_8);
  }

  /** The non-negative integer value at {@code buf[start, end)}, or -1 if it is not one. */
  static long number(byte[] buf, int start, int end) {
    if (end - start < 1 || end - start > 18) {
      return -1;
    }
    long n = 0;
    for (int k = start; k < end; k++) {
      int d = buf[k] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }

  static LineDecoder.MalformedLine bad(String reason) {
    return new LineDecoder.MalformedLine("not JSON: " + reason);
  }

  /** The rare escaped string, decoded by Jackson. */
  private static final class Jackson {
    static String string(byte[] buf, int start, int end) {
      try (tools.jackson.core.JsonParser p =
          LineDecoder.FACTORY.createParser(
              tools.jackson.core.ObjectReadContext.empty(), buf, start, end - start)) {
        p.nextToken();
        return p.getString();
      } catch (tools.jackson.core.JacksonException e) {
        throw bad(e.getOriginalMessage());
      }
    }
  }
}
