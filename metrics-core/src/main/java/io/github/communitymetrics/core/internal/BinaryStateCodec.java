package io.github.communitymetrics.core.internal;

import io.github.communitymetrics.core.state.StateCodec;
import io.github.communitymetrics.core.state.StateFormatException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The built-in {@link StateCodec}s: the header ({@code C M S}, id, version) and the tables of
 * {@link StateWriter}, around a state's own layout given as a writer and a reader. Decoding is
 * strict: another id or version, a truncated or longer input, and a value its own type rejects
 * all throw {@link StateFormatException}.
 *
 * @param <S> the state type
 */
public final class BinaryStateCodec<S> implements StateCodec<S> {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final byte[] MAGIC = {'C', 'M', 'S'};

  /** Writes a state's layout. */
  @FunctionalInterface
  public interface Layout<S> {
    /** Writes {@code state} to {@code out}. */
    void write(S state, StateWriter out);
  }

  /** Reads a state's layout. */
  @FunctionalInterface
  public interface Parser<S> {
    /**
     * Reads a state from {@code in}.
     *
     * @throws StateFormatException from {@code in}, or for a value that cannot be
     * @throws IllegalArgumentException if a value's own check rejects what was read
     */
    S read(StateReader in);
  }

  private final String id;
  private final int version;
  private final Layout<S> layout;
  private final Parser<S> parser;

  private BinaryStateCodec(String id, int version, Layout<S> layout, Parser<S> parser) {
    Checks.notNull(id, "id");
    Checks.argument(ID.matcher(id).matches(), "a codec id is 1 to 64 of a-z 0-9 . - but was '" + id + "'");
    this.id = id;
    this.version = Checks.positive(version, "version");
    this.layout = Checks.notNull(layout, "layout");
    this.parser = Checks.notNull(parser, "parser");
  }

  /** A codec of {@code id} and {@code version} with this layout. */
  public static <S> BinaryStateCodec<S> of(String id, int version, Layout<S> layout, Parser<S> parser) {
    return new BinaryStateCodec<>(id, version, layout, parser);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int version() {
    return version;
  }

  @Override
  public byte[] encode(S state) {
    Objects.requireNonNull(state, "state must not be null");
    StateWriter out = new StateWriter();
    layout.write(state, out);
    return out.finish(id, version);
  }

  @Override
  public S decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes must not be null");
    StateReader in = new StateReader(id, bytes, 0);
    for (byte m : MAGIC) {
      if (in.remaining() == 0) {
        throw in.error("truncated in the magic bytes");
      }
      if (in.u8() != m) {
        throw in.error("not a state encoding (no magic bytes C M S)");
      }
    }
    String found;
    try {
      found = in.string();
    } catch (StateFormatException e) {
      throw new StateFormatException(id + " state: unreadable codec id: " + e.getMessage(), e);
    }
    if (!found.equals(id)) {
      throw in.error("unknown codec id '" + printable(found) + "' (this codec reads '" + id + "')");
    }
    int v = in.varint();
    if (v != version) {
      throw in.error("unsupported version " + v + " (this codec reads version " + version + ")");
    }
    S state;
    try {
      in.readTables();
      state = parser.read(in);
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
      // A value's own check (a blank login, an unsorted list, a bad organisation) rejected what
      // the bytes say: the bytes are wrong, not the caller's arguments.
      throw new StateFormatException(id + " state: invalid value before byte " + in.position() + ": " + e.getMessage(), e);
    }
    if (in.remaining() != 0) {
      throw in.error(in.remaining() + " trailing bytes");
    }
    return state;
  }

  /**
   * Writes the layout of {@code state} into another state's writer, sharing its tables: for a
   * state nested in another (the review counts inside the responsiveness state).
   */
  public void writeLayout(S state, StateWriter out) {
    layout.write(Objects.requireNonNull(state, "state must not be null"), out);
  }

  /** Reads a layout that {@link #writeLayout} wrote. */
  public S readLayout(StateReader in) {
    return parser.read(in);
  }

  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return new String(cut.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "StateCodec[" + id + " v" + version + "]";
  }
}
