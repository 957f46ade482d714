package io.github.communitymetrics.core.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a character stream into lines without copying them into strings: the current line is a
 * slice of one reusable buffer, which the JSON parser reads in place. Lines end at {@code '\n'};
 * one {@code '\r'} before it is dropped, so CRLF files read the same. A byte-order mark at the
 * start of the input is dropped too.
 *
 * <p>Memory is one buffer as large as the longest line (at least {@value #INITIAL_CAPACITY}
 * characters), whatever the input's length.
 */
final class LineSource {
  static final int INITIAL_CAPACITY = 16 * 1024;

  private final Reader in;
  private char[] buf = new char[INITIAL_CAPACITY];
  /** Unconsumed characters are {@code buf[pos, limit)}. */
  private int pos;

  private int limit;
  private boolean eof;

  private long lineNumber;
  private int lineStart;
  private int lineEnd;

  LineSource(Reader in) {
    this.in = in;
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    int scan = pos;
    while (true) {
      for (int i = scan; i < limit; i++) {
        if (buf[i] == '\n') {
          setLine(pos, i);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          // The last line need not end with '\n'.
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        return false;
      }
      scan = limit;
      if (limit == buf.length) {
        if (pos > 0) {
          System.arraycopy(buf, pos, buf, 0, limit - pos);
          scan -= pos;
          limit -= pos;
          pos = 0;
        } else {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
  }

  private void setLine(int start, int end) {
    lineNumber++;
    if (end > start && buf[end - 1] == '\r') {
      end--;
    }
    if (lineNumber == 1 && end > start && buf[start] == '\uFEFF') {
      start++;
    }
    lineStart = start;
    lineEnd = end;
  }

  /** The 1-based number of the current line; 0 before the first. */
  long lineNumber() {
    return lineNumber;
  }

  /** The buffer that holds the current line; valid until the next call to {@link #next()}. */
  char[] buffer() {
    return buf;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return lineEnd - lineStart;
  }

  /** Whether the current line holds nothing but spaces, tabs and carriage returns. */
  boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      char c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
