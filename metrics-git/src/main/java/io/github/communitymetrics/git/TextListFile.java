package io.github.communitymetrics.git;

import io.github.communitymetrics.core.CommunityMetricsIoException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a small text list (aliases, exclusions, patterns) written by hand or by another tool, in
 * whatever encoding it came in. Without an explicit encoding each line is decoded as UTF-8 when it
 * is valid UTF-8 and as Windows-1252 otherwise: the paper's {@code alias.txt} mixes the two line
 * by line (Windows-1252 names next to UTF-8 ones), and a byte sequence that is valid UTF-8 is
 * almost never meant as Windows-1252. Line ends may be LF, CRLF or CR. Failures name the file and,
 * for undecodable bytes, the line, the column and the byte.
 */
public final class TextListFile {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextListFile() {}

  /**
   * Reads and decodes {@code file}.
   *
   * @param file the list
   * @param encoding the file's encoding; empty to detect it line by line (UTF-8, else Windows-1252)
   * @return a reader over the decoded text
   * @throws FileSelectionException if the file is missing, a directory, unreadable, or holds a line
   *     that the encoding (or, when detecting, neither UTF-8 nor Windows-1252) can decode
   * @throws CommunityMetricsIoException if reading the file fails otherwise, naming it
   */
  public static BufferedReader open(Path file, Optional<Charset> encoding) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(encoding, "encoding");
    byte[] bytes;
    if (Files.isDirectory(file)) {
      throw new FileSelectionException(file + ": is a directory, expected a file");
    }
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new FileSelectionException("no such file: " + file, e);
    } catch (AccessDeniedException e) {
      throw new FileSelectionException("permission denied: " + file, e);
    } catch (IOException e) {
      throw CommunityMetricsIoException.of("cannot read " + file, e);
    }
    return new BufferedReader(new StringReader(decode(bytes, encoding, file.toString())));
  }

  /**
   * Decodes {@code bytes} as {@link #open} does.
   *
   * @param source the file's name for messages
   */
  public static String decode(byte[] bytes, Optional<Charset> encoding, String source) {
    StringBuilder text = new StringBuilder(bytes.length);
    int start = 0;
    int lineNumber = 1;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, bytes.length);
      if (encoding.isPresent()) {
        text.append(decodeLine(bytes, start, next, encoding.get(), source, lineNumber, ""));
      } else {
        String line = tryDecode(bytes, start, next, StandardCharsets.UTF_8);
        text.append(line != null ? line : decodeLine(bytes, start, next, WINDOWS_1252, source,
            lineNumber, " (not UTF-8 either; give the encoding with --encoding)"));
      }
      start = next;
      lineNumber++;
    }
    return text.toString();
  }

  private static String tryDecode(byte[] bytes, int from, int to, Charset charset) {
    try {
      return decoder(charset).decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String decodeLine(byte[] bytes, int from, int to, Charset charset, String source,
      int lineNumber, String hint) {
    CharsetDecoder decoder = decoder(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate((int) ((to - from) * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      throw new FileSelectionException(String.format(
          "%s:%d: byte 0x%02X at column %d is not valid %s%s", source, lineNumber,
          bytes[at] & 0xff, at - from + 1, charset.displayName(), hint));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static CharsetDecoder decoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
