package io.github.communitymetrics.git.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns UTF-8 byte ranges into interned strings without decoding a range seen before: an
 * open-addressing table keyed on the bytes. Paths and names repeat across a history's commits, so
 * most lookups allocate nothing.
 *
 * <p>A range that is not valid UTF-8 (a name or path committed in a legacy encoding: git stores
 * the bytes it was given, and old histories hold Latin-1 and Windows-1252 names) is decoded as
 * Windows-1252, its five undefined bytes as the C1 controls ISO-8859-1 gives them. That decoding
 * is one-to-one, so two different byte strings never become one name, which replacing invalid
 * bytes with U+FFFD would do (and would make two people one).
 */
public final class ByteInterner {
  private byte[][] keys = new byte[1024][];
  private String[] values = new String[1024];
  private int[] hashes = new int[1024];
  private int size;

  /** The string for {@code buf[from, to)} decoded as UTF-8. */
  public String intern(byte[] buf, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + buf[i];
    }
    h ^= h >>> 16;
    int mask = keys.length - 1;
    int len = to - from;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      byte[] k = keys[slot];
      if (k == null) {
        boolean ascii = ascii(buf, from, len);
        String s = ascii ? new String(buf, from, len, StandardCharsets.ISO_8859_1)
            : decode(buf, from, len);
        keys[slot] = ascii ? ASCII : Arrays.copyOfRange(buf, from, to);
        values[slot] = s;
        hashes[slot] = h;
        if (++size * 2 > keys.length) {
          grow();
        }
        return s;
      }
      if (hashes[slot] == h && (k == ASCII ? sameAscii(values[slot], buf, from, len)
          : k.length == len && Arrays.equals(k, 0, len, buf, from, to))) {
        return values[slot];
      }
    }
  }

  // The key of an ASCII string, which is compared with the string itself: its characters are its
  // bytes. A copy of the bytes beside the string would double what a history's paths take on the
  // heap (most of the truck factor's live data).
  private static final byte[] ASCII = new byte[0];

  private static boolean ascii(byte[] buf, int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (buf[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameAscii(String s, byte[] buf, int from, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[from + i]) { // a byte >= 0x80 is negative here: never equal
        return false;
      }
    }
    return true;
  }

  private static final char[] WINDOWS_1252 = new char[128];

  static {
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    for (int b = 0x80; b <= 0xFF; b++) {
      char c = new String(new byte[] {(byte) b}, cp1252).charAt(0);
      WINDOWS_1252[b - 0x80] = c == '\uFFFD' ? (char) b : c;
    }
  }

  /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (one-to-one, see the class doc). */
  static String decode(byte[] buf, int from, int len) {
    if (ascii(buf, from, len)) {
      return new String(buf, from, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(buf, from, len))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      char[] out = new char[len];
      for (int i = 0; i < len; i++) {
        int b = buf[from + i] & 0xFF;
        out[i] = b < 0x80 ? (char) b : WINDOWS_1252[b - 0x80];
      }
      return new String(out);
    }
  }

  /** Interns an already decoded string (an unquoted path). */
  public String intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldValues = values;
    int[] oldHashes = hashes;
    int cap = oldKeys.length * 2;
    keys = new byte[cap][];
    values = new String[cap];
    hashes = new int[cap];
    int mask = cap - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = oldHashes[i] & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
