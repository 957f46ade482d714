package io.github.communitymetrics.cli.engine;

import io.github.communitymetrics.core.registry.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scored repository or owner.
 *
 * @param name the repository's full name ({@code OWNER/NAME}) or the owner's login
 * @param events how many events of the input belong to it (all of them, not only the window's)
 * @param byMetric each metric's measurements by metric id, in the request's metric order
 */
public record ScoredGroup(String name, long events, Map<String, List<Measurement>> byMetric) {
  /** Checks and copies the fields, keeping the metric order. */
  public ScoredGroup {
    Objects.requireNonNull(name, "name");
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative but was " + events);
    }
    Map<String, List<Measurement>> copy = new LinkedHashMap<>();
    byMetric.forEach((id, m) -> copy.put(Objects.requireNonNull(id, "metric id"), List.copyOf(m)));
    byMetric = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The name of a repository's group: its full name, or, when another repository held the same
   * name (one deleted, another created under it: two ids), {@code owner/name (id N)}, or {@code
   * owner/name (no id)}. Every engine names its rows by this one rule.
   *
   * @param nameShared whether another repository of the input has the same full name
   */
  public static String nameOf(io.github.communitymetrics.core.event.Repository repository, boolean nameShared) {
    String name = repository.fullName();
    if (!nameShared) {
      return name;
    }
    return name + (repository.id().isPresent() ? " (id " + repository.id().getAsLong() + ")" : " (no id)");
  }
}
