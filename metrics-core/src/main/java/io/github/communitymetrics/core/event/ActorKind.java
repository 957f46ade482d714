package io.github.communitymetrics.core.event;

/** What kind of account acted. */
public enum ActorKind {
  /** A person, or an account the forge does not mark otherwise. */
  USER,
  /** An automated account: a forge-declared bot, an app, or one recognised by bot detection. */
  BOT,
  /** An organisation or group account. */
  ORGANIZATION
}
