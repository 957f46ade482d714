package io.github.communitymetrics.core.store;

import io.github.communitymetrics.core.event.Forge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forge of each entry of a table, as an index into the table's distinct forges: a byte per
 * entry while there are at most 256 forges (always, in practice: github, gitlab, git), an int per
 * entry beyond.
 */
final class ForgeCodes {
  private final Forge[] forges;
  private final byte[] small;
  private final int[] wide;

  /** The codes of {@code size} entries, entry {@code i}'s forge being {@code forgeOf.apply(i)}. */
  ForgeCodes(int size, java.util.function.IntFunction<Forge> forgeOf) {
    Map<Forge, Integer> ids = new HashMap<>();
    List<Forge> distinct = new ArrayList<>();
    int[] codes = new int[size];
    for (int i = 0; i < size; i++) {
      Forge f = forgeOf.apply(i);
      Integer id = ids.putIfAbsent(f, distinct.size());
      if (id == null) {
        id = distinct.size();
        distinct.add(f);
      }
      codes[i] = id;
    }
    forges = distinct.toArray(new Forge[0]);
    if (forges.length <= 256) {
      small = new byte[size];
      for (int i = 0; i < size; i++) {
        small[i] = (byte) codes[i];
      }
      wide = null;
    } else {
      small = null;
      wide = codes;
    }
  }

  Forge get(int i) {
    return forges[small != null ? small[i] & 0xff : wide[i]];
  }

  long estimatedBytes() {
    // The distinct forges are the shared constants but for forges the source named otherwise.
    return Sizes.array(forges.length, Sizes.REFERENCE)
        + (small != null ? Sizes.array(small.length, 1) : Sizes.array(wide.length, 4));
  }
}
