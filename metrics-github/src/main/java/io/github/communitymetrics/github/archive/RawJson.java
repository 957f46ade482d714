package io.github.communitymetrics.github.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    Scratch scratch = SCRATCH.get();
    int depth = scratch.depth++;
    try {
      return members(buf, from, end, visitor, scratch, depth);
    } finally {
      scratch.depth = depth;
    }
  }

  /**
   * The arrays of {@link #members}, one set per nesting depth (a visitor may visit a nested object
   * while its parent's arrays are in use), kept from line to line: allocated anew for each object,
   * they were 6.8 GB of the 12 GB the reading threads allocated on a GH Archive-shaped day
   * (docs/performance.md), each a young collection's worth of garbage every few hundred
   * milliseconds. A thread's arrays grow to the largest object it has met.
   */
  private static final class Scratch {
    int depth;
    int[][] names = new int[4][];
    int[][] hashes = new int[4][];
    int[][] tables = new int[4][];

    void reserve(int depth) {
      if (depth == names.length) {
        names = Arrays.copyOf(names, 2 * depth);
        hashes = Arrays.copyOf(hashes, 2 * depth);
        tables = Arrays.copyOf(tables, 2 * depth);
      }
      if (names[depth] == null) {
        names[depth] = new int[16];
        hashes[depth] = new int[8];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static int members(byte[] buf, int from, int end, Members visitor, Scratch scratch, int depth) {
    int i = skipWs(buf, from, end);
    if (i >= end || buf[i] != '{') {
      throw bad("not a JSON object");
    }
    i = skipWs(buf, i + 1, end);
    if (i < end && buf[i] == '}') {
      return i + 1;
    }
    // The names seen so far, as [start, end) pairs: a name twice is malformed, since otherwise the
    // last one would silently win (a WatchEvent with a second "type" read as a ForkEvent). Most
    // objects visited here have a handful of members, searched linearly; a pull request and its
    // repositories have about a hundred, found through a hash table of the names once there are
    // more than LINEAR (a linear search there was quadratic: slower than Jackson's).
    scratch.reserve(depth);
    int[] names = scratch.names[depth];
    int[] hashes = scratch.hashes[depth];
    int[] table = null;
    int count = 0;
    while (true) {
      if (i >= end || buf[i] != '"') {
        throw bad("expected a quoted name");
      }
      int nameStart = i + 1;
      int nameEnd = skipString(buf, i, end) - 1;
      int hash = 0;
      for (int k = nameStart; k < nameEnd; k++) {
        if (buf[k] == '\\') {
          // An escaped name could spell a known one ("typ\u0065") without being seen as it, or
          // as its duplicate; no GH Archive name has an escape.
          throw bad("escaped member name");
        }
        hash = 31 * hash + buf[k];
      }
      if (2 * count == names.length) {
        names = Arrays.copyOf(names, 2 * names.length);
        scratch.names[depth] = names;
      }
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, 2 * hashes.length);
        scratch.hashes[depth] = hashes;
      }
      names[2 * count] = nameStart;
      names[2 * count + 1] = nameEnd;
      hashes[count] = hash;
      if (table == null) {
        for (int n = 0; n < count; n++) {
          if (hashes[n] == hash && sameName(buf, names, n, nameStart, nameEnd)) {
            throw duplicate(buf, nameStart, nameEnd);
          }
        }
        if (count == LINEAR) {
          // Sized for a pull request's hundred members at once; grown if an object has more.
          table = scratch.tables[depth];
          if (table == null) {
            table = new int[256];
            scratch.tables[depth] = table;
          } else {
            Arrays.fill(table, 0);
          }
          for (int n = 0; n <= count; n++) {
            addOrFind(table, buf, names, hashes, n);
          }
        }
      } else {
        if (2 * (count + 1) > table.length) {
          table = new int[2 * table.length];
          scratch.tables[depth] = table;
          for (int n = 0; n < count; n++) {
            addOrFind(table, buf, names, hashes, n);
          }
        }
        if (addOrFind(table, buf, names, hashes, count)) {
          throw duplicate(buf, nameStart, nameEnd);
        }
      }
      count++;
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

  /** Up to this many member names are searched linearly for a duplicate; past it, hashed. */
  private static final int LINEAR = 12;

  private static boolean sameName(byte[] buf, int[] names, int n, int start, int end) {
    return Arrays.equals(buf, names[2 * n], names[2 * n + 1], buf, start, end);
  }

  /**
   * Adds name {@code n} to the open-addressing {@code table} (slots hold {@code n + 1}), unless an
   * equal name is there: then says so. One probe sequence for both.
   */
  private static boolean addOrFind(int[] table, byte[] buf, int[] names, int[] hashes, int n) {
    int mask = table.length - 1;
    int hash = hashes[n];
    int slot = mix(hash) & mask;
    for (int m; (m = table[slot]) != 0; slot = (slot + 1) & mask) {
      if (hashes[m - 1] == hash && sameName(buf, names, m - 1, names[2 * n], names[2 * n + 1])) {
        return true;
      }
    }
    table[slot] = n + 1;
    return false;
  }

  private static int mix(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static LineDecoder.MalformedLine duplicate(byte[] buf, int start, int end) {
    return new LineDecoder.MalformedLine(
        "duplicate key \"" + new String(buf, start, Math.min(end - start, 80), StandardCharsets.UTF_8)
            + "\" in a JSON object");
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

  /**
   * Why {@code buf[from, to)} is not acceptable text, or null if it is: it must be valid UTF-8
   * (checked here, since the fast path decodes only the few strings it needs, and a decoder would
   * replace bad bytes with U+FFFD, merging logins that differ only in them) and hold no raw NUL
   * byte. Eight bytes at a time while they are ASCII and not NUL, the usual case.
   */
  static String invalidText(byte[] buf, int from, int to) {
    int j = from;
    while (true) {
      while (j + 8 <= to) {
        long w = (long) LONGS.get(buf, j);
        if ((w & HIGHS) != 0 || hasZeroByte(w)) {
          break;
        }
        j += 8;
      }
      if (j >= to) {
        return null;
      }
      int b = buf[j] & 0xFF;
      if (b == 0) {
        return "raw NUL byte at byte " + (j - from + 1) + " of the line";
      }
      if (b < 0x80) {
        j++;
        continue;
      }
      // A multi-byte sequence: the lead byte fixes its length and the range of the second byte
      // (no overlong forms, no surrogates, nothing above U+10FFFF).
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0) {
          lo = 0xA0;
        } else if (b == 0xED) {
          hi = 0x9F;
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0) {
          lo = 0x90;
        } else if (b == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return invalidUtf8(j - from);
      }
      if (j + n > to) {
        return invalidUtf8(j - from);
      }
      int second = buf[j + 1] & 0xFF;
      if (second < lo || second > hi) {
        return invalidUtf8(j - from);
      }
      for (int k = 2; k < n; k++) {
        if ((buf[j + k] & 0xC0) != 0x80) {
          return invalidUtf8(j - from);
        }
      }
      j += n;
    }
  }

  private static String invalidUtf8(int offset) {
    return "invalid UTF-8 at byte " + (offset + 1) + " of the line";
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

  /** What {@link #integer} gives for a value that is not an integer. */
  static final long NOT_AN_INTEGER = Long.MIN_VALUE;

  /**
   * The integer value at {@code buf[start, end)} as Jackson reads a JSON integer, or {@link
   * #NOT_AN_INTEGER} for any other value (a string, a fraction, an exponent, a literal, an object).
   *
   * @throws LineDecoder.MalformedLine where Jackson would refuse the number: leading zeroes, no
   *     digits, a character that is not part of a number, a value beyond a {@code long}
   */
  static long integer(byte[] buf, int start, int end) {
    byte first = buf[start];
    if (first != '-' && (first < '0' || first > '9')) {
      return NOT_AN_INTEGER;
    }
    for (int k = start; k < end; k++) {
      if (buf[k] == '.' || buf[k] == 'e' || buf[k] == 'E') {
        return NOT_AN_INTEGER;
      }
    }
    int i = first == '-' ? start + 1 : start;
    if (i == end || buf[i] < '0' || buf[i] > '9') {
      throw bad("no digits in a number");
    }
    if (buf[i] == '0' && i + 1 < end && buf[i + 1] >= '0' && buf[i + 1] <= '9') {
      throw bad("leading zeroes in a number");
    }
    long n = 0;
    for (int k = i; k < end; k++) {
      byte b = buf[k];
      if (b < '0' || b > '9') {
        throw bad("unexpected character in a number");
      }
      if (k - i >= 18) {
        // Past 18 digits a long may overflow: let the JDK decide, as Jackson's range check does.
        try {
          return Long.parseLong(new String(buf, start, end - start, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
          throw bad("number out of the range of a long");
        }
      }
      n = n * 10 + (b - '0');
    }
    return first == '-' ? -n : n;
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
