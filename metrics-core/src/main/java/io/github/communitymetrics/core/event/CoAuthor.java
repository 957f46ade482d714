package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;

/**
 * A person credited by a {@code Co-authored-by: Name <email>} trailer.
 *
 * @param name the name in the trailer (may be empty)
 * @param email the e-mail address in the trailer (may be empty)
 */
public record CoAuthor(String name, String email) {
  /** Checks the components. */
  public CoAuthor {
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    Checks.argument(!(name.isBlank() && email.isBlank()), "a co-author needs a name or an e-mail");
  }
}
