package io.github.communitymetrics.core.state;

import io.github.communitymetrics.core.event.Actor;
import io.github.communitymetrics.core.internal.BinaryStateCodec;
import io.github.communitymetrics.core.internal.StateWriter;
import java.util.List;

/**
 * Codecs of values that travel with metric states but are not one metric's state. The codecs
 * of the states themselves come from {@link
 * io.github.communitymetrics.core.metrics.SliceMetric#stateCodec()}.
 */
public final class StateCodecs {
  private static final BinaryStateCodec<List<Actor>> ACTORS =
      BinaryStateCodec.of(
          "actors",
          1,
          (actors, out) -> out.list(actors, StateWriter::actor),
          in -> List.copyOf(in.list("actors", in::actor)));

  private StateCodecs() {}

  /**
   * Lists of actors in their order (duplicates kept), such as the distinct actors of an input
   * that every machine resolves into the same people; id {@code actors}, version 1. Decodes to
   * an unmodifiable list.
   */
  public static StateCodec<List<Actor>> actors() {
    return ACTORS;
  }
}
