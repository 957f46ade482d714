package io.github.communitymetrics.core.metrics.busfactor;

/**
 * What the elephant factor does with a contribution whose author no organisation claims at the
 * contribution's instant (webmail users, people without an enrollment or a mapped domain).
 */
public enum UnaffiliatedPolicy {
  /**
   * Leave it out: shares are of affiliated contributions only, and the result reports how many
   * were left out. The default, because "unaffiliated" is not an organisation a project depends
   * on, and because one bucket for it would often be the largest "organisation" of all.
   */
  LEAVE_OUT,
  /** Count all of them together as one organisation, {@link Organization#unaffiliated()}. */
  ONE_BUCKET,
  /** Count each person as their own organisation, {@link Organization#individual}. */
  EACH_PERSON
}
