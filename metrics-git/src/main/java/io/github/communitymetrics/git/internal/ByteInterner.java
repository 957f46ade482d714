package io.github.communitymetrics.git.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns UTF-8 byte ranges into interned strings without decoding a range seen before: an
 * open-addressing table keyed on the bytes. Paths and names repeat across a history's commits, so
 * most lookups allocate nothing.
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
        String s = new String(buf, from, len, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(buf, from, to);
        values[slot] = s;
        hashes[slot] = h;
        if (++size * 2 > keys.length) {
          grow();
        }
        return s;
      }
      if (hashes[slot] == h && k.length == len && Arrays.equals(k, 0, len, buf, from, to)) {
        return values[slot];
      }
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
