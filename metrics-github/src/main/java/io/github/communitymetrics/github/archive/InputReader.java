package io.github.communitymetrics.github.archive;

import io.github.communitymetrics.core.event.Event;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one input, sequentially: detects gzip by its magic bytes (not by the file name), splits
 * the decompressed bytes into lines in one reusable buffer, and hands each line to a {@link
 * LineDecoder}. Memory is that buffer (as large as the longest line, at most {@code maxLineBytes})
 * plus the decompressor's, whatever the input's size. GZIPInputStream reads concatenated gzip
 * members as one stream, as GH Archive files may be.
 */
final class InputReader {
  private static final int CHUNK = 64 * 1024;

  private final String name;
  private final Tally tally;
  private final LineDecoder decoder;
  private final boolean strict;
  private final int maxLineBytes;
  private byte[] buf = new byte[CHUNK * 2];

  InputReader(String name, Tally tally, GhArchiveFilter filter, boolean strict, int maxLineBytes) {
    this.name = name;
    this.tally = tally;
    this.decoder = new LineDecoder(filter, tally);
    this.strict = strict;
    this.maxLineBytes = maxLineBytes;
  }

  /** Opens the (possibly gzipped) JSON Lines held by {@code raw}. */
  static InputStream decompressing(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, CHUNK);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, CHUNK);
    }
    return in;
  }

  /**
   * Reads every line of {@code in} (already decompressed) into {@code sink}. A failing stream (a
   * truncated or corrupt gzip member) ends the input: the events before it have been delivered,
   * and the failure is recorded, or thrown under strict reading.
   */
  void read(InputStream in, Consumer<? super Event> sink) {
    tally.files++;
    int start = 0; // first byte of the current (unfinished) line
    int limit = 0; // end of the valid bytes
    int scan = 0; // bytes before this hold no '\n' of the current line
    boolean discarding = false; // inside a line longer than maxLineBytes
    long line = 0;
    while (true) {
      int read;
      try {
        if (limit == buf.length) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            scan -= start;
            start = 0;
          } else if (buf.length < maxLineBytes) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLineBytes));
          } else {
            // A line longer than the limit: drop what we have and skip to its end.
            if (!discarding) {
              discarding = true;
              line++;
              tally.lines++;
              malformed(line, "line longer than " + maxLineBytes + " bytes");
            }
            start = 0;
            limit = 0;
            scan = 0;
          }
        }
        read = in.read(buf, limit, buf.length - limit);
      } catch (IOException e) {
        corrupt(line + 1, e, limit - start);
        return;
      }
      if (read < 0) {
        if (limit > start && !discarding) {
          // The last line need not end with '\n'.
          line++;
          line(line, start, limit, sink);
        }
        return;
      }
      tally.uncompressedBytes += read;
      limit += read;
      for (int i = RawJson.indexOfNewline(buf, scan, limit); i >= 0;
          i = RawJson.indexOfNewline(buf, i + 1, limit)) {
        if (discarding) {
          discarding = false;
        } else {
          line++;
          line(line, start, i, sink);
        }
        start = i + 1;
      }
      scan = limit;
    }
  }

  private void line(long number, int from, int to, Consumer<? super Event> sink) {
    tally.lines++;
    if (to - from > maxLineBytes) {
      // The buffer starts larger than a small bound: a line that fits it may still be too long.
      malformed(number, "line longer than " + maxLineBytes + " bytes");
      return;
    }
    int end = to;
    while (end > from && isSpace(buf[end - 1])) {
      end--;
    }
    int begin = from;
    while (begin < end && isSpace(buf[begin])) {
      begin++;
    }
    if (begin == end) {
      tally.blankLines++;
      return;
    }
    String invalid = RawJson.invalidText(buf, begin, end);
    if (invalid != null) {
      malformed(number, invalid);
      return;
    }
    try {
      decoder.decode(buf, begin, end - begin, sink);
    } catch (LineDecoder.MalformedLine e) {
      malformed(number, e.getMessage());
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  private void malformed(long number, String reason) {
    if (strict) {
      throw new GhArchiveException(name, number, reason, null);
    }
    tally.malformed(name, number, reason);
  }

  private void corrupt(long number, IOException e, int partialBytes) {
    String reason =
        "input ends in a corrupt or truncated stream ("
            + e
            + "); a partial line of "
            + partialBytes
            + " bytes was dropped";
    if (strict) {
      throw new GhArchiveException(name, number, reason, e);
    }
    tally.corrupt(name, number, reason);
  }
}
