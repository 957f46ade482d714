package io.github.communitymetrics.core.metrics.forks;

import io.github.communitymetrics.core.internal.Checks;
import java.util.List;
import java.util.Locale;

/** Whether the data holds the forks' own events, as the parameter says or as detected. */
public enum ForkEvents {
  /** Detect: present when any known fork has an event of its own in the data. */
  AUTO,
  /** The caller says the data holds every repository's events (GH Archive). */
  PRESENT,
  /** The caller says it does not (a forge's REST API read for the upstream only). */
  ABSENT;

  /** The value of the {@code forkEvents} parameter: {@code auto}, {@code present} or {@code absent}. */
  static ForkEvents of(List<String> words) {
    Checks.argument(words.size() == 1, "forkEvents must be one of auto, present, absent: " + words);
    for (ForkEvents f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(words.get(0))) {
        return f;
      }
    }
    throw new IllegalArgumentException("forkEvents must be one of auto, present, absent: " + words.get(0));
  }
}
