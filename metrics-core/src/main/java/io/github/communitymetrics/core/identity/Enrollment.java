package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.internal.Checks;
import io.github.communitymetrics.core.time.Window;

/**
 * A statement that someone worked for an organisation during a period, for example from an
 * employee list or a contributor's own declaration.
 *
 * @param identity a login (any forge) or an e-mail address of the person, compared ignoring case
 *     and surrounding spaces
 * @param organization the organisation's name, as it should be reported
 * @param period when: start inclusive, end exclusive ({@link Window#ALL} for always)
 */
public record Enrollment(String identity, String organization, Window period) {
  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a string is blank
   */
  public Enrollment {
    Checks.notBlank(identity, "identity");
    Checks.notBlank(organization, "organization");
    Checks.notNull(period, "period");
  }
}
