package io.github.communitymetrics.core.metrics.truckfactor;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A developer as the authorship model identifies one: by the key the caller credits changes to
 * (the author name after alias unification, as in Avelino et al.), with an e-mail address for
 * display.
 *
 * @param name the identity key, usually the unified author name; may be empty, as git allows
 * @param email the most recent e-mail address seen with this key; may be empty
 */
public record Developer(String name, String email) {
  /** Checks the components. */
  public Developer {
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
  }
}
