package io.github.communitymetrics.core.registry;

/**
 * What a metric's result for one repository can change with, when new events arrive or the as-of
 * instant moves: the declaration {@link IncrementalScores} reads to recompute only the
 * repositories whose results can have changed. A metric declares it with {@link
 * MetricDescriptor#dependencies()}; one that declares nothing depends on {@link #ANY_CHANGE} and
 * is recomputed for every repository after any change, so that a new metric cannot be re-scored
 * wrongly by omission.
 *
 * <p>"An event's place" below is where its instant lies relative to the metric's {@linkplain
 * MetricDescriptor#describedWindow described window}: before it, inside it, or at or after its
 * end. An event <em>changes</em> when it is added or when its place differs under the new window.
 * The actors of an event are its actor and its second actor ({@link
 * io.github.communitymetrics.core.store.EventStore#secondActorIndex}).
 */
public enum Dependency {
  /**
   * The repository's own events inside the described window: the result is recomputed when an
   * event of the repository enters or leaves the window, or is added inside it.
   */
  WINDOW_EVENTS,
  /**
   * The repository's own events before the described window's end, and the place of each (before
   * or inside the window): recomputed when an event of the repository is added before the end,
   * or an event of it changes place.
   */
  HISTORY_EVENTS,
  /**
   * Events in any repository by the people and logins that have events in this one (contributor
   * confidence credits a stargazer's pull requests anywhere), as {@link
   * MetricDescriptor#crossRepositoryReads()} narrows them: recomputed when an event of this
   * repository (of the types it reads through) has an actor who, or whose person or login, has a
   * changed event (of the types it reads) anywhere. With {@link CrossRepositoryReads#ANY}, this
   * covers the repository's own events too.
   */
  OTHER_REPOSITORIES,
  /**
   * Who is who: recomputed when an actor of one of the repository's events changes person (its
   * person's key or members, whose addresses decide an affiliation) or bot flag.
   */
  PEOPLE,
  /**
   * The as-of instant or the window's bounds themselves, beyond the place of each event (an
   * unanswered issue censored at as-of, an age, periods counted back from as-of): every
   * repository is recomputed when the window moves.
   */
  AS_OF,
  /**
   * Anything: every repository is recomputed after any change. What a metric depends on when it
   * declares nothing.
   */
  ANY_CHANGE
}
