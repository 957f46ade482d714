package io.github.communitymetrics.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits input into lines without copying them into strings: the current line is a slice of one
 * reusable buffer, which the JSON parser reads in place. Lines end at {@code '\n'}; one {@code
 * '\r'} before it is dropped, so CRLF files read the same. A byte-order mark at the start of the
 * input is dropped too.
 *
 * <p>Some lines are malformed before any JSON is parsed; {@link #problem()} says why, and the line
 * counts like any other, so that later line numbers stay right:
 *
 * <ul>
 *   <li>a line longer than the maximum length: detected while reading, and the rest of it is
 *       skipped without being kept, so memory stays bounded by the maximum whatever the input;
 *   <li>(bytes only) a line that is not valid UTF-8: decoded with {@link CodingErrorAction#REPORT},
 *       never with replacement characters, which would make different names equal;
 *   <li>a raw NUL character (U+0000) in the line, which no JSON text may hold unescaped.
 * </ul>
 *
 * <p>Memory is one buffer as large as the longest line (at least {@value #INITIAL_CAPACITY}
 * units, at most the maximum line length plus one), whatever the input's length.
 */
abstract class LineSource {
  static final int INITIAL_CAPACITY = 16 * 1024;

  /** The largest maximum: arrays of this many units plus one can still be allocated. */
  static final int LARGEST_MAXIMUM = Integer.MAX_VALUE - 16;

  final int maxLength;
  long lineNumber;
  char[] chars = new char[INITIAL_CAPACITY];
  int lineStart;
  int lineEnd;
  String problem;

  LineSource(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Characters from a {@link Reader}: the caller chose the charset and its error handling. */
  static LineSource of(Reader in, int maxLength) {
    return new CharLines(in, maxLength);
  }

  /** Strict UTF-8 from bytes: an invalid sequence makes its line malformed. */
  static LineSource of(InputStream in, int maxLength) {
    return new Utf8Lines(in, maxLength);
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the input
   */
  abstract boolean next() throws IOException;

  /** The 1-based number of the current line; 0 before the first. */
  final long lineNumber() {
    return lineNumber;
  }

  /** Why the current line is malformed before any parsing, or null if it is not. */
  final String problem() {
    return problem;
  }

  /** The buffer that holds the current line; valid until the next call to {@link #next()}. */
  final char[] buffer() {
    return chars;
  }

  final int lineStart() {
    return lineStart;
  }

  final int lineLength() {
    return lineEnd - lineStart;
  }

  /** Whether the current line holds nothing but spaces, tabs and carriage returns. */
  final boolean isBlank() {
    if (problem != null) {
      return false;
    }
    for (int i = lineStart; i < lineEnd; i++) {
      char c = chars[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Makes {@code chars[start, end)} the current line, checked. */
  final void setLine(int start, int end) {
    lineNumber++;
    problem = null;
    if (end > start && chars[end - 1] == '\r') {
      end--;
    }
    if (lineNumber == 1 && end > start && chars[start] == '\uFEFF') {
      start++;
    }
    lineStart = start;
    lineEnd = end;
    for (int i = start; i < end; i++) {
      if (chars[i] == '\0') {
        problem = "raw NUL character (U+0000) at column " + (i - start + 1)
            + " (JSON allows it only escaped)";
        return;
      }
    }
  }

  /** Makes the current line an empty, malformed one. */
  final void setProblem(String reason) {
    lineNumber++;
    lineStart = 0;
    lineEnd = 0;
    problem = reason;
  }

  final String tooLong(String unit) {
    return "line longer than " + maxLength + " " + unit
        + " (the maximum line length; the rest of the line was skipped)";
  }

  /** Lines of a {@link Reader}. */
  private static final class CharLines extends LineSource {
    private final Reader in;
    /** Unconsumed characters are {@code chars[pos, limit)}. */
    private int pos;

    private int limit;
    private boolean eof;

    CharLines(Reader in, int maxLength) {
      super(maxLength);
      this.in = in;
    }

    @Override
    boolean next() throws IOException {
      int scan = pos;
      while (true) {
        for (int i = scan; i < limit; i++) {
          if (chars[i] == '\n') {
            if (i - pos > maxLength) {
              setProblem(tooLong("characters"));
            } else {
              setLine(pos, i);
            }
            pos = i + 1;
            return true;
          }
        }
        if (limit - pos > maxLength) {
          // More than the maximum without a line end: skip to the end of the line without
          // keeping it, so that one huge line cannot exhaust memory or overflow an array size.
          skipRestOfLine();
          setProblem(tooLong("characters"));
          return true;
        }
        if (eof) {
          if (pos < limit) {
            // The last line need not end with '\n'; it is not longer than the maximum, or the
            // check above would have caught it.
            setLine(pos, limit);
            pos = limit;
            return true;
          }
          return false;
        }
        scan = limit;
        if (limit == chars.length) {
          if (pos > 0) {
            System.arraycopy(chars, pos, chars, 0, limit - pos);
            scan -= pos;
            limit -= pos;
            pos = 0;
          } else {
            chars = Arrays.copyOf(chars, (int) Math.min(2L * chars.length, maxLength + 2L));
          }
        }
        int read = in.read(chars, limit, chars.length - limit);
        if (read < 0) {
          eof = true;
        } else {
          limit += read;
        }
      }
    }

    private void skipRestOfLine() throws IOException {
      while (true) {
        for (int i = pos; i < limit; i++) {
          if (chars[i] == '\n') {
            pos = i + 1;
            return;
          }
        }
        pos = 0;
        limit = 0;
        if (eof) {
          return;
        }
        int read = in.read(chars, 0, chars.length);
        if (read < 0) {
          eof = true;
        } else {
          limit = read;
        }
      }
    }
  }

  /** Lines of UTF-8 bytes, decoded strictly one by one. */
  private static final class Utf8Lines extends LineSource {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] bytes = new byte[INITIAL_CAPACITY];
    /** Unconsumed bytes are {@code bytes[pos, limit)}. */
    private int pos;

    private int limit;
    private boolean eof;

    Utf8Lines(InputStream in, int maxLength) {
      super(maxLength);
      this.in = in;
    }

    @Override
    boolean next() throws IOException {
      int scan = pos;
      while (true) {
        for (int i = scan; i < limit; i++) {
          if (bytes[i] == '\n') {
            if (i - pos > maxLength) {
              setProblem(tooLong("bytes"));
            } else {
              decodeLine(pos, i);
            }
            pos = i + 1;
            return true;
          }
        }
        if (limit - pos > maxLength) {
          skipRestOfLine();
          setProblem(tooLong("bytes"));
          return true;
        }
        if (eof) {
          if (pos < limit) {
            decodeLine(pos, limit);
            pos = limit;
            return true;
          }
          return false;
        }
        scan = limit;
        if (limit == bytes.length) {
          if (pos > 0) {
            System.arraycopy(bytes, pos, bytes, 0, limit - pos);
            scan -= pos;
            limit -= pos;
            pos = 0;
          } else {
            bytes = Arrays.copyOf(bytes, (int) Math.min(2L * bytes.length, maxLength + 2L));
          }
        }
        int read = in.read(bytes, limit, bytes.length - limit);
        if (read < 0) {
          eof = true;
        } else {
          limit += read;
        }
      }
    }

    private void skipRestOfLine() throws IOException {
      while (true) {
        for (int i = pos; i < limit; i++) {
          if (bytes[i] == '\n') {
            pos = i + 1;
            return;
          }
        }
        pos = 0;
        limit = 0;
        if (eof) {
          return;
        }
        int read = in.read(bytes, 0, bytes.length);
        if (read < 0) {
          eof = true;
        } else {
          limit = read;
        }
      }
    }

    private void decodeLine(int from, int to) {
      int n = to - from;
      if (chars.length < n) {
        // UTF-8 never takes fewer bytes than UTF-16 code units.
        chars = new char[Math.max(n, Math.min(2 * chars.length, maxLength + 2))];
      }
      ByteBuffer src = ByteBuffer.wrap(bytes, from, n);
      CharBuffer dst = CharBuffer.wrap(chars);
      decoder.reset();
      CoderResult r = decoder.decode(src, dst, true);
      if (!r.isError()) {
        r = decoder.flush(dst);
      }
      if (r.isError()) {
        setProblem("invalid UTF-8: " + r.length() + " bad byte" + (r.length() == 1 ? "" : "s")
            + " at byte " + (src.position() - from + 1) + " of the line");
        return;
      }
      setLine(0, dst.position());
    }
  }
}
