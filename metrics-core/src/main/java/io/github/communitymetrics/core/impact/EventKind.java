package io.github.communitymetrics.core.impact;

/** What kind of thing a {@link CommunityEvent} was. Descriptive only: no method treats kinds differently. */
public enum EventKind {
  /** A conference or meetup with talks. */
  CONFERENCE,
  /** A hackathon: people build things together over a day or a few. */
  HACKATHON,
  /** A sprint: a focused period of work on the project, often with newcomers. */
  SPRINT,
  /** A workshop or tutorial that teaches contributing. */
  WORKSHOP,
  /** A release of the project. */
  RELEASE,
  /** A campaign: Hacktoberfest, a call for contributors, a promotion. */
  CAMPAIGN,
  /** Anything else. */
  OTHER
}
