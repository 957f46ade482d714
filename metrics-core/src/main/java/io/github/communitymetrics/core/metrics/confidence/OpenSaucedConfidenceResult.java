package io.github.communitymetrics.core.metrics.confidence;

import io.github.communitymetrics.core.event.Repository;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.confidence.OpenSaucedConfidence.WeightedLogin;
import io.github.communitymetrics.core.time.Window;
import java.util.List;

/**
 * OpenSauced's contributor confidence of a repository, with its evidence.
 *
 * @param repository the repository
 * @param window the window used
 * @param confidence the score, 0 to 1 (at most 0.5 when one side is empty)
 * @param percent {@code floor(100 * confidence)}, from the exact decimal value
 * @param level how OpenSauced reads the percent
 * @param stargazers |S|: distinct logins that starred in the window
 * @param forkers |F|: distinct logins that forked in the window
 * @param stargazerWeight the sum of the stargazers' weights
 * @param forkerWeight the sum of the forkers' weights
 * @param countedStargazers the stargazers with a positive weight, by login
 * @param countedForkers the forkers with a positive weight, by login
 */
public record OpenSaucedConfidenceResult(
    Repository repository,
    Window window,
    double confidence,
    int percent,
    ConfidenceLevel level,
    int stargazers,
    int forkers,
    double stargazerWeight,
    double forkerWeight,
    List<WeightedLogin> countedStargazers,
    List<WeightedLogin> countedForkers) {
  /** Checks the components and copies the lists. */
  public OpenSaucedConfidenceResult {
    Checks.notNull(repository, "repository");
    Checks.notNull(window, "window");
    Checks.notNull(level, "level");
    countedStargazers = List.copyOf(countedStargazers);
    countedForkers = List.copyOf(countedForkers);
  }

  /**
   * Whether anyone starred or forked in the window. Without a stargazer or forker the score,
   * its percent and its level have no value: the 0 of {@link #confidence()} is the formula's
   * result on empty sets, not a measured confidence.
   */
  public boolean hasEvidence() {
    return stargazers + forkers > 0;
  }
}
