package io.github.communitymetrics.git.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Git's C-style path quoting: a path holding a double quote, backslash or control character (and,
 * without {@code core.quotePath=false}, any non-ASCII byte) is printed in double quotes with
 * {@code \t}, {@code \n}, {@code \"}, {@code \\}, {@code \a}, {@code \b}, {@code \f}, {@code \r},
 * {@code \v} and three-digit octal escapes of raw bytes.
 */
public final class GitQuoting {
  private GitQuoting() {}

  /**
   * Unquotes {@code buf[from, to)}, which starts and ends with a double quote.
   *
   * @return the path, or empty if the quoting is malformed
   */
  public static java.util.Optional<String> unquote(byte[] buf, int from, int to) {
    if (to - from < 2 || buf[from] != '"' || buf[to - 1] != '"') {
      return java.util.Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from + 1; i < to - 1; i++) {
      byte b = buf[i];
      if (b == '"') {
        return java.util.Optional.empty();
      }
      if (b != '\\') {
        out.write(b);
        continue;
      }
      if (++i >= to - 1) {
        return java.util.Optional.empty();
      }
      byte e = buf[i];
      switch (e) {
        case 'a': out.write(7); break;
        case 'b': out.write('\b'); break;
        case 'f': out.write('\f'); break;
        case 'n': out.write('\n'); break;
        case 'r': out.write('\r'); break;
        case 't': out.write('\t'); break;
        case 'v': out.write(11); break;
        case '"': out.write('"'); break;
        case '\\': out.write('\\'); break;
        default:
          if (e >= '0' && e <= '3' && i + 2 < to - 1 && octal(buf[i + 1]) && octal(buf[i + 2])) {
            out.write(((e - '0') << 6) | ((buf[i + 1] - '0') << 3) | (buf[i + 2] - '0'));
            i += 2;
          } else {
            return java.util.Optional.empty();
          }
      }
    }
    return java.util.Optional.of(new String(out.toByteArray(), StandardCharsets.UTF_8));
  }

  private static boolean octal(byte b) {
    return b >= '0' && b <= '7';
  }
}
