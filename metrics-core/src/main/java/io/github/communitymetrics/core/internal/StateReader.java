package io.github.communitymetrics.core.internal;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.event.ActorKind;
import io.github.communitymetrics.core.event.Forge;
import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.state.StateFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads what {@link StateWriter} wrote, strictly: every read checks that its bytes are there,
 * every count is bounded by the bytes that remain (each element takes at least one byte, so a
 * corrupt count cannot allocate more than the input's size), every table reference and enum
 * ordinal is checked, and anything else throws {@link StateFormatException} naming the codec,
 * the problem and the byte offset.
 *
 * <p>Not thread-safe; one reader per decoding.
 */
public final class StateReader {
  private static final ActorKind[] KINDS = ActorKind.values();

  private final String codec;
  private final byte[] bytes;
  private int pos;
  private String[] strings = new String[0];
  private Actor[] actors = new Actor[0];
  private Repository[] repositories = new Repository[0];

  StateReader(String codec, byte[] bytes, int pos) {
    this.codec = codec;
    this.bytes = bytes;
    this.pos = pos;
  }

  /** A {@link StateFormatException} naming the codec, {@code problem} and the current offset. */
  public StateFormatException error(String problem) {
    return new StateFormatException(codec + " state: " + problem + " at byte " + pos);
  }

  int position() {
    return pos;
  }

  int remaining() {
    return bytes.length - pos;
  }

  /** Reads the string, actor and repository tables that precede the body. */
  void readTables() {
    int n = count("string table");
    strings = new String[n];
    for (int i = 0; i < n; i++) {
      strings[i] = string();
    }
    n = count("actor table");
    actors = new Actor[n];
    for (int i = 0; i < n; i++) {
      actors[i] = tableActor();
    }
    n = count("repository table");
    repositories = new Repository[n];
    for (int i = 0; i < n; i++) {
      Forge forge = Forge.of(sharedString());
      String name = string();
      OptionalLong id = bool() ? OptionalLong.of(zigzag()) : OptionalLong.empty();
      repositories[i] = new Repository(forge, name, id);
    }
  }

  private Actor tableActor() {
    Forge forge = Forge.of(sharedString());
    int flags = varint();
    int kind = flags >>> 3;
    if (kind >= KINDS.length) {
      throw error("actor kind ordinal " + kind + " not below " + KINDS.length);
    }
    Optional<String> login = (flags & 1) != 0 ? Optional.of(string()) : Optional.empty();
    OptionalLong id = (flags & 2) != 0 ? OptionalLong.of(zigzag()) : OptionalLong.empty();
    Optional<String> name = (flags & 4) != 0 ? Optional.of(string()) : Optional.empty();
    int n = count("e-mail addresses");
    List<String> emails = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      emails.add(string());
    }
    return new Actor(forge, login, id, name, emails, KINDS[kind]);
  }

  /** The next byte as is. */
  int u8() {
    return next();
  }

  private int next() {
    if (pos >= bytes.length) {
      throw error("truncated");
    }
    return bytes[pos++];
  }

  /** A varint that must fit a non-negative int. */
  public int varint() {
    long v = varlong();
    if (v > Integer.MAX_VALUE) {
      throw error("varint " + Long.toUnsignedString(v) + " does not fit an int");
    }
    return (int) v;
  }

  /** A varint that must be non-negative as a long. */
  public long varlong() {
    long v = rawVarlong();
    if (v < 0) {
      throw error("varint " + Long.toUnsignedString(v) + " is negative as a long");
    }
    return v;
  }

  private long rawVarlong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = next();
      // The tenth byte may carry only the top bit; a longer or overflowing varint is corrupt.
      if (shift == 63 && (b & 0xFE) != 0) {
        throw error("varint longer than 64 bits");
      }
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw error("varint longer than 64 bits");
  }

  /** A zig-zag encoded long. */
  public long zigzag() {
    long v = rawVarlong();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A boolean: exactly 0 or 1. */
  public boolean bool() {
    int b = next();
    if (b != 0 && b != 1) {
      throw error("boolean byte " + (b & 0xFF));
    }
    return b == 1;
  }

  /**
   * A count of elements that take at least one byte each, bounded by the bytes that remain.
   *
   * @param what what is counted, for the message
   */
  public int count(String what) {
    int n = varint();
    if (n > remaining()) {
      throw error(what + ": " + n + " elements but only " + remaining() + " bytes remain");
    }
    return n;
  }

  /** An ordinal below {@code bound}. */
  public int ordinal(int bound, String what) {
    int n = varint();
    if (n >= bound) {
      throw error(what + " ordinal " + n + " not below " + bound);
    }
    return n;
  }

  /** One of {@code values} by its ordinal. */
  public <E extends Enum<E>> E constant(E[] values, String what) {
    return values[ordinal(values.length, what)];
  }

  /** A string written in place: strict UTF-8. */
  public String string() {
    int n = varint();
    if (n > remaining()) {
      throw error("string of " + n + " bytes but only " + remaining() + " remain");
    }
    int start = pos;
    pos += n;
    boolean ascii = true;
    for (int i = start; i < pos && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      return new String(bytes, start, n, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, n))
          .toString();
    } catch (CharacterCodingException e) {
      pos = start;
      throw error("malformed UTF-8 in a string");
    }
  }

  /** A string by its index in the string table. */
  public String sharedString() {
    int i = varint();
    if (i >= strings.length) {
      throw error("string reference " + i + " not below " + strings.length);
    }
    return strings[i];
  }

  /** An actor by its index in the actor table. */
  public Actor actor() {
    int i = varint();
    if (i >= actors.length) {
      throw error("actor reference " + i + " not below " + actors.length);
    }
    return actors[i];
  }

  /** A repository by its index in the repository table. */
  public Repository repository() {
    int i = varint();
    if (i >= repositories.length) {
      throw error("repository reference " + i + " not below " + repositories.length);
    }
    return repositories[i];
  }

  /** An instant as {@link StateWriter#instant} wrote it. */
  public Instant instant() {
    long seconds = zigzag();
    return instant(seconds, varint());
  }

  private Instant instant(long seconds, int nanos) {
    if (nanos > 999_999_999) {
      throw error("nanoseconds " + nanos + " above 999999999");
    }
    if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
      throw error("epoch second " + seconds + " out of the range of Instant");
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** Instants as {@link StateWriter#instants} wrote them. */
  public List<Instant> instants() {
    // Each instant takes at least two bytes.
    int n = count("instants");
    List<Instant> out = new ArrayList<>(n);
    long previous = 0;
    for (int i = 0; i < n; i++) {
      long delta = zigzag();
      long seconds = previous + delta;
      if (((previous ^ seconds) & (delta ^ seconds)) < 0) {
        throw error("instant seconds overflow");
      }
      out.add(instant(seconds, varint()));
      previous = seconds;
    }
    return out;
  }

  /** Ascending longs as {@link StateWriter#ascending} wrote them. */
  public long[] ascending() {
    int n = count("ascending values");
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        out[0] = zigzag();
      } else {
        long gap = varlong();
        out[i] = out[i - 1] + gap;
        if (out[i] < out[i - 1]) {
          throw error("ascending values overflow");
        }
      }
    }
    return out;
  }

  /** A list of elements that each take at least one byte. */
  public <T> List<T> list(String what, Supplier<T> element) {
    int n = count(what);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }

  /** A set written as a list (in its order); a repeated element is an error. */
  public <T> Set<T> set(String what, Supplier<T> element) {
    int n = count(what);
    Set<T> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      T t = element.get();
      if (!out.add(t)) {
        throw error(what + ": repeated element " + t);
      }
    }
    return out;
  }

  /**
   * A map written by {@link StateWriter#map}, into a new {@link HashMap}; a repeated key is an
   * error (the writer never repeats one).
   */
  public <K, V> Map<K, V> map(
      String what, Supplier<? extends K> key, Function<? super K, ? extends V> value) {
    return map(what, new HashMap<>(), key, value);
  }

  /** A map written by {@link StateWriter#map}, into {@code into}. */
  public <K, V, M extends Map<K, V>> M map(
      String what, M into, Supplier<? extends K> key, Function<? super K, ? extends V> value) {
    int n = count(what);
    for (int i = 0; i < n; i++) {
      K k = key.get();
      if (into.put(k, value.apply(k)) != null || into.size() != i + 1) {
        throw error(what + ": repeated key " + k);
      }
    }
    return into;
  }

  /** Counts per key as {@link StateWriter#counts} wrote them. */
  public <K> Map<K, Long> counts(String what, Supplier<? extends K> key) {
    return map(what, key, k -> varlong());
  }

  /** Counts per actor as {@link StateWriter#actorCounts} wrote them. */
  public Map<Actor, Long> actorCounts(String what) {
    return counts(what, this::actor);
  }
}
