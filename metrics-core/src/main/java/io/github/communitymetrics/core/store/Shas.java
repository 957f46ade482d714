package io.github.communitymetrics.core.store;

import java.nio.charset.StandardCharsets;

/**
 * Git object names (SHA-1: 40 lower-case hex digits) as 20 raw bytes each in one array, instead
 * of a 40-character string (about 80 bytes with its header and byte array). Only names that
 * round-trip exactly are packed ({@link #packable}); anything else (shorter, longer, upper case)
 * stays a string elsewhere, so {@link #get} gives back exactly the string that was packed.
 */
final class Shas {
  private Shas() {}

  /** Bytes of one packed name. */
  static final int BYTES = 20;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  /** Whether {@code sha} is 40 lower-case hex digits: exactly what {@link #get} rebuilds. */
  static boolean packable(String sha) {
    if (sha.length() != 2 * BYTES) {
      return false;
    }
    for (int i = 0; i < sha.length(); i++) {
      if (digit(sha.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of lower-case hex digit {@code c}, or -1. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  /** Packs {@code sha} ({@link #packable}) into {@code to[slot * 20 ..]}. */
  static void put(String sha, byte[] to, int slot) {
    int at = slot * BYTES;
    for (int k = 0; k < BYTES; k++) {
      to[at + k] = (byte) (digit(sha.charAt(2 * k)) << 4 | digit(sha.charAt(2 * k + 1)));
    }
  }

  /** The name packed at {@code slot}, as 40 lower-case hex digits. */
  static String get(byte[] from, int slot) {
    int at = slot * BYTES;
    byte[] text = new byte[2 * BYTES];
    for (int k = 0; k < BYTES; k++) {
      int b = from[at + k] & 0xff;
      text[2 * k] = HEX[b >>> 4];
      text[2 * k + 1] = HEX[b & 0xf];
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }
}
