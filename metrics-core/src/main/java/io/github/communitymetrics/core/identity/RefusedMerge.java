package io.github.communitymetrics.core.identity;

import io.github.communitymetrics.core.internal.Checks;

/**
 * Evidence that was not applied because it would have put a bot and a person in one {@link
 * Person}, for example a person who committed with a bot's e-mail address.
 *
 * @param evidence the evidence that was refused
 * @param reason why: which actor is the bot, and the {@link BotDetector} rule that says so
 */
public record RefusedMerge(MergeEvidence evidence, String reason) {
  /** Checks the components. */
  public RefusedMerge {
    Checks.notNull(evidence, "evidence");
    Checks.notBlank(reason, "reason");
  }
}
