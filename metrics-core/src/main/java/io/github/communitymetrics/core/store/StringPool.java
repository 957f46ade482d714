package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.internal.HashIndex;
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
 * {@code ?}). ASCII strings (the rule) decode as Latin-1, by a plain copy.
 *
 * <p>E-mail addresses repeat their domains: on the GH Archive-shaped hours of issue 24 every
 * commit author's address ends in {@code @users.noreply.github.com} (25 bytes), on real GH Archive
 * hours about half, and most of the rest in a few providers' domains ({@code gmail.com}). So a string's tail from its last {@code '@'} (at least {@link
 * #MIN_DOMAIN} characters) is held once in a table of domains, from the second string that ends
 * in it on (the first keeps its tail in full, so a domain seen once costs nothing more), and the
 * strings that end in it end instead in 1 to 4 bytes naming it: {@code index bytes, marker}, the
 * marker a byte {@code 0xF0}-{@code 0xFF}, which CESU-8 never uses, so a string is coded exactly
 * when its last byte is one. Markers {@code 0xF0 + d} for {@code d < }{@link #SHORT_DOMAINS} stand
 * for domain {@code d} on their own, the next ones for {@code 1..3} little-endian index bytes
 * before them ({@link #code}).
 *
 * <p>The bytes of a coded string no longer sort as the string does; {@link #compare} compares
 * characters, the domain's taken from the table, and keeps {@link String#compareTo}'s order.
 *
 * <p>Repository names' owners ({@code owner/}) are not coded the same way: on 4 GH Archive hours
 * (624,753 events) 88,946 of the 91,069 repositories have an owner of their own and 1,515 an
 * owner that is a login in the pool, so coding the owners that repeat or are logins would save
 * about 14 KB (0.02 bytes per event), and on {@code zipf} events (every owner twice) it would cost
 * 10 KB more than it saves.
 */
final class StringPool {
  /** The fewest characters of a tail from the last {@code '@'} held in the table of domains. */
  static final int MIN_DOMAIN = 4;
  /** Domains with a marker of their own: those seen twice first (the commonest, as a rule). */
  static final int SHORT_DOMAINS = 13;
  /**
   * {@code LIMITS[w]}: the first domain whose code needs more than {@code w} index bytes; the
   * last, the size of a full table (later domains stay in their strings).
   */
  private static final int[] LIMITS = {SHORT_DOMAINS, SHORT_DOMAINS + (1 << 8),
      SHORT_DOMAINS + (1 << 8) + (1 << 16), SHORT_DOMAINS + (1 << 8) + (1 << 16) + (1 << 24)};
  private static final int MARKER = 0xf0;
  private static final byte[] NO_BYTES = {};
  private static final int[] NO_DOMAINS = {0};
  private static final boolean[] NO_FLAGS = {};
  /** {@link #prefix}'s answer when the bytes' characters sort before {@code s}'s. */
  private static final int LESS = -2;
  /** {@link #prefix}'s answer when they sort after (or {@code s} ends first). */
  private static final int GREATER = -1;

  /**
   * The strings added so far, by hash code, found by comparing the pool's own bytes ({@link
   * #compare}); null once sealed. A {@code HashMap} kept every distinct string (a login, a name,
   * an address: a million and a half of each in a GH Archive-shaped day) beside its bytes here,
   * with a node and a boxed index, through the build: most of what the pool exists to save.
   */
  private HashIndex ids;
  /** The hash code of each string, to spread {@link #ids} again when it grows; null once sealed. */
  private int[] hashes;
  /**
   * The tails from the last {@code '@'} seen so far, to their index in the table of domains, or
   * -1 when seen once; null once sealed.
   */
  private Map<String, Integer> domainIds = new HashMap<>();
  private byte[] bytes = new byte[256];
  private int length;
  private int[] offsets;
  private int count;
  /** Domain {@code d} (with its {@code '@'}) in {@code domainBytes[domainOffsets[d]..[d+1])}. */
  private byte[] domainBytes = new byte[64];
  private int[] domainOffsets = new int[8];
  /** Whether domain {@code d} is ASCII: {@link #get} then copies it without looking. */
  private boolean[] domainAscii = new boolean[7];
  private int domainCount;

  /** An empty pool. */
  StringPool() {
    this(8);
  }

  /** An empty pool sized for {@code expected} strings (more are fine; see {@link HashIndex}). */
  StringPool(int expected) {
    int n = Math.max(8, expected);
    ids = new HashIndex(n);
    hashes = new int[n];
    offsets = new int[n + 2];
  }

  /**
   * The index of {@code s}, added if new, in order of first appearance. Only while the store is
   * being built: {@link Columns} adds every string of its tables, then {@linkplain #seal seals}
   * the pool before the store is published, and it never changes afterwards.
   */
  int add(String s) {
    int hash = s.hashCode();
    int id = ids.find(hash, k -> compare(k, s) == 0);
    if (id >= 0) {
      return id;
    }
    int k = append(s);
    if (k >= hashes.length) {
      // Appended strings leave their slots unused: the index may be past twice the length.
      hashes = Arrays.copyOf(hashes, Math.max(2 * hashes.length, k + 1));
    }
    hashes[k] = hash;
    ids.add(k, hash, e -> hashes[e]);
    return k;
  }

  /**
   * Appends {@code s} as a new string, even if the pool holds it already, and returns its index;
   * {@link #add} does not find it afterwards. For a caller that knows its strings are distinct
   * as a rule and finds them by an index of its own ({@link StagedActors}: a million and a half
   * logins in a GH Archive-shaped day), so that the pool keeps no index and no hash code of them
   * (12 to 20 bytes per string).
   */
  int append(String s) {
    int n = s.length();
    // At most 3 bytes per UTF-16 unit (a coded tail of at least MIN_DOMAIN units takes at most 4).
    bytes = room(bytes, length, n);
    int at = s.lastIndexOf('@');
    int d = at >= 0 && n - at >= MIN_DOMAIN ? domain(s.substring(at)) : -1;
    if (d < 0) {
      length = encode(s, 0, n, bytes, length);
    } else {
      length = encode(s, 0, at, bytes, length);
      length = code(d, bytes, length);
    }
    if (count + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, 2 * offsets.length);
    }
    offsets[++count] = length;
    return count - 1;
  }

  /**
   * The index of {@code tail} in the table of domains, added on its second appearance, or -1
   * while it has been seen once only (or the table is full).
   */
  private int domain(String tail) {
    Integer d = domainIds.get(tail);
    if (d == null) {
      domainIds.put(tail, -1);
      return -1;
    }
    if (d >= 0 || domainCount == LIMITS[LIMITS.length - 1]) {
      return d;
    }
    domainBytes = room(domainBytes, domainOffsets[domainCount], tail.length());
    if (domainCount + 2 > domainOffsets.length) {
      domainOffsets = Arrays.copyOf(domainOffsets, 2 * domainOffsets.length);
      domainAscii = Arrays.copyOf(domainAscii, domainOffsets.length - 1);
    }
    int from = domainOffsets[domainCount];
    int to = encode(tail, 0, tail.length(), domainBytes, from);
    domainOffsets[domainCount + 1] = to;
    domainAscii[domainCount] = to - from == tail.length();
    domainIds.put(tail, domainCount);
    return domainCount++;
  }

  /**
   * {@code array}, or a larger copy, with room for {@code chars} more UTF-16 units after {@code
   * used}.
   */
  private static byte[] room(byte[] array, int used, int chars) {
    if (used + 3L * chars <= array.length) {
      return array;
    }
    long wanted = Math.max(2L * array.length, used + 3L * chars);
    if (wanted > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("more than 2 GB of distinct logins, names and addresses");
    }
    return Arrays.copyOf(array, (int) wanted);
  }

  /** Writes {@code s[from..to)} in CESU-8 at {@code out[at]}; returns the end. */
  private static int encode(String s, int from, int to, byte[] out, int at) {
    for (int j = from; j < to; j++) {
      char c = s.charAt(j);
      if (c < 0x80) {
        out[at++] = (byte) c;
      } else if (c < 0x800) {
        out[at++] = (byte) (0xc0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else {
        out[at++] = (byte) (0xe0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return at;
  }

  /**
   * Writes the code of domain {@code d} at {@code out[at]}; returns the end. {@code d} below
   * {@link #SHORT_DOMAINS}: the marker {@code 0xF0 + d}; else, with {@code w} the fewest index
   * bytes (1 to 3) for {@code v = d - LIMITS[w - 1]}, {@code v}'s {@code w} bytes from the lowest,
   * then the marker {@code 0xF0 + SHORT_DOMAINS + w - 1}.
   */
  private static int code(int d, byte[] out, int at) {
    if (d < SHORT_DOMAINS) {
      out[at] = (byte) (MARKER + d);
      return at + 1;
    }
    int w = 1;
    while (d >= LIMITS[w]) {
      w++;
    }
    int v = d - LIMITS[w - 1];
    for (int k = 0; k < w; k++) {
      out[at++] = (byte) (v >>> (8 * k));
    }
    out[at] = (byte) (MARKER + SHORT_DOMAINS + w - 1);
    return at + 1;
  }

  /** The index bytes before the marker {@code m} (0xF0 to 0xFF). */
  private static int indexBytes(int m) {
    return Math.max(0, m - MARKER - SHORT_DOMAINS + 1);
  }

  /** The domain of marker {@code m} whose index bytes end at {@code end}. */
  private int domainOf(int m, int end) {
    int w = indexBytes(m);
    if (w == 0) {
      return m - MARKER;
    }
    int v = 0;
    for (int k = 0; k < w; k++) {
      v |= (bytes[end - w + k] & 0xff) << (8 * k);
    }
    return LIMITS[w - 1] + v;
  }

  /** Trims the arrays and drops the indices of the strings: no string can be added afterwards. */
  void seal() {
    ids = null;
    hashes = null;
    domainIds = null;
    bytes = Arrays.copyOf(bytes, length);
    offsets = Arrays.copyOf(offsets, count + 1);
    // Shared empty arrays when no domain repeats: nothing more per store.
    boolean none = domainCount == 0;
    domainBytes = none ? NO_BYTES : Arrays.copyOf(domainBytes, domainOffsets[domainCount]);
    domainOffsets = none ? NO_DOMAINS : Arrays.copyOf(domainOffsets, domainCount + 1);
    domainAscii = none ? NO_FLAGS : Arrays.copyOf(domainAscii, domainCount);
  }

  /** How many strings. */
  int size() {
    return count;
  }

  /** String {@code k}, a new instance. */
  String get(int k) {
    int from = offsets[k];
    int to = offsets[k + 1];
    int m = to > from ? bytes[to - 1] & 0xff : 0;
    if (m < MARKER) {
      return decode(bytes, from, to, null, 0, 0);
    }
    int end = to - 1 - indexBytes(m);
    int d = domainOf(m, to - 1);
    int dFrom = domainOffsets[d];
    int dTo = domainOffsets[d + 1];
    if (domainAscii[d] && ascii(bytes, from, end)) {
      // The domain's ASCII is known: one pass over the local part, then two copies.
      byte[] latin1 = new byte[end - from + dTo - dFrom];
      System.arraycopy(bytes, from, latin1, 0, end - from);
      System.arraycopy(domainBytes, dFrom, latin1, end - from, dTo - dFrom);
      return new String(latin1, StandardCharsets.ISO_8859_1);
    }
    return decode(bytes, from, end, domainBytes, dFrom, dTo);
  }

  /** Whether the bytes {@code a[from..to)} are all ASCII. */
  private static boolean ascii(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string of the CESU-8 bytes {@code a[aFrom..aTo)} then {@code b[bFrom..bTo)} (none when
   * {@code b} is null); ASCII alone by a plain copy.
   */
  private static String decode(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    if (b == null && ascii(a, aFrom, aTo)) {
      return new String(a, aFrom, aTo - aFrom, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[aTo - aFrom + bTo - bFrom];
    int n = decode(a, aFrom, aTo, chars, 0);
    n = decode(b, bFrom, bTo, chars, n);
    return new String(chars, 0, n);
  }

  /** Decodes the CESU-8 bytes {@code a[from..to)} to {@code chars[n]}; returns the end. */
  private static int decode(byte[] a, int from, int to, char[] chars, int n) {
    for (int i = from; i < to; n++) {
      int b = a[i] & 0xff;
      if (b < 0x80) {
        chars[n] = (char) b;
        i++;
      } else if (b < 0xe0) {
        chars[n] = (char) (((b & 0x1f) << 6) | (a[i + 1] & 0x3f));
        i += 2;
      } else {
        chars[n] = (char) (((b & 0x0f) << 12) | ((a[i + 1] & 0x3f) << 6) | (a[i + 2] & 0x3f));
        i += 3;
      }
    }
    return n;
  }

  /**
   * String {@code k} compared with {@code s} as {@link String#compareTo} would ({@code
   * get(k).compareTo(s)}'s sign), without rebuilding it.
   */
  int compare(int k, String s) {
    int from = offsets[k];
    int to = offsets[k + 1];
    int m = to > from ? bytes[to - 1] & 0xff : 0;
    int j;
    if (m < MARKER) {
      j = prefix(bytes, from, to, s, 0);
    } else {
      j = prefix(bytes, from, to - 1 - indexBytes(m), s, 0);
      if (j >= 0) {
        int d = domainOf(m, to - 1);
        j = prefix(domainBytes, domainOffsets[d], domainOffsets[d + 1], s, j);
      }
    }
    if (j < 0) {
      return j == LESS ? -1 : 1;
    }
    return j == s.length() ? 0 : -1;
  }

  /**
   * Where {@code s} goes on after its characters from {@code j} on match all of the CESU-8 bytes
   * {@code a[i..to)}'s, or {@link #LESS} or {@link #GREATER} at the first character that differs
   * (or when {@code s} ends first).
   */
  private static int prefix(byte[] a, int i, int to, String s, int j) {
    int n = s.length();
    for (; i < to; j++) {
      if (j == n) {
        return GREATER;
      }
      int b = a[i] & 0xff;
      char c;
      if (b < 0x80) {
        c = (char) b;
        i++;
      } else if (b < 0xe0) {
        c = (char) (((b & 0x1f) << 6) | (a[i + 1] & 0x3f));
        i += 2;
      } else {
        c = (char) (((b & 0x0f) << 12) | ((a[i + 1] & 0x3f) << 6) | (a[i + 2] & 0x3f));
        i += 3;
      }
      char d = s.charAt(j);
      if (c != d) {
        return c < d ? LESS : GREATER;
      }
    }
    return j;
  }

  /** The estimated bytes of the pool's arrays (the table of domains' only when not empty). */
  long estimatedBytes() {
    long domains = domainCount == 0 ? 0
        : Sizes.array(domainBytes.length, 1) + Sizes.array(domainOffsets.length, 4)
            + Sizes.array(domainAscii.length, 1);
    return Sizes.array(bytes.length, 1) + Sizes.array(offsets.length, 4) + domains;
  }
}
