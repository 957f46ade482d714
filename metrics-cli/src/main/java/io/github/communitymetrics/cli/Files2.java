package io.github.communitymetrics.cli;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Opening files for the CLI: gzip by content on input, by the {@code .gz} suffix on output. */
final class Files2 {
  private static final int GZIP_MAGIC = 0x8b1f;

  private Files2() {}

  /**
   * Opens a file's bytes, decompressing them when they start with the gzip magic number. Event
   * files are read this way, so that the reader checks their UTF-8 line by line (an {@link
   * InputStreamReader} would replace invalid bytes silently).
   */
  static InputStream openBytes(Path path) throws IOException {
    return openBytes(path, UnaryOperator.identity());
  }

  /**
   * As {@link #openBytes(Path)}, with the file's own bytes (before buffering and decompression)
   * passed through {@code raw}, such as a stream that counts them for a progress bar.
   */
  static InputStream openBytes(Path path, UnaryOperator<InputStream> raw) throws IOException {
    if (Files.isDirectory(path)) {
      // Opening a directory succeeds on Linux and the first read fails with "Is a directory",
      // which names no file: refuse it here, with its name.
      throw new java.nio.file.FileSystemException(path.toString(), null, "is a directory, not a file");
    }
    InputStream in = new BufferedInputStream(raw.apply(Files.newInputStream(path)), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 >= 0 && b1 >= 0 && ((b1 << 8) | b0) == GZIP_MAGIC) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /**
   * Opens a UTF-8 text file, decompressing it when it starts with the gzip magic number. Invalid
   * bytes become U+FFFD: not for event files, which go through {@link #openBytes}.
   */
  static Reader openText(Path path) throws IOException {
    return new InputStreamReader(openBytes(path), StandardCharsets.UTF_8);
  }

  /**
   * The size of a file in bytes, for a progress bar; -1 when it cannot be read (opening the file
   * will then fail and say why).
   */
  static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException | SecurityException e) {
      return -1;
    }
  }

  /** The bytes of all the files; -1 when any size cannot be read. */
  static long size(java.util.List<Path> paths) {
    long total = 0;
    for (Path p : paths) {
      long size = size(p);
      if (size < 0) {
        return -1;
      }
      total += size;
    }
    return total;
  }

  /** "1 GH Archive file", "40 GH Archive files". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Creates a UTF-8 text file, gzip-compressed when its name ends in {@code .gz}. */
  static Writer createText(Path path) throws IOException {
    OutputStream out = Files.newOutputStream(path);
    if (path.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }
}
