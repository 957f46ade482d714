package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A member of a truck factor: a developer whose departure, together with the members before
 * them, leaves files without an author.
 *
 * @param name the developer's identity key (the unified author name)
 * @param email the developer's most recent e-mail address; may be empty
 * @param files how many analysed files they author
 * @param share {@code files / filesAnalyzed}, between 0 and 1
 */
public record TruckFactorAuthor(String name, String email, int files, double share) {
  /** Checks the components. */
  public TruckFactorAuthor {
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    Checks.notNegative(files, "files");
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("share must be in [0, 1] but was " + share);
    }
  }
}
