package io.github.communitymetrics.core.metrics.governance;

import io.github.communitymetrics.core.event.Repository;
import java.util.Locale;

/** How a parameter's word names a repository: by owner/name or by name alone, ignoring case. */
final class RepositoryWords {
  private RepositoryWords() {}

  /** Whether {@code word} (lower case) names {@code r}. */
  static boolean names(String word, Repository r) {
    String full = r.fullName().toLowerCase(Locale.ROOT);
    return word.equals(full) || word.equals(full.substring(full.indexOf('/') + 1));
  }
}
