package io.github.communitymetrics.core.event;

import io.github.communitymetrics.core.internal.Checks;
import java.time.Instant;

/**
 * A git author or committer line: who and when. Git allows an empty name or e-mail address, so
 * both may be empty strings (never null).
 *
 * @param name the name as recorded in the commit
 * @param email the e-mail address as recorded in the commit
 * @param time when, at the precision git records (seconds), within the {@linkplain EventTimes
 *     supported range}
 */
public record Signature(String name, String email, Instant time) {
  /** Checks the components. */
  public Signature {
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    EventTimes.check(time, "time");
  }
}
