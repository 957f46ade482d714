package io.github.communitymetrics.git;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of applying a {@link FileSelection} to the files of a snapshot.
 *
 * @param kept the files analysed, in input order
 * @param excluded each excluded file with the first rule that excluded it, in input order
 */
public record SelectionResult(List<String> kept, Map<String, ExclusionRule> excluded) {

  /** Copies the components (unmodifiable, order kept). */
  public SelectionResult {
    kept = List.copyOf(Objects.requireNonNull(kept, "kept"));
    excluded = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(excluded, "excluded")));
  }

  /** How many files were excluded for each reason; reasons with none are absent. */
  public Map<ExclusionReason, Integer> countsByReason() {
    Map<ExclusionReason, Integer> counts = new EnumMap<>(ExclusionReason.class);
    for (ExclusionRule rule : excluded.values()) {
      counts.merge(rule.reason(), 1, Integer::sum);
    }
    return java.util.Collections.unmodifiableMap(counts);
  }

  /** How many files were examined: kept plus excluded. */
  public int examined() {
    return kept.size() + excluded.size();
  }
}
