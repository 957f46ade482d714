package io.github.communitymetrics.core.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Distinct strings of a store's tables (logins, names, e-mail addresses, repository names, commit
 * authors' names and addresses) in one {@code byte[]}, string {@code k} in {@code
 * bytes[offsets[k]..offsets[k+1])}: its length plus 4 bytes each, against about 40 plus its length
 * for a {@link String} (its object and its array). Strings are rebuilt when asked for.
 *
 * <p>The encoding is UTF-8 with each UTF-16 unit encoded on its own (CESU-8): the same bytes as
 * UTF-8 for every string without supplementary characters, and any Java string round-trips,
 * unpaired surrogates included (which {@link String#getBytes} with UTF-8 would replace by
 * {@code ?}). Its byte order is the order of {@link String#compareTo}, and ASCII strings (the
 * rule) decode as Latin-1, by a plain copy.
 */
final class StringPool {
  /** The strings added so far, to their indices; null once sealed. */
  private Map<String, Integer> ids = new HashMap<>();
  private byte[] bytes = new byte[256];
  private int length;
  private int[] offsets = new int[16];
  private int count;

  /**
   * The index of {@code s}, added if new, in order of first appearance. Only while the store is
   * being built: {@link Columns} adds every string of its tables, then {@linkplain #seal seals}
   * the pool before the store is published, and it never changes afterwards.
   */
  int add(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    int n = s.length();
    // At most 3 bytes per UTF-16 unit.
    if (length + 3L * n > bytes.length) {
      long wanted = Math.max(2L * bytes.length, length + 3L * n);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2 GB of distinct logins, names and addresses");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
    for (int j = 0; j < n; j++) {
      char c = s.charAt(j);
      if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else if (c < 0x800) {
        bytes[length++] = (byte) (0xc0 | (c >> 6));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      } else {
        bytes[length++] = (byte) (0xe0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        bytes[length++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    if (count + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, 2 * offsets.length);
    }
    offsets[++count] = length;
    ids.put(s, count - 1);
    return count - 1;
  }

  /** Trims the arrays and drops the index of the strings: no string can be added afterwards. */
  void seal() {
    ids = null;
    bytes = Arrays.copyOf(bytes, length);
    offsets = Arrays.copyOf(offsets, count + 1);
  }

  /** How many strings. */
  int size() {
    return count;
  }

  /** String {@code k}, a new instance. */
  String get(int k) {
    int from = offsets[k];
    int to = offsets[k + 1];
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[to - from];
    int n = 0;
    for (int i = from; i < to; n++) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        chars[n] = (char) b;
        i++;
      } else if (b < 0xe0) {
        chars[n] = (char) (((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
        i += 2;
      } else {
        chars[n] = (char) (((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
        i += 3;
      }
    }
    return new String(chars, 0, n);
  }

  /**
   * String {@code k} compared with {@code s} as {@link String#compareTo} would ({@code
   * get(k).compareTo(s)}'s sign), without rebuilding it.
   */
  int compare(int k, String s) {
    int i = offsets[k];
    int to = offsets[k + 1];
    int n = s.length();
    for (int j = 0; j < n; j++) {
      if (i == to) {
        return -1;
      }
      int b = bytes[i] & 0xff;
      char c;
      if (b < 0x80) {
        c = (char) b;
        i++;
      } else if (b < 0xe0) {
        c = (char) (((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
        i += 2;
      } else {
        c = (char) (((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
        i += 3;
      }
      char d = s.charAt(j);
      if (c != d) {
        return c < d ? -1 : 1;
      }
    }
    return i == to ? 0 : 1;
  }

  /** The estimated bytes of the pool's two arrays. */
  long estimatedBytes() {
    return Sizes.array(bytes.length, 1) + Sizes.array(offsets.length, 4);
  }
}
