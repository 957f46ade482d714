package io.github.communitymetrics.core.state;

/**
 * A compact, versioned binary form of one type of mergeable metric state (see {@link
 * io.github.communitymetrics.core.metrics.SliceMetric#stateCodec()}), so that partial states can
 * cross a Spark shuffle or be cached between runs.
 *
 * <p><b>Layout.</b> Every encoding starts with a header: the three magic bytes {@code C M S}
 * ({@code 0x43 0x4D 0x53}), the codec's {@linkplain #id() id} (a varint length and its ASCII
 * bytes) and its {@linkplain #version() version} (a varint). The built-in codecs then write a
 * table of the distinct strings, people keys and repositories the state names (each written
 * once, referred to by index), and the state's own arrays: counts and indices as unsigned
 * varints, sorted instants as deltas. Maps are written in their keys' order, so equal states
 * encode to identical bytes whatever the order they were built in.
 *
 * <p><b>Strict decoding.</b> {@link #decode} accepts exactly the bytes {@link #encode} can
 * produce for this id and version, and throws {@link StateFormatException} on anything else.
 *
 * <p><b>Compatibility.</b> A codec reads the versions it documents (the built-in ones: their
 * current version only); a change of layout bumps the version. Encodings are for moving and
 * caching states between runs of the same library version, not for archiving.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <S> the state type
 */
public interface StateCodec<S> {

  /**
   * The codec's identifier in the header: short, lower-case ASCII letters, digits, {@code .} and
   * {@code -}, such as {@code "retention"}; unique among the codecs of one application.
   */
  String id();

  /** The layout version this codec writes, at least 1. */
  int version();

  /**
   * The bytes of {@code state}: the header, then the state's layout.
   *
   * @throws NullPointerException if {@code state} is null
   */
  byte[] encode(S state);

  /**
   * The state whose encoding {@code bytes} is; equal to the state encoded, and encoding it again
   * gives the same bytes.
   *
   * @throws StateFormatException if {@code bytes} is not exactly one encoding of this codec's id
   *     and version
   * @throws NullPointerException if {@code bytes} is null
   */
  S decode(byte[] bytes);
}
