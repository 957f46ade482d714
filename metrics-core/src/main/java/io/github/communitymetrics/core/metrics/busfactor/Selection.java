package io.github.communitymetrics.core.metrics.busfactor;

import io.github.communitymetrics.core.metrics.RepositoryScope;
import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.metrics.ContributionType;
import io.github.communitymetrics.core.time.Window;

/**
 * Which contributions a metric counts: their type, the time window, the repositories and whether
 * bots count. Reported with every result, as the parameters it was computed with.
 *
 * <p>Credit follows {@link ContributionType}: an event credits its actor, and a merged pull
 * request credits the pull request's author: {@code PullRequestMerged.author()} when present,
 * else the actor of the {@code PullRequestOpened} with the same repository and number anywhere in
 * the data (any time, in scope), else nobody: such merges are counted as skipped in the result.
 *
 * @param type which events count
 * @param window when: an event counts when {@code window.start() <= at < window.end()}
 * @param scope which repositories
 * @param includeBots whether bots' contributions count (people the identity resolution marked as
 *     bots, see {@link io.github.communitymetrics.core.identity.BotDetector}); {@code false} by
 *     default in every preset
 */
public record Selection(
    ContributionType type, Window window, RepositoryScope scope, boolean includeBots) {

  /** Checks the components. */
  public Selection {
    Checks.notNull(type, "type");
    Checks.notNull(window, "window");
    Checks.notNull(scope, "scope");
  }

  /** {@code type} over {@code window} in every repository, bots excluded. */
  public static Selection of(ContributionType type, Window window) {
    return new Selection(type, window, RepositoryScope.all(), false);
  }

  /** This selection with another contribution type. */
  public Selection withType(ContributionType value) {
    return new Selection(value, window, scope, includeBots);
  }

  /** This selection with another window. */
  public Selection withWindow(Window value) {
    return new Selection(type, value, scope, includeBots);
  }

  /** This selection with another repository scope. */
  public Selection withScope(RepositoryScope value) {
    return new Selection(type, window, value, includeBots);
  }

  /** This selection with bots counted ({@code true}) or left out ({@code false}). */
  public Selection withBots(boolean value) {
    return new Selection(type, window, scope, value);
  }
}
